module "a" {
  source = "./modules/a"
  count  = 2
  name   = "a${count.index}"
}

output "all" {
  value = module.a[*].names
}

resource "aws_s3_bucket" "uses" {
  bucket = module.a[1].names["k2"]
  tags   = { all = join(",", flatten(module.a[*].ids)) }
}
