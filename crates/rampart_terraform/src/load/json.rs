//! Terraform JSON syntax (`*.tf.json`) rewritten as native HCL text, which is
//! then parsed and evaluated like any other file.
//!
//! JSON strings are templates (`"${var.x}"`); objects under a resource are
//! nested blocks unless they are known map-valued arguments (`tags`, ...).
//! Spans of declarations read this way cover the whole JSON file.

use serde_json::Value as J;

/// Arguments whose JSON object value is a map, not a nested block.
const MAP_ARGS: &[&str] = &[
    "tags",
    "tags_all",
    "default_tags_map",
    "labels",
    "variables",
    "environment",
    "parameters",
    "triggers",
    "metadata",
    "annotations",
    "context",
    "values",
    "attributes",
    "default",
    "value",
    "providers",
    "inputs",
    "settings",
    "policy",
    "options",
    "properties",
    "configuration",
    "assume_role_policy",
    "environment_variables",
    "extra_args",
    "locals",
];

/// Convert a `.tf.json` document to HCL text.
pub fn json_to_hcl(text: &str) -> Result<String, String> {
    let doc: J = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let J::Object(top) = doc else {
        return Err("the root of a Terraform JSON file must be an object".into());
    };
    let mut out = String::new();
    for (kind, v) in &top {
        match kind.as_str() {
            "resource" | "data" => {
                for (t, by_name) in obj(v)? {
                    for (n, body) in obj(by_name)? {
                        for b in bodies(body) {
                            out.push_str(&format!("{kind} {} {} {{\n", q(t), q(n)));
                            write_body(&mut out, b, true, 0)?;
                            out.push_str("}\n");
                        }
                    }
                }
            }
            "variable" | "output" | "module" | "provider" => {
                for (n, body) in obj(v)? {
                    for b in bodies(body) {
                        out.push_str(&format!("{kind} {} {{\n", q(n)));
                        if kind == "variable" {
                            write_variable(&mut out, b)?;
                        } else {
                            write_body(&mut out, b, kind != "module", 0)?;
                        }
                        out.push_str("}\n");
                    }
                }
            }
            "locals" => {
                for b in bodies(v) {
                    out.push_str("locals {\n");
                    for (k, x) in obj(b)? {
                        out.push_str(&format!("{} = {}\n", ident(k), expr(x, 0)?));
                    }
                    out.push_str("}\n");
                }
            }
            "terraform" => {
                for b in bodies(v) {
                    out.push_str("terraform {\n");
                    write_body(&mut out, b, true, 0)?;
                    out.push_str("}\n");
                }
            }
            "//" => {}
            _ => {}
        }
    }
    Ok(out)
}

fn obj(v: &J) -> Result<Vec<(&String, &J)>, String> {
    match v {
        J::Object(m) => Ok(m.iter().collect()),
        J::Array(items) => {
            let mut out = Vec::new();
            for i in items {
                out.extend(obj(i)?);
            }
            Ok(out)
        }
        _ => Err("expected an object".into()),
    }
}

