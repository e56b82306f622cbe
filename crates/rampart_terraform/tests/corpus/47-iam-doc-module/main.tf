# Policy documents inside a module (for_each over the module), the rendered
# JSON passed out as an output and attached at the root.
module "role" {
  for_each = {
    reader = ["s3:GetObject", "s3:ListBucket"]
    writer = ["s3:PutObject"]
  }
  source  = "./modules/role"
  name    = each.key
  actions = each.value
}

resource "aws_iam_policy" "p" {
  for_each = module.role
  name     = "policy-${each.key}"
  policy   = each.value.policy_json
}
