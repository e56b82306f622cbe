# Deterministic date functions: formatdate with many layouts, timeadd with
# positive and negative durations, timecmp.
locals {
  t = "2024-02-28T22:30:05Z"
  out = {
    iso      = formatdate("YYYY-MM-DD'T'hh:mm:ssZ", local.t)
    human    = formatdate("EEEE, DD MMM YYYY", local.t)
    short    = formatdate("EEE D/M/YY h:mm AA", local.t)
    leap     = timeadd(local.t, "2h")
    back     = timeadd(local.t, "-1h30m")
    offset   = formatdate("hh:mm ZZZZZ", "2024-01-01T10:00:00+05:30")
    cmp_lt   = timecmp("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")
    cmp_eq   = timecmp("2024-01-01T05:00:00+05:00", "2024-01-01T00:00:00Z")
  }
}

resource "aws_sns_topic" "t" {
  name = "dates"
  tags = { for k, v in local.out : k => tostring(v) }
}
