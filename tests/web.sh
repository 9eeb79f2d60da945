#!/bin/bash
# web.sh: the browser page (web/fosterbeds.html) against the native CLI, in
# headless Chromium: tests/web.mjs.
#
#	bash tests/web.sh BIN ROOT [--only CASE] [--shots DIR]
set -u
bin=$1
root=$2
shift 2
# Under valgrind (the setup's FB_WRAPPER) the page would run the same
# WebAssembly and the native side only grow slower: skipped (77).
if [[ -n ${FB_WRAPPER:-} ]]; then
	echo "SKIP: the browser page under valgrind: nothing of it runs under valgrind"
	exit 77
fi
if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
	echo "chromium is not installed: apt-get install chromium (tools/setup.sh installs it)"
	exit 1
fi
bash "$root/tools/web-npm.sh" || exit 1
exec node "$root/tests/web.mjs" "$root/web/fosterbeds.html" "$bin" "$root" "$@"
