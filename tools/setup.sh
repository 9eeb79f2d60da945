#!/bin/bash
# setup.sh: on a fresh Debian machine, install what fosterbeds needs to build
# and test (only the packages that are missing), then build it in build/.
# Installing needs root: run as root, or have sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(gcc clang meson ninja-build pkg-config libcsv-dev libcmocka-dev libxlsxwriter-dev nettle-dev libjansson-dev valgrind python3 unzip chromium)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	echo "setup: installing ${missing[*]}"
	as_root=()
	[[ $(id -u) == 0 ]] || as_root=(sudo)
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ -f build/build.ninja ]]; then
	meson setup --reconfigure build >/dev/null
else
	meson setup build >/dev/null
fi
ninja -C build
