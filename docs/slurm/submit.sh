#!/bin/bash
# Submits a sharded crosscheck run to Slurm: N analyse tasks, then (when all of them
# succeeded) M align tasks, then one merge. Prints the three job ids.
#   docs/slurm/submit.sh CORPUS WORK N M OUT [FORMATS]
# WORK must be on a file system every node sees. CROSSCHECK names the program when it is
# not on the PATH; extra sbatch options (a partition, an account) go in SBATCH_OPTIONS.
set -euo pipefail
if [[ $# -lt 5 ]]; then
  echo "usage: $0 CORPUS WORK N M OUT [FORMATS]" >&2
  exit 2
fi
corpus=$1 work=$2 shards=$3 parts=$4 out=$5 formats=${6:-csv,html}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
read -r -a extra <<< "${SBATCH_OPTIONS:-}"
analyse=$(sbatch --parsable "${extra[@]}" --array="1-$shards" \
  "$here/analyse.sbatch" "$corpus" "$work" "$shards")
align=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$analyse" --array="1-$parts" \
  "$here/align.sbatch" "$work" "$shards" "$parts")
merge=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$align" \
  "$here/merge.sbatch" "$work" "$shards" "$parts" "$out" "$formats")
echo "analyse $analyse"
echo "align $align"
echo "merge $merge"
