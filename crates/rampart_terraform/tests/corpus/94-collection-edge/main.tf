# Collection functions at their edges: merge with an empty map, one of an
# empty set, setproduct of sets, flatten of nested tuples with empty lists,
# range with a negative step, sort of number-like strings, distinct and
# contains on objects, slice to the end, zipmap, lookup on nested maps,
# coalescelist, reverse of a set converted to a list, keys of an empty map.
locals {
  out = {
    merge_empty = merge({}, { a = 1 }, {})
    one_empty   = one(toset([])) == null
    product     = setproduct(toset(["b", "a"]), toset(["y", "x"]))
    flat        = flatten([[], [[], ["a"]], "b", [["c", ["d"]]]])
    range_neg   = range(10, 0, -3)
    range_frac  = range(0, 1, 0.25)
    sort_nums   = sort(["10", "9", "100", "1"])
    distinct    = distinct([{ a = 1 }, { a = 1 }, { a = 2 }])
    contains    = contains([{ a = 1 }, { b = 2 }], { b = 2 })
    slice_end   = slice(["a", "b", "c"], 1, 3)
    zipmap      = zipmap(["x", "y"], [[1], [2, 3]])
    lookup_nest = lookup({ a = { b = "c" } }, "a", {}).b
    coalesce_l  = coalescelist([], [], ["z"])
    rev_set     = reverse(tolist(toset(["b", "c", "a"])))
    keys_empty  = keys({})
    index_num   = index([1, 2, 3], 2)
    concat_mix  = concat(["a"], tolist(["b"]), [])
  }
}

resource "aws_sns_topic" "t" {
  name = "collection-edge"
  tags = { for k, v in local.out : k => jsonencode(v) }
}
