#!/usr/bin/env bash
# Sets up (with what the tests need: chromium, Node.js, the npm test packages), builds, and
# runs the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh --tests
ctest --test-dir build --output-on-failure -j2
