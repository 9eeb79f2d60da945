#!/bin/bash
# ofsted-realdata.sh: `fosterbeds ofsted` on Ofsted's real published files
# (two years, two layouts) against an extract of the same figures made
# separately (tests/fixtures/ofsted/south_east_fostering_places_...csv).
set -u
bin=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for year in 2018-19 2017-18; do
	file=$(ls "$dir"/ofsted_fostering_in_england_${year}_*.csv)
	${FB_WRAPPER:-} "$bin" ofsted --format csv --region "South East" "$file" >"$tmp/out.csv" 2>"$tmp/err"
	status=$?
	if [[ $status != 0 ]]; then
		echo "FAIL $year: exit status $status"; cat "$tmp/err"; fail=$((fail + 1)); continue
	fi
	if python3 - "$tmp/out.csv" "$dir/south_east_fostering_places_2017-18_2018-19.csv" \
		"$dir/south_east_la_codes.csv" "$year" <<'PY'
import csv, sys
from fractions import Fraction
out, extract, codes, year = sys.argv[1:]
rows = list(csv.DictReader(open(out)))
code_of = {r["la_name"]: r["dfe_la_code"] for r in csv.DictReader(open(codes))}
want = [r for r in csv.DictReader(open(extract)) if r["year"] == year and r["la"] in code_of]
assert len(want) == 19, len(want)
got = {r["la_code"]: r for r in rows if r["la_code"]}
assert len(got) == 19, sorted(got)
pairs = [("approved", "approved"), ("filled", "filled"), ("vacant", "vacant"),
         ("unavailable", "not_available"), ("households", "households"),
         ("short_break_households", "short_breaks_households"),
         ("emergency_households", "emergency_households"),
         ("exemption_households", "exemption_households")]
def pct(n, d):
    t = Fraction(1000 * n, d)
    r = int(t) + (1 if t - int(t) >= Fraction(1, 2) else 0)
    return "%d.%d" % (r // 10, r % 10)
for w in want:
    g = got[code_of[w["la"]]]
    assert g["year"] == year and g["region"] == "South East", g
    for mine, theirs in pairs:
        assert g[mine] == w[theirs], (w["la"], mine, g[mine], w[theirs])
    assert all(g[m] == w[t] for m, t in pairs)
    assert g["filled_pct"] == pct(int(w["filled"]), int(w["approved"])), (w["la"], g["filled_pct"])
region = [r for r in rows if not r["la_code"]]
assert len(region) == 1 and region[0]["la_name"] == "South East", region
for mine, theirs in pairs:
    vals = [w[theirs] for w in want]
    # One authority's empty cell leaves the pooled value empty, never a partial sum.
    expect = "" if "" in vals else str(sum(int(v) for v in vals))
    assert region[0][mine] == expect, (mine, region[0][mine], expect)
PY
	then pass=$((pass + 1)); else echo "FAIL $year: figures differ"; fail=$((fail + 1)); fi
	# Every warning names a real place; no error.
	if grep -q " error " "$tmp/err"; then echo "FAIL $year: errors"; cat "$tmp/err"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
done
# The 2018-19 file: every English authority column is matched but the
# London Tri-borough grouping, which is warned, never dropped silently.
${FB_WRAPPER:-} "$bin" ofsted --format json "$dir"/ofsted_fostering_in_england_2018-19_la_level.csv >"$tmp/all.json" 2>"$tmp/err"
if python3 - "$tmp/all.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
las = [r for r in d["rows"] if r["la_code"]]
regions = [r for r in d["rows"] if not r["la_code"]]
assert len(regions) == 9, [r["la_name"] for r in regions]
assert len(las) == 152, len(las)
assert d["findings_by_code"].get("FB026") == 1, d["findings_by_code"]
assert d["missing_cells"] > 0
assert d["inputs"][0]["rows_read"] == d["inputs"][0]["rows_used"] + d["inputs"][0]["rows_rejected"]
# A suppressed cell stays empty (null), never 0.
assert any(r["vacant"] is None for r in las)
PY
then pass=$((pass + 1)); else echo "FAIL: whole-England read"; fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
