# Equality against declared types: a list(string) variable never equals the
# tuple `[]`, a map(string) variable never equals `{}`, through locals and
# object attributes too; count built on such a test; comparisons that do hold.
variable "cidrs" {
  type    = list(string)
  default = []
}

variable "labels" {
  type    = map(string)
  default = {}
}

variable "net" {
  type = object({
    subnets = list(string)
    tags    = map(string)
    name    = string
  })
  default = {
    subnets = ["10.0.1.0/24"]
    tags    = { env = "dev" }
    name    = "main"
  }
}

variable "loose" {
  default = []
}

locals {
  cidrs      = var.cidrs
  as_list    = tolist(["a"])
  as_tuple   = ["a"]
  from_split = split(",", "a,b")
  out = {
    list_var_empty   = var.cidrs == []
    list_var_ne      = var.cidrs != []
    map_var_empty    = var.labels == {}
    local_chain      = local.cidrs == []
    length_test      = length(var.cidrs) == 0
    obj_attr_list    = var.net.subnets == ["10.0.1.0/24"]
    obj_attr_map     = var.net.tags == { env = "dev" }
    obj_attr_str     = var.net.name == "main"
    list_list        = local.as_list == tolist(["a"])
    list_tuple_local = local.as_list == local.as_tuple
    split_tuple      = local.from_split == ["a", "b"]
    split_list       = local.from_split == tolist(["a", "b"])
    untyped_var      = var.loose == []
    for_vs_tuple     = [for s in ["a"] : s] == ["a"]
    for_vs_list      = [for s in ["a"] : s] == tolist(["a"])
    obj_for          = { for k in ["a"] : k => 1 } == { a = 1 }
    map_for          = { for k in ["a"] : k => 1 } == tomap({ a = 1 })
  }
}

resource "aws_sns_topic" "t" {
  count = var.cidrs == [] ? 0 : 1
  name  = "never-created"
}

resource "aws_sns_topic" "u" {
  count = length(var.cidrs) == 0 ? 1 : 0
  name  = "created"
  tags  = { for k, v in local.out : k => tostring(v) }
}

provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
