#!/bin/bash
# profiles.sh BIN EXPORTS: for each example under sample-data/exports/
# (profile.ini, export.csv, README.md), report through the profile must
# equal report on convert's output, and its figures must equal the hand
# count the README gives ("Hand count: approved N, filled N, vacant N,
# unavailable N, respite/emergency N").  An example of episodes (its README
# has "Period: FROM..TO") is reported with --period instead, must also equal
# report --period on the standard episode file written by hand beside it
# (by-hand.csv), and its hand count is of bed-nights ("Hand count: approved
# N, filled N, vacant N, unavailable N, mainstream approved N, mainstream
# filled N").
set -u
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# Every row accounted for: read = used + rejected + dropped + outside.
accounted() {
	python3 - "$1" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for i in m["inputs"]:
    assert i["rows_read"] == i["rows_used"] + i["rows_rejected"] + \
        i["rows_dropped_by_profile"] + i["rows_outside_filter"], i
assert m["profile"]["system"]
PY
}

# An example of episodes: report --period through the profile, on convert's
# output and on the hand-written by-hand.csv, all equal the hand count.
episodes_example() {
	local dir=$1 name=$2 period want got
	period=$(sed -n 's/^Period: \([0-9-]*\.\.[0-9-]*\)$/\1/p' "$dir/README.md")
	(cd "$dir" && "$bin" report --period "$period" --format csv --profile profile.ini \
		export.csv) >"$tmp/through" 2>/dev/null
	(cd "$dir" && "$bin" convert --profile profile.ini -o "$tmp/std.csv" export.csv) \
		2>/dev/null
	"$bin" report --period "$period" --format csv "$tmp/std.csv" >"$tmp/converted" 2>/dev/null
	"$bin" report --period "$period" --format csv "$dir/by-hand.csv" >"$tmp/hand" 2>/dev/null
	if ! cmp -s "$tmp/through" "$tmp/converted" || ! cmp -s "$tmp/through" "$tmp/hand"; then
		echo "FAIL $name: report --period through the profile differs from report" \
			"--period on convert's output or on by-hand.csv"
		diff "$tmp/through" "$tmp/converted"
		diff "$tmp/through" "$tmp/hand"
		return 1
	fi
	want=$(sed -n 's/^Hand count: approved \([0-9]*\), filled \([0-9]*\), vacant \([0-9]*\), unavailable \([0-9]*\), mainstream approved \([0-9]*\), mainstream filled \([0-9]*\)$/\1,\2,\3,\4,\5,\6/p' "$dir/README.md")
	got=$(awk -F, 'NR == 2 { print $5 "," $6 "," $7 "," $8 "," $9 "," $10 }' "$tmp/through")
	if [[ -z $want || $want != "$got" ]]; then
		echo "FAIL $name: bed-nights $got, hand count ${want:-(none in README.md)}"
		return 1
	fi
	(cd "$dir" && "$bin" report --period "$period" --profile profile.ini \
		--manifest "$tmp/m.json" export.csv) >/dev/null 2>&1
	if ! accounted "$tmp/m.json"; then
		echo "FAIL $name: rows read are not used + rejected + dropped + outside"
		return 1
	fi
}

