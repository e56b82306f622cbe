//! Filesystem functions: abspath basename dirname pathexpand file fileexists
//! fileset filebase64 filemd5 filesha1 filesha256 filesha512
//! filebase64sha256 filebase64sha512 templatefile.
//!
//! Relative paths resolve against [`FnCtx::module_dir`]; nothing outside
//! [`FnCtx::confine_to`] is ever read (such a call is `FnError::Invalid`).

use std::path::{Component, Path, PathBuf};

use rampart_model::Value;

use crate::args::{arg, bad_param, invalid, want_object, want_str, R};
use crate::encoding::b64;
use crate::hash::{digest, Algo};
use crate::{FnCtx, FnError};

/// Largest file the file functions will read (Terraform has no limit; a
/// scanner must not be made to read a disk image).
const MAX_FILE: u64 = 64 * 1024 * 1024;

/// Go's `path/filepath.Clean` for slash-separated paths.
pub(crate) fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Lexically resolve `p` against `base`, without touching the disk.
fn lexical_join(base: &Path, p: &str) -> PathBuf {
    let joined = if Path::new(p).is_absolute() {
        PathBuf::from(p)
    } else {
        base.join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Resolve a path argument and make sure it stays inside the confinement
/// directory (symlinks resolved when the file exists).
fn resolve(ctx: &FnCtx<'_>, p: &str) -> Result<PathBuf, FnError> {
    let p = expand_home(p);
    let full = lexical_join(ctx.module_dir, &p);
    let confine = ctx
        .confine_to
        .canonicalize()
        .unwrap_or_else(|_| lexical_join(Path::new("/"), &ctx.confine_to.to_string_lossy()));
    let real = full.canonicalize().unwrap_or_else(|_| full.clone());
    let lexical_ok = full.starts_with(ctx.confine_to) || full.starts_with(&confine);
    if !(real.starts_with(&confine) || (lexical_ok && !full.exists())) {
        return Err(invalid(format!(
            "Invalid function argument: refusing to read {p:?}: it is outside the scanned directory"
        )));
    }
    Ok(real)
}

fn expand_home(p: &str) -> String {
    if p == "~" || p.starts_with("~/") {
        if let Some(home) = std::env::var_os("HOME") {
            return format!("{}{}", home.to_string_lossy(), p.get(1..).unwrap_or(""));
        }
    }
    p.to_string()
}

fn read_bytes(ctx: &FnCtx<'_>, p: &str) -> Result<Vec<u8>, FnError> {
    let path = resolve(ctx, p)?;
    let meta = std::fs::metadata(&path).map_err(|_| no_file(p))?;
    if meta.is_dir() {
        return Err(invalid(format!(
            "Invalid function argument: failed to read {p:?}: it is a directory"
        )));
    }
    if meta.len() > MAX_FILE {
        return Err(invalid(format!(
            "Invalid function argument: {p:?} is larger than {MAX_FILE} bytes"
        )));
    }
    std::fs::read(&path).map_err(|_| no_file(p))
}

fn no_file(p: &str) -> FnError {
    invalid(format!(
        "Invalid function argument: no file exists at {p:?}; this function works only with files that are distributed as part of the configuration source code"
    ))
}

fn read_text(ctx: &FnCtx<'_>, p: &str) -> Result<String, FnError> {
    let bytes = read_bytes(ctx, p)?;
    String::from_utf8(bytes).map_err(|_| {
        invalid(format!(
            "Invalid function argument: contents of {p:?} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead"
        ))
    })
}

pub(crate) fn file(a: &[Value], ctx: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    read_text(ctx, &p).map(Value::String)
}

pub(crate) fn filebase64(a: &[Value], ctx: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    Ok(Value::String(b64(&read_bytes(ctx, &p)?)))
}

fn file_hash(a: &[Value], ctx: &FnCtx<'_>, algo: Algo, base64: bool) -> R {
    let p = want_str(arg(a, 0), "path")?;
    let d = digest(algo, &read_bytes(ctx, &p)?);
    Ok(Value::String(if base64 { b64(&d) } else { hex(&d) }))
}

pub(crate) fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn filemd5(a: &[Value], ctx: &FnCtx<'_>) -> R {
    file_hash(a, ctx, Algo::Md5, false)
}
pub(crate) fn filesha1(a: &[Value], ctx: &FnCtx<'_>) -> R {
    file_hash(a, ctx, Algo::Sha1, false)
}
pub(crate) fn filesha256(a: &[Value], ctx: &FnCtx<'_>) -> R {
    file_hash(a, ctx, Algo::Sha256, false)
}
pub(crate) fn filesha512(a: &[Value], ctx: &FnCtx<'_>) -> R {
    file_hash(a, ctx, Algo::Sha512, false)
}
pub(crate) fn filebase64sha256(a: &[Value], ctx: &FnCtx<'_>) -> R {
    file_hash(a, ctx, Algo::Sha256, true)
}
pub(crate) fn filebase64sha512(a: &[Value], ctx: &FnCtx<'_>) -> R {
    file_hash(a, ctx, Algo::Sha512, true)
}

pub(crate) fn fileexists(a: &[Value], ctx: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    let path = resolve(ctx, &p)?;
    match std::fs::metadata(&path) {
        Ok(m) if m.is_file() => Ok(Value::Bool(true)),
        Ok(_) => Err(invalid(format!(
            "Invalid function argument: {p} is not a regular file, but \"d---------\""
        ))),
        Err(_) => Ok(Value::Bool(false)),
    }
}

pub(crate) fn fileset(a: &[Value], ctx: &FnCtx<'_>) -> R {
    let base = want_str(arg(a, 0), "path")?;
    let pattern = want_str(arg(a, 1), "pattern")?;
    // Terraform joins the pattern to the path, which cleans it.
    let pattern = clean(&pattern);
    let root = resolve(ctx, &base)?;
    let glob = globset::GlobBuilder::new(&pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
        .map_err(|e| {
            bad_param(
                "pattern",
                format!("failed to glob pattern {pattern:?}: {e}"),
            )
        })?
        .compile_matcher();
    let mut found = Vec::new();
    let mut stack = vec![(root.clone(), 0usize)];
    let mut visited = 0usize;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            visited += 1;
            if visited > 100_000 {
                return Err(invalid("fileset: too many files"));
            }
            let path = e.path();
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            let Ok(rel) = path.strip_prefix(&root) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if meta.is_dir() {
                if depth < 64 {
                    stack.push((path, depth + 1));
                }
            } else if meta.is_file() && glob.is_match(&rel) {
                found.push(Value::String(rel));
            }
        }
    }
    Ok(crate::args::make_set(found))
}

pub(crate) fn templatefile(a: &[Value], ctx: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    let vars = want_object(arg(a, 1), "vars")?;
    for k in vars.keys() {
        let valid = k
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && k.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !valid {
            return Err(invalid(format!(
                "Invalid function argument: invalid template variable name {k:?}: must start with a letter, followed by zero or more letters, digits, and underscores"
            )));
        }
    }
    let text = read_text(ctx, &p)?;
    (ctx.render_template)(&text, &vars).map_err(FnError::Invalid)
}

pub(crate) fn abspath(a: &[Value], ctx: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    if p.starts_with('/') {
        return Ok(Value::String(clean(&p)));
    }
    let base = ctx.module_dir.to_string_lossy();
    Ok(Value::String(clean(&format!("{base}/{p}"))))
}

pub(crate) fn dirname(a: &[Value], _: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    let dir = match p.rfind('/') {
        Some(i) => p.get(..=i).unwrap_or(""),
        None => "",
    };
    Ok(Value::String(clean(dir)))
}

pub(crate) fn basename(a: &[Value], _: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    if p.is_empty() {
        return Ok(Value::from("."));
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return Ok(Value::from("/"));
    }
    let base = match trimmed.rfind('/') {
        Some(i) => trimmed.get(i + 1..).unwrap_or(""),
        None => trimmed,
    };
    Ok(Value::String(base.to_string()))
}

pub(crate) fn pathexpand(a: &[Value], _: &FnCtx<'_>) -> R {
    let p = want_str(arg(a, 0), "path")?;
    if p.starts_with('~') && p != "~" && !p.starts_with("~/") {
        return Err(invalid("cannot expand user-specific home dir"));
    }
    Ok(Value::String(expand_home(&p)))
}
