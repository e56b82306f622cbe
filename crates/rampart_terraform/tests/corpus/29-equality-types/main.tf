# Equality depends on types: tuple vs list, object vs map, number vs string,
# null comparisons, set equality ignoring order, nested structures.
locals {
  out = {
    tuple_tuple = [1, 2] == [1, 2]
    list_tuple  = tolist([1, 2]) == [1, 2]
    list_list   = tolist([1, 2]) == tolist([1, 2])
    obj_obj     = { a = 1 } == { a = 1 }
    map_obj     = tomap({ a = 1 }) == { a = 1 }
    map_map     = tomap({ a = "1" }) == tomap({ a = "1" })
    num_str     = 1 == "1"
    str_str     = "1" == "1"
    null_null   = null == null
    null_str    = null == ""
    set_order   = toset(["a", "b"]) == toset(["b", "a"])
    nested      = { a = [1, { b = true }] } == { a = [1, { b = true }] }
    neq_types   = [1] != tolist([1])
    bool_str    = true == "true"
  }
}

resource "aws_sns_topic" "t" {
  name = "equality"
  tags = { for k, v in local.out : k => tostring(v) }
}
