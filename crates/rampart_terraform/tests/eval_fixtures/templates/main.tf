locals {
  users = ["ann", "bob"]
  doc   = <<-EOT
    users:
    %{~ for u in local.users }
      - ${u}
    %{~ endfor }
    done
  EOT
  rendered = templatefile("${path.module}/t.tpl", { name = "world", items = [1, 2] })
}

resource "local_file" "f" {
  content  = local.doc
  other    = local.rendered
  filename = "${path.module}/out.txt"
}
