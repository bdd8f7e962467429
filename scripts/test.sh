#!/usr/bin/env bash
# Sets up (with what the tests need: Catch2, Google Benchmark, clang, chromium, Node.js,
# the npm test packages), builds, and runs the whole test suite through ctest: first the
# Release build (build/), then once more under ASan + UBSan with leak detection, with the
# libFuzzer targets fuzzing from fuzz/seeds/ for CROSSCHECK_FUZZ_SECONDS each (default 60;
# build-fuzz/, clang -O1). The browser tests run in the first pass only: they read the
# reports, not the program; so does the MPI test, whose Open MPI library leaks by design
# what LeakSanitizer would report.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh --tests
ctest --test-dir build --output-on-failure -j2

seconds="${CROSSCHECK_FUZZ_SECONDS:-60}"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
  "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" -DCROSSCHECK_FUZZ=ON -DCROSSCHECK_BUILD_BENCH=OFF \
  -DCROSSCHECK_FUZZ_SECONDS="$seconds"
cmake --build build-fuzz -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "test: the suite under ASan + UBSan (build-fuzz/)"
ctest --test-dir build-fuzz --output-on-failure -j2 -LE 'browser|fuzz|mpi'
echo "test: fuzzing each target for ${seconds} s"
ctest --test-dir build-fuzz --output-on-failure -j2 -L fuzz -V
