#!/usr/bin/env python3
"""Whole-run scaling bench: `crosscheck run` as a user runs it, on 1x, 4x and 16x corpora.

usage: python3 bench/scale.py [--build DIR] [--scales 1,4,16] [--threads 1,2] [--keep DIR]

The corpora are the ECB+ news articles and generated copies of them, written by
`make_corpus` (bench/make_corpus.cpp, see bench/README.md for how they are made). Each
run is `crosscheck run CORPUS --out TMP --format csv,pairs --no-cache --threads T` in its own
process; the script reports its wall time, statements per second (the statement count
comes from the run's own summary line), the corpus MB/s and the peak resident memory of
that process (ru_maxrss from wait4), then fits time = c * size^b over the scales
(least squares on logs) for each thread count. Needs a build with the benches
(CROSSCHECK_BUILD_BENCH=ON, default build-bench/) and ../shared/data (or $CROSSCHECK_DATA).
"""
import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed_run(argv):
    """Runs argv; returns (seconds, peak RSS of that process in MB, its stdout)."""
    with tempfile.TemporaryFile(mode="w+") as out, tempfile.TemporaryFile(mode="w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err.read()}")
        return seconds, usage.ru_maxrss / 1024.0, out.read()


def fit_exponent(sizes, times):
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(REPO, "build-bench"))
    ap.add_argument("--scales", default="1,4,16")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--keep", help="write the corpora here and keep them (default: a temporary folder)")
    a = ap.parse_args()
    binary = os.path.join(a.build, "crosscheck")
    maker = os.path.join(a.build, "bench", "make_corpus")
    for path in (binary, maker):
        if not os.access(path, os.X_OK):
            sys.exit(f"{path} is missing: cmake -S . -B {a.build} -G Ninja -DCMAKE_BUILD_TYPE=Release "
                     f"-DCROSSCHECK_BUILD_BENCH=ON && cmake --build {a.build}")
    scales = [int(s) for s in a.scales.split(",")]
    threads = [int(t) for t in a.threads.split(",")]
    work = a.keep or tempfile.mkdtemp(prefix="crosscheck-scale-")
    rows = []
    try:
        for scale in scales:
            corpus = os.path.join(work, f"ecb{scale}x")
            if not os.path.isdir(corpus):
                label = subprocess.run([maker, str(scale), corpus], check=True, capture_output=True,
                                       text=True).stdout.strip()
            else:
                label = f"ecbplus {scale}x (kept)"
            size = sum(os.path.getsize(os.path.join(corpus, f)) for f in os.listdir(corpus))
            for t in threads:
                out = os.path.join(work, f"out{scale}x{t}")
                seconds, rss, stdout = timed_run([binary, "run", corpus, "--out", out, "--format",
                                                  "csv,pairs", "--no-cache", "--threads", str(t)])
                m = re.search(r"(\d+) documents, (\d+) statements, (\d+) aligned pairs", stdout)
                docs, statements, aligned = (int(x) for x in m.groups())
                rows.append(dict(scale=scale, threads=t, label=label, bytes=size, docs=docs,
                                 statements=statements, aligned=aligned, seconds=seconds, rss=rss))
                r = rows[-1]
                print(f"{scale:>3}x  threads {t}  {docs:>6} docs  {statements:>7} statements  "
                      f"{seconds:7.2f} s  {statements / seconds:8.0f} statements/s  "
                      f"{size / 1e6 / seconds:5.2f} MB/s  peak {rss:7.0f} MB", flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    for t in threads:
        mine = [r for r in rows if r["threads"] == t]
        if len(mine) >= 2:
            b = fit_exponent([r["statements"] for r in mine], [r["seconds"] for r in mine])
            print(f"threads {t}: time ~ statements^{b:.2f} from {mine[0]['scale']}x to {mine[-1]['scale']}x; "
                  f"peak memory {max(r['rss'] for r in mine):.0f} MB")


if __name__ == "__main__":
    main()
