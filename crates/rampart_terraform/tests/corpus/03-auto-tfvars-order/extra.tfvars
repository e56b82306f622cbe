d = "extra-file"
e = "extra-file"
