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
region = [r for r in rows if r["kind"] == "region"]
assert len(region) == 1 and region[0]["la_name"] == "South East", region
for mine, theirs in pairs:
    vals = [w[theirs] for w in want]
    # A sum adds the authorities that give the measure.
    expect = str(sum(int(v) for v in vals if v != ""))
    assert region[0][mine] == expect, (mine, region[0][mine], expect)
# The extract's England/South East rows are Ofsted's own columns.
pub = [r for r in rows if r["kind"] == "region_published"]
se = [r for r in csv.DictReader(open(extract)) if r["year"] == year and r["la"] == "South East"]
assert len(pub) == 1 and len(se) == 1, (pub, se)
for mine, theirs in pairs:
    assert pub[0][mine] == se[0][theirs], (mine, pub[0][mine], se[0][theirs])
PY
	then pass=$((pass + 1)); else echo "FAIL $year: figures differ"; fail=$((fail + 1)); fi
	# Every warning names a real place; no error.
	if grep -q " error " "$tmp/err"; then echo "FAIL $year: errors"; cat "$tmp/err"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
done
# The 2018-19 file, whole England, against an extract made here from the
# file itself (not from fosterbeds' LA table): each region's authorities are
# the columns after its own column, Inner/Outer London skipped.
f2018=$dir/ofsted_fostering_in_england_2018-19_la_level.csv
${FB_WRAPPER:-} "$bin" ofsted --format json "$f2018" >"$tmp/all.json" 2>"$tmp/err"
status=$?
if python3 - "$tmp/all.json" "$f2018" $status <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
assert sys.argv[3] == "0", "exit status " + sys.argv[3]
raw = list(csv.reader(open(sys.argv[2], encoding="cp1252")))
head = [c.strip() for c in raw[0]]
eng = head.index("England")
labels = {"approved": "Number of approved foster places", "filled": "Number of filled places",
          "vacant": "Number of vacant places", "unavailable": "Number of places not available"}
row = {k: next(r for r in raw if r[eng - 1].strip().startswith(v)) for k, v in labels.items()}
regions = ["North East", "North West", "Yorkshire and The Humber", "East Midlands",
           "West Midlands", "East of England", "London", "South East", "South West"]
num = lambda s: None if s.strip() in ("", "..") else int(s.replace(",", ""))
members = {"Hammersmith and Fulham", "Kensington and Chelsea", "Westminster"}
area, want, unbalanced = None, {}, 0
for c in range(eng + 1, len(head)):
    name = head[c]
    if name in regions:
        area = name
        want[area] = {"pub": {k: num(row[k][c]) for k in labels}, "sum": dict.fromkeys(labels, 0),
                      "las": 0, "pooled": 0, "suppressed": []}
        continue
    if not name or name in ("Inner London", "Outer London"):
        continue
    w, v = want[area], {k: num(row[k][c]) for k in labels}
    if name != "London Tri-borough":
        w["las"] += 1
        if v["approved"] is not None or name in members:
            w["pooled"] += 1
        else:
            w["suppressed"].append(name)
    for k in labels:
        w["sum"][k] += v[k] or 0
    if None not in v.values() and abs(v["approved"] - v["filled"] - v["vacant"] - v["unavailable"]) > 10:
        unbalanced += 1
# The issue's figures, as Ofsted publishes them, and the South East's sum.
assert [want[g]["pub"]["approved"] for g in ("London", "West Midlands", "South West", "South East")] \
    == [6005, 5865, 4760, 7565]
assert want["South East"]["sum"]["approved"] == 7570
by = {(r["kind"], r["region"] or ""): r for r in d["rows"]}
for g in regions:
    s, p, diff = by[("region", g)], by[("region_published", g)], by[("region_difference", g)]
    for k in labels:
        assert s[k] == want[g]["sum"][k], (g, k, s[k], want[g]["sum"][k])
        assert p[k] == want[g]["pub"][k], (g, k, p[k])
        assert diff[k] == want[g]["pub"][k] - want[g]["sum"][k], (g, k, diff[k])
    assert (s["las_in_area"], s["las_pooled"]) == (want[g]["las"], want[g]["pooled"]), (g, s)
    for name in want[g]["suppressed"]:
        assert name in s["not_pooled"], (g, name, s["not_pooled"])
assert by[("region", "London")]["approved"] == 5995   # Tri-borough's 385 counted
assert "London Tri-borough's 385 approved places" in by[("region_difference", "London")]["note"]
joint = [r for r in d["rows"] if r["kind"] == "joint"]
assert [(r["la_name"], r["region"], r["approved"]) for r in joint] == [("London Tri-borough", "London", 385)]
las = [r for r in d["rows"] if r["kind"] == "la"]
assert len(las) == 152, len(las)
assert {r["la_name"] for r in las if r["covered_by"] == "London Tri-borough"} == members
# England: the nine region columns added up, and England's own column apart.
assert by[("england_published", "")]["approved"] == sum(want[g]["pub"]["approved"] for g in regions) == 53595
assert by[("england_all_agencies", "")]["approved"] == 88370
# No unmatched column; FB025 only beyond Ofsted's rounding (more than 10 apart).
assert "FB026" not in d["findings_by_code"], d["findings_by_code"]
assert d["findings_by_code"].get("FB025") == unbalanced, (d["findings_by_code"], unbalanced)
assert d["missing_cells"] > 0
assert d["inputs"][0]["rows_read"] == d["inputs"][0]["rows_used"] + d["inputs"][0]["rows_rejected"] == 153
# A suppressed cell stays empty (null), never 0.
assert any(r["vacant"] is None for r in las)
PY
then pass=$((pass + 1)); else echo "FAIL: whole-England read"; fail=$((fail + 1)); fi
# A misspelt Hampshire is an error naming Hampshire, and the South East's
# sum says what is missing instead of shrinking silently.
sed 's/,Hampshire,/,Hampshrie,/' "$f2018" >"$tmp/misspelt_2018-19.csv"
${FB_WRAPPER:-} "$bin" ofsted --format csv --region "South East" "$tmp/misspelt_2018-19.csv" \
	>"$tmp/mis.csv" 2>"$tmp/err"
status=$?
if [[ $status == 1 ]] && grep -q "error FB026: authority 'Hampshrie' .*did you mean 'Hampshire' (850)?" "$tmp/err" &&
	python3 - "$tmp/mis.csv" <<'PY'
import csv, sys
rows = {r["kind"]: r for r in csv.DictReader(open(sys.argv[1])) if r["kind"] != "la"}
s, diff = rows["region"], rows["region_difference"]
assert (s["approved"], s["las_in_area"], s["las_pooled"]) == ("6585", "19", "18"), s   # 7570 - 985
assert "'Hampshrie': matches no LA" in s["not_pooled"], s["not_pooled"]
assert diff["approved"] == "980" and "(985 approved places)" in diff["note"], diff
PY
then pass=$((pass + 1)); else echo "FAIL: misspelt Hampshire (exit $status)"; cat "$tmp/err"; fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
