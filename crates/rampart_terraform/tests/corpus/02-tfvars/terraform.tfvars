bucket = "rampart-from-tfvars"
force  = true
tags = {
  Env   = "prod"
  Owner = "sec"
}
names = ["one", "two", "three"]
