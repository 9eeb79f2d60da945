#!/bin/bash
# run.sh: the CLI cases.  Each directory under tests/cli/ is one case:
#   cmd              the arguments, as shell words (run in tests/fixtures/)
#   stdin            optional: fed to standard input
#   expected-status  the exit status
#   expected-stdout  optional: standard output must be exactly this
#   expected-stderr  optional: standard error must be exactly this
#   stdout-to        optional: a path standard output goes to instead
#                    (/dev/full, to check that a failed write is an error)
#   check            optional: shell code run with OUT set to the stdout
#                    file, for output too long to spell out; must exit 0
# A case fails on the first difference, which is shown as a diff.
# FB_WRAPPER (set by the valgrind test setup) is put before the binary.
#
#   tests/cli/run.sh BIN TESTDIR [CASE...]
#
# runs every case, or only the CASEs named (directory names under
# tests/cli/, e.g. 'help-report'); a name that is no case is a failure.
#   tests/cli/run.sh build/fosterbeds tests abbrev-report usage-format
set -u
if [[ $# -lt 2 ]]; then
	echo "usage: $0 BIN TESTDIR [CASE...]" >&2
	exit 2
fi
bin=$(realpath "$1")
testdir=$(realpath "$2")
shift 2
fixtures=$testdir/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

cases=()
if [[ $# -eq 0 ]]; then
	cases=("$testdir"/cli/*/)
else
	for name in "$@"; do
		name=$(basename "$name")   # tests/cli/NAME/ or NAME
		if [[ ! -f $testdir/cli/$name/cmd ]]; then
			echo "FAIL $name: no such case (no $testdir/cli/$name/cmd)"
			fail=$((fail + 1))
			continue
		fi
		cases+=("$testdir/cli/$name/")
	done
fi

for case in "${cases[@]}"; do
	name=$(basename "$case")
	[[ -f $case/cmd ]] || continue
	want_status=$(cat "$case/expected-status")
	stdin=/dev/null
	[[ -f $case/stdin ]] && stdin=$case/stdin
	out=$tmp/stdout
	[[ -f $case/stdout-to ]] && out=$(cat "$case/stdout-to")
	: >"$tmp/stdout"
	eval "args=($(cat "$case/cmd"))"
	(cd "$fixtures" && ${FB_WRAPPER:-} "$bin" "${args[@]}" <"$stdin" \
		>"$out" 2>"$tmp/stderr")
	status=$?
	ok=1
	if [[ $status != "$want_status" ]]; then
		echo "FAIL $name: exit status $status, expected $want_status"
		ok=0
	fi
	for stream in stdout stderr; do
		if [[ -f $case/expected-$stream ]] &&
		   ! diff -u "$case/expected-$stream" "$tmp/$stream" >"$tmp/diff"; then
			echo "FAIL $name: $stream differs:"
			cat "$tmp/diff"
			ok=0
		fi
	done
	if [[ -f $case/check ]] && ! OUT=$tmp/stdout bash "$case/check" >"$tmp/check" 2>&1; then
		echo "FAIL $name: check failed:"
		cat "$tmp/check"
		ok=0
	fi
	if [[ $ok == 1 ]]; then
		pass=$((pass + 1))
	else
		echo "  command: (cd tests/fixtures && fosterbeds $(cat "$case/cmd"))"
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed"
[[ $fail == 0 && $pass -gt 0 ]]
