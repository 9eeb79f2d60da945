#!/bin/bash
# no-leak.sh: a file whose header row was left off starts with a bed, whose
# child_ref (CRPRIV...) and household (HH-1) must appear in no output of any
# command, in any format, nor on standard error (issue 9, item 5).  xlsx is
# unzipped before it is searched.
set -u
bin=$1
fixtures=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

run() {
	local name=$1 format=$2
	shift 2
	(cd "$fixtures" && ${FB_WRAPPER:-} "$bin" "$@") >"$dir/out" 2>"$dir/err"
	if [[ $format == xlsx ]]; then
		unzip -p "$dir/out" >"$dir/text" 2>/dev/null || : >"$dir/text"
	else
		cp "$dir/out" "$dir/text"
	fi
	if grep -q 'CRPRIV\|HH-1' "$dir/text" "$dir/err"; then
		echo "FAIL: $name --format $format shows a cell of the first row"
		fail=$((fail + 1))
	elif ! grep -q FB020 "$dir/text" "$dir/err"; then
		echo "FAIL: $name --format $format does not say FB020"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

for f in text csv json html xlsx; do
	run validate $f validate --today 2026-11-23 --format $f no-header.csv
done
for f in table csv json html xlsx; do
	run report $f report --today 2026-11-23 --format $f no-header.csv
	run reconcile $f reconcile --today 2026-11-23 --format $f --ofsted recon-return.csv \
		no-header.csv
done
for f in table csv json html; do
	run trend $f trend --today 2026-11-23 --format $f no-header.csv small.csv
done

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
