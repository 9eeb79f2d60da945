#!/bin/bash
# build-web.sh: web/fosterbeds.html, the one-file offline page that runs
# fosterbeds in a browser, rebuilt from the repository:
#
#	bash tools/build-web.sh [--wasm FILE] [--out FILE]
#
# 1. the WebAssembly build of the CLI, build-wasm/fosterbeds.wasm
#    (tools/build-wasm.sh: its libraries from Debian's source packages,
#    then meson with tools/wasm32-wasi.ini), unless --wasm gives one;
# 2. web/'s npm packages, exactly as web/package-lock.json pins them (npm ci;
#    skipped when web/node_modules already holds that lockfile's install);
# 3. web/build.mjs: the app bundled by esbuild, then the script, the style
#    and the .wasm (base64) inlined into web/src/page.html.
# The output (default web/fosterbeds.html, which is committed) depends on
# nothing but those inputs, so a rebuild is byte-for-byte the same file:
# tests/web-build.sh checks.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=
out=web/fosterbeds.html
while (($#)); do
	case $1 in
	--wasm) wasm=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	*) echo "usage: bash tools/build-web.sh [--wasm FILE] [--out FILE]" >&2; exit 2 ;;
	esac
done

if [[ -z $wasm ]]; then
	sh tools/build-wasm.sh
	wasm=build-wasm/fosterbeds.wasm
fi

bash tools/web-npm.sh
node web/build.mjs "$wasm" "$out"
