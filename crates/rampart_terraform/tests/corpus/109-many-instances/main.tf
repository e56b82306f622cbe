# Many instances: count = 40 and for_each over 30 generated keys, with
# values derived from the index and key (ordering and performance).
resource "aws_sqs_queue" "c" {
  count         = 40
  name          = format("many-%03d", count.index)
  delay_seconds = count.index % 7
}

resource "aws_sns_topic" "e" {
  for_each = { for i in range(30) : format("k%02d", i) => i * i }
  name     = "many-${each.key}"
  tags     = { Square = each.value, Odd = each.value % 2 == 1 }
}