for dir in "$root"/*/; do
	name=$(basename "$dir")
	[[ -f $dir/profile.ini ]] || continue
	if grep -q '^Period: ' "$dir/README.md"; then
		if episodes_example "$dir" "$name"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
		fi
		continue
	fi
	(cd "$dir" && "$bin" report --format csv --profile profile.ini export.csv) \
		>"$tmp/through" 2>/dev/null
	(cd "$dir" && "$bin" convert --profile profile.ini -o "$tmp/std.csv" export.csv) \
		2>/dev/null
	"$bin" report --format csv "$tmp/std.csv" >"$tmp/converted" 2>/dev/null
	if ! cmp -s "$tmp/through" "$tmp/converted"; then
		echo "FAIL $name: report through the profile differs from report on convert's output"
		diff "$tmp/through" "$tmp/converted"
		fail=$((fail + 1))
		continue
	fi
	want=$(sed -n 's/^Hand count: approved \([0-9]*\), filled \([0-9]*\), vacant \([0-9]*\), unavailable \([0-9]*\), respite\/emergency \([0-9]*\)$/\1,\2,\3,\4,\5/p' "$dir/README.md")
	got=$(awk -F, 'NR == 2 { print $4 "," $5 "," $6 "," $7 "," $8 }' "$tmp/through")
	if [[ -z $want || $want != "$got" ]]; then
		echo "FAIL $name: figures $got, hand count ${want:-(none in README.md)}"
		fail=$((fail + 1))
		continue
	fi
	(cd "$dir" && "$bin" report --profile profile.ini --manifest "$tmp/m.json" export.csv) \
		>/dev/null 2>&1
	if ! accounted "$tmp/m.json"; then
		echo "FAIL $name: rows read are not used + rejected + dropped + outside"
		fail=$((fail + 1))
		continue
	fi
	pass=$((pass + 1))
done

# profile init, then filling it in: refused until filled, then the same
# figures as the example's own profile.
init=$tmp/init.ini
fill=$(dirname "$0")/fixtures/profile-init-fill.sed
if "$bin" profile init -o "$init" "$root/per-bed/export.csv" 2>"$tmp/err" &&
   ! "$bin" profile check "$init" >/dev/null 2>&1 &&
   sed -f "$fill" "$init" >"$tmp/filled.ini" &&
   "$bin" profile check "$tmp/filled.ini" >/dev/null &&
   (cd "$root/per-bed" && "$bin" report --format csv --profile "$tmp/filled.ini" export.csv \
	>"$tmp/filled.csv" 2>/dev/null &&
    "$bin" report --format csv --profile profile.ini export.csv >"$tmp/own.csv" 2>/dev/null) &&
   cmp -s "$tmp/filled.csv" "$tmp/own.csv"; then
	pass=$((pass + 1))
else
	echo "FAIL profile init: the filled-in profile is refused or reports otherwise"
	"$bin" profile check "$tmp/filled.ini"
	fail=$((fail + 1))
fi

# The per-bed export's child IDs (CH9...) appear in no output but convert's,
# in any format, nor on standard error; the same with values that are
# errors (an unmapped status, a child ID that is not UTF-8).
leak=0
sed 's/Occupied,,CH9001/Ocupied,,CH9001/; s/,CH9002$/,CH\xff9002/' "$root/per-bed/export.csv" \
	>"$tmp/errors.csv"
for input in "$root/per-bed/export.csv" "$tmp/errors.csv"; do
	for cmd in validate report trend; do
		for format in text csv json html; do
			[[ $cmd != validate && $format == text ]] && format=table
			"$bin" $cmd --format $format --profile "$root/per-bed/profile.ini" "$input" \
				>"$tmp/out" 2>&1
			if grep -aq 'CH[^,"]\{0,4\}900' "$tmp/out"; then
				echo "FAIL $cmd --format $format shows a child ID"
				leak=1
			fi
		done
	done
done
"$bin" convert --profile "$root/per-bed/profile.ini" "$root/per-bed/export.csv" 2>"$tmp/err" |
	grep -q CH9001 && ! grep -q CH9 "$tmp/err" || leak=1
if [[ $leak == 0 ]]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi

# Every output names the profile, its system and LA, and counts the rows it
# dropped where the other counts are: the per-household example drops one.
shown=1
hh=$root/per-household
for cmd in validate report trend; do
	(cd "$hh" && "$bin" $cmd --format html --profile profile.ini export.csv) \
		>"$tmp/page.html" 2>/dev/null
	if ! grep -q 'Example Household Register</code>\|Example Household Register, for Kent' \
		"$tmp/page.html" || ! grep -q '>Dropped by the profile</th>' "$tmp/page.html"; then
		echo "FAIL $cmd --format html: no profile, system or dropped rows in Inputs"
		shown=0
	fi
	(cd "$hh" && "$bin" $cmd --format xlsx --profile profile.ini -o "$tmp/book.xlsx" \
		export.csv) >/dev/null 2>&1
	if ! unzip -p "$tmp/book.xlsx" xl/sharedStrings.xml >"$tmp/strings" ||
	   ! grep -q 'Example Household Register, for Kent); 1 row dropped' "$tmp/strings" ||
	   ! grep -q 'rows_dropped_by_profile\|Rows dropped by profile' "$tmp/strings"; then
		echo "FAIL $cmd --format xlsx: no profile note or dropped column"
		shown=0
	fi
done
(cd "$hh" && "$bin" validate --profile profile.ini export.csv) >"$tmp/v.txt" 2>/dev/null
grep -q '^  export.csv: 13 rows read, 12 used, 0 rejected, 1 dropped by the profile$' \
	"$tmp/v.txt" || { echo "FAIL validate's text: no dropped count"; shown=0; }
(cd "$hh" && "$bin" validate --format json --profile profile.ini export.csv) 2>/dev/null |
	python3 -c 'import json, sys; assert json.load(sys.stdin)["inputs"][0]["rows_dropped_by_profile"] == 1' ||
	{ echo "FAIL validate's JSON: no rows_dropped_by_profile"; shown=0; }
if [[ $shown == 1 ]]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi

# check-manifest checks the profile a run was read through as it checks an
# input: unchanged, then changed, then missing, each with its exit status.
mkdir "$tmp/run"
cp "$hh/profile.ini" "$hh/export.csv" "$tmp/run/"
checked=1
(cd "$tmp/run" && "$bin" report --profile profile.ini --manifest m.json export.csv) \
	>/dev/null 2>&1
"$bin" check-manifest "$tmp/run/m.json" >"$tmp/cm" 2>&1 &&
	grep -q '^profile profile.ini: unchanged$' "$tmp/cm" || checked=0
echo '; edited' >>"$tmp/run/profile.ini"
"$bin" check-manifest "$tmp/run/m.json" >"$tmp/cm" 2>&1
[[ $? == 1 ]] && grep -q '^profile profile.ini: changed (was ' "$tmp/cm" || checked=0
rm "$tmp/run/profile.ini"
"$bin" check-manifest --format csv "$tmp/run/m.json" >"$tmp/cm" 2>&1
[[ $? == 1 ]] && grep -q '^2,profile.ini,profile,missing,' "$tmp/cm" || checked=0
if [[ $checked == 1 ]]; then
	pass=$((pass + 1))
else
	echo "FAIL check-manifest does not check the profile"
	cat "$tmp/cm"
	fail=$((fail + 1))
fi

# A wide export: the profile's columns after 70 others are found all the
# same (every header cell is compared), with the same figures.
awk -F, -v OFS=, '{ pre = ""; for (i = 1; i <= 70; i++) pre = pre (NR == 1 ? "X" i : "") ","
	print pre $0 }' "$root/per-bed/export.csv" >"$tmp/wide.csv"
cp "$root/per-bed/export.csv" "$tmp/narrow.csv"
prof=$(cd "$root/per-bed" && pwd)/profile.ini
(cd "$tmp" && "$bin" report --format csv --profile "$prof" narrow.csv) \
	>"$tmp/narrow.out" 2>/dev/null
(cd "$tmp" && mv wide.csv narrow.csv && "$bin" report --format csv --profile "$prof" narrow.csv) \
	>"$tmp/wide.out" 2>"$tmp/wide.err"
if [[ -s $tmp/narrow.out ]] && cmp -s "$tmp/narrow.out" "$tmp/wide.out"; then
	pass=$((pass + 1))
else
	echo "FAIL a profile's columns after the 64th header cell are not found"
	head -3 "$tmp/wide.err"
	fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[[ $fail == 0 && $pass == 9 ]]
