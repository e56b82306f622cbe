c = "b.auto"
d = "b.auto"
e = "b.auto"
