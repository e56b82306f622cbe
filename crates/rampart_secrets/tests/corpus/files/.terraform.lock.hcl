# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version = "5.100.0"
  hashes = [
    "h1:FGMcJQvJQnmFEjv1hVNvQEJKJhrqXLoAInq4IbEC0/s=",
    "zh:e711e477e1b4e4899cb63ff64421d70306b72efa44d070a77941fd957907daa6",
    "zh:d1abf61120b12394d6ec010d2cead40438da8236f449018cc351b61e9dc2b1cf",
    "zh:1da038b5e407f041e0a3ef8f08e252092a495918b7cb1c9f637e9f69f97dd7db",
  ]
}
provider "registry.terraform.io/hashicorp/random" {
  version = "5.100.0"
  hashes = [
    "h1:TQYNKY5qu1+w3SppHDSmJRJuhPL9osYVI189WUA0CLg=",
    "zh:7061e259581d7d30ee7b576caf2f1c5750e8b09cf85b975ad7ec07904bf28b9d",
    "zh:00b2fc8a143903ae6d4d9a81e358d06325a6dd1714a383f7df6daf73d654fb3b",
    "zh:96e5bf407eab56e091144c9f5f4892b58a2c2f38254260df5ed65bdbe00e67ea",
  ]
}
provider "registry.terraform.io/hashicorp/tls" {
  version = "5.100.0"
  hashes = [
    "h1:s1ZNrYdlWNOICP1nSBGTXPX25vFjrqzmzu77SmeoyCE=",
    "zh:2fb54885f34aaa8ed8491433f5b737d2ac6d6c6caf5c03959c0c0e2cfe6a7b39",
    "zh:66e5777471a5288d5438dd0bb6a396b27630bd0dc7a7e276588c754ab3f52cb5",
    "zh:ea8ae8fc54577e9f2c24da851e13884e54c00717aa55d2ba8c59485be4ba2d5e",
  ]
}
provider "registry.terraform.io/hashicorp/azurerm" {
  version = "5.100.0"
  hashes = [
    "h1:0/7SzzrtLs+CjXUXEryhfdz20qHstrGSBSuddco77hE=",
    "zh:7a2072771d168cfcd02f1f246030a207f3d8a9505aad9242a8feb9a7075ce35b",
    "zh:e88b3a3961e6908117b9a3e7067208f622a93bfd47bf525c9a29d006ac03c27b",
    "zh:1ec860922120b588c559577f6c57f5156d147ab5005fce1a43cd299e630c2b45",
  ]
}
