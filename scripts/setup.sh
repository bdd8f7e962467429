#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck needs to build, and only those that are
# missing. With --tests, also what the tests and benchmarks need: Catch2, Google Benchmark,
# clang with its sanitizer and libFuzzer runtimes, Slurm (a one-machine cluster for the
# sharded run's test), Open MPI, Debian's chromium for the browser test, Node.js and npm, and the test-only npm packages
# of tests/browser (npm ci, from the lock file). When everything is already there it changes nothing and needs no root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tests=false
[[ "${1:-}" == "--tests" ]] && tests=true

packages=(
  build-essential g++ cmake ninja-build pkg-config git python3
  libtbb-dev libboost-program-options-dev libicu-dev
  libtomlplusplus-dev libstemmer-dev wordnet-base libssl-dev
)
if $tests; then
  packages+=(catch2 libbenchmark-dev chromium fonts-dejavu-core clang libclang-rt-14-dev
             slurm-wlm libopenmpi-dev openmpi-bin)
fi

missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done
# Node.js may come from elsewhere (NodeSource ships npm inside its nodejs): ask for the
# Debian packages only when the commands are missing.
if $tests; then
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

install_npm_packages() {
  # tests/browser/node_modules, exactly as package-lock.json pins it; again only when the
  # lock file changed since the last install.
  local dir=tests/browser
  if [[ ! -f $dir/node_modules/.package-lock.json ||
        $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    echo "setup: installing the test-only npm packages of $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} required packages are installed; nothing to do."
  if $tests; then install_npm_packages; fi
  exit 0
fi

echo "setup: installing missing packages: ${missing[*]}"

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "setup: error: not root and sudo is not available; install as root:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
if $tests; then install_npm_packages; fi
echo "setup: done."
