# Template edge cases: directives at line starts in heredocs with and without
# strip markers, an if without else, nested for with index, literal $${ and
# %%{ inside heredocs, interpolation of a bool and a number.
variable "envs" {
  default = { dev = 1, prod = 3 }
}

locals {
  doc = <<-EOT
    [envs]
    %{ for name, n in var.envs ~}
    ${name} = ${n}
    %{ if n > 1 ~}
    ${name}_multi = true
    %{ endif ~}
    %{ endfor ~}
    literal = $${not_interpolated} %%{not_a_directive}
  EOT
  inline = "%{ for i, e in keys(var.envs) }${i}:${e}%{ if i == 0 }, %{ endif }%{ endfor }"
  mixed  = "${true}/${3.5}/${null == null}"
}

resource "aws_sns_topic" "t" {
  name = "template-edge"
  tags = {
    Doc    = local.doc
    Inline = local.inline
    Mixed  = local.mixed
  }
}
