motd = <<-EOT
  Welcome
    to the cluster
EOT
cluster = {
  name = "main"
  nodes = [
    { size = "m5.large", count = "3" },
    { size = "m5.xlarge", count = 2 },
  ]
  tags = { Team = "infra" }
}
