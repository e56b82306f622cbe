# Equality looks inside objects and tuples: an attribute or element that is a
# list on one side and a tuple on the other makes them unequal, also against a
# declared object type; equal shapes still compare by value.
variable "net" {
  type = object({
    cidrs = list(string)
    name  = string
    tags  = map(string)
  })
  default = {
    cidrs = ["10.0.0.0/16"]
    name  = "main"
    tags  = { env = "dev" }
  }
}

variable "pair" {
  type    = tuple([list(string), string])
  default = [["a"], "b"]
}

locals {
  listy = { a = tolist([1]) }
  out = {
    obj_list_vs_tuple   = { a = tolist([1]) } == { a = [1] }
    obj_tuple_vs_tuple  = { a = [1] } == { a = [1] }
    obj_list_vs_list    = { a = tolist([1]) } == { a = tolist([1]) }
    tuple_nested        = [tolist(["x"])] == [["x"]]
    tuple_nested_same   = [["x"]] == [["x"]]
    var_obj_vs_literal  = var.net == { cidrs = ["10.0.0.0/16"], name = "main", tags = { env = "dev" } }
    var_obj_vs_typed    = var.net == { cidrs = tolist(["10.0.0.0/16"]), name = "main", tags = tomap({ env = "dev" }) }
    var_tuple_vs_lit    = var.pair == [["a"], "b"]
    var_tuple_vs_typed  = var.pair == [tolist(["a"]), "b"]
    local_nested        = local.listy == { a = [1] }
    local_nested_same   = local.listy == { a = tolist([1]) }
    deep                = { x = { y = tolist([]) } } == { x = { y = [] } }
  }
}

resource "aws_sns_topic" "t" {
  name = "nested-equality"
  tags = { for k, v in local.out : k => tostring(v) }
}

provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
