#!/bin/bash
# html-print.sh: a printed page keeps each heading with what it introduces and
# never splits a chart, nor a chart from its caption.  KEEP=1 keeps the
# marked pages, the PDFs and their text.
#
# A copy of each page gets tiny white markers (1px text, no change to the
# layout): one at each heading and caption, one at the top and one at the
# foot of each chart and table.  Headless Chromium prints it to PDF (A4, the
# page's own @page rules), tests/pdf-text.py reads which markers each PDF
# page carries, and:
#   - a heading (h2, h3) is on the page of the first chart, table or block
#     after it (paragraphs between them go along);
#   - a chart's caption, its top and its foot are on one page.
set -u
bin=$1
root=$2
chromium=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d)
if [[ -n ${KEEP:-} ]]; then echo "kept $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
pass=0
fail=0
today=2026-11-23

if [[ ! -x $chromium ]]; then
	echo "chromium is not installed: apt-get install chromium (tools/setup.sh installs it)"
	exit 1
fi

cat >"$tmp/mark.py" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
n = [0]
span = '<span style="font-size:1px;color:#fff">%s</span>'
text = '<text x="1" y="%d" style="font-size:1px;fill:#fff">%s</text>'
def tag(kind):
    n[0] += 1
    return "QQ%s%03dQQ" % (kind, n[0])
# One pass, so the markers are numbered in document order: H a heading,
# C a chart caption, T and E a chart's top and foot, L a paragraph of text,
# B the start of any other block that can follow a heading.
def mark(m):
    s = m.group(0)
    if s.startswith("<h"):
        return s + span % tag("H")
    if s.startswith('<p class="t"'):
        return s + span % tag("C")
    if s.startswith("<svg"):
        h = re.search(r'viewBox="0 0 \d+ (\d+)"', s)
        h = int(h.group(1)) if h else 10
        top = text % (1, tag("T"))
        s = re.sub(r"(<svg[^>]*>)", lambda x: x.group(1) + top, s, 1)
        return s.replace("</svg>", text % (h - 1, tag("E")) + "</svg>")
    if s.startswith("<table"):
        return s + "<caption>" + span % tag("B") + "</caption>"
    if s.startswith("<p"):
        return s + span % tag("L")
    return s + span % tag("B")
pattern = (r"<h[23][^>]*>|<p class=\"t\">|<svg.*?</svg>|<table[^>]*>|"
           r"<p class=\"(?:lead|warn|note)\">|<div class=\"(?:region-headline|cards)[^\"]*\"[^>]*>|"
           r"<ul class=\"multiples\">|<dl class=\"defs\">|<div class=\"card[^\"]*\"[^>]*>")
out = re.sub(pattern, mark, html, flags=re.S)
out = out.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="x"')
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY

cat >"$tmp/check.py" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
page, where = 0, {}
for line in text.splitlines():
    if line.startswith("=== page "):
        page = int(line.split()[2])
    for m in re.findall(r"QQ([A-Z])(\d{3})QQ", line):
        where[m[0] + m[1]] = page
marks = sorted(where, key=lambda k: int(k[1:]))
bad = 0
def fail(what):
    global bad
    bad += 1
    print("FAIL: %s: %s" % (name, what))
if len(marks) < 4:
    fail("only %d markers reached the PDF" % len(marks))
for i, k in enumerate(marks):
    # A heading, and the paragraphs under it, go with the block they introduce.
    nxt = next((m for m in marks[i + 1:] if m[0] not in "HL"), None)
    if k[0] == "H" and nxt and where[nxt] != where[k]:
        fail("heading %s is on page %d; what it introduces (%s) starts page %d" % (k, where[k], nxt, where[nxt]))
    if k[0] == "C":
        top = marks[i + 1] if i + 1 < len(marks) and marks[i + 1][0] == "T" else None
        end = marks[i + 2] if top and i + 2 < len(marks) and marks[i + 2][0] == "E" else None
        pages = {where[k]} | ({where[top]} if top else set()) | ({where[end]} if end else set())
        if not top or not end:
            fail("caption %s has no chart after it" % k)
        elif len(pages) > 1:
            fail("the chart of caption %s runs over pages %s" % (k, sorted(pages)))
    if k[0] == "T" and i + 1 < len(marks) and marks[i + 1][0] == "E" and where[marks[i + 1]] != where[k]:
        fail("chart %s is split over pages %d and %d" % (k, where[k], where[marks[i + 1]]))
print("%s: %d markers on %d pages, %d faults" % (name, len(marks), page, bad))
sys.exit(1 if bad else 0)
PY

# print NAME PAGE
print_check() {
	local name=$1 page=$2 profile
	if [[ ! -s $page ]]; then
		echo "FAIL: $name: no page was written"
		fail=$((fail + 1))
		return
	fi
	python3 "$tmp/mark.py" "$page" "$tmp/$name.marked.html"
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update --no-first-run \
		--user-data-dir="$profile" --no-pdf-header-footer \
		--print-to-pdf="$tmp/$name.pdf" "file://$tmp/$name.marked.html" 2>>"$tmp/chromium.log"
	if [[ ! -s $tmp/$name.pdf ]]; then
		echo "FAIL: $name: chromium printed no PDF"
		fail=$((fail + 1))
		return
	fi
	python3 "$root/tests/pdf-text.py" "$tmp/$name.pdf" >"$tmp/$name.txt"
	if python3 "$tmp/check.py" "$name" "$tmp/$name.txt"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
}

run() { ${FB_WRAPPER:-} "$bin" "$@" 2>/dev/null; }
records=("$root"/sample-data/records/*.csv)

run report --format html --breakdown reasons --today $today -o "$tmp/report.html" "${records[@]}"
print_check report "$tmp/report.html"
run trend --format html --today $today -o "$tmp/trend.html" "${records[@]}" "$root"/sample-data/quarters/*.csv
print_check trend "$tmp/trend.html"
run reconcile --format html --today $today --ofsted "$root/sample-data/ofsted-return-2026-09-30.csv" \
	-o "$tmp/reconcile.html" "${records[@]}"
print_check reconcile "$tmp/reconcile.html"

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
