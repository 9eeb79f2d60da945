#!/bin/sh
# build-wasm.sh: the WebAssembly build of fosterbeds, build-wasm/fosterbeds.wasm
# (a release build, stripped; one thread, -Dthreads=disabled: WASI has
# none; no LTO, which made it 8% larger for the page that embeds it), with
# its libraries built from Debian's
# sources first (tools/wasm-deps.sh: cached, so only the first run fetches
# and compiles them).  Run it in the fosterbeds folder:
#	sh tools/build-wasm.sh
# then run it as the native binary is run:
#	tools/fosterbeds-wasm report sample-data/records/*.csv
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh tools/wasm-deps.sh build-wasm-deps
if [ ! -f build-wasm/build.ninja ]; then
	meson setup --cross-file tools/wasm32-wasi.ini \
		--cross-file build-wasm-deps/paths.ini \
		-Dtests=false --buildtype=release -Db_lto=false -Dthreads=disabled \
		build-wasm >/dev/null
fi
ninja -C build-wasm >/dev/null
echo "build-wasm/fosterbeds.wasm: $(wc -c <build-wasm/fosterbeds.wasm) bytes"
