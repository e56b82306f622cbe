# Module edges: a source path with a trailing slash, an output holding a whole
# resource object (known and unknown attributes read at the root), an output
# from a resource with count = 0 through try(), type conversion of inputs
# (number to string, tuple to set), a for_each module keyed by a set.
module "store" {
  source  = "./modules/store/"
  name    = 42
  readers = ["b", "a", "b"]
  enable  = false
}

module "each" {
  for_each = toset(["x", "y"])
  source   = "./modules/store"
  name     = "each-${each.key}"
  readers  = [each.value]
  enable   = each.key == "x"
}

resource "aws_sns_topic" "t" {
  name = "module-edge"
  tags = {
    BucketName = module.store.bucket.bucket
    BucketArn  = module.store.bucket.arn
    Optional   = coalesce(module.store.optional_name, "none")
    EachOpt    = join(",", [for k, m in module.each : "${k}=${coalesce(m.optional_name, "none")}"])
    Readers    = join(",", module.store.readers)
  }
}
