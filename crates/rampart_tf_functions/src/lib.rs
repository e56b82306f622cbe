//! Terraform's built-in function library over [`Value`].
//!
//! The evaluator calls [`call`] with already evaluated arguments; [`exists`]
//! says whether a name is known and [`names`] lists them all. `try` and `can`
//! are lazy and live in the evaluator, not here.
//!
//! Ground truth: `tests/fixtures/cases.txt` holds more than 1,200 calls
//! (values and error cases for every function) whose answers from real
//! `terraform console` (1.11) are recorded in `tests/fixtures/expected.json`
//! by `scripts/record-function-fixtures.sh`; `tests/recorded.rs` here and
//! `rampart_terraform/tests/functions_golden.rs` (through the real
//! evaluator) check every one; `tests/fixtures/KNOWN_GAPS.txt` lists the
//! few that still differ, with the reason.
//!
//! # Supported functions (Terraform 1.11 semantics)
//!
//! * numeric: `abs ceil floor log max min parseint pow signum`
//! * string: `chomp endswith format formatlist indent join lower regex
//!   regexall replace split startswith strcontains strrev substr title trim
//!   trimprefix trimspace trimsuffix upper` (`format`/`formatlist` with all
//!   of Terraform's verbs, flags, widths, precisions and `%[n]` indexes;
//!   patterns use RE2's dialect, translated where Rust's `regex` differs)
//! * collection: `alltrue anytrue chunklist coalesce coalescelist compact
//!   concat contains distinct element flatten index keys length lookup
//!   matchkeys merge one range reverse setintersection setproduct setsubtract
//!   setunion slice sort sum transpose values zipmap`
//! * encoding: `base64decode base64encode base64gzip csvdecode jsondecode
//!   jsonencode textdecodebase64 textencodebase64 urlencode yamldecode
//!   yamlencode` (`jsonencode` and `yamlencode` produce Terraform's exact
//!   bytes)
//! * filesystem: `abspath basename dirname pathexpand file fileexists fileset
//!   filebase64 filemd5 filesha1 filesha256 filesha512 filebase64sha256
//!   filebase64sha512 templatefile` — relative to [`FnCtx::module_dir`], and
//!   never reading outside [`FnCtx::confine_to`] (symlinks resolved; such a
//!   call is [`FnError::Invalid`]); `templatefile` renders through
//!   [`FnCtx::render_template`]
//! * date/time: `formatdate timeadd timecmp`
//! * hash/crypto: `base64sha256 base64sha512 md5 sha1 sha256 sha512 uuidv5`
//! * IP network: `cidrhost cidrnetmask cidrsubnet cidrsubnets` (IPv4, IPv6)
//! * conversion: `tobool tolist tomap tonumber toset tostring`, with
//!   Terraform's unification of mixed collections (`tolist([1, "a"])` is
//!   `["1", "a"]`)
//! * sensitivity: `sensitive nonsensitive issensitive`; `ephemeralasnull`
//!   returns its argument (rampart has no ephemeral values)
//!
//! Arguments convert as Terraform converts them (a number where a string is
//! wanted becomes its decimal text, `"true"` where a bool is wanted becomes
//! `true`); sets are ordered as Terraform orders them.
//!
//! # Not knowable, or not supported
//!
//! * `timestamp`, `plantimestamp`, `uuid`, `bcrypt` give
//!   [`FnError::NotKnowable`]: their result depends on the run (argument
//!   errors such as a bcrypt cost above 31 are still [`FnError::Invalid`]).
//! * `type` (console only), `templatestring` (needs the evaluator's template
//!   engine and reference checks), the lazy `try`/`can` (evaluator), and
//!   provider-defined `provider::...` functions are not here: [`exists`] is
//!   false and [`call`] gives [`FnError::UnknownFunction`].
//! * Numbers are Terraform's 512-bit binary floats (`rampart_number`), and
//!   `base64gzip` gives Go's compressor's exact bytes (`rampart_gzip`).
//! * Known differences: `textencodebase64`/`textdecodebase64` know UTF-8, UTF-16 (with BOM),
//!   UTF-16LE, UTF-16BE, ISO-8859-1, ISO-8859-15, windows-1252 and US-ASCII
//!   under their IANA names and aliases; other encodings Terraform knows
//!   (Shift_JIS, GBK, ...) are an error here;
//!   list/tuple and map/object are one kind each in [`Value`], so type errors
//!   that depend on that distinction are not always raised; `abspath`
//!   resolves against the module directory, not the process working
//!   directory; file functions refuse files over 64 MiB and string
//!   functions refuse results over 64 MiB.
//!
//! # Unknown values
//!
//! When an argument contains an unknown value the result is unknown, carrying
//! the references of every unknown argument, except where Terraform knows the
//! answer anyway: `length` of a collection with unknown elements, `keys` of
//! an object with unknown values, `coalesce`/`coalescelist` when a usable
//! argument comes before the unknowns, `contains` when a known element
//! matches, `lookup` of a known key, `merge` of objects with unknown values,
//! and the conversion functions (which keep unknown elements in place).
//! `chunklist concat element one reverse slice values zipmap` keep unknown
//! elements in place too: only an argument that is itself unknown (or, for
//! `zipmap`, unknown keys) makes their result unknown. `format` and
//! `formatlist` give an unknown result for a null argument, as Terraform does.
//!
//! # Sensitive values
//!
//! Marks are removed from the arguments and the result is marked when any
//! argument was. Functions that pick, count or copy elements (`concat
//! element keys length lookup merge one reverse slice values`) leave marks
//! inside collections where they are, as Terraform does:
//! `element([sensitive("a"), "b"], 1)` is a plain `"b"`. `issensitive` and
//! `nonsensitive` look at the value's own mark only.

