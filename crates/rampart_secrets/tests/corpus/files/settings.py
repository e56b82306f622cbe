import os
SECRET_KEY = "bgh4weTe542rwky!1pyrF+q2O2ulCp0FD7LuumXALr0ZBQ=!TY"
DATABASE_PASSWORD = '5Yvp0CKaJ!fe4jOV'
STRIPE_API_KEY = "sk_live_EdbSZqKvXZnDzUNcnbS0WKHh"
OPENAI_API_KEY = "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"
ANTHROPIC_API_KEY = "sk-ant-api03-xvUmXPdfcD-DNPS3jNYf1K7qtRU6VgTI3JvXXmN1GwhKfw73KTX7WOQKDhCvig9K8ZPPNEzeHaZctm-5_puigJMrQQ_3VAA"
client = Client(token="xoxb-74292753942-5575483760791-gmkcgyhoZ6asMx60sWqIcCqs")
engine = create_engine("postgresql://etl:Dn4ny-O17mODxn9w@warehouse.internal/dw")
PASSWORD = os.environ["PASSWORD"]
API_KEY = os.getenv("API_KEY")
token = get_token()
password = self.password
DB_PASSWORD = config('DB_PASSWORD')
query = "SELECT * FROM users WHERE password = %(password)s"
secret = settings.SECRET_KEY
if password == "": raise ValueError
def check_password(password: str) -> bool:
    pass
TOKEN_URL = "https://oauth2.googleapis.com/token"
PASSWORD_RESET_TIMEOUT = 259200
password_hash = bcrypt.hashpw(password, bcrypt.gensalt())
ACCESS_TOKEN_EXPIRE_MINUTES = 30
COMMIT = "9cc2eb94dd057af82843af6a5da96e98fc8063f9"
ICON = "data:image/png;base64,iVBORw0KGgoY+twAAA39VGyWU6mbD0NzY9CIlWuhhRq4YoZTgrBqAWDbpJuFSyF0iYhqoXD9a8FVK40ZchBVQP2xO64nfQqf/e9eTejddqQPWNRr0XJQ/uR6T6zTBSH8q1JqRV0kLM4lhVmq4Wfqi/yexP9uCKSWD9FUv9Emk4R7oZ/9oyzz1mA7GQMB2ndSd6BFOEIyt26UCZkFDKZL6OqnICoWnBedghixk4Nyo50EjRSahYb158UGsCyDdn5zo9jaGfOjBqgynnSf06pdMLizNZwNwdVYeJH558/YUlS42T5FPlfcjYU/c4/kQyItxI16pCBlKqCpk9YP78kUi2e5xBOObE4TWPQ+x+wjTSeNzDbH3elpnm7MoMS+C8FX6RnE6ExW7cTugzDXvhlQvEnEkCq"
ssh_key = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host'
jwt_unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."
blob = "eyJhdXRocyI6e319J5oIldKIVvJxiRfjcGZQwXEBl68oxAHRZfYwKynp"
