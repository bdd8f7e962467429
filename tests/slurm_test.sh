#!/bin/bash
# The Slurm job scripts of docs/slurm on a one-machine Slurm: slurmctld and slurmd on this
# host, started here with a configuration of our own and stopped at the end. The sharded
# run that docs/slurm/submit.sh submits (3 analyse tasks, 2 align tasks, a merge) must
# write the reports one `crosscheck run` writes, byte for byte.
#   tests/slurm_test.sh PROGRAM SOURCE WORK [CORPUS]
# CORPUS (default: a copy of the bundled corpus) runs instead, for a bigger check.
# Exit 77 (skipped) when Slurm is not installed or its daemons cannot start here (they need
# root); 0 when the reports are the same; 1 otherwise.
set -uo pipefail
program=$1 source=$2 work=$3 given=${4:-}
for tool in slurmctld slurmd sbatch scontrol sinfo; do
  if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x /usr/sbin/$tool ]]; then
    echo "skipped: $tool is not installed (Debian package slurm-wlm)"
    exit 77
  fi
done
export PATH=$PATH:/usr/sbin
if [[ $(id -u) -ne 0 ]]; then
  echo "skipped: slurmd must run as root to start jobs"
  exit 77
fi
rm -rf "$work"
mkdir -p "$work"/{state,spool,log}
work=$(cd "$work" && pwd)
host=$(hostname -s)
base=$((20000 + ($$ % 20000)))
cat > "$work/slurm.conf" <<CONF
ClusterName=crosscheck-test
SlurmctldHost=$host
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
AuthType=auth/none
CredType=cred/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool/%n
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
DependencyParameters=kill_invalid_depend
MpiDefault=none
NodeName=$host CPUs=$(nproc) RealMemory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 256 )) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=60 State=UP
CONF
export SLURM_CONF=$work/slurm.conf
stop() {
  for pid in "$work/slurmd.pid" "$work/slurmctld.pid"; do
    [[ -f $pid ]] && kill "$(cat "$pid")" 2>/dev/null
  done
  sleep 1
}
trap stop EXIT
slurmctld -f "$SLURM_CONF" -i || { echo "skipped: slurmctld does not start here"; cat "$work/log/slurmctld.log"; exit 77; }
slurmd -f "$SLURM_CONF" || { echo "skipped: slurmd does not start here"; cat "$work/log/slurmd.log"; exit 77; }
for _ in $(seq 1 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1)
  [[ $state == idle* ]] && break
  sleep 0.5
done
if [[ $state != idle* ]]; then
  echo "skipped: the node did not come up (state '$state')"
  tail -20 "$work/log/slurmctld.log" "$work/log/slurmd.log"
  exit 77
fi
echo "slurm: node $host is $state"

if [[ -n $given ]]; then
  corpus=$(cd "$given" && pwd)
else
  mkdir -p "$work/corpus"
  cp -r "$source/corpus/korea-1950" "$work/corpus/"
  corpus=$work/corpus/korea-1950
fi
formats=csv,jsonl,sarif,html,pairs
(cd "$work" && "$program" run "$corpus" --out "$work/one" --no-cache --format $formats -q) || exit 1
cd "$work"
jobs=$(CROSSCHECK=$program "$source/docs/slurm/submit.sh" "$corpus" "$work/steps" 3 2 "$work/merged" $formats) || exit 1
echo "$jobs"
merge=$(awk '$1 == "merge" {print $2}' <<< "$jobs")
# the merge ends, or is cancelled when a step it depends on failed (kill_invalid_depend);
# SLURM_TEST_WAIT seconds at most (default 200, under ctest's timeout)
for _ in $(seq 1 $((2 * ${SLURM_TEST_WAIT:-200}))); do
  state=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  case $state in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) break ;; esac
  sleep 0.5
done
echo "slurm: merge job $merge: $state"
if [[ $state != COMPLETED ]]; then
  for f in "$work"/*.out "$work"/log/*.log; do echo "== $f"; tail -30 "$f"; done
  scontrol show job "$merge"
  exit 1
fi
status=0
for f in findings.csv findings.jsonl findings.sarif report.html aligned.csv manifest.sha256; do
  if cmp "$work/one/$f" "$work/merged/$f"; then echo "same $f"; else status=1; fi
done
exit $status