use std::collections::BTreeMap;
use std::path::Path;

use rampart_model::Value;

mod args;
mod collection;
mod conversion;
mod datetime;
mod encoding;
mod filesystem;
mod format;
mod hash;
mod ipnet;
mod numeric;
mod string;
mod yaml;

/// What file and template functions may see.
pub struct FnCtx<'a> {
    /// `path.module` of the calling module: relative paths resolve against it.
    pub module_dir: &'a Path,
    /// File functions may not read outside this directory.
    pub confine_to: &'a Path,
    /// Renders a template text with the given variables (for `templatefile`).
    #[allow(clippy::type_complexity)]
    pub render_template: &'a dyn Fn(&str, &BTreeMap<String, Value>) -> Result<Value, String>,
}

/// Why a call did not give a value.
#[derive(Debug, Clone, PartialEq)]
pub enum FnError {
    /// No function of that name.
    UnknownFunction(String),
    /// The call is valid but its result is only known at apply time
    /// (`timestamp`, `uuid`, `bcrypt`...): the evaluator makes it unknown and
    /// says why.
    NotKnowable(String),
    /// Terraform would report an error for this call (bad argument type or
    /// count, invalid input). The message says what.
    Invalid(String),
}

impl std::fmt::Display for FnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FnError::UnknownFunction(n) => write!(f, "there is no function named \"{n}\""),
            FnError::NotKnowable(m) | FnError::Invalid(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for FnError {}

type Body = fn(&[Value], &FnCtx<'_>) -> Result<Value, FnError>;

/// How a function takes its arguments.
#[derive(Clone, Copy)]
struct Spec {
    /// Fewest arguments.
    min: usize,
    /// Most arguments (`usize::MAX` when variadic).
    max: usize,
    /// Top-level null arguments are passed to the body instead of rejected.
    nulls: bool,
    /// The body handles unknown values itself.
    unknowns: bool,
    /// Unknown values inside collections pass through to the result; only
    /// an argument that is itself unknown makes the result unknown.
    elems: bool,
    /// Sensitivity marks inside collections stay where they are (only the
    /// arguments' own marks are removed and carried to the result), as
    /// Terraform does for functions that pick or count elements.
    keep_marks: bool,
    body: Body,
}

const V: usize = usize::MAX;

const fn s(min: usize, max: usize, body: Body) -> Spec {
    Spec {
        min,
        max,
        nulls: false,
        unknowns: false,
        elems: false,
        keep_marks: false,
        body,
    }
}

const fn nulls(mut sp: Spec) -> Spec {
    sp.nulls = true;
    sp
}

const fn keep_marks(mut sp: Spec) -> Spec {
    sp.keep_marks = true;
    sp
}

const fn elems(mut sp: Spec) -> Spec {
    sp.elems = true;
    sp
}

const fn unknowns(mut sp: Spec) -> Spec {
    sp.unknowns = true;
    sp
}

fn spec(name: &str) -> Option<Spec> {
    use collection as c;
    use conversion as cv;
    use datetime as dt;
    use encoding as e;
    use filesystem as fs;
    use hash as h;
    use ipnet as ip;
    use numeric as n;
    use string as st;
    Some(match name {
        // numeric
        "abs" => s(1, 1, n::abs),
        "ceil" => s(1, 1, n::ceil),
        "floor" => s(1, 1, n::floor),
        "log" => s(2, 2, n::log),
        "max" => s(0, V, n::max),
        "min" => s(0, V, n::min),
        "parseint" => s(2, 2, n::parseint),
        "pow" => s(2, 2, n::pow),
        "signum" => s(1, 1, n::signum),
        // string
        "chomp" => s(1, 1, st::chomp),
        "endswith" => s(2, 2, st::endswith),
        "format" => unknowns(nulls(s(1, V, format::format))),
        "formatlist" => unknowns(nulls(s(1, V, format::formatlist))),
        "indent" => s(2, 2, st::indent),
        "join" => s(1, V, st::join),
        "lower" => s(1, 1, st::lower),
        "regex" => s(2, 2, st::regex_fn),
        "regexall" => s(2, 2, st::regexall),
        "replace" => s(3, 3, st::replace),
        "split" => s(2, 2, st::split),
        "startswith" => s(2, 2, st::startswith),
        "strcontains" => s(2, 2, st::strcontains),
        "strrev" => s(1, 1, st::strrev),
        "substr" => s(3, 3, st::substr),
        "title" => s(1, 1, st::title),
        "trim" => s(2, 2, st::trim),
        "trimprefix" => s(2, 2, st::trimprefix),
        "trimspace" => s(1, 1, st::trimspace),
        "trimsuffix" => s(2, 2, st::trimsuffix),
        "upper" => s(1, 1, st::upper),
        // collection
        "alltrue" => s(1, 1, c::alltrue),
        "anytrue" => s(1, 1, c::anytrue),
        "chunklist" => elems(s(2, 2, c::chunklist)),
        "coalesce" => unknowns(nulls(s(0, V, c::coalesce))),
        "coalescelist" => unknowns(nulls(s(0, V, c::coalescelist))),
        "compact" => s(1, 1, c::compact),
        "concat" => keep_marks(elems(s(0, V, c::concat))),
        "contains" => unknowns(s(2, 2, c::contains)),
        "distinct" => s(1, 1, c::distinct),
        "element" => keep_marks(elems(s(2, 2, c::element))),
        "flatten" => s(1, 1, c::flatten),
        "index" => s(2, 2, c::index),
        "keys" => keep_marks(unknowns(s(1, 1, c::keys))),
        "length" => keep_marks(unknowns(s(1, 1, c::length))),
        "lookup" => keep_marks(unknowns(nulls(s(2, 3, c::lookup)))),
        "matchkeys" => s(3, 3, c::matchkeys),
        "merge" => keep_marks(unknowns(nulls(s(0, V, c::merge)))),
        "one" => keep_marks(elems(s(1, 1, c::one))),
        "range" => s(1, 3, c::range),
        "reverse" => keep_marks(elems(s(1, 1, c::reverse))),
        "setintersection" => s(1, V, c::setintersection),
        "setproduct" => s(0, V, c::setproduct),
        "setsubtract" => s(2, 2, c::setsubtract),
        "setunion" => s(1, V, c::setunion),
        "slice" => keep_marks(elems(s(3, 3, c::slice))),
        "sort" => s(1, 1, c::sort),
        "sum" => s(1, 1, c::sum),
        "transpose" => s(1, 1, c::transpose),
        "values" => keep_marks(elems(s(1, 1, c::values))),
        "zipmap" => elems(s(2, 2, c::zipmap)),
        // encoding
        "base64decode" => s(1, 1, e::base64decode),
        "base64encode" => s(1, 1, e::base64encode),
        "base64gzip" => s(1, 1, e::base64gzip),
        "csvdecode" => s(1, 1, e::csvdecode),
        "jsondecode" => s(1, 1, e::jsondecode),
        "jsonencode" => nulls(s(1, 1, e::jsonencode)),
        "textdecodebase64" => s(2, 2, e::textdecodebase64),
        "textencodebase64" => s(2, 2, e::textencodebase64),
        "urlencode" => s(1, 1, e::urlencode),
        "yamldecode" => s(1, 1, e::yamldecode),
        "yamlencode" => nulls(s(1, 1, e::yamlencode)),
        // filesystem
        "abspath" => s(1, 1, fs::abspath),
        "basename" => s(1, 1, fs::basename),
        "dirname" => s(1, 1, fs::dirname),
        "pathexpand" => s(1, 1, fs::pathexpand),
        "file" => s(1, 1, fs::file),
        "fileexists" => s(1, 1, fs::fileexists),
        "fileset" => s(2, 2, fs::fileset),
        "filebase64" => s(1, 1, fs::filebase64),
        "filemd5" => s(1, 1, fs::filemd5),
        "filesha1" => s(1, 1, fs::filesha1),
        "filesha256" => s(1, 1, fs::filesha256),
        "filesha512" => s(1, 1, fs::filesha512),
        "filebase64sha256" => s(1, 1, fs::filebase64sha256),
        "filebase64sha512" => s(1, 1, fs::filebase64sha512),
        "templatefile" => s(2, 2, fs::templatefile),
        // date and time
        "formatdate" => s(2, 2, dt::formatdate),
        "timeadd" => s(2, 2, dt::timeadd),
        "timecmp" => s(2, 2, dt::timecmp),
        "timestamp" => s(0, 0, dt::timestamp),
        "plantimestamp" => s(0, 0, dt::plantimestamp),
        // hash and crypto
        "base64sha256" => s(1, 1, h::base64sha256),
        "base64sha512" => s(1, 1, h::base64sha512),
        "md5" => s(1, 1, h::md5),
        "sha1" => s(1, 1, h::sha1),
        "sha256" => s(1, 1, h::sha256),
        "sha512" => s(1, 1, h::sha512),
        "uuidv5" => s(2, 2, h::uuidv5),
        "uuid" => s(0, 0, h::uuid),
        "bcrypt" => s(1, 2, h::bcrypt),
        // IP networks
        "cidrhost" => s(2, 2, ip::cidrhost),
        "cidrnetmask" => s(1, 1, ip::cidrnetmask),
        "cidrsubnet" => s(3, 3, ip::cidrsubnet),
        "cidrsubnets" => s(1, V, ip::cidrsubnets),
        // conversion
        "tobool" => unknowns(nulls(s(1, 1, cv::tobool))),
        "tolist" => unknowns(nulls(s(1, 1, cv::tolist))),
        "tomap" => unknowns(nulls(s(1, 1, cv::tomap))),
        "tonumber" => unknowns(nulls(s(1, 1, cv::tonumber))),
        "toset" => unknowns(nulls(s(1, 1, cv::toset))),
        "tostring" => unknowns(nulls(s(1, 1, cv::tostring))),
        _ => return None,
    })
}

/// Names of every function [`call`] knows, sorted.
pub fn names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = ALL_NAMES.to_vec();
    out.sort_unstable();
    out
}

const ALL_NAMES: &[&str] = &[
    "abs",
    "ceil",
    "floor",
    "log",
    "max",
    "min",
    "parseint",
    "pow",
    "signum",
    "chomp",
    "endswith",
    "format",
    "formatlist",
    "indent",
    "join",
    "lower",
    "regex",
    "regexall",
    "replace",
    "split",
    "startswith",
    "strcontains",
    "strrev",
    "substr",
    "title",
    "trim",
    "trimprefix",
    "trimspace",
    "trimsuffix",
    "upper",
    "alltrue",
    "anytrue",
    "chunklist",
    "coalesce",
    "coalescelist",
    "compact",
    "concat",
    "contains",
    "distinct",
    "element",
    "flatten",
    "index",
    "keys",
    "length",
    "lookup",
    "matchkeys",
    "merge",
    "one",
    "range",
    "reverse",
    "setintersection",
    "setproduct",
    "setsubtract",
    "setunion",
    "slice",
    "sort",
    "sum",
    "transpose",
    "values",
    "zipmap",
    "base64decode",
    "base64encode",
    "base64gzip",
    "csvdecode",
    "jsondecode",
    "jsonencode",
    "textdecodebase64",
    "textencodebase64",
    "urlencode",
    "yamldecode",
    "yamlencode",
    "abspath",
    "basename",
    "dirname",
    "pathexpand",
    "file",
    "fileexists",
    "fileset",
    "filebase64",
    "filemd5",
    "filesha1",
    "filesha256",
    "filesha512",
    "filebase64sha256",
    "filebase64sha512",
    "templatefile",
    "formatdate",
    "timeadd",
    "timecmp",
    "timestamp",
    "plantimestamp",
    "base64sha256",
    "base64sha512",
    "md5",
    "sha1",
    "sha256",
    "sha512",
    "uuidv5",
    "uuid",
    "bcrypt",
    "cidrhost",
    "cidrnetmask",
    "cidrsubnet",
    "cidrsubnets",
    "tobool",
    "tolist",
    "tomap",
    "tonumber",
    "toset",
    "tostring",
    "sensitive",
    "nonsensitive",
    "issensitive",
    "ephemeralasnull",
];

/// Call function `name` with `args`.
pub fn call(name: &str, args: Vec<Value>, ctx: &FnCtx<'_>) -> Result<Value, FnError> {
    match name {
        "sensitive" | "nonsensitive" | "issensitive" | "ephemeralasnull" => {
            return marks(name, args)
        }
        _ => {}
    }
    let Some(sp) = spec(name) else {
        return Err(FnError::UnknownFunction(name.to_string()));
    };
    if args.len() < sp.min {
        return Err(FnError::Invalid(format!(
            "Not enough function arguments: function \"{name}\" expects at least {} argument(s). Missing value for parameter {}.",
            sp.min,
            args.len() + 1
        )));
    }
    if args.len() > sp.max {
        return Err(FnError::Invalid(format!(
            "Too many function arguments: function \"{name}\" expects only {} argument(s).",
            sp.max
        )));
    }
    let mut marked = false;
    let args: Vec<Value> = args
        .into_iter()
        .map(|a| {
            let (v, m) = if sp.keep_marks {
                a.unmark()
            } else {
                args::unmark_deep(a)
            };
            marked |= m;
            v
        })
        .collect();
    if !sp.nulls {
        if let Some(i) = args.iter().position(|a| matches!(a, Value::Null)) {
            return Err(FnError::Invalid(format!(
                "Invalid function argument: invalid value for argument {} of \"{name}\": argument must not be null.",
                i + 1
            )));
        }
    }
    if sp.elems && !sp.unknowns {
        if args.iter().any(Value::is_unknown) {
            return Ok(args::unknown_of(&args).mark(marked));
        }
    } else if !sp.unknowns && !args.iter().all(Value::is_wholly_known) {
        return Ok(args::unknown_of(&args).mark(marked));
    }
    let out = (sp.body)(&args, ctx)?;
    Ok(out.mark(marked))
}

fn marks(name: &str, args: Vec<Value>) -> Result<Value, FnError> {
    if args.len() != 1 {
        return Err(FnError::Invalid(format!(
            "function \"{name}\" expects exactly 1 argument, got {}",
            args.len()
        )));
    }
    let v = args.into_iter().next().unwrap_or_default();
    Ok(match name {
        "sensitive" => v.mark(true),
        // Both look at the value's own mark only: a list holding a
        // sensitive element is not itself sensitive.
        "nonsensitive" => v.unmark().0,
        "issensitive" => {
            if v.is_unknown() && !v.is_sensitive() {
                args::unknown_of(std::slice::from_ref(&v))
            } else {
                Value::Bool(v.is_sensitive())
            }
        }
        _ => v,
    })
}

/// True when `name` is a function this library knows.
pub fn exists(name: &str) -> bool {
    matches!(
        name,
        "sensitive" | "nonsensitive" | "issensitive" | "ephemeralasnull"
    ) || spec(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_exists() {
        for n in names() {
            assert!(exists(n), "{n}");
        }
        assert!(names().len() >= 100);
        assert!(!exists("nosuch"));
        assert!(!exists("type"));
    }
}
