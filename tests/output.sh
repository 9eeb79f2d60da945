#!/bin/bash
# output.sh: -o FILE writes the same bytes as standard output would, only
# when the run succeeds, and never leaves a temporary file behind.
set -u
bin=$1
fixtures=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi; }

${FB_WRAPPER:-} "$bin" report --format csv --today 2026-11-23 "$fixtures/small.csv" >"$dir/stdout.csv"
${FB_WRAPPER:-} "$bin" report --format csv --today 2026-11-23 -o "$dir/out.csv" "$fixtures/small.csv" >"$dir/empty"
check "exit 0 with -o" "[[ $? == 0 ]]"
check "-o writes what stdout would" "cmp -s '$dir/stdout.csv' '$dir/out.csv'"
check "nothing on stdout with -o" "[[ ! -s '$dir/empty' ]]"
check "the file is readable by others, as a normal file" "[[ \$(stat -c %a '$dir/out.csv') == 644 || \$(stat -c %a '$dir/out.csv') == 664 ]]"

# A failed run (an input cannot be read: exit 3) keeps the old file.
echo "previous report" >"$dir/keep.csv"
${FB_WRAPPER:-} "$bin" report --format csv -o "$dir/keep.csv" "$fixtures/small.csv" "$dir/missing.csv" 2>/dev/null
check "exit 3 when an input is missing" "[[ $? == 3 ]]"
check "the old file is kept" "[[ \$(cat '$dir/keep.csv') == 'previous report' ]]"
check "no temporary file is left" "[[ \$(ls -A '$dir' | grep -c '^\\.') == 0 ]]"

# A file with data errors is still written (exit 1 is not a failure to write).
${FB_WRAPPER:-} "$bin" validate --format csv --today 2026-11-23 -o "$dir/findings.csv" "$fixtures/rules.csv"
check "exit 1 for data errors" "[[ $? == 1 ]]"
check "the findings file is written" "grep -q '^rules.csv\\|FB004' '$dir/findings.csv'"

# A folder that does not exist: exit 3, a clear message.
${FB_WRAPPER:-} "$bin" spec -o "$dir/no/such/dir/spec.txt" 2>"$dir/err"
check "exit 3 for an unwritable place" "[[ $? == 3 ]]"
check "the message names the file" "grep -q \"cannot write '$dir/no/such/dir/spec.txt'\" '$dir/err'"

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
