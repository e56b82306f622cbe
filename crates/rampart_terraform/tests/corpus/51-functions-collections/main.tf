# Collection functions: length, concat, contains, distinct, flatten, keys,
# values, lookup, element, index, slice, sort, reverse, set operations,
# setproduct, zipmap, transpose, range, chunklist, compact, coalescelist.
locals {
  l = ["b", "a", "c", "a"]
  m = { x = 1, y = 2 }
  out = {
    length     = length(local.l)
    concat     = concat(local.l, ["d"])
    contains   = contains(local.l, "c")
    distinct   = distinct(local.l)
    flatten    = flatten([["a"], [["b", "c"]], []])
    keys       = keys(local.m)
    values     = values(local.m)
    lookup     = lookup(local.m, "z", 0)
    element    = element(local.l, 5)
    index      = index(local.l, "c")
    slice      = slice(local.l, 1, 3)
    sort       = sort(local.l)
    reverse    = reverse(local.l)
    union      = setunion(["a", "b"], ["c", "a"])
    inter      = setintersection(["a", "b"], ["b", "c"])
    subtract   = setsubtract(["a", "b"], ["b"])
    product    = setproduct(["x", "y"], [1, 2])
    zipmap     = zipmap(["k1", "k2"], ["v1", "v2"])
    transpose  = transpose({ a = ["1", "2"], b = ["2"] })
    range      = range(1, 10, 3)
    chunklist  = chunklist([1, 2, 3, 4, 5], 2)
    compact    = compact(["a", "", "b"])
    coalescel  = coalescelist([], ["z"])
    matchkeys  = matchkeys(["i1", "i2"], ["us", "eu"], ["eu"])
    merge_list = merge([{ a = 1 }, { b = 2 }]...)
  }
}

resource "aws_sns_topic" "t" {
  name = "collections"
  tags = { for k, v in local.out : k => jsonencode(v) }
}
