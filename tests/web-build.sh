#!/bin/bash
# web-build.sh: tools/build-web.sh, into a temporary file, must give the
# committed web/fosterbeds.html byte for byte: the page is rebuilt
# reproducibly from the repository, and nobody forgot to rebuild it after a
# change to the CLI or to web/.
#
#	bash tests/web-build.sh [ROOT]
set -u
root=${1:-$(dirname "$0")/..}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! bash "$root/tools/build-web.sh" --out "$tmp/fosterbeds.html"; then
	echo "FAIL: tools/build-web.sh"
	echo "0 passed, 1 failed"
	exit 1
fi
if cmp "$tmp/fosterbeds.html" "$root/web/fosterbeds.html"; then
	echo "PASS: web/fosterbeds.html is what tools/build-web.sh makes"
	echo "1 passed, 0 failed"
else
	echo "FAIL: web/fosterbeds.html differs from a rebuild: run bash tools/build-web.sh and commit it"
	diff <(grep -v '^[A-Za-z0-9+/=]\{120\}$' "$root/web/fosterbeds.html") \
		<(grep -v '^[A-Za-z0-9+/=]\{120\}$' "$tmp/fosterbeds.html") | head -20
	echo "0 passed, 1 failed"
	exit 1
fi
