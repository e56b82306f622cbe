label = "hcl"
