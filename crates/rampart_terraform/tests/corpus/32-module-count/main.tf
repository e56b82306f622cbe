# count on a module call (module.x[0]), a module disabled with count = 0,
# outputs of counted modules used with an index and a splat.
module "topic" {
  count  = 2
  source = "./modules/topic"
  name   = "counted-${count.index}"
}

module "disabled" {
  count  = 0
  source = "./modules/topic"
  name   = "never"
}

resource "aws_sqs_queue" "q" {
  name = "${module.topic[1].name}-q"
  tags = {
    All = join(",", module.topic[*].name)
  }
}
