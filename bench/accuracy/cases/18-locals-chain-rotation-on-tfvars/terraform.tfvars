tier = "prod"
