#!/bin/bash
# hostile-names.sh: file names and manifest strings that could move a
# terminal or break a format (a newline, ESC, a byte that is not UTF-8) are
# shown as escapes in text and messages, JSON stays valid UTF-8, and a
# manifest finds a file whose name is not UTF-8 (spec/manifest.md).
#   tests/hostile-names.sh BIN FIXTURES
set -u
bin=$(realpath "$1")
fixtures=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/lib.sh"
run() { ${FB_WRAPPER:-} "$bin" "$@"; }
esc=$'\033'
nl=$'a\nb.csv'
cafe=$'caf\xe9.csv'
title=$'e\033]0;pwned\007x.csv'
cd "$tmp" || exit 1
cp "$fixtures/rules.csv" "$nl"
cp "$fixtures/rules.csv" "$title"
cp "$fixtures/small.csv" "$cafe"
cp "$fixtures/trend.csv" "t$cafe"

# Findings: one line each, the name escaped, never a raw control character.
run validate --today 2026-11-23 "$nl" "$title" >out 2>err
n=$(grep -c 'FB0' out)
[[ $n -gt 0 && $(wc -l <out) -ge $n ]] && ok || bad "validate: no findings"
grep -q '^b\.csv' out && bad "validate: a newline in a name split a finding" || ok
grep -q '^a\\nb\.csv:3 (row 3, column D): error FB011' out && ok ||
	bad "validate: the name is not shown as a\\nb.csv"
grep -q '^e\\x1B\]0;pwned\\x07x\.csv:' out && ok || bad "validate: ESC not shown as \\x1B"
grep -q "$esc" out err && bad "validate: an ESC reached the terminal" || ok
run report --today 2026-11-23 "$nl" >out 2>err
grep -q "$esc" err && bad "report: an ESC on stderr" || ok
grep -q '^b\.csv' err && bad "report: a newline in a name split a message" || ok
# A message naming a file that cannot be read.
run report "missing$esc[2J.csv" >out 2>err
grep -q 'cannot read .missing\\x1B\[2J\.csv' err && ok || bad "cannot read: name not escaped"
grep -q "$esc" err && bad "cannot read: an ESC on stderr" || ok

# JSON is UTF-8 whatever the name: validate, report and trend parse.
for cmd in "validate $cafe" "report $cafe" "trend t$cafe"; do
	# shellcheck disable=SC2086
	run ${cmd%% *} --format json --today 2026-11-23 "${cmd#* }" >out.json 2>/dev/null
	python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' out.json &&
		ok || bad "${cmd%% *} --format json: not valid JSON for a name that is not UTF-8"
done

# A manifest of a name that is not UTF-8 finds the unchanged file.
run report --today 2026-11-23 --manifest m.json "$cafe" >/dev/null 2>&1
grep -q '"name_hex": "636166e92e637376"' m.json && ok || bad "manifest: no name_hex"
run check-manifest m.json >out 2>err
status=$?
[[ $status == 0 ]] && ok || bad "check-manifest: exit $status for an unchanged file"
grep -q '^caf\\xE9\.csv: unchanged' out && ok || bad "check-manifest: $(cat out)"
# A run made in a folder whose name is not UTF-8 (directory_hex), checked
# from elsewhere.
mkdir "$tmp/$cafe.d" && cp "$fixtures/small.csv" "$tmp/$cafe.d/"
(cd "$tmp/$cafe.d" && run report --today 2026-11-23 --manifest d.json small.csv >/dev/null 2>&1)
(cd / && run check-manifest "$tmp/$cafe.d/d.json" >"$tmp/out" 2>&1)
grep -qx 'small\.csv: unchanged' out && ok || bad "check-manifest, folder not UTF-8: $(cat out)"
# A UTF-8 name has no name_hex: such manifests are as they were.
cp "$fixtures/small.csv" "café.csv"
run report --today 2026-11-23 --manifest u.json "café.csv" >/dev/null 2>&1
grep -q '_hex' u.json && bad "manifest: a _hex field for a UTF-8 name" || ok

# A crafted manifest's own strings cannot clear the screen or set the title.
sed -e "s/\"command\": \"report\"/\"command\": \"report\\\\u001b[2J\"/" \
    -e "s/\"created\": \"\\([^\"]*\\)\"/\"created\": \"\\1\\\\u001b]0;pwned\\\\u0007\\\\n\"/" \
    -e "s/\"tool_version\": \"\\([^\"]*\\)\"/\"tool_version\": \"\\1\\\\u001bc\"/" u.json >crafted.json
grep -q 'u001b\[2J' crafted.json && ok || bad "crafted manifest not made"
run check-manifest crafted.json >out 2>err
grep -q "$esc" out err && bad "check-manifest: an ESC from the manifest reached the terminal" || ok
grep -q 'report\\x1B\[2J run of .*\\x1B\]0;pwned\\x07\\n in .* by fosterbeds .*\\x1Bc' out && ok ||
	bad "check-manifest: the manifest's strings not shown escaped: $(head -1 out)"

# A profile's own words (system, la) as profile check says them.
sed "s/^system = .*/system = Mosaic$esc[2J/" "$fixtures/profile-bed.ini" >p.ini
run profile check p.ini >out 2>err
grep -q 'a profile for Mosaic\\x1B\[2J (Medway)' out && ok || bad "profile check: $(cat out err)"
grep -q "$esc" out err && bad "profile check: an ESC reached the terminal" || ok

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
