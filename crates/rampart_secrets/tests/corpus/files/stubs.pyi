    password: Incomplete
    private_key: str | None
TOKEN_ALL_ACCESS: int
    sasl_credentials: Incomplete
