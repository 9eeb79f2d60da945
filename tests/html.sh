#!/bin/bash
# html.sh: --format html, checked in a real browser.
#
# Every page must be self-contained (no script, no request of any kind) and
# escape what came from input.  Headless Chromium renders each page: its DOM
# must carry the figures the CSV output gives (computed here from the CSV,
# never copied from the HTML) and one bar per LA, and its screenshot must
# not be blank.
#
# FB_UPDATE_SCREENSHOT=1 also copies the report's screenshot to
# docs/report.png, the picture in the README.
set -u
bin=$1
root=$2
chromium=${CHROMIUM:-/usr/bin/chromium}
records=("$root"/sample-data/records/*.csv)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi; }

if [[ ! -x $chromium ]]; then
	echo "chromium is not installed: apt-get install chromium (tools/setup.sh installs it)"
	exit 1
fi

# A fresh profile each run, and nothing that would reach the network.
browser() {
	local profile
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update --no-first-run \
		--user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}
dom() { browser --dump-dom "file://$1" >"$2"; }
shot() { browser --hide-scrollbars --window-size=1280,2000 --screenshot="$2" "file://$1" >/dev/null; }

# Nothing that could fetch or run anything.
self_contained() {
	check "$2: no <script" "! grep -qi '<script' '$1'"
	check "$2: no http:// or https://" "! grep -Eqi 'https?://' '$1'"
	check "$2: no url(" "! grep -qi 'url(' '$1'"
	check "$2: no @import" "! grep -qi '@import' '$1'"
	check "$2: no <link" "! grep -qi '<link' '$1'"
	check "$2: no <img" "! grep -qi '<img' '$1'"
}

# The DOM and PNG checks print PASS: or FAIL: lines; count them.
cat >"$tmp/check.py" <<'PY'
import csv, struct, sys, zlib
from html.parser import HTMLParser

def say(ok, what):
    print(("PASS: " if ok else "FAIL: ") + what)

class Dom(HTMLParser):
    """What the checks need of a page: ids, classes, charts and their bars."""
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.title, self.in_title = "", False
        self.stats, self.stat, self.in_value = {}, None, False
        self.attrs_by_id = {}
        self.figures, self.figure = [], None
        self.region_rows, self.svgs, self.texts = 0, [], {}
        self.capture = None
        self.findings_values, self.in_findings, self.cell = [], False, 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if "id" in a:
            self.attrs_by_id[a["id"]] = a
        if tag == "title" and "id" not in a:
            self.in_title = True
        if tag == "div" and "stat" in cls:
            self.stat = a.get("id")
            self.stats[self.stat] = ""
        if tag == "p" and "value" in cls:
            self.in_value = True
        if tag == "figure":
            self.figure = {"class": cls, "bars": [], "reasons": 0}
            self.figures.append(self.figure)
        if tag == "g" and self.figure is not None:
            if "la-bar" in cls:
                self.figure["bars"].append(a.get("data-la"))
            if "reason" in cls:
                self.figure["reasons"] += 1
        if tag == "tr" and "region" in cls:
            self.region_rows += 1
        if tag == "svg":
            self.svgs.append(a)
        if tag in ("title", "desc") and "id" in a:
            self.capture = a["id"]
            self.texts[self.capture] = ""
        if tag == "table" and "findings" in cls:
            self.in_findings = True
        if self.in_findings and tag == "td":
            self.cell += 1
            # File, Line, Excel row, Severity, Code, Column, Value, What is wrong
            if self.cell % 8 == 7:
                self.capture = "value-%d" % len(self.findings_values)
                self.texts[self.capture] = ""
                self.findings_values.append(self.capture)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "p":
            self.in_value = False
        if tag == "figure":
            self.figure = None
        if tag in ("title", "desc", "td"):
            self.capture = None
        if tag == "table":
            self.in_findings = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_value and self.stat:
            self.stats[self.stat] += data
        if self.capture:
            self.texts[self.capture] += data

def charts_accessible(d, name):
    ok = bool(d.svgs)
    for s in d.svgs:
        ids = (s.get("aria-labelledby") or "").split()
        ok = ok and s.get("role") == "img" and len(ids) == 2
        ok = ok and all(d.texts.get(i, "").strip() for i in ids)
    say(ok, "%s: every chart has role=img, a <title> and a <desc>" % name)

def figure_check(d, name, value_id, want):
    a = d.attrs_by_id.get(value_id, {})
    shown = d.stats.get(value_id, "").replace("\u2013", "").strip()
    say(a.get("data-value") == want and shown == want + "%",
        "%s: %s is %s%% (page: data-value %r, shown %r)" % (name, value_id, want,
                                                             a.get("data-value"), shown))

def report(dom_path, csv_path, breakdown):
    d = Dom(open(dom_path, encoding="utf-8").read())
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    dates = sorted({r["snapshot_date"] for r in rows})
    latest = [r for r in rows if r["la_code"] == "ALL" and r["snapshot_date"] == dates[-1]][0]
    say(d.title.strip() != "", "report: the page has a <title>")
    say(d.attrs_by_id.get("region-util-incl") is not None, "report: the region headline is there")
    for value_id, column in (("region-util-incl", "utilisation_incl_pct"),
                             ("region-util-excl", "utilisation_excl_pct"),
                             ("region-vacant", "vacant_pct"),
                             ("region-unavailable", "unavailable_pct")):
        figure_check(d, "report", value_id, latest[column])
    charts = [f for f in d.figures if "chart-utilisation" in f["class"]]
    say(len(charts) == len(dates), "report: one utilisation chart per snapshot date (%d)" % len(charts))
    for chart, date in zip(charts, reversed(dates)):
        want = sorted(r["la_code"] for r in rows if r["snapshot_date"] == date and r["la_code"] != "ALL")
        say(len(chart["bars"]) == 19 and sorted(chart["bars"]) == want,
            "report: %s chart has one la-bar per LA (%d, want 19)" % (date, len(chart["bars"])))
    shares = [f for f in d.figures if "chart-share" in f["class"]]
    say(len(shares) == len(dates), "report: one stacked chart per snapshot date")
    say(d.region_rows == len(dates), "report: each table sets its region row apart")
    if breakdown:
        reasons = [f for f in d.figures if "chart-reasons" in f["class"]]
        say(len(reasons) == len(dates) and all(f["reasons"] == 18 for f in reasons),
            "report --breakdown reasons: a reasons chart per date, 18 reasons each")
    charts_accessible(d, "report")

def reconcile(dom_path, csv_path):
    d = Dom(open(dom_path, encoding="utf-8").read())
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    region = [r for r in rows if r["la_code"] == "ALL"][0]
    las = sorted(r["la_code"] for r in rows if r["la_code"] != "ALL")
    figure_check(d, "reconcile", "region-filled", region["utilisation_incl_pct"])
    figure_check(d, "reconcile", "region-vacant", region["vacant_pct"])
    figure_check(d, "reconcile", "region-unavailable", region["unavailable_pct"])
    chart = [f for f in d.figures if "chart-recon" in f["class"]]
    say(len(chart) == 1 and sorted(chart[0]["bars"]) == las,
        "reconcile: one la-bar per LA in the submitted-vs-standardised chart")
    say(d.region_rows == 1, "reconcile: the table has its region row")
    charts_accessible(d, "reconcile")

def ofsted(dom_path, csv_path):
    d = Dom(open(dom_path, encoding="utf-8").read())
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    # Sum, published and difference rows are set apart; joint services are
    # drawn with the region bars, so the la-bars are the LAs.
    regions = [r for r in rows if r["kind"] not in ("la", "joint")]
    las = sorted(r["la_code"] for r in rows if r["kind"] == "la")
    say(d.region_rows == len(regions) > 0,
        "ofsted: the table has the region rows (%d, want %d)" % (d.region_rows, len(regions)))
    chart = [f for f in d.figures if "chart-ofsted" in f["class"]]
    say(len(chart) == 1 and sorted(chart[0]["bars"]) == las, "ofsted: one la-bar per authority")
    charts_accessible(d, "ofsted")

def period(dom_path, csv_path):
    """report --period's page: the browser's table is the CSV's, LA by LA."""
    text = open(dom_path, encoding="utf-8").read()
    cells, rows, row, cell = [], [], None, None
    class Table(HTMLParser):
        def handle_starttag(self, tag, attrs):
            nonlocal row, cell
            if tag == "tr":
                row = []
            elif tag in ("td", "th") and row is not None:
                cell = ""
        def handle_endtag(self, tag):
            nonlocal row, cell
            if tag in ("td", "th") and cell is not None:
                row.append(cell.strip())
                cell = None
            elif tag == "tr" and row is not None:
                rows.append(row)
                row = None
        def handle_data(self, data):
            nonlocal cell
            if cell is not None:
                cell += data
    Table(convert_charrefs=True).feed(text)
    d = Dom(text)
    want = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    shown = {r[0]: r for r in rows if r and r[0] in [w["la_code"] for w in want]}
    for w in want:
        got = shown.get(w["la_code"])
        counts = [w[k] for k in ("approved_bed_nights", "filled_bed_nights", "vacant_bed_nights",
                                 "unavailable_bed_nights", "mainstream_approved_bed_nights",
                                 "mainstream_filled_bed_nights")]
        rates = [w[k] + "%" for k in ("utilisation_incl_pct", "utilisation_excl_pct")]
        say(got == [w["la_code"], w["la_name"]] + counts + rates,
            "period: the page's row %s is the CSV's (%r)" % (w["la_code"], got))
    say(d.region_rows == 1, "period: the region row is set apart")
    say(d.title.startswith("Foster-bed utilisation in bed-nights"), "period: the page has its title")

def escape(dom_path):
    d = Dom(open(dom_path, encoding="utf-8").read())
    values = [d.texts[v] for v in d.findings_values]
    say("<script>alert(1)</script>" in values,
        "validate: the value <script>alert(1)</script> is shown as text (values %r)" % values)
    say(d.stats.get("errors", "").strip() == "3", "validate: the page counts 3 errors")
    charts_accessible(d, "validate")

def png(path):
    """Decode an 8-bit RGB(A) PNG; say whether it has something drawn on it."""
    data = open(path, "rb").read()
    ok = data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while ok and pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, lace = struct.unpack(">IIBBBBB", data[pos + 8:pos + 21])
        elif kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    if not ok or depth != 8 or ctype not in (2, 6) or lace:
        say(False, "%s: an 8-bit RGB(A) PNG" % path)
        return
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    prev, colours, white, seen = bytearray(stride), set(), 0, 0
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], prev[x - bpp] if x >= bpp else 0
                if f == 1:
                    line[x] = (line[x] + a) & 255
                elif f == 3:
                    line[x] = (line[x] + (a + b) // 2) & 255
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            for x in range(0, stride, bpp * 2):
                px = bytes(line[x:x + 3])
                colours.add(px)
                white += px == b"\xff\xff\xff"
                seen += 1
        prev = line
    share = 100.0 * (seen - white) / max(seen, 1)
    say(w == 1280 and len(colours) > 10 and share > 2,
        "%s: not blank (%dx%d, %d colours, %.1f%% not white)" % (path.split("/")[-1], w, h,
                                                                len(colours), share))

mode = sys.argv[1]
if mode == "report":
    report(sys.argv[2], sys.argv[3], len(sys.argv) > 4)
elif mode == "reconcile":
    reconcile(sys.argv[2], sys.argv[3])
elif mode == "ofsted":
    ofsted(sys.argv[2], sys.argv[3])
elif mode == "period":
    period(sys.argv[2], sys.argv[3])
elif mode == "escape":
    escape(sys.argv[2])
else:
    png(sys.argv[2])
PY
py() {
	local out
	out=$(python3 "$tmp/check.py" "$@" 2>&1)
	pass=$((pass + $(grep -c '^PASS: ' <<<"$out")))
	fail=$((fail + $(grep -vc '^PASS: ' <<<"$out")))
	grep -v '^PASS: ' <<<"$out"
}

# report: the sample data, both snapshot dates
${FB_WRAPPER:-} "$bin" report --format html --today 2026-11-23 -o "$tmp/report.html" "${records[@]}"
check "report --format html exits 0" "[[ $? == 0 ]]"
${FB_WRAPPER:-} "$bin" report --format csv --today 2026-11-23 "${records[@]}" >"$tmp/report.csv"
self_contained "$tmp/report.html" report
dom "$tmp/report.html" "$tmp/report.dom"
check "report: chromium dumps the DOM" "[[ -s '$tmp/report.dom' ]]"
py report "$tmp/report.dom" "$tmp/report.csv"
shot "$tmp/report.html" "$tmp/report.png"
py png "$tmp/report.png"
if [[ ${FB_UPDATE_SCREENSHOT:-} == 1 && -s $tmp/report.png ]]; then
	mkdir -p "$root/docs" && cp "$tmp/report.png" "$root/docs/report.png"
	echo "wrote $root/docs/report.png"
fi

# report --period: the bed-nights table (tests/fixtures/episodes-small.csv)
eps=$root/tests/fixtures/episodes-small.csv
${FB_WRAPPER:-} "$bin" report --period 2028-02-15..2028-03-05 --today 2028-12-31 --format html \
	-o "$tmp/period.html" "$eps" 2>/dev/null
check "report --period --format html exits 0" "[[ $? == 0 ]]"
${FB_WRAPPER:-} "$bin" report --period 2028-02-15..2028-03-05 --today 2028-12-31 --format csv \
	"$eps" >"$tmp/period.csv" 2>/dev/null
self_contained "$tmp/period.html" "report --period"
dom "$tmp/period.html" "$tmp/period.dom"
py period "$tmp/period.dom" "$tmp/period.csv"
shot "$tmp/period.html" "$tmp/period.png"
py png "$tmp/period.png"

# report --breakdown reasons: the reasons chart
${FB_WRAPPER:-} "$bin" report --format html --breakdown reasons --today 2026-11-23 \
	-o "$tmp/reasons.html" "${records[@]}"
check "report --breakdown reasons --format html exits 0" "[[ $? == 0 ]]"
self_contained "$tmp/reasons.html" "report --breakdown reasons"
dom "$tmp/reasons.html" "$tmp/reasons.dom"
py report "$tmp/reasons.dom" "$tmp/report.csv" breakdown

# validate: a value from input that looks like markup stays text
${FB_WRAPPER:-} "$bin" validate --format html --today 2026-11-23 -o "$tmp/validate.html" \
	"$root/tests/fixtures/html-escape.csv"
check "validate --format html exits 1 (data errors)" "[[ $? == 1 ]]"
self_contained "$tmp/validate.html" validate
check "validate: the value is escaped" "grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' '$tmp/validate.html'"
check "validate: quotes are escaped" "grep -qF '=HYPERLINK(&quot;x&quot;)' '$tmp/validate.html'"
dom "$tmp/validate.html" "$tmp/validate.dom"
check "validate: the browser made no script element" "! grep -qi '<script' '$tmp/validate.dom'"
py escape "$tmp/validate.dom"
shot "$tmp/validate.html" "$tmp/validate.png"
py png "$tmp/validate.png"

# reconcile: the sample return against the sample records
${FB_WRAPPER:-} "$bin" reconcile --format html --today 2026-11-23 \
	--ofsted "$root/sample-data/ofsted-return-2026-09-30.csv" -o "$tmp/recon.html" \
	"${records[@]}" 2>/dev/null
check "reconcile --format html exits 0" "[[ $? == 0 ]]"
${FB_WRAPPER:-} "$bin" reconcile --format csv --today 2026-11-23 \
	--ofsted "$root/sample-data/ofsted-return-2026-09-30.csv" "${records[@]}" \
	>"$tmp/recon.csv" 2>/dev/null
self_contained "$tmp/recon.html" reconcile
dom "$tmp/recon.html" "$tmp/recon.dom"
py reconcile "$tmp/recon.dom" "$tmp/recon.csv"
shot "$tmp/recon.html" "$tmp/recon.png"
py png "$tmp/recon.png"

# ofsted: Ofsted's published 2018-19 file, every authority
ofsted_file=$root/tests/fixtures/ofsted/ofsted_fostering_in_england_2018-19_la_level.csv
${FB_WRAPPER:-} "$bin" ofsted --format html -o "$tmp/ofsted.html" "$ofsted_file" 2>/dev/null
check "ofsted --format html exits 0" "[[ $? == 0 ]]"
${FB_WRAPPER:-} "$bin" ofsted --format csv "$ofsted_file" >"$tmp/ofsted.csv" 2>/dev/null
self_contained "$tmp/ofsted.html" ofsted
dom "$tmp/ofsted.html" "$tmp/ofsted.dom"
py ofsted "$tmp/ofsted.dom" "$tmp/ofsted.csv"
# Which authority does not balance, not just how many; why London's sum differs.
check "ofsted html: the findings name the authority" \
	"grep -q 'Bexley (303): 245 approved places' '$tmp/ofsted.html'"
check "ofsted html: London's note names the joint service" \
	"grep -q 'London Tri-borough&#39;s 385 approved places are in the sum' '$tmp/ofsted.html'"
shot "$tmp/ofsted.html" "$tmp/ofsted.png"
py png "$tmp/ofsted.png"

if ((fail)) && [[ -s $tmp/chromium.log ]]; then
	echo "chromium said:"
	tail -n 20 "$tmp/chromium.log"
fi
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