fn bodies(v: &J) -> Vec<&J> {
    match v {
        J::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

fn q(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn ident(k: &str) -> String {
    let ok = !k.is_empty()
        && k.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if ok {
        k.to_string()
    } else {
        q(k)
    }
}

fn expr(v: &J, depth: usize) -> Result<String, String> {
    if depth > 64 {
        return Err("JSON nested too deeply".into());
    }
    Ok(match v {
        J::Null => "null".into(),
        J::Bool(b) => b.to_string(),
        J::Number(n) => n.to_string(),
        J::String(s) => q(s),
        J::Array(items) => {
            let parts: Result<Vec<String>, String> =
                items.iter().map(|x| expr(x, depth + 1)).collect();
            format!("[{}]", parts?.join(", "))
        }
        J::Object(m) => {
            let mut parts = Vec::new();
            for (k, x) in m {
                if k == "//" {
                    continue;
                }
                parts.push(format!("{} = {}", q(k), expr(x, depth + 1)?));
            }
            format!("{{\n{}\n}}", parts.join("\n"))
        }
    })
}

fn is_block_value(k: &str, v: &J) -> bool {
    if MAP_ARGS.contains(&k) {
        return false;
    }
    match v {
        J::Object(_) => true,
        J::Array(items) => !items.is_empty() && items.iter().all(|i| matches!(i, J::Object(_))),
        _ => false,
    }
}

fn write_body(out: &mut String, b: &J, blocks: bool, depth: usize) -> Result<(), String> {
    if depth > 32 {
        return Err("JSON nested too deeply".into());
    }
    let J::Object(m) = b else {
        return Err("a block body must be an object".into());
    };
    for (k, v) in m {
        if k == "//" {
            continue;
        }
        if k == "dynamic" {
            for (label, body) in obj(v)? {
                for bb in bodies(body) {
                    out.push_str(&format!("dynamic {} {{\n", q(label)));
                    write_body(out, bb, true, depth + 1)?;
                    out.push_str("}\n");
                }
            }
            continue;
        }
        if k == "provisioner" || k == "backend" {
            for (label, body) in obj(v)? {
                for bb in bodies(body) {
                    out.push_str(&format!("{k} {} {{\n", q(label)));
                    write_body(out, bb, true, depth + 1)?;
                    out.push_str("}\n");
                }
            }
            continue;
        }
        if k == "count" || k == "for_each" || k == "depends_on" || k == "provider" {
            out.push_str(&format!("{k} = {}\n", meta_expr(v)?));
            continue;
        }
        if blocks && is_block_value(k, v) {
            for bb in bodies(v) {
                out.push_str(&format!("{} {{\n", ident(k)));
                write_body(out, bb, true, depth + 1)?;
                out.push_str("}\n");
            }
        } else {
            out.push_str(&format!("{} = {}\n", ident(k), expr(v, depth + 1)?));
        }
    }
    Ok(())
}

/// `count`, `for_each`, `depends_on`, `provider`: a string holding one
/// interpolation is the expression itself.
fn meta_expr(v: &J) -> Result<String, String> {
    match v {
        J::String(s) => {
            let t = s.trim();
            if let Some(inner) = t.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
                Ok(inner.to_string())
            } else {
                Ok(t.to_string())
            }
        }
        J::Array(items) => {
            let parts: Result<Vec<String>, String> = items.iter().map(meta_expr).collect();
            Ok(format!("[{}]", parts?.join(", ")))
        }
        other => expr(other, 0),
    }
}

fn write_variable(out: &mut String, b: &J) -> Result<(), String> {
    let J::Object(m) = b else {
        return Err("a variable body must be an object".into());
    };
    for (k, v) in m {
        match (k.as_str(), v) {
            ("type", J::String(s)) => out.push_str(&format!("type = {s}\n")),
            ("default", v) => out.push_str(&format!("default = {}\n", literal(v, 0)?)),
            ("validation", _) => {}
            (k, v) => out.push_str(&format!("{} = {}\n", ident(k), expr(v, 0)?)),
        }
    }
    Ok(())
}

/// A JSON value as a literal (no template interpretation): `$${` escapes.
fn literal(v: &J, depth: usize) -> Result<String, String> {
    if depth > 64 {
        return Err("JSON nested too deeply".into());
    }
    Ok(match v {
        J::String(s) => q(&s.replace("${", "$${").replace("%{", "%%{")),
        J::Array(items) => {
            let parts: Result<Vec<String>, String> =
                items.iter().map(|x| literal(x, depth + 1)).collect();
            format!("[{}]", parts?.join(", "))
        }
        J::Object(m) => {
            let mut parts = Vec::new();
            for (k, x) in m {
                parts.push(format!("{} = {}", q(k), literal(x, depth + 1)?));
            }
            format!("{{\n{}\n}}", parts.join("\n"))
        }
        other => expr(other, depth)?,
    })
}
