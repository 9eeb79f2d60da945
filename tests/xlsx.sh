#!/bin/bash
# xlsx.sh: --format xlsx, read back.  Each workbook is unzipped (unzip -p)
# and its sheets' XML parsed with python3's xml.etree, then compared with
# what the CSV writer says about the same input:
#  (a) report: every cell of the Summary sheet equals `report --format csv`
#      (titles for people, given below by hand, where the CSV has the machine
#      names; counts as numbers, rates as numbers whose value x 100 to one decimal
#      is the CSV's, with a 0.0% number format; blank where the CSV is
#      empty), the region rows are bold, the header row is frozen and an
#      autofilter covers the table;
#  (b) validate on tests/fixtures/xlsx-formula.csv, whose values start with
#      =, +, - and @: no formula anywhere, the values are shared strings,
#      and the Findings sheet lists them as text;
#  (c) reconcile: the Reconcile sheet equals `reconcile --format csv` (the
#      differences as points in a +0.0 "pp" format, never as %), and the
#      Bridge sheet `reconcile --format csv --bridge`;
#  (e) every sheet of every workbook prints landscape on A4, one page wide
#      (fitToWidth 1, fitToHeight 0), with its title row repeated on every
#      page (a Print_Titles of $1:$1), and the titles wrap;
#  (f) report --period: the Summary sheet equals `report --period --format csv`,
#      with the spec's worked example's region row checked by hand;
#  (g) trend: the Trend sheet equals `trend --format csv`, the changes stored
#      as points with a +0.0 "pp" format, never as a percentage;
#  (d) a workbook is refused on a terminal (under script(1)), and a workbook
#      that cannot be made fails with exit 3 and never replaces the -o FILE.
# FB_WRAPPER (set by the valgrind test setup) is put before the binary.
set -u
bin=$1
root=$2
today=2026-11-23
. "$(dirname "$0")/lib.sh"
run() { ${FB_WRAPPER:-} "$bin" "$@"; }

# The reader: `xlsx.py BOOK CHECK ARGS...`, exit 0 when the check holds.
cat >"$tmp/xlsx.py" <<'PY'
import csv, re, subprocess, sys
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
book = sys.argv[1]

def part(name):
    return subprocess.run(["unzip", "-p", book, name], check=True,
                          stdout=subprocess.PIPE).stdout

def names():
    out = subprocess.run(["unzip", "-Z1", book], check=True, stdout=subprocess.PIPE)
    return out.stdout.decode().split()

