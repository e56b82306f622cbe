#!/usr/bin/env python3
"""Copy the CloudFormation rule examples (tests/rule_examples) into the rules'
`examples` arrays, skipping ones already there. Usage:
    add_rule_examples.py DIR...   (service dirs under crates/rampart_rules/src/aws)
"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = os.path.join(ROOT, "..", "rampart_rules", "src", "aws")
EX = os.path.join(ROOT, "tests", "rule_examples")
MARK = "\n        ],\n    },\n    check"

def rule_files():
    out = {}
    for d in sorted(os.listdir(RULES)):
        p = os.path.join(RULES, d)
        if not os.path.isdir(p):
            continue
        for f in sorted(os.listdir(p)):
            if f.endswith(".rs") and f != "mod.rs":
                text = open(os.path.join(p, f)).read()
                m = re.search(r'id: "(RMP-[A-Z0-9-]+)"', text)
                if m:
                    out[m.group(1)] = (d, os.path.join(p, f))
    return out

def main(dirs):
    files = rule_files()
    by_rule = {}
    for name in sorted(os.listdir(EX), key=lambda n: (n.split(".")[0], n.split(".")[1] != "fail", n)):
        rid, kind = name.split(".")[0], name.split(".")[1]
        by_rule.setdefault(rid, []).append((kind == "pass", open(os.path.join(EX, name)).read()))
    changed = 0
    for rid, exs in by_rule.items():
        if rid not in files:
            continue
        d, path = files[rid]
        if d not in dirs:
            continue
        text = open(path).read()
        add = ""
        for ok, code in exs:
            lit = 'r##"' + code + '"##'
            if code in text:
                continue
            add += ("\n            Example {\n                pass: %s,\n"
                    "                format: crate::rule::ExampleFormat::CloudFormation,\n"
                    "                code: %s,\n            }," % ("true" if ok else "false", lit))
        if not add or MARK not in text:
            continue
        i = text.rindex(MARK)
        text = text[:i] + add + text[i:]
        open(path, "w").write(text)
        changed += 1
        print("updated", path)
    print(changed, "rule files updated")

if __name__ == "__main__":
    main(sys.argv[1:])
