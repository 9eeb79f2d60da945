#!/bin/bash
# test-wasm.sh: build the WebAssembly build (tools/build-wasm.sh: its
# libraries from Debian's sources, cached) and run the command-line tests on
# it under node's WASI (tools/fosterbeds-wasm), with the native run's
# expected files: every tests/cli case, and the shell tests that take a
# binary (profiles, sample data, output, no-leak, XLSX, manifests, Ofsted's
# real files, the README's and manual page's examples), and one large
# input against the native build's output.  Unit tests are the
# native build's (they test the same C).  tests/outputs-safety.sh is not run
# here: it checks what WASI does not have (permission bits, FIFOs, signals,
# ulimit), and the code leaves those parts out there (HAVE_SIGACTION...).
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

# A run that grows its memory to about 120 MiB (600,000 rows) gives the
# native build's bytes: node crashed on it without --no-turbo-fast-api-calls
# (tools/wasi-run.mjs says why).  Needs the native build (build/).
large() {
	local tmp ok=0
	if [[ ! -x build/fosterbeds ]]; then
		echo "large: no build/fosterbeds to compare with"
		return 1
	fi
	tmp=$(mktemp -d)
	awk 'BEGIN {
		split("867 846 825 845 850 921 886 887 826 931 851 870 871 852 936 869 938 868 872", la, " ")
		print "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"
		for (i = 0; i < 600000; i++)
			printf "%s,2026-09-30,HH%08d,%d,mainstream,%s,,,,\n", la[1 + i % 19], int(i / 3), 1 + i % 3,
			    i % 4 ? "vacant" : "filled"
	}' >"$tmp/beds.csv"
	build/fosterbeds report --format csv "$tmp/beds.csv" >"$tmp/native.csv"
	"$bin" report --format csv "$tmp/beds.csv" >"$tmp/wasm.csv" &&
		cmp "$tmp/native.csv" "$tmp/wasm.csv" && ok=1
	rm -rf "$tmp"
	[[ $ok == 1 ]] && echo "large: 600,000 rows, the same output"
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
	run large large
fi
echo "wasm: $(grep -c '"OK"' "$log") passed, $failed failed, $(grep -c '"SKIP"' "$log") skipped"
exit $((failed > 0))
