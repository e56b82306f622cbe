# Equality and element types: tolist([]) / tomap({}) / toset([]) have no
# element type yet, so they never equal a list(string) / map(string) /
# set(string) variable, even an empty one; typed collections with the same
# elements are equal; a list(any) variable still compares by value.
variable "l" {
  type    = list(string)
  default = []
}

variable "m" {
  type    = map(string)
  default = {}
}

variable "s" {
  type    = set(string)
  default = []
}

variable "n" {
  type    = list(number)
  default = [1]
}

variable "anyl" {
  type    = list(any)
  default = ["x"]
}

locals {
  out = {
    list_vs_empty_tolist = var.l == tolist([])
    map_vs_empty_tomap   = var.m == tomap({})
    set_vs_empty_toset   = var.s == toset([])
    empty_vs_empty       = tolist([]) == tolist([])
    list_vs_itself       = var.l == tolist(var.l)
    numbers_vs_tolist    = var.n == tolist([1])
    numbers_vs_strings   = var.n == tolist(["1"])
    length_test          = length(var.l) == 0
    any_vs_tolist        = var.anyl == tolist(["x"])
    nested_empty         = { a = var.l } == { a = tolist([]) }
  }
}

resource "aws_sns_topic" "t" {
  name = "element-types"
  tags = { for k, v in local.out : k => tostring(v) }
}

provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
