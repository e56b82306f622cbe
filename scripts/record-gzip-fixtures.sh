#!/usr/bin/env bash
# Re-record Terraform's base64gzip answers for crates/rampart_gzip.
#
# Builds every case input in a temporary directory, evaluates
# base64gzip(file("inputs/<name>.txt")) for all of them in one run of the
# real `terraform console` (the results are wrapped as
# base64encode(jsonencode([...])) so the console prints one plain token), and
# writes crates/rampart_gzip/tests/fixtures/cases.json:
#
#   [{"name": "...", <input>, "base64": "<Terraform's base64gzip>"}       # or
#    {"name": "...", <input>, "sha256_of_base64": "<hex>"}]               # huge cases
#
# where <input> is one of
#   "input": "<text>"                          small inputs, inline
#   "input_file": "inputs/<name>.txt"          larger hand-made text, stored
#                                              under tests/fixtures/inputs/
#   "repeat": "<text>", "count": N             text repeated N times
#   "lines": N [, "truncate": L]               "line <i> of the file\n", i in 0..N,
#                                              cut to L bytes when given
#   "sha512_hex": N                            concatenated sha512 hex of "0".."N-1"
#
# Generated inputs are rebuilt by the Rust test, so only their outputs are
# stored. Terraform normalizes every string to Unicode NFC before functions
# see it, so each input is recorded in its NFC form (the bytes Terraform
# really compresses); such cases get "nfc": true when normalization changed
# them. Every recorded output is checked to inflate back to its input.
# Needs terraform (1.11) and python3.
# Usage: scripts/record-gzip-fixtures.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIX="$ROOT/crates/rampart_gzip/tests/fixtures"
TF="${TERRAFORM:-terraform}"

