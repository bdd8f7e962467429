#!/usr/bin/env bash
# Sets up, builds, and runs crosscheck on the bundled corpus (corpus/korea-1950), then
# says where the report is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
build/crosscheck run
echo
echo "run: report written to:"
echo "  $PWD/out/korea-1950/report.html"
echo "  $PWD/out/korea-1950/findings.csv"
