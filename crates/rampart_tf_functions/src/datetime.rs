//! Date and time functions: formatdate timeadd timecmp. `timestamp` and
//! `plantimestamp` depend on the clock at plan/apply time and are reported
//! as not knowable.

use rampart_model::Value;

use crate::args::{arg, bad_param, invalid, want_str, R};
use crate::{FnCtx, FnError};

/// A parsed RFC 3339 timestamp: seconds since the epoch (UTC), nanoseconds,
/// and the offset it was written with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Stamp {
    secs: i64,
    nanos: u32,
    offset: i32,
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(s: &[u8], from: usize, n: usize) -> Option<i64> {
    let part = s.get(from..from + n)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(part.iter().fold(0i64, |a, b| a * 10 + i64::from(b - b'0')))
}

fn not_rfc3339(s: &str) -> FnError {
    invalid(format!(
        "Invalid function argument: not a valid RFC3339 timestamp: cannot use {s:?} as a timestamp"
    ))
}

/// Parse `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
pub(crate) fn parse(s: &str) -> Result<Stamp, FnError> {
    let b = s.as_bytes();
    let bad = || not_rfc3339(s);
    let year = digits(b, 0, 4).ok_or_else(bad)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(bad());
    }
    let month = digits(b, 5, 2).ok_or_else(bad)?;
    let day = digits(b, 8, 2).ok_or_else(bad)?;
    if b.get(10) != Some(&b'T') {
        return Err(bad());
    }
    let hour = digits(b, 11, 2).ok_or_else(bad)?;
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return Err(bad());
    }
    let min = digits(b, 14, 2).ok_or_else(bad)?;
    let sec = digits(b, 17, 2).ok_or_else(bad)?;
    let mut i = 19;
    let mut nanos: u32 = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
        let frac = s.get(start..i).unwrap_or("");
        let mut padded: String = frac.chars().take(9).collect();
        while padded.len() < 9 {
            padded.push('0');
        }
        nanos = padded.parse().map_err(|_| bad())?;
    }
    let offset = match b.get(i) {
        Some(b'Z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() => {
            let oh = digits(b, i + 1, 2).ok_or_else(bad)?;
            if b.get(i + 3) != Some(&b':') {
                return Err(bad());
            }
            let om = digits(b, i + 4, 2).ok_or_else(bad)?;
            if oh > 23 || om > 59 {
                return Err(bad());
            }
            let o = (oh * 3600 + om * 60) as i32;
            if *sign == b'-' {
                -o
            } else {
                o
            }
        }
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&month)
        || day < 1
        || day > month_days(year, month)
        || hour > 23
        || min > 59
        || sec > 59
    {
        return Err(bad());
    }
    let local = days_from_civil(year, month, day) * 86_400 + hour * 3600 + min * 60 + sec;
    Ok(Stamp {
        secs: local - i64::from(offset),
        nanos,
        offset,
    })
}

struct Parts {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    weekday: i64,
}

fn parts(t: &Stamp) -> Parts {
    let local = t.secs + i64::from(t.offset);
    let days = local.div_euclid(86_400);
    let rem = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Parts {
        year,
        month,
        day,
        hour: rem / 3600,
        min: (rem % 3600) / 60,
        sec: rem % 60,
        weekday: (days + 4).rem_euclid(7),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn offset_text(offset: i32, colon: bool) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.abs();
    if colon {
        format!("{sign}{:02}:{:02}", o / 3600, (o % 3600) / 60)
    } else {
        format!("{sign}{:02}{:02}", o / 3600, (o % 3600) / 60)
    }
}

/// RFC 3339 text of a timestamp, seconds only, as Go's `time.RFC3339`.
fn rfc3339(t: &Stamp) -> String {
    let p = parts(t);
    let zone = if t.offset == 0 {
        "Z".to_string()
    } else {
        offset_text(t.offset, true)
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{zone}",
        p.year, p.month, p.day, p.hour, p.min, p.sec
    )
}

pub(crate) fn formatdate(a: &[Value], _: &FnCtx<'_>) -> R {
    let spec = want_str(arg(a, 0), "spec")?;
    let ts = want_str(arg(a, 1), "timestamp")?;
    let t = parse(&ts)?;
    let p = parts(&t);
    let chars: Vec<char> = spec.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\'' {
            // Quoted literal; '' is a literal quote.
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => {
                        return Err(bad_param("spec", "unterminated literal '"));
                    }
                    Some('\'') if chars.get(j + 1) == Some(&'\'') => {
                        out.push('\'');
                        j += 2;
                    }
                    Some('\'') => {
                        j += 1;
                        break;
                    }
                    Some(&x) => {
                        out.push(x);
                        j += 1;
                    }
                }
            }
            i = j;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        let hour12 = if p.hour % 12 == 0 { 12 } else { p.hour % 12 };
        let piece = match (c, n) {
            ('Y', 4) => format!("{:04}", p.year),
            ('Y', 2) => format!("{:02}", p.year.rem_euclid(100)),
            ('M', 4) => MONTHS
                .get((p.month - 1) as usize)
                .unwrap_or(&"")
                .to_string(),
            ('M', 3) => MONTHS
                .get((p.month - 1) as usize)
                .map(|m| m.chars().take(3).collect())
                .unwrap_or_default(),
            ('M', 2) => format!("{:02}", p.month),
            ('M', 1) => p.month.to_string(),
            ('D', 2) => format!("{:02}", p.day),
            ('D', 1) => p.day.to_string(),
            ('E', 4) => DAYS.get(p.weekday as usize).unwrap_or(&"").to_string(),
            ('E', 3) => DAYS
                .get(p.weekday as usize)
                .map(|d| d.chars().take(3).collect())
                .unwrap_or_default(),
            ('h', 2) => format!("{:02}", p.hour),
            ('h', 1) => p.hour.to_string(),
            ('H', 2) => format!("{hour12:02}"),
            ('H', 1) => hour12.to_string(),
            ('A', 2) => if p.hour < 12 { "AM" } else { "PM" }.to_string(),
            ('a', 2) => if p.hour < 12 { "am" } else { "pm" }.to_string(),
            ('m', 2) => format!("{:02}", p.min),
            ('m', 1) => p.min.to_string(),
            ('s', 2) => format!("{:02}", p.sec),
            ('s', 1) => p.sec.to_string(),
            ('Z', 5) => offset_text(t.offset, true),
            ('Z', 4) => offset_text(t.offset, false),
            ('Z', 3) if t.offset == 0 => "UTC".to_string(),
            ('Z', 3) => offset_text(t.offset, false),
            ('Z', 1) if t.offset == 0 => "Z".to_string(),
            ('Z', 1) => offset_text(t.offset, true),
            _ => {
                let token: String = std::iter::repeat_n(c, n).collect();
                return Err(bad_param(
                    "spec",
                    format!("invalid date format verb {token:?}: unsupported"),
                ));
            }
        };
        out.push_str(&piece);
    }
    Ok(Value::String(out))
}

