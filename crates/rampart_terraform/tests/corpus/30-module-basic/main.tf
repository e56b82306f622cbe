# A local module with inputs (one defaulted), an output used by a root
# resource, and the module's resources addressed under module.<name>.
module "orders" {
  source = "./modules/queue"
  name   = "orders"
  delay  = 10
}

module "defaults" {
  source = "./modules/queue"
  name   = "defaults"
}

resource "aws_sns_topic" "t" {
  name = "${module.orders.queue_name}-topic"
  tags = {
    QueueArn = module.orders.queue_arn
    Delay    = module.defaults.delay
  }
}
