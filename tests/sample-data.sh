#!/bin/bash
# sample-data.sh: the shipped sample data, end to end.
#  - every record file validates with no errors and every row is used;
#  - the pooled region lands where the deep dive put it (about 63% filled
#    including respite/emergency, 67% excluding, 12% vacant), and matches
#    the figures the generator computed on its own (sample-data/EXPECTED.csv);
#  - reconcile against the sample Ofsted return matches the generator's own
#    count (EXPECTED-reconcile.csv, EXPECTED-bridge.csv);
#  - each file in broken/ shows the finding its name says, and
#    broken/csv-edge-cases.csv shows none.
set -u
bin=$1
data=$2
today=2026-11-23
. "$(dirname "$0")/lib.sh"

${FB_WRAPPER:-} "$bin" validate --today $today --format json "$data"/records/*.csv >"$tmp/v.json"
status=$?
[[ $status == 0 ]] && ok || bad "validate on sample-data/records exited $status"
python3 - "$tmp/v.json" <<'PY' && ok || bad "sample records are not clean"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["errors"] == 0, d["findings_by_code"]
assert d["warnings"] == 0, d["findings_by_code"]
assert d["rows_read"] == d["rows_used"] > 0
for i in d["inputs"]:
    assert i["rows_read"] == i["rows_used"] + i["rows_rejected"]
PY

${FB_WRAPPER:-} "$bin" report --today $today --format csv "$data"/records/*.csv >"$tmp/r.csv"
status=$?
[[ $status == 0 ]] && ok || bad "report on sample-data/records exited $status"
python3 - "$tmp/r.csv" "$data/EXPECTED.csv" <<'PY' && ok || bad "region figures are off"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
region = [r for r in rows if r["la_code"] == "ALL"]
assert len(region) == 2, region
las = {r["la_code"] for r in rows if r["la_code"] != "ALL"}
assert len(las) == 19, las
for r in region:
    assert r["la_name"] == "South East"
    assert 61.5 <= float(r["utilisation_incl_pct"]) <= 64.5, r
    assert 65.5 <= float(r["utilisation_excl_pct"]) <= 68.5, r
    assert 10.5 <= float(r["vacant_pct"]) <= 13.5, r
# The generator's own count of what it wrote, per LA and date.
want = {(e["la_code"], e["snapshot_date"]): e for e in csv.DictReader(open(sys.argv[2]))}
got = {(r["la_code"], r["snapshot_date"]): r for r in rows}
assert set(want) == set(got), set(want) ^ set(got)
for k, e in want.items():
    for col, v in e.items():
        if col in got[k] and col != "la_name":
            assert got[k][col] == v, (k, col, got[k][col], v)
PY

# Reconciliation with the sample Ofsted return, against the generator's own count.
${FB_WRAPPER:-} "$bin" reconcile --today $today --format csv --ofsted "$data/ofsted-return-2026-09-30.csv" \
	"$data"/records/*.csv >"$tmp/rc.csv" 2>"$tmp/rc.err"
status=$?
[[ $status == 0 ]] && ok || bad "reconcile on sample-data exited $status: $(cat "$tmp/rc.err")"
${FB_WRAPPER:-} "$bin" reconcile --today $today --format csv --bridge \
	--ofsted "$data/ofsted-return-2026-09-30.csv" "$data"/records/*.csv >"$tmp/br.csv" 2>/dev/null
python3 - "$tmp/rc.csv" "$data/EXPECTED-reconcile.csv" "$tmp/br.csv" "$data/EXPECTED-bridge.csv" <<'PY' && ok || bad "reconcile figures differ from EXPECTED-reconcile.csv / EXPECTED-bridge.csv"
import csv, sys
got = {r["la_code"]: r for r in csv.DictReader(open(sys.argv[1]))}
want = {r["la_code"]: r for r in csv.DictReader(open(sys.argv[2]))}
assert set(got) == set(want), set(got) ^ set(want)
for code, w in want.items():
    for col, v in w.items():
        if col != "la_name":
            assert got[code][col] == v, (code, col, got[code][col], v)
a = got["ALL"]
assert 55.5 <= float(a["submitted_filled_pct"]) <= 58.5 and 18.5 <= float(a["submitted_vacant_pct"]) <= 21.5, a
bridge = [r for r in csv.DictReader(open(sys.argv[3])) if r["category"] != "no_record"]
expect = list(csv.DictReader(open(sys.argv[4])))
assert bridge == expect, [(x, y) for x, y in zip(bridge, expect) if x != y][:3]
PY
grep -q "FB025" "$tmp/rc.err" && ok || bad "the sample return's unbalanced rows gave no FB025"

# A year of quarter-ends (quarters/ holds the two before records/): trend
# pools all 19 LAs at each, with no gap, and its changes add up.
${FB_WRAPPER:-} "$bin" validate --today $today "$data"/quarters/*.csv >"$tmp/q.txt"
[[ $? == 0 ]] && grep -q '^0 errors, 0 warnings$' "$tmp/q.txt" && ok || bad "sample-data/quarters is not clean"
${FB_WRAPPER:-} "$bin" trend --today $today --format csv "$data"/records/*.csv "$data"/quarters/*.csv \
	>"$tmp/trend.csv" 2>"$tmp/trend.err"
python3 - "$tmp/trend.csv" <<'PY' && ok || bad "trend over the sample year"
import csv, sys
from fractions import Fraction
rows = list(csv.DictReader(open(sys.argv[1])))
region = [r for r in rows if r["la_code"] == "ALL"]
assert [r["snapshot_date"] for r in region] == ["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"]
assert all(r["las_pooled"] == "19" and not r["change_note"] for r in region)
assert len(rows) == 19 * 4 + 4
# Each change is the difference of the exact fractions, rounded half away from zero.
def pct(n, d):
    return Fraction(100 * int(n), int(d))
for a, b in zip(region, region[1:]):
    d = pct(b["filled"], b["approved"]) - pct(a["filled"], a["approved"])
    t = abs(d) * 10
    r = int(t) + (1 if t - int(t) >= Fraction(1, 2) else 0)
    want = ("-" if d < 0 and r else "") + "%d.%d" % (r // 10, r % 10)
    assert b["utilisation_incl_pp_change"] == want, (b, want)
PY
[[ ! -s $tmp/trend.err ]] && ok || bad "trend over the sample year warned: $(cat "$tmp/trend.err")"

for f in "$data"/broken/FB*.csv; do
	code=$(basename "$f" | cut -c1-5)
	"$bin" validate --today $today "$f" >"$tmp/out" 2>&1
	if grep -q " $code: " "$tmp/out"; then ok; else bad "$(basename "$f") does not show $code"; fi
	others=$(grep -oE ' (error|warning) FB[0-9]{3}: ' "$tmp/out" | grep -v "$code" | sort -u)
	[[ -z $others ]] && ok || bad "$(basename "$f") shows more than $code: $others"
done
"$bin" validate --today $today "$data/broken/csv-edge-cases.csv" >"$tmp/out" 2>&1
status=$?
[[ $status == 0 ]] && grep -q '^0 errors, 0 warnings$' "$tmp/out" && ok ||
	bad "csv-edge-cases.csv is not clean: $(cat "$tmp/out")"

# The quarter of episodes (tools/gen-episodes.py): clean over its quarter,
# and every LA and the region have bed-nights.
${FB_WRAPPER:-} "$bin" validate --today $today --period 2026-07-01..2026-09-30 \
	--format json "$data"/episodes/*.csv >"$tmp/e.json"
status=$?
[[ $status == 0 ]] && ok || bad "validate on sample-data/episodes exited $status"
python3 - "$tmp/e.json" <<'PY' && ok || bad "sample episodes are not clean"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["errors"] == 0 and d["warnings"] == 0, d["findings_by_code"]
assert d["rows_read"] == d["rows_used"] > 0
assert all(i["role"] == "episodes" for i in d["inputs"])
PY
${FB_WRAPPER:-} "$bin" report --today $today --period 2026-07-01..2026-09-30 \
	--format csv "$data"/episodes/*.csv >"$tmp/e.csv"
status=$?
[[ $status == 0 ]] && ok || bad "report --period on sample-data/episodes exited $status"
python3 - "$tmp/e.csv" <<'PY' && ok || bad "report --period on the sample episodes"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert [r["la_code"] for r in rows] == ["851", "867", "872", "ALL"], rows
for r in rows:
    assert int(r["approved_bed_nights"]) == sum(int(r[k + "_bed_nights"]) for k in ("filled", "vacant", "unavailable")), r
assert int(rows[-1]["approved_bed_nights"]) == sum(int(r["approved_bed_nights"]) for r in rows[:-1])
PY

# --- costs/: every row used, no finding; Kent's all-children rise over 40%;
# the weighted mean empty (not every LA gives placements).
${FB_WRAPPER:-} "$bin" costs --today $today --format csv "$data"/costs/costs.csv \
	>"$tmp/costs.csv" 2>"$tmp/costs.err"
status=$?
[[ $status == 0 && ! -s $tmp/costs.err ]] && ok ||
	bad "costs on sample-data/costs exited $status: $(cat "$tmp/costs.err")"
python3 - "$tmp/costs.csv" <<'PY' && ok || bad "sample costs: unexpected figures"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 72 + 12, len(rows)
kent = [r for r in rows if r["la_code"] == "886" and r["placement_type"] == "all"]
assert float(kent[1]["change_pct"]) > 40, kent[1]
region = [r for r in rows if r["la_code"] == "ALL"]
assert all(r["weighted_weekly_cost"] == "" for r in region)
assert all(r["placements"] == "" for r in region)
PY

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