command -v "$TF" >/dev/null || { echo "terraform not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/inputs"

# 1. Make the inputs and the console expression.
python3 - "$WORK" <<'PY'
import hashlib, json, random, sys, unicodedata

work = sys.argv[1]
cases = []

def add(name, text, **spec):
    """spec: how the fixture describes the input (default: inline)."""
    nfc = unicodedata.normalize("NFC", text)
    if not spec:
        spec = {"input": nfc}
    elif nfc != text and "input_file" not in spec:
        sys.exit(f"generated case {name} is not in NFC")
    if nfc != text:
        spec["nfc"] = True
    cases.append({"name": name, "spec": spec, "text": nfc})

def repeat(name, s, n):
    add(name, s * n, repeat=s, count=n)

def lines(name, n, truncate=None):
    text = "".join(f"line {i} of the file\n" for i in range(n))
    spec = {"lines": n}
    if truncate is not None:
        text = text[:truncate]
        spec["truncate"] = truncate
    add(name, text, **spec)

def sha_hex(name, n):
    text = "".join(hashlib.sha512(str(i).encode()).hexdigest() for i in range(n))
    add(name, text, sha512_hex=n)

def stored_file(name, text):
    add(name, text, input_file=f"inputs/{name}.txt")

WORDS = ("the of and to in is was that for on are with as his they be at one have this from "
         "or had by hot word but what some we can out other were all there when up use your how "
         "said an each she which do their time if will way about many then them write would like "
         "so these her long make thing see him two has look more day could go come did number "
         "sound no most people my over know water than call first who may down side been now "
         "find any new work part take get place made live where after back little only round man "
         "year came show every good me give our under name very through just form sentence great "
         "think say help low line differ turn cause much mean before move right boy old too same "
         "tell does set three want air well also play small end put home read hand port large "
         "spell add even land here must big high such follow act why ask men change went light "
         "kind off need house picture try us again animal point mother world near build self earth "
         "father head stand own page should country found answer school grow study still learn plant "
         "cover food sun four between state keep eye never last let thought city tree cross farm "
         "hard start might story saw far sea draw left late run don't while press close night real "
         "life few north open seem together next white children begin got walk example ease paper "
         "group always music those both mark often letter until mile river car feet care second "
         "book carry took science eat room friend began idea fish mountain stop once base hear horse "
         "cut sure watch color face wood main enough plain girl usual young ready above ever red list").split()

def english(seed, size):
    rng = random.Random(seed)
    out, line, total = [], [], 0
    sentence_start = True
    while total < size:
        w = rng.choice(WORDS)
        if sentence_start:
            w = w.capitalize()
            sentence_start = False
        if rng.random() < 0.08:
            w += rng.choice([".", ".", ".", ",", ",", ";", "?", "!"])
            sentence_start = w.endswith((".", "?", "!"))
        line.append(w)
        if sum(len(x) + 1 for x in line) > 72:
            s = " ".join(line) + "\n"
            out.append(s)
            total += len(s)
            line = []
            if rng.random() < 0.1:
                out.append("\n")
                total += 1
    return "".join(out)[:size]

def random_chars(seed, n, lo, hi):
    rng = random.Random(seed)
    chars = []
    while len(chars) < n:
        c = rng.randint(lo, hi)
        if 0xD800 <= c <= 0xDFFF:
            continue
        chars.append(chr(c))
    return "".join(chars)

# Tiny and short inputs.
add("empty", "")
add("one_byte", "a")
add("newline", "\n")
add("hello", "hello")
add("hello_world", "Hello, World!")
add("short_words", "alpha beta gamma delta")
add("abc", "abc")
add("abcd", "abcd")
add("digits", "0123456789")

# Runs of one byte.
for n in (3, 4, 5, 6, 50, 258, 259, 260, 1000, 40000, 100000):
    repeat(f"a_x{n}", "a", n)

# Repeated phrases.
repeat("ab_x1000", "ab", 1000)
repeat("abc_x333", "abc", 333)
repeat("hello_world_x100", "hello world ", 100)
repeat("fox_x200", "The quick brown fox jumps over the lazy dog. ", 200)
repeat("crlf_lines_x500", "key = \"value\"\r\n", 500)

# Numbered lines around window and buffer sizes (32 KiB, 64 KiB, more).
lines("lines_100", 100)
lines("lines_5000", 5000)
for cut in (32767, 32768, 32769, 65273, 65274, 65535, 65536, 65537, 98304, 131072):
    lines(f"lines_cut_{cut}", 6000, truncate=cut)

# English-like text.
stored_file("english_1k", english(1, 1024))
stored_file("english_10k", english(2, 10 * 1024))
stored_file("english_70k", english(3, 70 * 1024))

# Pseudo-random hex: many blocks, dynamic Huffman, 16384-token splits.
sha_hex("sha512_hex_100k", 800)
sha_hex("sha512_hex_300k", 2400)

# A full 16384-token dynamic block followed by a short stored block: the
# hex prefix is cut so that the random CJK tail lands in its own block.
hex_prefix = "".join(hashlib.sha512(str(i).encode()).hexdigest() for i in range(400))[:19135]
cjk_rng = random.Random(7)
cjk_tail = "".join(chr(cjk_rng.randrange(0x4E00, 0x9FFF)) for _ in range(30))
stored_file("hex_then_stored_tail", hex_prefix + cjk_tail)

# Non-ASCII UTF-8.
add("utf8_latin", "héllo wörld, ça va? Größe, naïve, façade")
add("utf8_cjk", "日本語のテキストです。これはテストです。日本語のテキストです。")
add("utf8_decomposed_accents", "cafe\u0301 nai\u0308ve re\u0301sume\u0301 Ã… A\u030a")
add("utf8_emoji", "🙂🙃😀 rocket 🚀 and 🚀🚀🚀 again 🙂🙂🙂")
add("utf8_mixed_repeat", "Καλημέρα κόσμε — Привет, мир — 你好，世界\n" * 20)
add("utf8_random_bmp_20", random_chars(10, 20, 0x0800, 0xFFFF))
add("utf8_random_bmp_40", random_chars(11, 40, 0x0800, 0xFFFF))
add("utf8_random_bmp_200", random_chars(12, 200, 0x0800, 0xFFFF))
stored_file("utf8_random_all_4000", random_chars(13, 4000, 0x80, 0x10FFFF))

# Documents people actually gzip with Terraform.
policy = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": f"AllowS3Read{i}",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::1234567890{i:02d}:role/reader"},
            "Action": ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
            "Resource": [f"arn:aws:s3:::bucket-{i}", f"arn:aws:s3:::bucket-{i}/*"],
            "Condition": {"Bool": {"aws:SecureTransport": "true"}},
        }
        for i in range(12)
    ],
}
add("json_policy", json.dumps(policy, indent=2))
add("json_policy_compact", json.dumps(policy, separators=(",", ":")))
add("cloud_init", """#cloud-config
package_update: true
package_upgrade: true
packages:
  - nginx
  - docker.io
  - awscli
write_files:
  - path: /etc/nginx/sites-available/default
    permissions: '0644'
    content: |
      server {
        listen 80 default_server;
        root /var/www/html;
        location / {
          try_files $uri $uri/ =404;
        }
      }
runcmd:
  - systemctl enable --now nginx
  - systemctl enable --now docker
  - usermod -aG docker ubuntu
  - echo "bootstrap complete" > /var/log/bootstrap.log
""")
add("user_data_script", """#!/bin/bash
set -euo pipefail
yum update -y
yum install -y httpd amazon-cloudwatch-agent
cat > /var/www/html/index.html <<'HTML'
<html><body><h1>Hello from $(hostname -f)</h1></body></html>
HTML
systemctl enable httpd
systemctl start httpd
for i in $(seq 1 10); do
  echo "warming cache $i" >> /var/log/warm.log
done
""")

