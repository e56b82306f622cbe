#!/usr/bin/env python3
"""Generates a tree of ordinary-looking source files (Python, Go, JS,
Terraform, YAML, JSON, Markdown) for the secret-scanner speed benchmark,
with a fake secret sprinkled into some files. Output is not committed.

usage: gen_tree.py OUT_DIR [MEGABYTES]
"""
import os
import random
import string
import sys

R = random.Random(7)
WORDS = ("account bucket cache client config context data delete error event file handler "
         "index item key list logger manager message metric name node order parse payload "
         "policy queue record region request resource response result route schema server "
         "service session source state status stream target task tenant timeout user value "
         "version worker zone token password secret").split()


def ident():
    return "_".join(R.sample(WORDS, 2))


def camel():
    a, b = R.sample(WORDS, 2)
    return a + b.capitalize()


def num():
    return str(R.randint(0, 99999))


PY = [
    "def {i}({j}, {k}=None):",
    "    \"\"\"Return the {w} for the given {w2}.\"\"\"",
    "    if {j} is None:",
    "        raise ValueError(\"{w} must not be empty\")",
    "    result = self.{i}.get({j}, {n})",
    "    for item in {j}:",
    "        logger.debug(\"processing %s\", item)",
    "    return {{\"{w}\": {j}, \"count\": len({k} or [])}}",
    "class {C}(Base{C}):",
    "    timeout = {n}",
    "    def check_password(self, user, password):",
    "        return hmac.compare_digest(self.hash(password), user.password_hash)",
    "    token = request.headers.get(\"Authorization\", \"\")",
    "import os, sys, json  # {w} helpers",
    "    secret = os.environ.get(\"APP_SECRET\")",
    "",
]
GO = [
    "func ({c} *{C}) {C2}(ctx context.Context, {c2} string) (*{C}, error) {{",
    "\tif err := {c}.validate({c2}); err != nil {{",
    "\t\treturn nil, fmt.Errorf(\"{w}: %w\", err)",
    "\t}}",
    "\tresp, err := {c}.client.Do(req.WithContext(ctx))",
    "\tdefer resp.Body.Close()",
    "\t{c2} := make(map[string]int, {n})",
    "\treturn &{C}{{Name: {c2}, Count: {n}}}, nil",
    "}}",
    "// {C2} returns the {w} of the {w2}.",
    "\ttoken, err := auth.TokenFromContext(ctx)",
    "",
]
JS = [
    "export async function {c}({c2}, options = {{}}) {{",
    "  const {c3} = await fetch(`${{baseUrl}}/{w}/${{{c2}.id}}`);",
    "  if (!{c3}.ok) throw new Error('{w} failed: ' + {c3}.status);",
    "  return {c3}.json().then((d) => d.{c2});",
    "}}",
    "const {c} = useMemo(() => compute{C}({c2}), [{c2}]);",
    "  const password = form.values.password;",
    "// TODO: handle {w} pagination",
    "",
]
TF = [
    "resource \"aws_{i}\" \"{j}\" {{",
    "  name        = \"{w}-{w2}-{n}\"",
    "  bucket      = aws_s3_bucket.{j}.id",
    "  tags        = merge(local.tags, {{ Name = \"{w}\" }})",
    "  password    = var.{i}_password",
    "  count       = var.enable_{j} ? 1 : 0",
    "}}",
    "variable \"{i}\" {{",
    "  type        = string",
    "  description = \"The {w} of the {w2}\"",
    "  default     = \"{w}\"",
    "}}",
    "",
]
YAML = [
    "{i}:",
    "  {j}: {w}",
    "  replicas: {n}",
    "  image: registry.internal/{w}:{n}",
    "  env:",
    "    - name: {I}",
    "      value: \"{w}\"",
    "    - name: DB_PASSWORD",
    "      valueFrom:",
    "        secretKeyRef: {{name: db, key: password}}",
    "",
]
MD = [
    "## {C}",
    "The {w} service stores each {w2} in a {w3}; see the {i} section for details.",
    "Set the `{I}` variable before running `make {w}`.",
    "- {w}: {n} requests per second, {n} ms p99",
    "",
]

TEMPLATES = {".py": PY, ".go": GO, ".js": JS, ".tf": TF, ".yaml": YAML, ".md": MD}


def secret_line():
    alnum = string.ascii_letters + string.digits
    r = lambda n: "".join(R.choice(alnum) for _ in range(n))
    return R.choice([
        f'  password = "{r(14)}!{R.randint(1, 9)}"',
        f'AWS_ACCESS_KEY_ID=AKIA{"".join(R.choice(string.ascii_uppercase + "234567") for _ in range(15))}7',
        f'    api_key: "{r(40)}"',
        f'DATABASE_URL=postgres://app:{r(16)}@db.internal:5432/app',
        f'  "client_secret": "{r(32)}",',
    ])


def fill(t):
    return t.format(i=ident(), j=ident(), k=ident(), C=camel().capitalize(), C2=camel().capitalize(),
                    c=camel(), c2=camel(), c3=camel(), w=R.choice(WORDS), w2=R.choice(WORDS),
                    w3=R.choice(WORDS), n=num(), I=ident().upper())


def main():
    out = sys.argv[1]
    mb = int(sys.argv[2]) if len(sys.argv) > 2 else 520
    target = mb * 1_000_000
    written = 0
    i = 0
    labels = []
    while written < target:
        ext = R.choice(list(TEMPLATES))
        tmpl = TEMPLATES[ext]
        # Pre-fill a pool of lines, then sample from it: fast and varied.
        pool = [fill(R.choice(tmpl)) for _ in range(400)]
        size = R.randint(40_000, 260_000)
        lines, n = [], 0
        while n < size:
            l = R.choice(pool)
            lines.append(l)
            n += len(l) + 1
        d = os.path.join(out, f"pkg{i // 100:03d}")
        os.makedirs(d, exist_ok=True)
        if R.random() < 0.3:
            at = R.randrange(len(lines))
            lines.insert(at, secret_line())
            labels.append(f"pkg{i // 100:03d}/file{i:05d}{ext}\t{at + 1}\tsecret\n")
        with open(os.path.join(d, f"file{i:05d}{ext}"), "w") as fh:
            text = "\n".join(lines) + "\n"
            fh.write(text)
            written += len(text)
        i += 1
    with open(os.path.join(os.path.dirname(os.path.abspath(out)), "tree_labels.tsv"), "w") as fh:
        fh.write("# file\tline\texpected\n")
        fh.writelines(labels)
    print(f"{i} files, {written / 1e6:.0f} MB in {out}, {len(labels)} secrets sprinkled")


if __name__ == "__main__":
    main()
