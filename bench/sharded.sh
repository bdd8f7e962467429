#!/bin/bash
# A sharded run against one run, timed: `crosscheck run`, then N analyse steps, M align
# steps and a merge, each under /usr/bin/time (wall seconds, peak resident KB), one after
# another on this machine, and a byte comparison of every report.
#   bench/sharded.sh CORPUS N M WORK [FORMATS] [THREADS]
# e.g. build/bench/make_corpus 16 /tmp/ecb16 && bench/sharded.sh /tmp/ecb16 4 4 /tmp/sh16 csv,pairs
set -uo pipefail
corpus=$1 shards=$2 parts=$3 work=$4 formats=${5:-csv,pairs,jsonl,sarif,html} threads=${6:-2}
program=${CROSSCHECK:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build/crosscheck}
rm -rf "$work"
mkdir -p "$work"
timed() { local label=$1; shift; /usr/bin/time -f "$label %e s %M KB" "$@"; }
timed run "$program" run "$corpus" --out "$work/one" --no-cache --format "$formats" -q \
  --threads "$threads"
shard_dirs=() part_dirs=()
for i in $(seq 1 "$shards"); do
  timed "analyse $i/$shards" "$program" analyse "$corpus" --shard "$i/$shards" \
    --out "$work/shard-$i" --no-cache -q --threads "$threads"
  shard_dirs+=("$work/shard-$i")
done
for k in $(seq 1 "$parts"); do
  timed "align $k/$parts" "$program" align "${shard_dirs[@]}" --part "$k/$parts" \
    --out "$work/part-$k" -q --threads "$threads"
  part_dirs+=("$work/part-$k")
done
timed merge "$program" merge "${shard_dirs[@]}" "${part_dirs[@]}" --out "$work/merged" \
  --format "$formats" -q --threads "$threads"
status=0
for f in "$work"/one/*; do
  if cmp "$f" "$work/merged/$(basename "$f")"; then echo "same $(basename "$f")"; else status=1; fi
done
du -sh "$work/shard-1" "$work/part-1"
exit $status
