#!/usr/bin/env python3
"""Counts the findings `crosscheck run` reports over the ECB+ articles, one run per
subtopic folder (docs/<topic>/ecb and docs/<topic>/ecbplus: the articles of one event
each), with the bundled English rules. Prints the conflicts by type, the disputes, the agreements, and
the conflicts per article; with --sample N, N conflicts drawn at random (seeded) to read.

    python3 tools/ecb_conflicts.py [--bin build/crosscheck] [--jobs 2] [--sample 25]
"""
import argparse
import collections
import concurrent.futures
import csv
import os
import random
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, folder, out):
    subprocess.run([binary, "run", folder, "--out", out, "--no-cache", "--format", "csv", "-q",
                    "--rules", os.path.join(REPO, "rules", "en")],
                   check=False, capture_output=True)
    path = os.path.join(out, "findings.csv")
    if not os.path.exists(path):
        return folder, []
    with open(path, newline="", encoding="utf-8") as f:
        return folder, list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data",
                                                   "ecbplus", "docs"))
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "crosscheck"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    folders = sorted(os.path.join(a.data, t, s) for t in os.listdir(a.data)
                     for s in ("ecb", "ecbplus") if os.path.isdir(os.path.join(a.data, t, s)))
    articles = sum(len([f for f in os.listdir(d) if f.endswith(".txt")]) for d in folders)
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(lambda k: run(a.bin, folders[k], os.path.join(tmp, str(k))),
                                range(len(folders))))
    by_type = collections.Counter()
    agreements = disputes = 0
    conflicts = []
    for folder, rows in results:
        for r in rows:
            if r["kind"] == "conflict":
                by_type[r["type"]] += 1
                conflicts.append((folder, r))
            elif r["kind"] == "agreement":
                agreements += 1
            elif r["kind"] == "dispute":
                disputes += 1
    print(f"{len(folders)} subtopic runs, {articles} articles")
    print(f"conflicts {len(conflicts)} ({len(conflicts) / max(articles, 1):.2f} per article): " +
          ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    print(f"disputes {disputes}")
    print(f"agreements {agreements}")
    if a.sample:
        random.Random(a.seed).shuffle(conflicts)
        for folder, r in conflicts[:a.sample]:
            print(f"\n[{r['type']}] {os.path.relpath(folder, a.data)} {r['rule']}\n  A: {r['text_a'][:300]}"
                  f"\n  B: {r['text_b'][:300]}\n  why: {r['explanation'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
