#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck needs to build and test, and only those that
# are missing. When everything is already installed it changes nothing and needs no root.
set -euo pipefail

packages=(
  build-essential g++ cmake ninja-build pkg-config git python3
  libtbb-dev libboost-program-options-dev libicu-dev
  catch2 libbenchmark-dev libtomlplusplus-dev libstemmer-dev wordnet-base
)

missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} required packages are installed; nothing to do."
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
echo "setup: done."
