#!/usr/bin/env python3
"""Time rampart, Checkov and Trivy on the same inputs; write a Markdown table.

Called by bench/run.sh, which sets up the paths.  Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402


def checkov_env():
    env = dict(os.environ)
    env.update({
        "BC_SKIP_MAPPING": "TRUE",
        "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false",
    })
    # no platform key: Checkov must run fully offline
    env.pop("BC_API_KEY", None)
    env.pop("PRISMA_API_URL", None)
    return env


def tools(a):
    return {
        "rampart": {
            "cmd": lambda d: [a.rampart, "scan", d, "--format", "json"],
            "env": None,
            "ok_rc": (0, 1),
            "count": count_rampart,
        },
        "checkov": {
            "cmd": lambda d: [a.checkov, "-d", d, "--quiet", "--compact", "-o", "json",
                              "--skip-download", "--framework", a.checkov_framework],
            "env": checkov_env(),
            "ok_rc": (0, 1),
            "count": count_checkov,
        },
        "trivy": {
            "cmd": lambda d: [a.trivy, "config", "--skip-check-update", "--cache-dir", a.trivy_cache,
                              "--format", "json", d],
            "env": None,
            "ok_rc": (0,),
            "count": count_trivy,
        },
    }


def count_rampart(path):
    """(failed findings, resources seen)"""
    with open(path) as f:
        d = json.load(f)
    fails = sum(1 for x in d.get("findings", []) if x.get("status") == "fail")
    return fails, d.get("summary", {}).get("resources", 0)


def count_checkov(path):
    with open(path) as f:
        text = f.read().strip()
    if not text:
        return 0, 0
    d = json.loads(text)
    reports = d if isinstance(d, list) else [d]
    fails = res = 0
    for r in reports:
        fails += len(r.get("results", {}).get("failed_checks", []))
        res += r.get("summary", {}).get("resource_count", 0)
    return fails, res


def count_trivy(path):
    with open(path) as f:
        d = json.load(f)
    fails = 0
    targets = 0
    for r in d.get("Results", []) or []:
        targets += 1
        fails += sum(1 for m in r.get("Misconfigurations", []) or [] if m.get("Status") == "FAIL")
    return fails, targets


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                             env=checkov_env()).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except Exception as e:  # noqa: BLE001
        return f"? ({e})"


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem,
            "kernel": platform.release(), "load_before": os.getloadavg()}


def mb(kb):
    return kb / 1024.0


def fmt_s(s):
    if s <= 0:
        return "< 10 ms"
    return f"{s:.2f} s" if s >= 1 else f"{s * 1000:.0f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rampart", required=True)
    ap.add_argument("--checkov", required=True)
    ap.add_argument("--trivy", required=True)
    ap.add_argument("--trivy-cache", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--checkov-runs", type=int, default=1,
                    help="runs of Checkov on inputs named in --checkov-slow")
    ap.add_argument("--checkov-slow", action="append", default=[],
                    help="input label on which Checkov runs only --checkov-runs times")
    ap.add_argument("--tools", default="rampart,checkov,trivy")
    ap.add_argument("--checkov-framework", default="terraform",
                    help="Checkov --framework value (terraform, cloudformation)")
    ap.add_argument("input", nargs="+", help="LABEL=DIR")
    a = ap.parse_args()

    os.makedirs(os.path.join(a.out, "raw"), exist_ok=True)
    measure.calibrate()
    T = tools(a)
    chosen = [t for t in a.tools.split(",") if t]
    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": {
            "rampart": version([a.rampart, "--version"]),
            "checkov": version([a.checkov, "--version"]),
            "trivy": version([a.trivy, "--version"]),
        },
        "results": [],
    }
    inputs = []
    for spec in a.input:
        label, d = spec.split("=", 1)
        nfiles = sum(1 for root, _, fs in os.walk(d) for f in fs if f.endswith(".tf"))
        inputs.append((label, os.path.abspath(d), nfiles))

    for label, d, nfiles in inputs:
        for tool in chosen:
            t = T[tool]
            runs = a.runs
            if tool == "checkov" and label in a.checkov_slow:
                runs = a.checkov_runs
            meas = []
            for i in range(runs):
                stem = os.path.join(a.out, "raw", f"{label}.{tool}.{i}")
                r = measure.run(t["cmd"](d), stem + ".json", stem + ".err", env=t["env"])
                try:
                    r["findings"], r["resources"] = t["count"](stem + ".json")
                except (ValueError, OSError) as e:
                    r["findings"], r["resources"] = 0, 0
                    r["parse_error"] = str(e)
                r["ok"] = r["rc"] in t["ok_rc"] and "parse_error" not in r
                print(f"  {label:10s} {tool:8s} run {i + 1}/{runs}: {fmt_s(r['wall_s'])}, "
                      f"maxrss {mb(r['maxrss_kb']):.0f} MB, tree {mb(r['tree_peak_kb']):.0f} MB, "
                      f"rc {r['rc']}, {r['findings']} failed checks", file=sys.stderr, flush=True)
                meas.append(r)
            info["results"].append({"input": label, "dir": d, "tf_files": nfiles, "tool": tool,
                                    "runs": meas})

    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(info, f, indent=2)
    md = render(info, inputs, chosen)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(md)
    print(md)


def summarize(runs):
    walls = [r["wall_s"] for r in runs]
    # Peak memory: GNU time's maxrss is exact for one process; the sampled
    # tree sum catches worker processes.  Take the larger of the two.
    mems = [max(r["maxrss_kb"], r["tree_peak_kb"]) for r in runs]
    return {
        "wall": statistics.median(walls), "wall_min": min(walls), "wall_max": max(walls),
        "cpu": statistics.median([r.get("cpu_s", 0.0) for r in runs]),
        "mem": statistics.median(mems), "maxrss": statistics.median([r["maxrss_kb"] for r in runs]),
        "findings": runs[-1]["findings"], "resources": runs[-1]["resources"],
        "ok": all(r["ok"] for r in runs), "rcs": sorted({r["rc"] for r in runs}), "n": len(runs),
    }


def render(info, inputs, chosen):
    m = info["machine"]
    out = [f"# rampart benchmark results ({info['date']})", ""]
    out.append(f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, Linux {m['kernel']}; "
               f"load average before the run: {', '.join(f'{x:.2f}' for x in m['load_before'])}.")
    out.append("Versions: " + "; ".join(f"{k} `{v}`" for k, v in info["versions"].items()) + ".")
    out.append("")
    out.append("Wall: median of the runs (min–max), timed around the process. CPU: user+system "
               "seconds of the process and its children (GNU time), median. Peak memory: median over runs of "
               "max(GNU time maxrss, sampled RSS sum of the process tree). Ratios are "
               "tool / rampart (higher = rampart better).")
    out.append("")
    out.append("| input | .tf files | tool | runs | wall | CPU (user+sys) | peak memory | wall ratio | CPU ratio | memory ratio | failed checks | resources/targets | scanned? |")
    out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    notes = []
    for label, d, nfiles in inputs:
        rows = {r["tool"]: summarize(r["runs"]) for r in info["results"] if r["input"] == label}
        base = rows.get("rampart")
        for tool in chosen:
            s = rows.get(tool)
            if not s:
                continue
            if base and tool != "rampart":
                wr = f"{s['wall'] / base['wall']:.1f}×"
                mr = f"{s['mem'] / base['mem']:.1f}×"
                cr = f"{s['cpu'] / base['cpu']:.1f}×" if base["cpu"] > 0 else "–"
            else:
                wr = mr = cr = "1×" if tool == "rampart" else "–"
            scanned = "yes" if s["ok"] and s["findings"] > 0 else "NO"
            if not s["ok"]:
                notes.append(f"- {tool} on {label}: exit codes {s['rcs']} (see bench/out/raw/{label}.{tool}.*.err)")
            elif s["findings"] == 0:
                notes.append(f"- {tool} on {label}: no failed checks reported: it may not have scanned")
            rng = f" ({fmt_s(s['wall_min'])}–{fmt_s(s['wall_max'])})" if s["n"] > 1 else ""
            out.append(f"| {label} | {nfiles} | {tool} | {s['n']} | {fmt_s(s['wall'])}{rng} | "
                       f"{fmt_s(s['cpu'])} | {mb(s['mem']):.0f} MB | {wr} | {cr} | {mr} | {s['findings']} | {s['resources']} | {scanned} |")
    out.append("")
    if notes:
        out.append("Problems:")
        out.extend(notes)
    else:
        out.append("Every tool exited normally and reported failed checks on every input, so each one scanned.")
    out.append("")
    out.append("Failed-check counts are not comparable across tools (different rule sets and granularity); "
               "they only show that each tool parsed and checked the input.")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
