#!/usr/bin/env bash
# Sets up, builds, and runs the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2