def strings():
    if "xl/sharedStrings.xml" not in names():
        return []
    sst = ET.fromstring(part("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
            for si in sst.findall("m:si", NS)]

def sheet_path(title):
    wb = ET.fromstring(part("xl/workbook.xml"))
    rels = ET.fromstring(part("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("p:Relationship", NS)}
    for s in wb.find("m:sheets", NS):
        if s.get("name") == title:
            return "xl/" + target[s.get("{%s}id" % NS["r"])]
    raise SystemExit("no sheet %r" % title)

def styles():
    """Per style index: (number format code or None, bold)."""
    st = ET.fromstring(part("xl/styles.xml"))
    fmts = {n.get("numFmtId"): n.get("formatCode") for n in st.iter("{%s}numFmt" % NS["m"])}
    fonts = [f.find("m:b", NS) is not None for f in st.find("m:fonts", NS)]
    return [(fmts.get(x.get("numFmtId")), fonts[int(x.get("fontId", "0"))])
            for x in st.find("m:cellXfs", NS)]

def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1

def rows(title):
    """The sheet as rows of cells: (kind, value, style); kind s, n or None (blank)."""
    ss, xml = strings(), ET.fromstring(part(sheet_path(title)))
    out = []
    for row in xml.find("m:sheetData", NS):
        r = int(row.get("r")) - 1
        while len(out) <= r:
            out.append([])
        for c in row:
            i = col_index(c.get("r"))
            while len(out[r]) <= i:
                out[r].append((None, "", 0))
            v, t, s = c.find("m:v", NS), c.get("t"), int(c.get("s", "0"))
            assert c.find("m:f", NS) is None, "formula in %s" % c.get("r")
            if v is None:
                out[r][i] = (None, "", s)
            elif t == "s":
                out[r][i] = ("s", ss[int(v.text)], s)
            elif t is None or t == "n":
                out[r][i] = ("n", float(v.text), s)
            else:
                raise AssertionError("cell %s has type %s" % (c.get("r"), t))
    return out, xml

def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))

def layout(title, ncols, nrows):
    """Frozen header, autofilter over the table, columns with widths."""
    _, xml = rows(title)
    pane = xml.find(".//m:pane", NS)
    assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1", \
        "%s: header row not frozen" % title
    af = xml.find("m:autoFilter", NS)
    last = ""
    n = ncols
    while n:
        n, rem = divmod(n - 1, 26)
        last = chr(65 + rem) + last
    want = "A1:%s%d" % (last, nrows + 1)
    assert af is not None and af.get("ref") == want, \
        "%s: autofilter %s, want %s" % (title, af is not None and af.get("ref"), want)
    cols = xml.findall("m:cols/m:col", NS)
    assert len(cols) == ncols and all(8 <= float(c.get("width")) <= 61 for c in cols), \
        "%s: column widths" % title

# The sheet's title for each CSV column name, written out by hand.
PP = '+0.0 "pp";-0.0 "pp";0.0 "pp"'
TITLES = {
    "la_code": "LA code", "la_name": "LA name", "snapshot_date": "Snapshot date",
    "approved": "Approved", "filled": "Filled", "vacant": "Vacant",
    "unavailable": "Unavailable", "respite_emergency": "Respite/emergency beds",
    "mainstream_approved": "Mainstream approved", "mainstream_filled": "Mainstream filled",
    "mainstream_vacant": "Mainstream vacant", "mainstream_unavailable": "Mainstream unavailable",
    "utilisation_incl_pct": "Utilisation incl. respite (%)",
    "utilisation_excl_pct": "Utilisation excl. respite (%)",
    "vacant_pct": "Vacant (%)", "unavailable_pct": "Unavailable (%)",
    "ofsted_status": "Ofsted status", "category": "Category", "beds": "Beds",
    # ofsted's columns
    "year": "Year", "region": "Region", "households": "Households",
    "short_break_households": "Short break households",
    "emergency_households": "Emergency households",
    "exemption_households": "Exemption households", "filled_pct": "Filled (%)",
    "kind": "Kind", "las_in_area": "LAs in area", "las_pooled": "LAs pooled",
    "not_pooled": "Not pooled", "covered_by": "Covered by", "note": "Note",
    # report --period's columns
    "period_start": "Period start", "period_end": "Period end",
    "approved_bed_nights": "Approved bed nights", "filled_bed_nights": "Filled bed nights",
    "vacant_bed_nights": "Vacant bed nights",
    "unavailable_bed_nights": "Unavailable bed nights",
    "mainstream_approved_bed_nights": "Mainstream approved bed nights",
    "mainstream_filled_bed_nights": "Mainstream filled bed nights",
    # trend's columns
    "utilisation_incl_pp_change": "Utilisation incl. respite, change (pp)",
    "utilisation_excl_pp_change": "Utilisation excl. respite, change (pp)",
    "vacant_pp_change": "Vacant, change (pp)",
    "previous_snapshot_date": "Previous snapshot date",
    "pooled_la_codes": "Pooled LA codes", "change_note": "Change note",
    # reconcile's columns
    "submitted_approved": "Submitted approved", "submitted_filled": "Submitted filled",
    "submitted_vacant": "Submitted vacant", "submitted_unavailable": "Submitted unavailable",
    "submitted_filled_pct": "Submitted filled (%)", "submitted_vacant_pct": "Submitted vacant (%)",
    "submitted_unavailable_pct": "Submitted unavailable (%)",
    "filled_pp_diff": "Filled, difference (pp)", "vacant_pp_diff": "Vacant, difference (pp)",
    "unavailable_pp_diff": "Unavailable, difference (pp)", "return_date": "Return date",
    "date_source": "Date source",
}

def same_table(title, csv_path, rate_cols=(), pp_cols=()):
    """Every cell of the sheet against the CSV (header and rows)."""
    want, (got, _) = read_csv(csv_path), rows(title)
    st = styles()
    assert len(got) == len(want), "%s: %d rows, CSV %d" % (title, len(got), len(want))
    header = want[0]
    for r, (g, w) in enumerate(zip(got, want)):
        g = g + [(None, "", 0)] * (len(w) - len(g))
        assert len(g) == len(w), "%s row %d: %d cells, CSV %d" % (title, r + 1, len(g), len(w))
        for i, ((kind, v, s), cv) in enumerate(zip(g, w)):
            where = "%s!%s row %d (%s)" % (title, header[i], r + 1, cv)
            if r == 0:
                assert kind == "s" and v == TITLES[cv] and st[s][1], \
                    "%s: header %r not the bold title %r" % (where, v, TITLES[cv])
            elif cv == "":
                assert kind is None, "%s: %r where the CSV is empty" % (where, v)
            elif header[i] in rate_cols:
                assert kind == "n", "%s: rate is not a number" % where
                assert "%.1f" % (v * 100) == cv, "%s: %r" % (where, v)
                assert st[s][0] == "0.0%", "%s: format %r, not 0.0%%" % (where, st[s][0])
            elif header[i] in pp_cols:
                # Points as points (-25.0 is -25), never as a percentage.
                assert kind == "n", "%s: a difference is not a number" % where
                assert "%.1f" % v == cv, "%s: %r" % (where, v)
                assert st[s][0] == PP, "%s: format %r, not %r" % (where, st[s][0], PP)
            elif re.fullmatch(r"-?[0-9]+", cv) and not header[i].endswith(("code", "codes")):
                assert kind == "n" and v == int(cv), "%s: %r %r" % (where, kind, v)
            else:
                assert kind == "s" and v == cv, "%s: %r %r" % (where, kind, v)
    return got, want

check, args = sys.argv[2], sys.argv[3:]
if check == "summary":
    rates = ["utilisation_incl_pct", "utilisation_excl_pct", "vacant_pct", "unavailable_pct"]
    got, want = same_table("Summary", args[0], rates)
    st = styles()
    for g, w in zip(got[1:], want[1:]):
        bold = all(st[s][1] for kind, _, s in g if kind)
        assert bold == (w[0] == "ALL"), "row %s: bold %s" % (w[0], bold)
    assert any(w[0] == "ALL" for w in want[1:])
    layout("Summary", len(want[0]), len(want) - 1)
elif check == "period":
    # The Summary sheet is the CSV, the region's row bold; and the figures
    # are the spec's worked example (spec/bed-episodes.md), by hand.
    got, want = same_table("Summary", args[0], ["utilisation_incl_pct", "utilisation_excl_pct"])
    st = styles()
    for g, w in zip(got[1:], want[1:]):
        bold = all(st[s][1] for kind, _, s in g if kind)
        assert bold == (w[0] == "ALL"), "row %s: bold %s" % (w[0], bold)
    region = [r for r in got if r and r[0][1] == "ALL"][0]
    assert [v for _, v, _ in region[4:13]] == [62, 38, 19, 5, 56, 37, 0.613, 0.661, 2], region
    layout("Summary", len(want[0]), len(want) - 1)
elif check == "trend":
    got, want = same_table("Trend", args[0], ["utilisation_incl_pct", "utilisation_excl_pct",
                           "vacant_pct", "unavailable_pct"], ["utilisation_incl_pp_change",
                           "utilisation_excl_pp_change", "vacant_pp_change"])
    st = styles()
    for g, w in zip(got[1:], want[1:]):
        bold = all(st[s][1] for kind, _, s in g if kind)
        assert bold == (w[0] == "ALL"), "row %s: bold %s" % (w[0], bold)
    layout("Trend", len(want[0]), len(want) - 1)
elif check == "sheets":
    wb = ET.fromstring(part("xl/workbook.xml"))
    got = [s.get("name") for s in wb.find("m:sheets", NS)]
    assert got == args, "sheets %s, want %s" % (got, args)
elif check == "no-formulas":
    sheets = [n for n in names() if n.startswith("xl/worksheets/")]
    assert sheets
    for n in sheets:
        assert not re.search(rb"<f[ >/]", part(n)), "a formula in " + n
        assert b't="str"' not in part(n) and b"inlineStr" not in part(n), n
    assert "xl/calcChain.xml" not in names()
    ss = strings()
    for value in args:
        assert value in ss, "%r is not a shared string" % value
elif check == "findings-values":
    got, _ = rows("Findings")
    header = [v for _, v, _ in got[0]]
    col = header.index("Value")
    values = [r[col] for r in got[1:] if len(r) > col]
    for value in args:
        assert ("s", value) in [(k, v) for k, v, _ in values], "%r not a text value" % value
    layout("Findings", len(header), len(got) - 1)
elif check == "ofsted":
    # The Ofsted sheet is the CSV; sum, published and difference rows bold;
    # the Findings sheet names the authority of each FB025 (args[1:]).
    rates = ["filled_pct", "vacant_pct", "unavailable_pct"]
    got, want = same_table("Ofsted", args[0], rates)
    st = styles()
    kind = want[0].index("kind")
    for g, w in zip(got[1:], want[1:]):
        bold = all(st[s][1] for k, _, s in g if k)
        assert bold == (w[kind] not in ("la", "joint")), "row %s: bold %s" % (w[2], bold)
    layout("Ofsted", len(want[0]), len(want) - 1)
    f, _ = rows("Findings")
    header = [v for _, v, _ in f[0]]
    col, code, msg = header.index("Column"), header.index("Code"), header.index("Message")
    unbalanced = [(r[col][1], r[msg][1]) for r in f[1:] if r[code][1] == "FB025"]
    assert [c for c, _ in unbalanced] == [a.split("|")[0] for a in args[1:]], unbalanced
    for (c, m), a in zip(unbalanced, args[1:]):
        assert m.startswith(a.split("|")[1]), (c, m)
elif check == "print":
    wb = ET.fromstring(part("xl/workbook.xml"))
    sheets = [s.get("name") for s in wb.find("m:sheets", NS)]
    titles = {(d.get("localSheetId"), d.text) for d in wb.iter("{%s}definedName" % NS["m"])
              if d.get("name") == "_xlnm.Print_Titles"}
    for i, name in enumerate(sheets):
        _, xml = rows(name)
        ps, fit = xml.find("m:pageSetup", NS), xml.find("m:sheetPr/m:pageSetUpPr", NS)
        assert ps is not None and ps.get("orientation") == "landscape", "%s: not landscape" % name
        assert ps.get("paperSize") == "9", "%s: paper %s, not A4" % (name, ps.get("paperSize"))
        assert fit is not None and fit.get("fitToPage") == "1", "%s: not fitted to the page" % name
        assert ps.get("fitToHeight") == "0" and ps.get("fitToWidth", "1") == "1", \
            "%s: not one page wide (%s x %s)" % (name, ps.get("fitToWidth"), ps.get("fitToHeight"))
        want = "%s!$1:$1" % (name if re.fullmatch(r"\w+", name) else "'%s'" % name)
        assert (str(i), want) in titles, "%s: title row not repeated (%s)" % (name, titles)
elif check == "reconcile":
    got, want = same_table("Reconcile", args[0], ["submitted_filled_pct", "submitted_vacant_pct",
                           "submitted_unavailable_pct", "utilisation_incl_pct",
                           "utilisation_excl_pct", "vacant_pct", "unavailable_pct"],
                           ["filled_pp_diff", "vacant_pp_diff", "unavailable_pp_diff"])
    st = styles()
    for g, w in zip(got[1:], want[1:]):
        bold = all(st[s][1] for kind, _, s in g if kind)
        assert bold == (w[0] == "ALL"), "row %s: bold %s" % (w[0], bold)
    layout("Reconcile", len(want[0]), len(want) - 1)
elif check == "bridge":
    same_table("Bridge", args[0])
    layout("Bridge", 4, len(read_csv(args[0])) - 1)
else:
    raise SystemExit("unknown check " + check)
PY
xl() { python3 "$tmp/xlsx.py" "$@"; }

# (a) report
records=("$root"/sample-data/records/*.csv)
run report --today $today --format csv "${records[@]}" >"$tmp/report.csv"
run report --today $today --format xlsx -o "$tmp/report.xlsx" "${records[@]}" >"$tmp/out"
status=$?
[[ $status == 0 ]] && ok || bad "report --format xlsx -o exited $status"
[[ ! -s $tmp/out ]] && ok || bad "report --format xlsx -o wrote to standard output"
unzip -tq "$tmp/report.xlsx" >/dev/null && ok || bad "report.xlsx is not a sound zip file"
xl "$tmp/report.xlsx" sheets Summary Findings Inputs Notes && ok || bad "report: the sheets"
xl "$tmp/report.xlsx" summary "$tmp/report.csv" && ok || bad "report: Summary differs from the CSV"
xl "$tmp/report.xlsx" print && ok || bad "report: a sheet does not print landscape, one page wide"
unzip -p "$tmp/report.xlsx" xl/sharedStrings.xml | grep -q "version 1.2" && ok ||
	bad "report: the Notes do not give the spec version"

# Through a pipe (not a terminal) the workbook goes to standard output.
run report --today $today --format xlsx "${records[@]}" | cat >"$tmp/piped.xlsx"
xl "$tmp/piped.xlsx" summary "$tmp/report.csv" && ok || bad "report: piped workbook differs"

# (b) values that would be formulas stay text
fixture=$root/tests/fixtures/xlsx-formula.csv
run validate --today $today --format xlsx -o "$tmp/validate.xlsx" "$fixture"
status=$?
[[ $status == 1 ]] && ok || bad "validate --format xlsx on xlsx-formula.csv exited $status, not 1"
xl "$tmp/validate.xlsx" sheets Findings "Summary by code" Inputs Notes && ok ||
	bad "validate: the sheets"
xl "$tmp/validate.xlsx" no-formulas '=HYPERLINK("http://x")' '=1+1' '+2' '-2+3' && ok ||
	bad "validate: a formula in the workbook, or a value not stored as text"
xl "$tmp/validate.xlsx" print && ok || bad "validate: a sheet does not print landscape, one page wide"
xl "$tmp/validate.xlsx" findings-values '=HYPERLINK("http://x")' '=1+1' '+2' '-2+3' && ok ||
	bad "validate: the Findings sheet does not hold the values as text"

# (c) reconcile: the Bridge sheet is the CSV bridge
ret=$root/sample-data/ofsted-return-2026-09-30.csv
run reconcile --today $today --ofsted "$ret" --format csv --bridge "${records[@]}" \
	>"$tmp/bridge.csv" 2>/dev/null
run reconcile --today $today --ofsted "$ret" --format xlsx -o "$tmp/recon.xlsx" \
	"${records[@]}" 2>/dev/null
status=$?
[[ $status == 0 ]] && ok || bad "reconcile --format xlsx exited $status"
run reconcile --today $today --ofsted "$ret" --format csv "${records[@]}" \
	>"$tmp/recon.csv" 2>/dev/null
xl "$tmp/recon.xlsx" sheets Reconcile Bridge Drivers Findings Inputs Notes && ok ||
	bad "reconcile: the sheets"
xl "$tmp/recon.xlsx" reconcile "$tmp/recon.csv" && ok ||
	bad "reconcile: Reconcile differs from the CSV (pp as points, rates as %)"
xl "$tmp/recon.xlsx" bridge "$tmp/bridge.csv" && ok || bad "reconcile: Bridge differs from --bridge"
xl "$tmp/recon.xlsx" no-formulas && ok || bad "reconcile: a formula in the workbook"
xl "$tmp/recon.xlsx" print && ok || bad "reconcile: a sheet does not print landscape, one page wide"

# (e) ofsted: the Ofsted sheet is the CSV, and the Findings sheet says which
# authority does not balance (Medway, 15 apart; London Tri-borough's 10 is
# Ofsted's rounding and not warned): tests/fixtures/ofsted-regions_2018-19.csv
ofs=$root/tests/fixtures/ofsted-regions_2018-19.csv
run ofsted --format csv "$ofs" >"$tmp/ofsted.csv" 2>/dev/null
run ofsted --format xlsx -o "$tmp/ofsted.xlsx" "$ofs" 2>/dev/null
status=$?
[[ $status == 1 ]] && ok || bad "ofsted --format xlsx exited $status, not 1 (FB026)"
xl "$tmp/ofsted.xlsx" sheets Ofsted Findings Inputs Notes && ok || bad "ofsted: the sheets"
xl "$tmp/ofsted.xlsx" ofsted "$tmp/ofsted.csv" "Medway|Medway (887): 100 approved places" && ok ||
	bad "ofsted: the Ofsted sheet or its findings"

# (f) report --period: the Summary sheet is the CSV
eps=$root/tests/fixtures/episodes-small.csv
run report --period 2028-02-15..2028-03-05 --today 2028-12-31 --format csv "$eps" \
	>"$tmp/period.csv" 2>/dev/null
run report --period 2028-02-15..2028-03-05 --today 2028-12-31 --format xlsx \
	-o "$tmp/period.xlsx" "$eps" 2>/dev/null
status=$?
[[ $status == 0 ]] && ok || bad "report --period --format xlsx exited $status"
xl "$tmp/period.xlsx" sheets Summary Findings Inputs Notes && ok || bad "period: the sheets"
xl "$tmp/period.xlsx" period "$tmp/period.csv" && ok || bad "period: Summary differs from the CSV"
xl "$tmp/period.xlsx" no-formulas && ok || bad "period: a formula in the workbook"
xl "$tmp/period.xlsx" print && ok || bad "period: a sheet does not print landscape, one page wide"

# (g) trend: the Trend sheet is the CSV, changes in points with a pp format
run trend --today $today --format csv "$root/tests/fixtures/trend.csv" >"$tmp/trend.csv" 2>/dev/null
run trend --today $today --format xlsx -o "$tmp/trend.xlsx" "$root/tests/fixtures/trend.csv" \
	2>/dev/null
status=$?
[[ $status == 0 ]] && ok || bad "trend --format xlsx exited $status"
xl "$tmp/trend.xlsx" sheets Trend Findings Inputs Notes && ok || bad "trend: the sheets"
xl "$tmp/trend.xlsx" trend "$tmp/trend.csv" && ok || bad "trend: Trend differs from the CSV"
xl "$tmp/trend.xlsx" no-formulas && ok || bad "trend: a formula in the workbook"
xl "$tmp/trend.xlsx" print && ok || bad "trend: a sheet does not print landscape, one page wide"

# (d) no workbook on a terminal; a workbook that cannot be made is a failure
if command -v script >/dev/null; then
	script -qec "${FB_WRAPPER:-} $bin report --format xlsx $root/sample-data/records/851-portsmouth.csv" \
		/dev/null >"$tmp/tty" 2>&1 </dev/null
	status=$?
	[[ $status == 2 ]] && ok || bad "xlsx to a terminal exited $status, not 2"
	grep -q "binary and is not written to a terminal; give -o FILE" "$tmp/tty" && ok ||
		bad "xlsx to a terminal: no message ($(head -c 200 "$tmp/tty"))"
	grep -q "Content_Types" "$tmp/tty" && bad "xlsx to a terminal: the workbook was written" || ok
else
	echo "note: script(1) not found (package bsdutils): terminal check skipped"
fi
# A workbook that cannot be made: libxlsxwriter refuses a cell over Excel's
# 32,767 characters (a region name here): exit 3, a message, the old file
# kept.  Its scratch file is beside -o's file, never in $TMPDIR: with a
# TMPDIR that does not exist (run without FB_WRAPPER, as valgrind needs a
# TMPDIR of its own) -o works; only standard output, which has no folder,
# needs one.
mkdir "$tmp/keep"
echo "previous" >"$tmp/keep/old.xlsx"
long=$(printf 'x%.0s' {1..33000})
run report --format xlsx --region-name "$long" -o "$tmp/keep/old.xlsx" \
	"$root/sample-data/records/851-portsmouth.csv" 2>"$tmp/err"
status=$?
[[ $status == 3 ]] && ok || bad "long-name: a workbook that cannot be made exited $status, not 3"
grep -q "cannot make the workbook" "$tmp/err" && ok || bad "long-name: no message"
[[ $(cat "$tmp/keep/old.xlsx") == previous && $(ls -A "$tmp/keep" | wc -l) == 1 ]] && ok ||
	bad "long-name: the old file was replaced or a temporary file left"
mkdir "$tmp/beside"
TMPDIR=$tmp/no/such/dir "$bin" report --format xlsx -o "$tmp/beside/new.xlsx" \
	"$root/sample-data/records/851-portsmouth.csv" 2>"$tmp/err"
status=$?
[[ $status == 0 && $(head -c 2 "$tmp/beside/new.xlsx") == PK && $(ls -A "$tmp/beside") == new.xlsx ]] &&
	ok || bad "no-tmpdir -o: exited $status, or no workbook, or a file left ($(ls -A "$tmp/beside"))"
TMPDIR=$tmp/no/such/dir "$bin" report --format xlsx \
	"$root/sample-data/records/851-portsmouth.csv" >"$tmp/stdout.xlsx" 2>"$tmp/err"
status=$?
[[ $status == 3 ]] && ok || bad "no-tmpdir stdout: exited $status, not 3"
grep -q "cannot make a scratch file for the output" "$tmp/err" && ok ||
	bad "no-tmpdir stdout: no message ($(head -c 300 "$tmp/err"))"
# The same through a document's write(): report --period and trend.
eps=$root/tests/fixtures/episodes-small.csv
for cmd in period trend; do
	if [[ $cmd == period ]]; then
		args=(report --period 2028-02-15..2028-03-05 --today 2028-12-31 "$eps")
	else
		args=(trend --today $today "$root/tests/fixtures/trend.csv")
	fi
	run "${args[@]}" --format xlsx --region-name "$long" -o "$tmp/keep/old.xlsx" 2>"$tmp/err"
	status=$?
	[[ $status == 3 ]] && ok || bad "$cmd long-name: exited $status, not 3"
	grep -q "could not write the output: cannot make the workbook" "$tmp/err" && ok ||
		bad "$cmd long-name: no message ($(head -c 300 "$tmp/err"))"
	[[ $(cat "$tmp/keep/old.xlsx") == previous && $(ls -A "$tmp/keep" | wc -l) == 1 ]] &&
		ok || bad "$cmd long-name: the old file was replaced or a temporary file left"
	if command -v script >/dev/null; then
		script -qec "${FB_WRAPPER:-} $bin ${args[*]} --format xlsx" /dev/null >"$tmp/tty" 2>&1 \
			</dev/null
		status=$?
		[[ $status == 2 ]] && ok || bad "$cmd: xlsx to a terminal exited $status, not 2"
	fi
done

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
