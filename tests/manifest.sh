#!/bin/bash
# manifest.sh: --manifest on report and reconcile, and check-manifest.
#  - each input's sha256 and bytes agree with sha256sum and stat, for the
#    sample data, the small fixture, a file with rejected rows, a UTF-16
#    file (not parsed, but hashed whole) and a return;
#  - rows read, used and rejected agree with the JSON output of the same run,
#    which carries the same sha256;
#  - the command line is recorded as typed, and its options, and a filter
#    (--la) with the rows it set aside;
#  - the manifest is written like -o: whole or not at all;
#  - check-manifest: unchanged (exit 0), changed (1), missing (1), stdin,
#    an unreadable manifest (3), usage (2); relative names found where the
#    run was made from any folder, then in the manifest's folder (moved
#    with its inputs), and a missing input says where it was looked for;
#    an older manifest without "directory" is still read.
set -u
bin=$1
root=$2
fixtures=$root/tests/fixtures
today=2026-11-23
. "$(dirname "$0")/lib.sh"
fb() { ${FB_WRAPPER:-} "$bin" "$@"; }

# Every input of manifest $1 as "name<TAB>bytes<TAB>sha256<TAB>read<TAB>used<TAB>rejected".
inputs() {
	python3 - "$1" <<'PY'
import json, sys
for i in json.load(open(sys.argv[1]))["inputs"]:
    print("\t".join(str(i[k]) for k in ("name", "bytes", "sha256", "rows_read", "rows_used", "rows_rejected")))
PY
}

# Each input of manifest $1 (names relative to directory $2) against sha256sum and stat.
against_coreutils() {
	local manifest=$1 dir=$2 n=0 name bytes sha rest
	while IFS=$'\t' read -r name bytes sha rest; do
		n=$((n + 1))
		[[ $sha == $(cd "$dir" && sha256sum <"$name" | cut -d' ' -f1) ]] &&
			ok || bad "$manifest: $name: sha256 $sha is not sha256sum's"
		[[ $bytes == $(cd "$dir" && stat -c %s "$name") ]] &&
			ok || bad "$manifest: $name: $bytes bytes is not stat's"
	done < <(inputs "$manifest")
	[[ $n -gt 0 ]] && ok || bad "$manifest lists no inputs"
}

# Rows and hashes in manifest $1 against the "inputs" of the JSON output $2.
against_json() {
	python3 - "$1" "$2" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["inputs"]
j = json.load(open(sys.argv[2]))["inputs"]
keys = ("name", "role", "bytes", "sha256", "rows_read", "rows_used", "rows_rejected")
assert [[i[k] for k in keys] for i in m] == [[i[k] for k in keys] for i in j], (m, j)
for i in m:
    assert i["rows_read"] == i["rows_used"] + i["rows_rejected"], i
PY
}

