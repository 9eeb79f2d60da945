#!/bin/bash
# test.sh: set up as tools/setup.sh does (without installing), then run the
# whole test suite: the unit and CLI tests, the same under valgrind, and
# again in a build with AddressSanitizer and UndefinedBehaviorSanitizer (and
# the CLI cases in a release + LTO one), in a clang build, the command-line tests on the WebAssembly build under
# node's WASI (tools/test-wasm.sh), and every fuzz target for 20 s.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --no-install

echo "== meson test --setup=full"
meson test -C build --setup=full --print-errorlogs

echo "== web page (tools/build-web.sh, rebuilt and compared with web/fosterbeds.html)"
bash tests/web-build.sh

echo "== meson test --setup=valgrind"
meson test -C build --setup=valgrind --print-errorlogs

# The extra builds are debugoptimized without LTO, not the default release
# + LTO of build/ (the installed program): their findings name lines, and an
# LTO link per test would take minutes.
echo "== sanitizers (build-asan/)"
if [[ -f build-asan/build.ninja ]]; then
	meson setup --reconfigure build-asan --buildtype=debugoptimized -Db_lto=false >/dev/null
else
	meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false \
		--buildtype=debugoptimized -Db_lto=false >/dev/null
fi
ninja -C build-asan
# FB_TEST_FEW: tests of many random inputs try a few (test-blocks starts a
# thread a block, and a thread costs AddressSanitizer about 10 ms).
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 FB_TEST_FEW=1 \
	meson test -C build-asan --setup=full --print-errorlogs

echo "== sanitizers, release + LTO (build-asan-lto/)"
# The installed program's optimisation, across files, with the sanitizers:
# the CLI cases (an LTO link per unit test would take minutes).  Such a
# build once read 'South East' as no region, as it gave one string literal
# two copies and the code compared pointers.
if [[ ! -f build-asan-lto/build.ninja ]]; then
	meson setup build-asan-lto -Db_sanitize=address,undefined -Db_lundef=false \
		--buildtype=release -Db_lto=true -Dtests=false >/dev/null
fi
ninja -C build-asan-lto fosterbeds
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
	bash tests/cli/run.sh build-asan-lto/fosterbeds tests

echo "== clang (build-clang/)"
# Behaviour may not depend on the compiler (an argument evaluated before
# another that moves its buffer crashed only clang builds): the suite again,
# built with clang; and on one thread, with no thread library
# (-Dthreads=disabled, as the WebAssembly build is), so that tests/digest.sh
# sees the same hashes computed inline as build/ computed on a second thread.
clang_opts=(--buildtype=debugoptimized -Db_lto=false -Dthreads=disabled)
if [[ -f build-clang/build.ninja ]]; then
	meson setup --reconfigure build-clang "${clang_opts[@]}" >/dev/null
else
	CC=clang meson setup build-clang "${clang_opts[@]}" >/dev/null
fi
ninja -C build-clang
meson test -C build-clang --setup=full --print-errorlogs

echo "== WebAssembly (build-wasm/)"
bash tools/test-wasm.sh

echo "== fuzz (build-fuzz/)"
# Every libFuzzer target (tests/fuzz/) built and run for 20 s from the
# fixtures: a crash or a broken invariant stops here (tools/fuzz.sh).  One
# fixed seed, so that CI tries the same inputs each time (as far as 20 s
# reaches) and a red run can be replayed; the long runs by hand use random
# seeds.
FUZZ_ARGS="-seed=1" bash tools/fuzz.sh all 20

# One closing line over the five runs, counted from meson's own logs (and
# test-wasm.sh's, written the same way).
python3 - build/meson-logs/testlog-full.json build/meson-logs/testlog-valgrind.json \
	build-asan/meson-logs/testlog-full.json build-clang/meson-logs/testlog-full.json \
	build-wasm/meson-logs/testlog-wasm.json <<'PY'
import json, sys
passed = failed = 0
for path in sys.argv[1:]:
    for line in open(path):
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r not in ("SKIP",):
            failed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
