#!/bin/bash
# `mpirun -np 4 crosscheck run CORPUS --mpi` on loopback (TCP over lo, 4 ranks on this
# machine's cores) against one `crosscheck run`: the five reports must be the same, byte
# for byte. Then a corpus folder that does not exist: every rank stops with exit 2, and no
# rank waits for the others for ever.
#   tests/mpi_test.sh MPIEXEC PROGRAM SOURCE WORK
set -uo pipefail
mpiexec=$1 program=$2 source=$3 work=$4
rm -rf "$work"
mkdir -p "$work/corpus"
cp -r "$source/corpus/korea-1950" "$work/corpus/"
cd "$work"
corpus=corpus/korea-1950
formats=csv,jsonl,sarif,html,pairs
# Open MPI refuses root unless told; the tests run as whoever runs ctest.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpi=("$mpiexec" -np 4 --oversubscribe --mca btl self,tcp --mca btl_tcp_if_include lo)
"$program" run $corpus --out one --no-cache --format $formats -q || exit 1
out=$(timeout 120 "${mpi[@]}" "$program" run $corpus --mpi --out merged --no-cache \
  --format $formats --threads 1 2>&1)
status=$?
echo "$out"
if [[ $status -ne 0 ]]; then echo "mpirun --mpi: exit $status"; exit 1; fi
grep -q "mpi: 4 ranks, [0-9]* bytes exchanged" <<< "$out" || { echo "no exchange line"; exit 1; }
for f in findings.csv findings.jsonl findings.sarif report.html aligned.csv manifest.sha256; do
  cmp one/$f merged/$f || exit 1
  echo "same $f"
done
out=$(timeout 120 "${mpi[@]}" "$program" run no-such-corpus --mpi --out missing --no-cache 2>&1)
status=$?
echo "$out"
if [[ $status -eq 124 ]]; then echo "the ranks hung on a missing corpus"; exit 1; fi
if [[ $status -eq 0 ]]; then echo "a missing corpus gave exit 0"; exit 1; fi
said=$(grep -c "no-such-corpus: error" <<< "$out")
[[ $said -eq 1 ]] || { echo "the error naming the corpus came $said times, not once"; exit 1; }
[[ ! -e missing ]] || { echo "a failed run wrote reports"; exit 1; }
echo "ok: a missing corpus stops every rank (exit $status)"