# --- report on the sample data: hashes, sizes, rows
(cd "$root" && fb report --today $today --format json -o "$tmp/sample.json" \
	--manifest "$tmp/sample.manifest" sample-data/records/*.csv)
status=$?
[[ $status == 0 ]] && ok || bad "report --manifest on sample-data exited $status"
against_coreutils "$tmp/sample.manifest" "$root"
against_json "$tmp/sample.manifest" "$tmp/sample.json" && ok || bad "sample: manifest and JSON disagree"
[[ $(inputs "$tmp/sample.manifest" | wc -l) == $(ls "$root"/sample-data/records/*.csv | wc -l) ]] &&
	ok || bad "sample: not one input per record file"
(cd "$root" && fb check-manifest "$tmp/sample.manifest" >"$tmp/out")
status=$?
[[ $status == 0 ]] && ok || bad "check-manifest on the sample manifest exited $status"
[[ $(grep -c ': unchanged$' "$tmp/out") == 19 ]] && ok || bad "sample: not 19 unchanged: $(cat "$tmp/out")"
grep -q '^19 inputs: 19 unchanged, 0 changed, 0 missing, 0 stdin$' "$tmp/out" &&
	ok || bad "sample: no summary line: $(tail -1 "$tmp/out")"

# --- small.csv, a file with rejected rows and a UTF-16 file (exit 1: data errors)
(cd "$fixtures" && fb report --today $today --format json --manifest "$tmp/small.manifest" \
	small.csv rules.csv utf16.csv >"$tmp/small.json" 2>/dev/null)
status=$?
[[ $status == 1 ]] && ok || bad "report on rules.csv exited $status, not 1"
against_coreutils "$tmp/small.manifest" "$fixtures"
against_json "$tmp/small.manifest" "$tmp/small.json" && ok || bad "small: manifest and JSON disagree"
python3 - "$tmp/small.manifest" <<'PY' && ok || bad "small: rows or fields not as expected"
import json, sys
d = json.load(open(sys.argv[1]))
rows = {i["name"]: (i["rows_read"], i["rows_used"], i["rows_rejected"]) for i in d["inputs"]}
# small.csv: 11 beds, all used; rules.csv: 21 rows, 9 rejected (tests/cli/report-json).
assert rows == {"small.csv": (11, 11, 0), "rules.csv": (21, 12, 9), "utf16.csv": (0, 0, 0)}, rows
assert [i["role"] for i in d["inputs"]] == ["records"] * 3
assert d["tool"] == "fosterbeds" and d["tool_version"] == "0.1.0" and d["spec_version"] == "1.2"
assert d["manifest_version"] == 1 and d["command"] == "report" and d["today"] == "2026-11-23"
assert d["argv"][:2] == ["fosterbeds", "report"] and d["argv"][-3:] == ["small.csv", "rules.csv", "utf16.csv"]
assert d["options"] == {"today": "2026-11-23", "format": "json", "manifest": sys.argv[1]}, d["options"]
import re
assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d["created"]), d["created"]
PY
(cd "$fixtures" && fb check-manifest "$tmp/small.manifest" >/dev/null)
status=$?
[[ $status == 0 ]] && ok || bad "check-manifest on the small manifest exited $status"

# --- reconcile: the return is hashed too; operands before options stay where typed
(cd "$fixtures" && fb reconcile small.csv --ofsted recon-return.csv -fjson -o "$tmp/recon.json" \
	--manifest "$tmp/recon.manifest" --today $today 2>/dev/null)
status=$?
[[ $status == 0 ]] && ok || bad "reconcile --manifest exited $status"
against_coreutils "$tmp/recon.manifest" "$fixtures"
against_json "$tmp/recon.manifest" "$tmp/recon.json" && ok || bad "reconcile: manifest and JSON disagree"
python3 - "$tmp/recon.manifest" <<'PY' && ok || bad "reconcile: argv or options not as typed"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["command"] == "reconcile"
assert d["argv"] == ["fosterbeds", "reconcile", "small.csv", "--ofsted", "recon-return.csv", "-fjson",
                     "-o", d["argv"][7], "--manifest", sys.argv[1], "--today", "2026-11-23"], d["argv"]
assert d["options"] == {"ofsted": "recon-return.csv", "format": "json", "output": d["argv"][7],
                        "manifest": sys.argv[1], "today": "2026-11-23"}, d["options"]
assert [(i["name"], i["role"]) for i in d["inputs"]] == [("small.csv", "records"), ("recon-return.csv", "return")]
PY

# --- a filter: its options as typed, the LAs kept, and the rows set aside
(cd "$fixtures" && fb report --today $today --format json --la " 851" \
	--manifest "$tmp/filter.json" two-regions.csv >"$tmp/filter-out.json" 2>/dev/null)
python3 - "$tmp/filter.json" "$tmp/filter-out.json" <<'PY' && ok || bad "a filter is not in the manifest"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["options"]["la"] == " 851" and "--la" in m["argv"]
assert m["filter"] == {"region": None, "la_codes": ["851"]}
i = m["inputs"][0]
# two-regions.csv: 4 rows of 851 used, 7 of Bracknell Forest, Camden and Westminster set aside.
assert (i["rows_read"], i["rows_used"], i["rows_rejected"], i["rows_outside_filter"]) == (11, 4, 0, 7)
j = json.load(open(sys.argv[2]))
assert j["manifest"]["filter"] == m["filter"] and j["inputs"][0]["rows_outside_filter"] == 7
PY

# --- the same run twice: the same manifest but for "created" (pinned here)
for n in 1 2; do
	(cd "$fixtures" && SOURCE_DATE_EPOCH=1795000000 fb report --today $today --manifest "$tmp/again.manifest" \
		small.csv >/dev/null)
	mv "$tmp/again.manifest" "$tmp/again$n.manifest"
done
cmp -s "$tmp/again1.manifest" "$tmp/again2.manifest" && ok || bad "two runs gave different manifests"
grep -q '"created": "2026-11-18T11:06:40Z"' "$tmp/again1.manifest" && ok || bad "SOURCE_DATE_EPOCH not used"

# --- check-manifest: changed, missing, stdin
mkdir "$tmp/copy"
cp "$fixtures/small.csv" "$tmp/copy/beds.csv"
(cd "$tmp/copy" && fb report --today $today --manifest run.manifest beds.csv >/dev/null)
(cd "$tmp/copy" && fb check-manifest run.manifest >"$tmp/out")
status=$?
[[ $status == 0 ]] && ok || bad "copy: check-manifest exited $status before any change"
grep -q '^beds.csv: unchanged$' "$tmp/out" && ok || bad "copy: not unchanged: $(cat "$tmp/out")"
# One byte edited (the size stays the same): only the hash can tell.
size=$(stat -c %s "$tmp/copy/beds.csv")
printf 'X' | dd of="$tmp/copy/beds.csv" bs=1 seek=100 conv=notrunc status=none
[[ $(stat -c %s "$tmp/copy/beds.csv") == "$size" ]] && ok || bad "copy: the edit changed the size"
(cd "$tmp/copy" && fb check-manifest run.manifest >"$tmp/out")
status=$?
[[ $status == 1 ]] && ok || bad "copy: check-manifest exited $status for a changed file, not 1"
grep -q "^beds.csv: changed (was $size bytes, sha256 [0-9a-f]\{12\}\.\.\.; now $size bytes, sha256 [0-9a-f]\{12\}\.\.\.)$" \
	"$tmp/out" && ok || bad "copy: not changed: $(cat "$tmp/out")"
grep -q '^1 input: 0 unchanged, 1 changed, 0 missing, 0 stdin$' "$tmp/out" && ok || bad "copy: summary: $(cat "$tmp/out")"
(cd "$tmp/copy" && fb check-manifest --format json run.manifest >"$tmp/out.json")
python3 - "$tmp/out.json" "$(sha256sum <"$tmp/copy/beds.csv" | cut -d' ' -f1)" <<'PY' && ok || bad "copy: JSON check not as expected"
import json, sys
d = json.load(open(sys.argv[1]))
i, = d["inputs"]
assert i["name"] == "beds.csv" and i["status"] == "changed" and i["sha256"] == sys.argv[2]
assert i["recorded_sha256"] != i["sha256"] and i["bytes"] == i["recorded_bytes"] and i["error"] is None
assert (d["unchanged"], d["changed"], d["missing"], d["stdin"], d["unreadable"]) == (0, 1, 0, 0, 0)
assert d["command"] == "report"
PY
rm "$tmp/copy/beds.csv"
(cd "$tmp/copy" && fb check-manifest run.manifest >"$tmp/out")
status=$?
[[ $status == 1 ]] && ok || bad "copy: check-manifest exited $status for a missing file, not 1"
copy=$(realpath "$tmp/copy")
grep -qxF "beds.csv: missing (looked in $copy, where the run was made and the manifest's folder)" \
	"$tmp/out" && ok || bad "copy: not missing: $(cat "$tmp/out")"
cp "$fixtures/small.csv" "$tmp/copy/beds.csv"
(cd "$tmp/copy" && fb check-manifest run.manifest >/dev/null) && ok || bad "copy: restored file not unchanged"

# --- relative names: where the run was made (recorded), then the manifest's folder
python3 - "$tmp/copy/run.manifest" "$copy" <<'PY' && ok || bad "the manifest does not record the run's folder"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["directory"] == sys.argv[2], d.get("directory")
assert list(d)[5:8] == ["argv", "directory", "options"], list(d)
PY
# Run from another folder: found where the run was made, said plainly.
(cd / && fb check-manifest "$tmp/copy/run.manifest" >"$tmp/out")
status=$?
[[ $status == 0 ]] && ok || bad "from another folder: exit $status, not 0: $(cat "$tmp/out")"
grep -qx 'beds.csv: unchanged' "$tmp/out" && ok || bad "from another folder: $(cat "$tmp/out")"
head -1 "$tmp/out" | grep -qF " in $copy by fosterbeds " && ok || bad "the run's folder is not named: $(head -1 "$tmp/out")"
# A manifest written elsewhere, checked from a third folder.
mkdir "$tmp/manifests" "$tmp/third"
(cd "$tmp/copy" && fb report --today $today --manifest ../manifests/q.manifest beds.csv >/dev/null)
(cd "$tmp/third" && fb check-manifest ../manifests/q.manifest >"$tmp/out")
status=$?
[[ $status == 0 ]] && grep -qx 'beds.csv: unchanged' "$tmp/out" && ok ||
	bad "manifest in another folder: exit $status: $(cat "$tmp/out")"
# The folder moved whole, manifest and inputs together: found in the manifest's folder.
mv "$tmp/copy" "$tmp/moved"
moved=$(realpath "$tmp/moved")
(cd "$tmp/third" && fb check-manifest ../moved/run.manifest >"$tmp/out")
status=$?
[[ $status == 0 ]] && ok || bad "moved: exit $status, not 0: $(cat "$tmp/out")"
grep -qxF "beds.csv: unchanged (found in $moved, the manifest's folder; not in $copy, where the run was made)" \
	"$tmp/out" && ok || bad "moved: $(cat "$tmp/out")"
(cd "$tmp/third" && fb check-manifest --format json ../moved/run.manifest >"$tmp/out.json")
python3 - "$tmp/out.json" "$copy" "$moved" <<'PY' && ok || bad "moved: JSON does not say where it looked"
import json, sys
d = json.load(open(sys.argv[1]))
i, = d["inputs"]
assert d["directory"] == sys.argv[2], d
assert i["status"] == "unchanged" and i["looked_in"] == [sys.argv[2], sys.argv[3]], i
assert i["path"] == sys.argv[3] + "/beds.csv", i
PY
# Changed in the moved folder: where, then what changed.
printf 'X' | dd of="$tmp/moved/beds.csv" bs=1 seek=100 conv=notrunc status=none
(cd "$tmp/third" && fb check-manifest ../moved/run.manifest >"$tmp/out")
[[ $? == 1 ]] && grep -qF "beds.csv: changed (found in $moved, the manifest's folder; not in $copy, where the run was made; was $size bytes, sha256 " \
	"$tmp/out" && ok || bad "moved and changed: $(cat "$tmp/out")"
# Inputs gone: the message says every folder it looked in.
rm "$tmp/moved/beds.csv"
(cd "$tmp/third" && fb check-manifest ../moved/run.manifest >"$tmp/out")
status=$?
[[ $status == 1 ]] && ok || bad "gone: exit $status, not 1"
grep -qxF "beds.csv: missing (looked in $copy, where the run was made; and in $moved, the manifest's folder)" \
	"$tmp/out" && ok || bad "gone: $(cat "$tmp/out")"
(cd "$tmp/third" && fb check-manifest --format json ../moved/run.manifest >"$tmp/out.json")
python3 - "$tmp/out.json" "$copy" "$moved" <<'PY' && ok || bad "gone: JSON does not say where it looked"
import json, sys
i, = json.load(open(sys.argv[1]))["inputs"]
assert i["status"] == "missing" and i["looked_in"] == sys.argv[2:] and i["path"] is None, i
PY
# A manifest from before the folder was recorded: the current folder, then its own.
cp "$fixtures/small.csv" "$tmp/moved/beds.csv"
python3 - "$tmp/moved/run.manifest" "$tmp/moved/old.manifest" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
del d["directory"]
json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
(cd "$tmp/moved" && fb check-manifest old.manifest >"$tmp/out")
[[ $? == 0 ]] && grep -qx 'beds.csv: unchanged' "$tmp/out" && ok || bad "old manifest, from its folder: $(cat "$tmp/out")"
third=$(realpath "$tmp/third")
(cd "$tmp/third" && fb check-manifest ../moved/old.manifest >"$tmp/out")
[[ $? == 0 ]] && grep -qxF "beds.csv: unchanged (found in $moved, the manifest's folder; not in $third, the current folder (the manifest does not say where the run was made))" \
	"$tmp/out" && ok || bad "old manifest, from elsewhere: $(cat "$tmp/out")"
mv "$tmp/moved" "$tmp/copy"

fb report --today $today --manifest "$tmp/stdin.manifest" - <"$fixtures/small.csv" >/dev/null
inputs "$tmp/stdin.manifest" >"$tmp/stdin.rows"
[[ $(cut -f1-3 "$tmp/stdin.rows") == "-"$'\t'"$(stat -c %s "$fixtures/small.csv")"$'\t'"$(sha256sum <"$fixtures/small.csv" | cut -d' ' -f1)" ]] &&
	ok || bad "stdin: not hashed as read: $(cat "$tmp/stdin.rows")"
fb check-manifest "$tmp/stdin.manifest" >"$tmp/out"
status=$?
[[ $status == 0 ]] && ok || bad "stdin: check-manifest exited $status, not 0"
grep -q '^-: stdin (read from standard input: cannot be checked)$' "$tmp/out" && ok || bad "stdin: $(cat "$tmp/out")"
# A manifest from standard input.
fb check-manifest - <"$tmp/stdin.manifest" >/dev/null && ok || bad "check-manifest - did not read standard input"

# --- written like -o: whole or not at all
echo "old manifest" >"$tmp/keep.manifest"
(cd "$fixtures" && fb report --manifest "$tmp/keep.manifest" small.csv no-such-file.csv >/dev/null 2>&1)
status=$?
[[ $status == 3 ]] && ok || bad "an unreadable input exited $status, not 3"
[[ $(cat "$tmp/keep.manifest") == "old manifest" ]] && ok || bad "a failed run replaced the manifest"
(cd "$fixtures" && fb report --manifest "$tmp/none/x.manifest" small.csv >/dev/null 2>"$tmp/err")
status=$?
[[ $status == 3 ]] && ok || bad "an unwritable manifest exited $status, not 3"
grep -q "cannot write '$tmp/none/x.manifest'" "$tmp/err" && ok || bad "unwritable manifest: $(cat "$tmp/err")"
[[ $(ls -A "$tmp" | grep -c '^\.') == 0 && $(ls -A "$tmp/copy" | grep -c '^\.') == 0 ]] &&
	ok || bad "a temporary file was left behind"
[[ $(stat -c %a "$tmp/sample.manifest") == 644 || $(stat -c %a "$tmp/sample.manifest") == 664 ]] &&
	ok || bad "the manifest does not have the usual permissions"

# --- usage and unreadable manifests
expect() {
	local want=$1 what=$2
	shift 2
	(cd "$fixtures" && fb "$@" >/dev/null 2>"$tmp/err")
	local status=$?
	[[ $status == "$want" ]] && ok || bad "$what: exit $status, not $want ($(cat "$tmp/err"))"
}
expect 2 "--manifest -" report --manifest - small.csv
expect 2 "--manifest and -o the same" report -o "$tmp/same" --manifest "$tmp/same" small.csv
expect 2 "--manifest on validate" validate --manifest "$tmp/v.manifest" small.csv
expect 2 "check-manifest with no MANIFEST" check-manifest
expect 2 "check-manifest with two" check-manifest a b
# Every format the writers have: CSV is the inputs table, a row per input.
expect 0 "check-manifest --format csv" check-manifest --format csv "$tmp/sample.manifest"
fb check-manifest --format csv "$tmp/sample.manifest" >"$tmp/check.csv"
[[ $(head -1 "$tmp/check.csv") == "input,name,role,status,recorded_bytes,recorded_sha256,bytes,sha256,error,path" ]] &&
	ok || bad "check-manifest csv header: $(head -1 "$tmp/check.csv")"
[[ $(grep -c ',records,unchanged,' "$tmp/check.csv") == 19 ]] && ok || bad "check-manifest csv: not 19 unchanged"
fb check-manifest --format html "$tmp/sample.manifest" >"$tmp/check.html"
grep -qF "<h1>$tmp/sample.manifest</h1>" "$tmp/check.html" && grep -q '<h2>Inputs</h2>' "$tmp/check.html" &&
	[[ $(grep -c '<td>unchanged</td>' "$tmp/check.html") == 19 ]] && ok || bad "check-manifest html"
fb check-manifest --format xlsx -o "$tmp/check.xlsx" "$tmp/sample.manifest" &&
	python3 - "$tmp/check.xlsx" <<'PY' && ok || bad "check-manifest xlsx: not the sheets Inputs, Looked in, Notes"
import re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode()
assert re.findall(r'<sheet name="([^"]+)"', book) == ["Inputs", "Looked in", "Notes"], book
PY
expect 3 "check-manifest of a missing file" check-manifest "$tmp/no-such.manifest"
grep -q "^fosterbeds: cannot read manifest '$tmp/no-such.manifest': No such file or directory$" "$tmp/err" &&
	ok || bad "missing manifest message: $(cat "$tmp/err")"
expect 3 "check-manifest of a CSV file" check-manifest small.csv
grep -q "^fosterbeds: cannot read manifest 'small.csv': line 1: " "$tmp/err" && ok || bad "CSV manifest message: $(cat "$tmp/err")"
echo '{"tool": "fosterbeds", "manifest_version": 1}' >"$tmp/short.manifest"
expect 3 "check-manifest of a manifest with no command" check-manifest "$tmp/short.manifest"
grep -q "'command' is missing" "$tmp/err" && ok || bad "short manifest message: $(cat "$tmp/err")"
fb check-manifest --help | grep -q '^usage: fosterbeds check-manifest' && ok || bad "check-manifest --help"

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
