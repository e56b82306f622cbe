environment = "staging"
extra_tags = {
  CostCenter = "1234"
}
