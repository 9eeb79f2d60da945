#!/bin/bash
# web.sh: the browser page (web/fosterbeds.html) against the native CLI, in
# headless Chromium: tests/web.mjs.
#
#	bash tests/web.sh BIN ROOT [--only CASE] [--shots DIR]
set -u
bin=$1
root=$2
shift 2
if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
	echo "chromium is not installed: apt-get install chromium (tools/setup.sh installs it)"
	exit 1
fi
bash "$root/tools/web-npm.sh" || exit 1
exec node "$root/tests/web.mjs" "$root/web/fosterbeds.html" "$bin" "$root" "$@"
