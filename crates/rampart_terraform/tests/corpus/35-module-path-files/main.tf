# path.module inside a module with file() and templatefile() reading the
# module's own files; path.module and path.root at the root.
module "cfg" {
  source = "./modules/cfg"
  app    = "billing"
  ports  = [80, 443]
}

resource "aws_sns_topic" "root" {
  name = "paths"
  tags = {
    Module = path.module
    Root   = path.root
    Greet  = trimspace(file("${path.module}/greeting.txt"))
  }
}