# Big enough (> 16 MiB) for the hash offset to be renumbered; only the
# digest of the output is stored.
lines("lines_900k", 900000)

with open(f"{work}/cases.json", "w") as f:
    json.dump(cases, f)
for c in cases:
    with open(f"{work}/inputs/{c['name']}.txt", "w", encoding="utf-8", newline="") as f:
        f.write(c["text"])

items = []
for c in cases:
    e = f'base64gzip(file("inputs/{c["name"]}.txt"))'
    if c["name"] == "lines_900k":
        e = f"sha256({e})"
    items.append(e)
with open(f"{work}/expr.txt", "w") as f:
    f.write("base64encode(jsonencode([" + ", ".join(items) + "]))\n")
PY

# 2. Ask Terraform.
(
  cd "$WORK"
  TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 "$TF" console <expr.txt >console.out 2>console.err
) || { cat "$WORK/console.err" >&2; exit 1; }

# 3. Write the fixtures.
python3 - "$WORK" "$FIX" <<'PY'
import base64, gzip, json, os, shutil, sys

work, fix = sys.argv[1], sys.argv[2]
cases = json.load(open(f"{work}/cases.json"))
token = open(f"{work}/console.out").read().strip()
if not (token.startswith('"') and token.endswith('"')):
    sys.exit(f"unexpected console output: {token[:200]!r}")
results = json.loads(base64.b64decode(token[1:-1]))
if len(results) != len(cases):
    sys.exit(f"expected {len(cases)} results, got {len(results)}")

shutil.rmtree(f"{fix}/inputs", ignore_errors=True)
os.makedirs(f"{fix}/inputs", exist_ok=True)
out = []
for c, r in zip(cases, results):
    entry = {"name": c["name"], **c["spec"]}
    if "input_file" in c["spec"]:
        with open(f"{fix}/{c['spec']['input_file']}", "w", encoding="utf-8", newline="") as f:
            f.write(c["text"])
    if c["name"] == "lines_900k":
        entry["sha256_of_base64"] = r
    else:
        if gzip.decompress(base64.b64decode(r)) != c["text"].encode("utf-8"):
            sys.exit(f"case {c['name']}: Terraform compressed something else")
        entry["base64"] = r
    out.append(entry)
with open(f"{fix}/cases.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {len(out)} cases to {fix}/cases.json")
PY
