#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh), then configures and builds crosscheck in build/
# (Release, Ninja). The program ends up at build/crosscheck.
#   build.sh          the program alone: no test or benchmark targets, no test packages
#   build.sh --tests  everything: the program, the tests and the benchmarks, with what the
#                     test suite needs installed too
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${1:-}" == "--tests" ]]; then
  bash scripts/setup.sh --tests
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCROSSCHECK_BUILD_TESTS=ON -DCROSSCHECK_BUILD_BENCH=ON
  cmake --build build -j"$(nproc)"
else
  bash scripts/setup.sh
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCROSSCHECK_BUILD_TESTS=OFF -DCROSSCHECK_BUILD_BENCH=OFF
  cmake --build build -j"$(nproc)" --target crosscheck
fi
echo "build: the program is at build/crosscheck"
