#!/bin/bash
# test-wasm.sh: build the WebAssembly build (tools/build-wasm.sh: its
# libraries from Debian's sources, cached) and run the command-line tests on
# it under node's WASI (tools/fosterbeds-wasm), with the native run's
# expected files: every tests/cli case, and the shell tests that take a
# binary (profiles, sample data, output, no-leak, XLSX, manifests, Ofsted's
# real files, the README's and manual page's examples).  Unit tests are the
# native build's (they test the same C).
#
#	bash tools/test-wasm.sh [CASE...]
#
# With CASEs, runs only those tests/cli cases.  A case that cannot run in
# WASI would be listed in tests/cli/wasm-skip (one per line: the case, a tab,
# the reason); none needs to be today.  Each test's result is written to
# build-wasm/meson-logs/testlog-wasm.json as meson writes its own, which
# tools/test.sh counts.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$PWD
sh tools/build-wasm.sh || exit 1
bin=$top/tools/fosterbeds-wasm
log=build-wasm/meson-logs/testlog-wasm.json
mkdir -p build-wasm/meson-logs
: >"$log"
failed=0

# The cases to run: every case but those in the skip list, each skip said.
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
	for d in tests/cli/*/; do
		name=$(basename "$d")
		reason=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' tests/cli/wasm-skip 2>/dev/null)
		if [[ -n $reason ]]; then
			echo "SKIP $name: $reason"
			echo "{\"name\": \"cli $name\", \"result\": \"SKIP\"}" >>"$log"
			continue
		fi
		cases+=("$name")
	done
fi

run() {
	local name=$1 start=$SECONDS
	shift
	echo "== $name (wasm)"
	if "$@"; then
		result=OK
	else
		result=FAIL
		failed=$((failed + 1))
	fi
	echo "{\"name\": \"$name\", \"result\": \"$result\", \"duration\": $((SECONDS - start))}" >>"$log"
}

run cli bash tests/cli/run.sh "$bin" tests "${cases[@]}"
if [[ $# -eq 0 ]]; then
	run profiles bash tests/profiles.sh "$bin" "$top/sample-data/exports"
	run sample-data bash tests/sample-data.sh "$bin" "$top/sample-data"
	run output bash tests/output.sh "$bin" "$top/tests/fixtures"
	run no-leak bash tests/no-leak.sh "$bin" "$top/tests/fixtures"
	run xlsx bash tests/xlsx.sh "$bin" "$top"
	run manifest bash tests/manifest.sh "$bin" "$top"
	run ofsted-realdata bash tests/ofsted-realdata.sh "$bin" "$top/tests/fixtures/ofsted"
	run examples python3 tests/examples.py "$bin" "$top" "$top/README.md" "$top/docs/fosterbeds.1"
fi
echo "wasm: $(grep -c '"OK"' "$log") passed, $failed failed, $(grep -c '"SKIP"' "$log") skipped"
exit $((failed > 0))
