"""Run a command and measure it (standard library only).

Two memory figures per run:
  * maxrss: "Maximum resident set size" from GNU `/usr/bin/time -v`, i.e.
    getrusage(): the peak of the single largest process (the command or any
    one of its children), not a sum.
  * tree_peak: the largest sum of VmRSS over the whole process tree, sampled
    every 20 ms from /proc.  Matters for tools that fork workers (Checkov);
    short-lived peaks between samples can be missed.
Wall time is measured around the run with perf_counter (GNU time's own figure
has 10 ms steps; it is kept as time_wall_s).  cpu_s is user + system time of
the command and all its children, from GNU time: less sensitive than wall time
to other load on the machine.
"""
import os
import re
import subprocess
import tempfile
import threading
import time

TIME = "/usr/bin/time"


def _children():
    """Map pid -> list of child pids, from /proc."""
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
            ppid = int(s[s.rfind(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss(root):
    kids = _children()
    total, stack = 0, [root]
    while stack:
        p = stack.pop()
        total += _rss_kb(p)
        stack.extend(kids.get(p, []))
    return total


def _parse_time(text):
    wall = rss = None
    cpu = 0.0
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("User time (seconds)") or line.startswith("System time (seconds)"):
            cpu += float(line.rsplit(" ", 1)[1])
        elif line.startswith("Elapsed (wall clock) time"):
            v = line.rsplit(" ", 1)[1]
            parts = [float(x) for x in v.split(":")]
            wall = 0.0
            for p in parts:
                wall = wall * 60 + p
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1])
    return wall, rss, cpu


def run(cmd, stdout_path, stderr_path, env=None, cwd=None):
    """Run cmd (list) under /usr/bin/time -v; return a dict of measurements."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    full = [TIME, "-v", "-o", tpath] + list(cmd)
    peak = [0]
    done = threading.Event()
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=err, env=env, cwd=cwd)

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.02)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        rc = proc.wait()
        t1 = time.perf_counter()
        done.set()
        th.join()
    with open(tpath) as f:
        ttext = f.read()
    os.unlink(tpath)
    wall, rss, cpu = _parse_time(ttext)
    m = re.search(r"Exit status: (\d+)", ttext)
    return {
        "rc": int(m.group(1)) if m else rc,
        # perf_counter around the whole run: GNU time prints only 10 ms steps
        "wall_s": t1 - t0,
        "time_wall_s": wall,
        "cpu_s": cpu,
        "maxrss_kb": rss or 0,
        # the sampler also sees /usr/bin/time itself (~2 MB); remove it
        "tree_peak_kb": max(0, peak[0] - _TIME_SELF_KB),
    }


_TIME_SELF_KB = 0


def calibrate():
    """Measure /usr/bin/time's own RSS so tree_peak can exclude it."""
    global _TIME_SELF_KB
    r = run(["sleep", "0.3"], os.devnull, os.devnull)
    _TIME_SELF_KB = 0
    sleep_rss = r["maxrss_kb"]
    _TIME_SELF_KB = max(0, r["tree_peak_kb"] - sleep_rss)
