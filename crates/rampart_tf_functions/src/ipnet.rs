//! IP network functions: cidrhost cidrnetmask cidrsubnet cidrsubnets, for
//! IPv4 and IPv6. Addresses are handled as integers of 32 or 128 bits.

use std::net::{Ipv4Addr, Ipv6Addr};

use rampart_model::Value;

use crate::args::{arg, invalid, want_int, want_str, R};
use crate::{FnCtx, FnError};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Net {
    addr: u128,
    len: u32,
    bits: u32,
}

fn parse_v4(s: &str) -> Option<u128> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut v: u128 = 0;
    for p in parts {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u128 = p.parse().ok()?;
        if n > 255 {
            return None;
        }
        v = (v << 8) | n;
    }
    Some(v)
}

fn parse_cidr(s: &str) -> Result<Net, FnError> {
    let bad = || {
        invalid(format!(
            "Invalid function argument: invalid CIDR expression: invalid CIDR address: {s}"
        ))
    };
    let (ip, len) = s.split_once('/').ok_or_else(bad)?;
    if len.is_empty() || len.len() > 3 || !len.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let len: u32 = len.parse().map_err(|_| bad())?;
    let (addr, bits) = if let Some(v4) = parse_v4(ip) {
        (v4, 32)
    } else if ip.contains(':') {
        let v6: Ipv6Addr = ip.parse().map_err(|_| bad())?;
        (u128::from(v6), 128)
    } else {
        return Err(bad());
    };
    if len > bits {
        return Err(bad());
    }
    Ok(Net {
        addr: addr & mask(len, bits),
        len,
        bits,
    })
}

fn full(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

fn mask(len: u32, bits: u32) -> u128 {
    let host = bits.saturating_sub(len);
    full(bits) & !full(host)
}

fn addr_text(addr: u128, bits: u32) -> String {
    if bits == 32 {
        Ipv4Addr::from(u32::try_from(addr & full(32)).unwrap_or(0)).to_string()
    } else {
        let v6 = Ipv6Addr::from(addr);
        match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => v6.to_string(),
        }
    }
}

fn net_text(n: &Net) -> String {
    format!("{}/{}", addr_text(n.addr, n.bits), n.len)
}

pub(crate) fn cidrhost(a: &[Value], _: &FnCtx<'_>) -> R {
    let net = parse_cidr(&want_str(arg(a, 0), "prefix")?)?;
    let num = want_int(arg(a, 1), "hostnum")?;
    let host_bits = net.bits - net.len;
    let size: i128 = if host_bits >= 127 {
        i128::MAX
    } else {
        1i128 << host_bits
    };
    let n = i128::from(num);
    let idx = if n < 0 { size + n } else { n };
    if idx < 0 || idx >= size {
        return Err(invalid(format!(
            "Invalid function argument: prefix of {} bits cannot accommodate a host numbered {num}",
            net.len
        )));
    }
    // Terraform places the host number of an IPv4-mapped IPv6 prefix as if
    // the address were 32 bits wide, i.e. 96 bits too far left.
    let v4_mapped = net.bits == 128 && (net.addr >> 32) == 0xffff;
    let addr = if v4_mapped {
        net.addr | ((idx as u128) << 96)
    } else {
        net.addr | (idx as u128)
    };
    Ok(Value::String(addr_text(addr, net.bits)))
}

pub(crate) fn cidrnetmask(a: &[Value], _: &FnCtx<'_>) -> R {
    let net = parse_cidr(&want_str(arg(a, 0), "prefix")?)?;
    if net.bits != 32 {
        return Err(invalid(
            "Invalid function argument: IPv6 addresses cannot have a netmask: only IPv4 is supported",
        ));
    }
    Ok(Value::String(addr_text(mask(net.len, 32), 32)))
}

