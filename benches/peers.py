#!/usr/bin/env python3
"""banzi against its peers, side by side in one run (issue 16).

    python3 benches/peers.py DATASET [--banzi target/release/banzi] [--rounds 2]

Runs, in alternation and `--rounds` times each, on the same CSV folder:

    banzi-all   `banzi check DATASET` with every rule
    banzi-4     `banzi check DATASET --select SIZE-001,AGE-001,EXP-001,ROT-002`
    polars      benches/compare_polars.py (the plain polars script, the same four rules)
    duckdb      benches/compare_duckdb.py (the four rules as DuckDB SQL)

and prints each tool's wall times and peak resident memory (from `wait4`, per process),
the ratios banzi/peer of the best times, and whether the four rules' findings agree.
A peer that is not installed (`pip install polars duckdb`) is left out with a note.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FOUR = "SIZE-001,AGE-001,EXP-001,ROT-002"


def timed(cmd):
    """Wall seconds and peak RSS (MB) of one child process."""
    # stderr goes to a file, not a pipe: a child that writes more than a pipe holds
    # (banzi's notes on a large dataset) would block while we wait for it to exit.
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        log.seek(0)
        err = log.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return wall, usage.ru_maxrss / 1024


def findings(path, four_only):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keep = set(FOUR.split(","))
    return {
        (r["rule"], r["cycle"], r["unit_id"], r["person_id"])
        for r in rows
        if not four_only or r["rule"] in keep
    }


def has(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("--banzi", default="target/release/banzi")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="banzi-peers-")
    out = {k: os.path.join(tmp, k) for k in ("all", "four")}
    tools = {
        "banzi-all": [a.banzi, "check", a.dataset, "--out", out["all"]],
        "banzi-4": [a.banzi, "check", a.dataset, "--select", FOUR, "--out", out["four"]],
    }
    if has("polars"):
        tools["polars"] = [sys.executable, os.path.join(HERE, "compare_polars.py"), a.dataset,
                           "--out", os.path.join(tmp, "polars.csv")]
    else:
        print("polars peer left out: pip install polars")
    if has("duckdb"):
        tools["duckdb"] = [sys.executable, os.path.join(HERE, "compare_duckdb.py"), a.dataset,
                           "--out", os.path.join(tmp, "duckdb.csv")]
    else:
        print("duckdb peer left out: pip install duckdb")
    runs = {k: [] for k in tools}
    for _ in range(a.rounds):
        for name, cmd in tools.items():
            runs[name].append(timed(cmd))
    print(f"dataset {a.dataset}, {a.rounds} rounds in alternation")
    print(f"{'tool':<10} {'wall s (each round)':<24} {'best s':>7} {'peak MB':>8}")
    best = {}
    for name, rs in runs.items():
        best[name] = min(w for w, _ in rs)
        peak = max(m for _, m in rs)
        walls = ", ".join(f"{w:.2f}" for w, _ in rs)
        print(f"{name:<10} {walls:<24} {best[name]:>7.2f} {peak:>8.0f}")
    for peer in ("polars", "duckdb"):
        if peer in best:
            print(f"ratio banzi-all/{peer} {best['banzi-all'] / best[peer]:.2f}   "
                  f"banzi-4/{peer} {best['banzi-4'] / best[peer]:.2f}")
    mine = findings(os.path.join(out["four"], "exceptions.csv"), True)
    for peer in ("polars", "duckdb"):
        if peer in tools:
            theirs = findings(os.path.join(tmp, f"{peer}.csv"), True)
            same = "agree" if theirs == mine else (
                f"DIFFER: {len(mine - theirs)} only in banzi, {len(theirs - mine)} only in {peer}")
            print(f"findings banzi-4 vs {peer}: {same} ({len(mine)} findings)")


if __name__ == "__main__":
    main()
