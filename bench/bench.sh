#!/bin/bash
# bench.sh: time `fosterbeds report` and `validate` on a large synthetic file
# and record peak memory.  Not a test: run it by hand after a change that may
# touch speed, and compare with the figures in README.md.
#
#   bash bench/bench.sh [ROWS] [BUILD_DIR]     (default 1000000 rows, build/)
#
# The file is made once per size under bench/data/ (git-ignored): 19 South
# East LAs, one snapshot, households of 1-4 beds, the standard's 10 columns.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${2:-build}
bin=$build/fosterbeds
file=bench/data/beds-$rows.csv
mkdir -p bench/data

if [[ ! -f $file ]]; then
	echo "bench: writing $file"
	awk -v n="$rows" 'BEGIN {
		split("867 846 825 845 850 921 886 887 826 931 851 870 871 852 936 869 938 868 872", la, " ")
		split("mainstream mainstream mainstream mainstream mainstream mainstream mainstream respite emergency", use, " ")
		split("filled filled filled filled filled filled vacant vacant unavailable", st, " ")
		print "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"
		srand(20260331)
		h = 0; b = 0; size = 0
		for (i = 0; i < n; i++) {
			if (b >= size) { h++; b = 0; size = 1 + int(rand() * 4) }
			b++
			s = st[1 + int(rand() * 9)]
			if (s == "filled" && b > 3) s = "vacant"
			r = s == "unavailable" ? "carer_break" : ""
			v = s == "vacant" ? "logistics" : ""
			c = s == "filled" ? sprintf("C%07d", i) : ""
			printf "%s,2026-09-30,HH%08d,%d,%s,%s,%s,%s,%s,%s\n", la[1 + h % 19], h, b, use[1 + int(rand() * 9)], s, r, v, c, s
		}
	}' >"$file"
fi

size=$(stat -c %s "$file")
echo "bench: $rows rows, $((size / 1024 / 1024)) MiB, $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
for cmd in "report --format csv" "validate --format json"; do
	for run in 1 2 3; do
		/usr/bin/time -f "%e s elapsed, %M KiB peak RSS" -o bench/data/time.txt \
			"$bin" $cmd --today 2026-11-23 "$file" >/dev/null || true
		echo "  $cmd (run $run): $(cat bench/data/time.txt)"
	done
done
