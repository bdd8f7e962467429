#!/usr/bin/env python3
"""The CI gate's speed: `crosscheck check` after one article is added to a corpus of more
than 1,000 real news and web articles, with a warm analysis cache against a cold one.

usage: python3 bench/check_bench.py [--bin build/crosscheck] [--data ../shared/data]
                                    [--runs 3] [--threads 2] [--keep DIR]

The corpus: the 982 ECB+ news articles but one, plus the first 100 UD English Web Treebank
documents (real web text, to pass 1,000 articles); the held-out ECB+ article is the one
added. Steps, each `crosscheck` in its own process:
  1. `crosscheck baseline CORPUS --baseline B --cache WARM`   (fills the cache)
  2. the held-out article is copied into CORPUS
  3. cold: `crosscheck check CORPUS --baseline B --cache EMPTY` (a fresh empty cache each run)
     warm: `crosscheck check CORPUS --baseline B --cache COPY`  (a fresh copy of WARM each run,
           so every run analyses the one new article and reads the rest from the cache)
  4. full: `crosscheck run CORPUS --no-cache --format csv`     (for scale: everything, no focus)
Prints each run's wall time, the medians, and warm / cold. Needs ../shared/data.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(argv, expect=(0, 1)):
    start = time.monotonic()
    p = subprocess.run(argv, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if p.returncode not in expect:
        sys.exit(f"{' '.join(argv)}: exit {p.returncode}\n{p.stdout}\n{p.stderr}")
    return seconds, p


def build_corpus(data, corpus):
    ecb = []
    for root, _, files in os.walk(os.path.join(data, "ecbplus", "docs")):
        ecb += [os.path.join(root, f) for f in files if f.endswith(".txt")]
    ecb.sort()
    held_out = ecb.pop()  # the article that comes in
    os.makedirs(corpus)
    for path in ecb:
        shutil.copy(path, os.path.join(corpus, "ecb_" + os.path.basename(path)))
    with open(os.path.join(data, "sbd", "ud_ewt_docs.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n == 100:
                break
            doc = json.loads(line)
            with open(os.path.join(corpus, f"ewt_{n:03d}.txt"), "w", encoding="utf-8") as out:
                out.write(doc["text"])
    return held_out, len(ecb) + 100


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "crosscheck"))
    ap.add_argument("--data", default=os.environ.get("CROSSCHECK_DATA", os.path.join(os.path.dirname(REPO), "shared", "data")))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", default="2")
    ap.add_argument("--keep", help="work in this folder and keep it")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="crosscheck-check-bench-")
    if a.keep:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    try:
        corpus = os.path.join(work, "news")
        held_out, count = build_corpus(a.data, corpus)
        baseline = os.path.join(work, "news.baseline")
        warm = os.path.join(work, "cache-warm")
        threads = ["--threads", a.threads]
        seconds, _ = timed([a.bin, "baseline", corpus, "--baseline", baseline, "--cache", warm, "-q", *threads])
        print(f"corpus: {count} articles ({count - 100} ECB+ news, 100 UD-EWT web); baseline + cache fill {seconds:.2f} s")
        shutil.copy(held_out, os.path.join(corpus, "ecb_new_" + os.path.basename(held_out)))
        print(f"added: {os.path.basename(held_out)} (held-out ECB+ article)")

        results = {"cold": [], "warm": [], "full": []}
        for run in range(a.runs):
            empty = os.path.join(work, f"cache-empty-{run}")
            s, p = timed([a.bin, "check", corpus, "--baseline", baseline, "--cache", empty, *threads])
            results["cold"].append(s)
            copy = os.path.join(work, f"cache-copy-{run}")
            shutil.copytree(warm, copy)
            s, p_warm = timed([a.bin, "check", corpus, "--baseline", baseline, "--cache", copy, *threads])
            results["warm"].append(s)
            s, _ = timed([a.bin, "run", corpus, "--no-cache", "--format", "csv", "-q",
                          "--out", os.path.join(work, "out"), *threads], expect=(0,))
            results["full"].append(s)
            print(f"run {run + 1}: cold check {results['cold'][-1]:.2f} s, warm check {results['warm'][-1]:.3f} s, "
                  f"full run {results['full'][-1]:.2f} s")
            shutil.rmtree(empty, ignore_errors=True)
            shutil.rmtree(copy, ignore_errors=True)
        print("warm check says:", p_warm.stderr.strip().splitlines()[-1])
        cold, hot, full = (statistics.median(results[k]) for k in ("cold", "warm", "full"))
        print(f"median: cold check {cold:.2f} s, warm check {hot:.3f} s, full run {full:.2f} s; "
              f"warm / cold = {hot / cold:.1%}, warm / full run = {hot / full:.1%}")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
