#!/bin/bash
# setup.sh: on a fresh Debian machine, install what fosterbeds needs to build
# and test (only the packages that are missing), build it in build/, and
# install it under /usr/local (meson install): the program in
# /usr/local/bin, on every user's PATH, so the README's examples run as
# written; its manual page (man fosterbeds); the specs in
# /usr/local/share/doc/fosterbeds.  Installing needs root: run as root, or
# have sudo.
#
#   bash tools/setup.sh [--no-install]
#
# --no-install stops after the build (tools/test.sh uses it): nothing is
# written outside this folder, except the packages.
set -euo pipefail
cd "$(dirname "$0")/.."

install=1
case "${1:-}" in
"") ;;
--no-install) install=0 ;;
*)
	echo "usage: bash tools/setup.sh [--no-install]" >&2
	exit 2
	;;
esac
as_root=()
[[ $(id -u) == 0 ]] || as_root=(sudo)
need_root() {
	if ((${#as_root[@]})) && ! command -v sudo >/dev/null; then
		echo "setup: $1 needs root: run this as root, or install sudo" >&2
		exit 1
	fi
}

packages=(gcc clang libclang-rt-dev meson ninja-build pkg-config libcsv-dev libinih-dev libcmocka-dev libxlsxwriter-dev nettle-dev libjansson-dev valgrind python3 unzip chromium mandoc
	lld llvm wasi-libc libclang-rt-14-dev-wasm32 nodejs dpkg-dev debian-archive-keyring xz-utils bzip2)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	echo "setup: installing ${missing[*]}"
	need_root "installing packages"
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ -f build/build.ninja ]]; then
	meson setup --reconfigure build >/dev/null
else
	meson setup build >/dev/null
fi
ninja -C build

if ((install)); then
	# Built above as the user; only the copying runs as root.
	need_root "installing fosterbeds under /usr/local (or give --no-install)"
	"${as_root[@]}" meson install -C build --no-rebuild
	echo "setup: installed; try: fosterbeds --help, man fosterbeds"
fi
