# File functions: file(), fileexists(), filebase64(), filemd5()/filesha256(),
# fileset() and basename()/dirname() over path.module.
locals {
  files = fileset(path.module, "conf/*.txt")
}

resource "aws_sns_topic" "t" {
  name = "files"
  tags = {
    A       = trimspace(file("${path.module}/conf/a.txt"))
    Exists  = fileexists("${path.module}/conf/a.txt")
    Missing = fileexists("${path.module}/conf/zzz.txt")
    B64     = filebase64("${path.module}/conf/b.txt")
    Md5     = filemd5("${path.module}/conf/a.txt")
    Sha     = filesha256("${path.module}/conf/b.txt")
    Set     = join(",", local.files)
    Base    = join(",", [for f in local.files : basename(f)])
    Dir     = dirname("conf/a.txt")
  }
}
