from_tfvars = "tfvars"
from_auto   = "tfvars"
listy       = [1, true, "x"]
not_null    = null