/// Terraform's subnet arithmetic, including its behaviour for negative
/// `newbits` (a shorter prefix, address kept) and negative `netnum` on IPv4
/// (big-integer two's complement, then the magnitude is used).
fn subnet(net: &Net, newbits: i64, num: i64) -> Result<Net, FnError> {
    let new_len = i64::from(net.len) + newbits;
    if new_len > i64::from(net.bits) {
        return Err(invalid(format!(
            "Invalid function argument: insufficient address space to extend prefix of {} by {newbits}",
            net.len
        )));
    }
    if new_len < 0 {
        return Err(invalid(format!(
            "Invalid function argument: cannot shorten a prefix of {} by {}",
            net.len, -newbits
        )));
    }
    let new_len = new_len as u32;
    let too_big = || {
        invalid(format!(
            "Invalid function argument: prefix extension of {newbits} does not accommodate a subnet numbered {num}"
        ))
    };
    if (0..64).contains(&newbits) && u128::from(num.unsigned_abs()) > (1u128 << newbits) - 1 {
        return Err(too_big());
    }
    let shift = net.bits - new_len;
    if num < 0 {
        if net.bits != 32 {
            return Err(too_big());
        }
        let r = (net.addr as i128) | (i128::from(num) << shift);
        return Ok(Net {
            addr: r.unsigned_abs() & full(32),
            len: new_len,
            bits: net.bits,
        });
    }
    let offset = if shift >= 128 {
        0
    } else {
        (num as u128) << shift
    };
    Ok(Net {
        addr: net.addr | offset,
        len: new_len,
        bits: net.bits,
    })
}

pub(crate) fn cidrsubnet(a: &[Value], _: &FnCtx<'_>) -> R {
    let net = parse_cidr(&want_str(arg(a, 0), "prefix")?)?;
    let newbits = want_int(arg(a, 1), "newbits")?;
    let num = want_int(arg(a, 2), "netnum")?;
    Ok(Value::String(net_text(&subnet(&net, newbits, num)?)))
}

pub(crate) fn cidrsubnets(a: &[Value], _: &FnCtx<'_>) -> R {
    let net = parse_cidr(&want_str(arg(a, 0), "prefix")?)?;
    let newbits: Vec<i64> = a
        .iter()
        .skip(1)
        .map(|v| want_int(v, "newbits"))
        .collect::<Result<_, _>>()?;
    let Some(first) = newbits.first() else {
        return Ok(Value::List(vec![]));
    };
    let total = full(net.bits);
    let first_len = (i64::from(net.len) + first).clamp(0, i64::from(net.bits)) as u32;
    // The subnet just before the network, at the first requested size.
    let mut current = Net {
        addr: net.addr.wrapping_sub(1) & total & mask(first_len, net.bits),
        len: first_len,
        bits: net.bits,
    };
    let net_last = net.addr | (total & !mask(net.len, net.bits));
    let mut out = Vec::new();
    for (i, nb) in newbits.iter().enumerate() {
        if *nb > 32 {
            return Err(invalid(
                "Invalid function argument: Invalid value for \"newbits\" parameter: may not extend prefix by more than 32 bits.",
            ));
        }
        if *nb < 1 {
            return Err(invalid(format!(
                "Invalid function argument: must extend prefix by at least one bit (argument {})",
                i + 2
            )));
        }
        let len = i64::from(net.len) + nb;
        if len > i64::from(net.bits) {
            return Err(invalid(format!(
                "Invalid function argument: would extend prefix to {len} bits, which is too long for an IPv{} address",
                if net.bits == 32 { 4 } else { 6 }
            )));
        }
        let len = len as u32;
        let m = mask(len, net.bits);
        let cur_last_addr = current.addr | (total & !mask(current.len, net.bits));
        let cur_first = cur_last_addr & m;
        let cur_last = cur_first | (total & !m);
        let next_addr = cur_last.wrapping_add(1) & total;
        let rollover = next_addr == 0;
        let next = Net {
            addr: next_addr & m,
            len,
            bits: net.bits,
        };
        if rollover || next.addr < net.addr || next.addr > net_last {
            return Err(invalid(format!(
                "Invalid function argument: not enough remaining address space for a subnet with a prefix of {len} bits after {}",
                net_text(&current)
            )));
        }
        current = next;
        out.push(Value::String(net_text(&current)));
    }
    Ok(Value::List(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_masks() {
        let n = parse_cidr("10.1.2.3/16");
        assert_eq!(n.map(|n| net_text(&n)), Ok("10.1.0.0/16".to_string()));
        assert!(parse_cidr("10.1.2/16").is_err());
        assert!(parse_cidr("10.1.2.3/33").is_err());
        assert!(parse_cidr("fd00::/129").is_err());
    }
}
