#!/bin/bash
# html-layout.sh: no chart page draws text over text.
#
# Each page is copied, its Content-Security-Policy taken out and
# tests/html-layout.js put before </body>; headless Chromium runs it and
# --dump-dom gives back its verdict.  The script measures every text of every
# chart (each <svg> <text>, in the chart's units) and every line of page text
# (in page pixels), and reports any two that overlap, any chart text that
# runs past its chart's edge, and any text a region line crosses.  The pages
# as shipped keep no script: html.sh checks that.
#
# Pages: report (with and without --breakdown reasons), trend, reconcile,
# ofsted, validate and costs on the sample data, and awkward cases made here: one LA,
# an LA code the LA table does not know, one snapshot date, twelve quarterly
# dates, and the longest LA names.  Each is measured at a desktop width and
# at a narrow one, where the stylesheet's small-screen rules apply.
set -u
bin=$1
root=$2
chromium=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
today=2026-11-23

if [[ ! -x $chromium ]]; then
	echo "chromium is not installed: apt-get install chromium (tools/setup.sh installs it)"
	exit 1
fi

browser() {
	local profile
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update --no-first-run \
		--user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}

# measure NAME PAGE: the page at two widths; every fault is a failure.
measure() {
	local name=$1 page=$2 width copy verdict
	if [[ ! -s $page ]]; then
		echo "FAIL: $name: no page was written"
		fail=$((fail + 1))
		return
	fi
	copy=$tmp/$name.measure.html
	sed -e '/http-equiv="Content-Security-Policy"/d' -e 's|</body>|<script>\n&|' "$page" |
		sed -e "/^<script>\$/r $root/tests/html-layout.js" -e 's|^</body>|</script>\n&|' >"$copy"
	for width in 1280 700; do
		verdict=$(browser --window-size=$width,2000 --dump-dom "file://$copy" |
			sed -n '/<pre id="layout-verdict">/,/<\/pre>/p' | sed 's/<[^>]*>//g')
		if ! grep -q '^CHECKED [1-9]' <<<"$verdict"; then
			echo "FAIL: $name at ${width}px: the measuring script gave no verdict"
			fail=$((fail + 1))
		elif grep -q '^[A-Z]*:' <<<"$verdict"; then
			echo "FAIL: $name at ${width}px:"
			grep '^[A-Z]*:' <<<"$verdict" | sed 's/&quot;/"/g; s/&amp;/\&/g; s/^/  /'
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
}

run() { ${FB_WRAPPER:-} "$bin" "$@" 2>/dev/null; }

records=("$root"/sample-data/records/*.csv)
quarters=("$root"/sample-data/quarters/*.csv)

# The sample data.
run report --format html --today $today -o "$tmp/report.html" "${records[@]}"
measure report "$tmp/report.html"
run report --format html --breakdown reasons --today $today -o "$tmp/reasons.html" "${records[@]}"
measure report-reasons "$tmp/reasons.html"
run trend --format html --today $today -o "$tmp/trend.html" "${records[@]}" "${quarters[@]}"
measure trend "$tmp/trend.html"
run reconcile --format html --today $today --ofsted "$root/sample-data/ofsted-return-2026-09-30.csv" \
	-o "$tmp/reconcile.html" "${records[@]}"
measure reconcile "$tmp/reconcile.html"
run ofsted --format html -o "$tmp/ofsted.html" \
	"$root/tests/fixtures/ofsted/ofsted_fostering_in_england_2018-19_la_level.csv"
measure ofsted "$tmp/ofsted.html"
run validate --format html --today $today -o "$tmp/validate.html" "$root"/sample-data/broken/FB0*.csv
measure validate "$tmp/validate.html"

# One LA, and one the LA table does not know.
run report --format html --today $today -o "$tmp/one-la.html" "$root"/sample-data/records/851-*.csv
measure report-one-la "$tmp/one-la.html"
run trend --format html --today $today -o "$tmp/trend-one-la.html" "$root"/sample-data/records/851-*.csv \
	"$root"/sample-data/quarters/851-*.csv
measure trend-one-la "$tmp/trend-one-la.html"
run report --format html --today $today -o "$tmp/unknown.html" "$root/sample-data/broken/FB018-unknown-la-code.csv"
measure report-unknown-la "$tmp/unknown.html"

# One snapshot date.
run trend --format html --today $today -o "$tmp/trend-one-date.html" "$root"/sample-data/quarters/*-2025-12-31.csv
measure trend-one-date "$tmp/trend-one-date.html"

# costs: small multiples in pounds and the latest-change bars, per placement type.
run costs --format html --today $today -o "$tmp/costs.html" "$root"/sample-data/costs/costs.csv
measure costs "$tmp/costs.html"
run costs --beds --format html --today $today -o "$tmp/costs-beds.html" \
	"$root"/tests/fixtures/costs-beds-records.csv "$root"/tests/fixtures/costs-beds.csv
measure costs-beds "$tmp/costs-beds.html"

# Twelve quarters of three LAs with the longest names in the table, rates
# from 5% to 100%; and two snapshots in one month.
mkdir -p "$tmp/many"
python3 - "$tmp/many" <<'PY'
import sys
out = sys.argv[1]
header = "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status\n"
dates = ["%d-%s" % (y, md) for y in (2024, 2025, 2026) for md in ("03-31", "06-30", "09-30", "12-31")]
dates.append("2026-12-15")
ref = 0
for la in (800, 896, 811):
    for k, date in enumerate(sorted(dates)):
        filled = [1, 20, 19, 18, 3, 17, 16, 20, 2, 15, 14, 20, 9][(k + la) % 13]
        with open("%s/%d-%s.csv" % (out, la, date), "w") as f:
            f.write(header)
            for bed in range(20):
                if bed < filled:
                    ref += 1
                    f.write("%d,%s,H%d,%d,mainstream,filled,,,CR%06d,filled\n" % (la, date, bed, 1, ref))
                else:
                    f.write("%d,%s,H%d,%d,mainstream,vacant,,,,vacant\n" % (la, date, bed, 1))
PY
run trend --format html --today 2027-01-31 -o "$tmp/trend-many.html" "$tmp"/many/*.csv
measure trend-many-dates "$tmp/trend-many.html"
run report --format html --today 2027-01-31 -o "$tmp/report-long.html" "$tmp"/many/*-2026-09-30.csv
measure report-long-names "$tmp/report-long.html"

if ((fail)) && [[ -s $tmp/chromium.log ]]; then
	echo "chromium said:"
	tail -n 5 "$tmp/chromium.log"
fi
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
