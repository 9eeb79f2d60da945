#!/bin/bash
# scaling.sh: how run time grows with the input, for the inputs that once
# took quadratic time.  Not a test: run it by hand after a change to the
# findings sort, the tally's rows or trend, and check each ratio.
#
#   bash bench/scaling.sh [BUILD_DIR]     (default build/)
#
# Each case doubles its size three times and prints the CPU seconds (user
# and system, the least of three runs: the machine's other work moves
# elapsed time far more) and the ratio to the size before.  A ratio near 2 is
# linear (or n log n); near 4 is quadratic.
#
#  - findings: validate --max-findings 0 on an episode file whose beds each
#    have two overlapping episodes, the second ones listed in reverse, so
#    the FB031 findings come last line first (sorted by an insertion sort
#    once: 10k, 20k, 40k, 80k beds took 0.06, 0.30, 1.27, 6.5 s);
#  - trend: trend --format csv on 10 LAs with one bed each at every one of
#    N dates (2k, 4k, 8k dates took 0.4, 3.1, 8.9 s);
#  - costs: costs --format csv on 10 LAs' all-children costs at N dates, each
#    LA missing every seventh date so LAs leave and rejoin the region rows
#    (a scan for duplicates and region rows over dates x LAs x rows once:
#    2k, 4k, 8k dates took 0.9, 3.3, 11.8 s CPU and 0.3, 1.1, 2.2 GB; now
#    0.09, 0.15, 0.34, and 0.76 s for 16k).
#
# The files are made once under bench/data/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/fosterbeds
mkdir -p bench/data

header="la_code,status_from,status_to,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"

# Episodes of n beds: the first episode of each in order, then the second,
# overlapping it by 18 days, in reverse.
overlaps() {
	awk -v n="$1" -v h="$header" 'BEGIN {
		print h
		for (i = 1; i <= n; i++)
			printf "851,2026-01-01,2026-02-01,H%d,1,mainstream,vacant,,no_match,,vacant\n", i
		for (i = n; i >= 1; i--)
			printf "851,2026-01-15,2026-03-01,H%d,1,mainstream,vacant,,no_match,,vacant\n", i
	}'
}

# Bed records of 10 LAs, one filled bed each at n dates (28 a month from 1900).
dates() {
	awk -v n="$1" 'BEGIN {
		print "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"
		split("825 826 851 852 867 868 869 870 871 872", la, " ")
		for (d = 0; d < n; d++) {
			date = sprintf("%04d-%02d-%02d", 1900 + int(d / 336), 1 + int(d % 336 / 28), 1 + d % 28)
			for (l = 1; l <= 10; l++)
				printf "%s,%s,H%d,1,mainstream,filled,,,,filled\n", la[l], date, l
		}
	}'
}

# Costs of 10 LAs at n dates (one a day from 1990), each LA without a cost
# at every seventh date.
costs() {
	awk -v n="$1" 'BEGIN {
		print "la_code,date,placement_type,average_weekly_cost"
		split("846 850 851 852 867 886 868 869 870 871", la, " ")
		for (d = 0; d < n; d++) {
			t = mktime("1990 01 01 12 00 00") + d * 86400
			for (l = 1; l <= 10; l++)
				if ((d + l - 1) % 7 != 0)
					printf "%s,%s,all,%d.00\n", la[l], strftime("%Y-%m-%d", t, 1),
						1000 + (d * 7 + (l - 1) * 13) % 500
		}
	}'
}

# The least of three runs' CPU seconds.
seconds() {
	local best="" t
	for _ in 1 2 3; do
		/usr/bin/time -f '%U %S' -o bench/data/time.txt "$@" >/dev/null 2>&1 || true
		t=$(awk 'END { print $1 + $2 }' bench/data/time.txt)
		if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$t
		fi
	done
	echo "$best"
}

# case NAME MAKER UNIT COMMAND... : the command on files of 4 doubling sizes.
run_case() {
	local name=$1 maker=$2 unit=$3 prev="" t file
	shift 3
	echo "$name: $*"
	for n in $sizes; do
		file=bench/data/scaling-$name-$n.csv
		[[ -f $file ]] || "$maker" "$n" >"$file"
		t=$(seconds "$bin" "$@" "$file")
		if [[ -n $prev ]]; then
			printf '  %7d %-6s %6.2f s CPU  x%.1f\n' "$n" "$unit" "$t" \
				"$(awk -v a="$t" -v b="$prev" 'BEGIN { print (b > 0 ? a / b : 0) }')"
		else
			printf '  %7d %-6s %6.2f s CPU\n' "$n" "$unit" "$t"
		fi
		prev=$t
	done
}

echo "scaling: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown); ratio ~2 per doubling is linear, ~4 quadratic"
sizes="10000 20000 40000 80000"
run_case findings overlaps beds validate --max-findings 0 --today 2026-11-23
sizes="2000 4000 8000 16000"
run_case trend dates dates trend --format csv --today 2026-11-23
run_case costs costs dates costs --format csv --today 2026-11-23