/// Go's `time.ParseDuration`, in nanoseconds.
fn parse_duration(s: &str) -> Result<i128, FnError> {
    let bad = || {
        invalid(format!(
            "Invalid function argument: time: invalid duration {s:?}"
        ))
    };
    let mut rest = s;
    let mut neg = false;
    if let Some(r) = rest.strip_prefix('-') {
        neg = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r;
    }
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num = rest.get(..num_len).unwrap_or("");
        if num.is_empty() || num == "." || num.matches('.').count() > 1 {
            return Err(bad());
        }
        let value: f64 = num.parse().map_err(|_| bad())?;
        rest = rest.get(num_len..).unwrap_or("");
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = rest.get(..unit_len).unwrap_or("");
        rest = rest.get(unit_len..).unwrap_or("");
        let scale: f64 = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            "" => {
                return Err(invalid(format!(
                    "Invalid function argument: time: missing unit in duration {s:?}"
                )))
            }
            _ => {
                return Err(invalid(format!(
                    "Invalid function argument: time: unknown unit {unit:?} in duration {s:?}"
                )))
            }
        };
        total += value * scale;
    }
    if total.abs() > i64::MAX as f64 {
        return Err(bad());
    }
    let n = total.round() as i128;
    Ok(if neg { -n } else { n })
}

pub(crate) fn timeadd(a: &[Value], _: &FnCtx<'_>) -> R {
    let ts = want_str(arg(a, 0), "timestamp")?;
    let dur = want_str(arg(a, 1), "duration")?;
    let t = parse(&ts)?;
    let d = parse_duration(&dur)?;
    let total = i128::from(t.secs) * 1_000_000_000 + i128::from(t.nanos) + d;
    let secs = total.div_euclid(1_000_000_000);
    let nanos = total.rem_euclid(1_000_000_000);
    let secs = i64::try_from(secs).map_err(|_| invalid("timeadd: result out of range"))?;
    let out = Stamp {
        secs,
        nanos: u32::try_from(nanos).unwrap_or(0),
        offset: t.offset,
    };
    Ok(Value::String(rfc3339(&out)))
}

pub(crate) fn timecmp(a: &[Value], _: &FnCtx<'_>) -> R {
    let ta = parse(&want_str(arg(a, 0), "timestamp_a")?)?;
    let tb = parse(&want_str(arg(a, 1), "timestamp_b")?)?;
    let ka = (ta.secs, ta.nanos);
    let kb = (tb.secs, tb.nanos);
    Ok(Value::from(match ka.cmp(&kb) {
        std::cmp::Ordering::Less => -1i64,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

pub(crate) fn timestamp(_: &[Value], _: &FnCtx<'_>) -> R {
    Err(FnError::NotKnowable(
        "timestamp() returns the time of apply, so it is known only after apply".into(),
    ))
}

pub(crate) fn plantimestamp(_: &[Value], _: &FnCtx<'_>) -> R {
    Err(FnError::NotKnowable(
        "plantimestamp() returns the time of the plan, which a static scan does not have".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for d in [-800_000i64, -1, 0, 1, 10_957, 19_000, 2_000_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1h30m"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("-1.5s"), Ok(-1_500_000_000));
        assert!(parse_duration("10").is_err());
        assert!(parse_duration("1d").is_err());
    }
}
