#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh), then configures and builds crosscheck in build/
# (Release, Ninja). The program ends up at build/crosscheck.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
echo "build: the program is at build/crosscheck"
