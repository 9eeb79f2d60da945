#!/bin/bash
# compare.sh: fosterbeds against the other ways of counting the same file,
# timed in one run.  Not a test: run it by hand after a change that may
# touch speed or memory, and read the ratios (the machine's other work moves
# the absolute times; all tools share it alike within one run).
#
#   bash bench/compare.sh [ROWS] [BUILD_DIR] [ROUNDS]
#	(default 1000000 rows, build-rel, 5 rounds)
#   FB2=path/to/fosterbeds FB2_NAME="one thread" bash bench/compare.sh ...
#	also times a second binary's report --format csv as its own row
#   DATES=N	snapshot dates in the bed-record file (default 4)
#   SKIP="mlr duckdb1 ..."	tools to leave out (names as in cmd_of below)
#
# What it does:
#  1. Builds what it needs under bench/data/ (git-ignored): fosterbeds in
#     BUILD_DIR if missing (release, LTO), the generator bench/gen.c, the
#     floor bench/floor.c and bench/libcsv-count.c (cc -O2), and, once per
#     ROWS, a bed-record file and an episode file of ROWS rows each, all
#     valid (see gen.c).  DuckDB (@duckdb/node-api, pinned by
#     bench/package-lock.json) is installed with npm ci into
#     bench/data/node; Miller, if mlr is missing, with apt-get as root, and
#     is otherwise left out.  Nothing else is downloaded.
#  2. Checks that every tool gives the same answer on the file: the counts
#     by LA, date and status of fosterbeds' CSV report, DuckDB (both thread
#     counts), mawk and Miller; the row counts of wc, the floor and libcsv;
#     validate finding nothing; --manifest not changing the report; the
#     bed-nights of report --period equal to the generator's own sum; FB2's
#     report equal to the first binary's.  A mismatch stops the run: a
#     benchmark of wrong answers is worthless.
#  3. Times each tool ROUNDS times, interleaved: every round runs every tool
#     once, each round starting one tool further on, so slow spells of the
#     machine fall on all of them.  Wall-clock time of the whole process
#     (node's start included for DuckDB) and its peak RSS.
#  4. Prints a Markdown table (min and median seconds, median / DuckDB's
#     2-thread median, peak RSS) with the machine, the load and the commit,
#     and keeps it in bench/data/compare-ROWS.md.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${2:-build-rel}
rounds=${3:-5}
dates=${DATES:-4}
fb2=${FB2:-}
fb2_name=${FB2_NAME:-second build}
today=2026-11-23
period=2026-07-01..2026-09-30
data=bench/data
bin=$build/fosterbeds
beds=$data/compare-beds-$rows-$dates.csv
eps=$data/compare-episodes-$rows.csv
tmp=$data/compare-tmp
duckdb_version=1.5.6-r.1

die() {
	echo "compare: $*" >&2
	exit 1
}
[[ $rows =~ ^[1-9][0-9]*$ ]] || die "ROWS must be a positive whole number, not '$rows'"
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, not '$rounds'"
[[ -x /usr/bin/time ]] || die "needs /usr/bin/time (Debian package time) for peak RSS"
command -v cc >/dev/null || die "needs cc"
mkdir -p "$data" "$tmp"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. Build.
if [[ ! -f $build/build.ninja ]]; then
	echo "compare: setting up $build (release, LTO)"
	meson setup "$build" --buildtype=release -Db_lto=true >/dev/null
fi
ninja -C "$build" >/dev/null || die "ninja -C $build failed"
[[ -z $fb2 || -x $fb2 ]] || die "FB2=$fb2 is not an executable"

# cc_if_newer OUT SRC FLAGS...: compile SRC when OUT is missing or older.
cc_if_newer() {
	local out=$1 src=$2
	shift 2
	if [[ ! -x $out || $src -nt $out ]]; then
		cc -O2 -Wall -Wextra -std=c11 -o "$out" "$src" "$@"
	fi
}
cc_if_newer "$data/gen" bench/gen.c
cc_if_newer "$data/floor" bench/floor.c
have_libcsv=1
cc_if_newer "$data/libcsv-count" bench/libcsv-count.c -lcsv 2>"$tmp/cc.txt" || {
	have_libcsv=0
	echo "compare: skipping libcsv: bench/libcsv-count.c does not build ($(head -1 "$tmp/cc.txt"))"
}

if [[ ! -f $beds || $data/gen -nt $beds ]]; then
	echo "compare: writing $beds"
	"$data/gen" beds "$rows" "$dates" >"$beds.part"
	mv "$beds.part" "$beds"
fi
if [[ ! -f $eps || $data/gen -nt $eps || ! -f $eps.nights ]]; then
	echo "compare: writing $eps"
	"$data/gen" episodes "$rows" >"$eps.part" 2>"$eps.nights"
	mv "$eps.part" "$eps"
fi

have_mawk=1
command -v mawk >/dev/null || {
	have_mawk=0
	echo "compare: skipping mawk: not installed (Debian package mawk)"
}
have_mlr=0
if ! command -v mlr >/dev/null && [[ $(id -u) == 0 ]]; then
	echo "compare: installing Miller (Debian package miller)"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get install -y miller || { apt-get update && apt-get install -y miller; }; } \
		>"$tmp/apt.txt" 2>&1 || echo "compare: apt-get install miller failed; see $tmp/apt.txt"
fi
if command -v mlr >/dev/null && [[ $(mlr --version) == "mlr 6."* ]]; then
	have_mlr=1
else
	echo "compare: skipping Miller: no mlr 6 (install the Debian package miller as root)"
fi
have_duckdb=0
if command -v node >/dev/null && command -v npm >/dev/null; then
	if ! cmp -s bench/package-lock.json "$data/node/package-lock.json" ||
	    [[ ! -d $data/node/node_modules/@duckdb/node-api ]]; then
		echo "compare: installing @duckdb/node-api $duckdb_version into $data/node (npm ci)"
		mkdir -p "$data/node"
		cp bench/package.json bench/package-lock.json "$data/node/"
		(cd "$data/node" && npm ci --no-audit --no-fund >/dev/null) ||
			die "npm ci in $data/node failed"
	fi
	cp bench/duckdb-count.mjs "$data/node/"
	have_duckdb=1
else
	echo "compare: skipping DuckDB: needs node and npm (the ratios are then not given)"
fi

# 2. The tools, by name.  cmd_of NAME sets cmd to its command line.
tools=(report validate manifest period)
[[ -n $fb2 ]] && tools+=(report2)
tools+=(wc)
((have_mawk)) && tools+=(mawk)
((have_mlr)) && tools+=(mlr)
((have_duckdb)) && tools+=(duckdb2 duckdb1)
tools+=(floor)
((have_libcsv)) && tools+=(libcsv)
for name in ${SKIP:-}; do
	for k in "${!tools[@]}"; do
		[[ ${tools[k]} != "$name" ]] || unset "tools[k]"
	done
	case $name in
	mawk) have_mawk=0 ;;
	mlr) have_mlr=0 ;;
	duckdb1 | duckdb2) have_duckdb=0 ;;
	libcsv) have_libcsv=0 ;;
	esac
done
tools=("${tools[@]}")

mawk_prog='NR > 1 { n[$1 "," $2 "," $6]++ } END { for (k in n) print k "," n[k] }'
cmd_of() {
	case $1 in
	report) cmd=("$bin" report --format csv --today "$today" "$beds") ;;
	report2) cmd=("$fb2" report --format csv --today "$today" "$beds") ;;
	validate) cmd=("$bin" validate --today "$today" "$beds") ;;
	manifest) cmd=("$bin" report --format csv --today "$today" --manifest "$tmp/M.json" "$beds") ;;
	period) cmd=("$bin" report --format csv --today "$today" --period "$period" "$eps") ;;
	wc) cmd=(wc -l "$beds") ;;
	mawk) cmd=(mawk -F, "$mawk_prog" "$beds") ;;
	mlr) cmd=(mlr --icsv --ocsv count -g la_code,snapshot_date,status "$beds") ;;
	duckdb2) cmd=(node "$data/node/duckdb-count.mjs" 2 "$beds") ;;
	duckdb1) cmd=(node "$data/node/duckdb-count.mjs" 1 "$beds") ;;
	floor) cmd=("$data/floor" "$beds") ;;
	libcsv) cmd=("$data/libcsv-count" "$beds") ;;
	esac
}
label_of() {
	case $1 in
	report) echo "**fosterbeds report --format csv**" ;;
	report2) echo "fosterbeds report --format csv ($fb2_name)" ;;
	validate) echo "fosterbeds validate" ;;
	manifest) echo "fosterbeds report --format csv --manifest" ;;
	period) echo "fosterbeds report --period (episode file of as many rows)" ;;
	wc) echo "wc -l" ;;
	mawk) echo "mawk, GROUP BY count (ignores quotes)" ;;
	mlr) echo "Miller $(mlr --version | cut -d' ' -f2), count -g" ;;
	duckdb2) echo "DuckDB ${duckdb_version%%-*} (@duckdb/node-api), 2 threads, GROUP BY count" ;;
	duckdb1) echo "DuckDB ${duckdb_version%%-*}, 1 thread" ;;
	duckdb2q) echo "DuckDB, 2 threads: the query alone, timed inside node" ;;
	duckdb1q) echo "DuckDB, 1 thread: the query alone, timed inside node" ;;
	floor) echo "memchr line splitter (one-core floor)" ;;
	libcsv) echo "libcsv count-only loop" ;;
	esac
}

# run NAME: the tool's answer on standard output; stops on failure.
run() {
	cmd_of "$1"
	local rc=0
	"${cmd[@]}" 2>"$tmp/err.txt" || rc=$?
	if ((rc != 0)); then
		cat "$tmp/err.txt" >&2
		die "$1 failed (exit status $rc): ${cmd[*]}"
	fi
}

# The answers, as sorted lines la_code,snapshot_date,status,n (n > 0).
echo "compare: checking every tool's answer on $beds"
run report >"$tmp/report.csv"
awk -F, 'NF != 16 { exit 1 } NR > 1 && $1 != "ALL" {
	if ($5 > 0) print $1 "," $3 ",filled," $5
	if ($6 > 0) print $1 "," $3 ",vacant," $6
	if ($7 > 0) print $1 "," $3 ",unavailable," $7
}' "$tmp/report.csv" | sort >"$tmp/answer-report"
[[ -s $tmp/answer-report ]] || die "fosterbeds' report has no rows"
awk -F, -v n="$rows" '{ s += $4 } END { if (s != n) exit 1 }' "$tmp/answer-report" ||
	die "fosterbeds' report counts $(awk -F, '{ s += $4 } END { print s }' "$tmp/answer-report") beds, not $rows"
check_answer() {
	if ! cmp -s "$tmp/answer-report" "$tmp/answer-$1"; then
		diff "$tmp/answer-report" "$tmp/answer-$1" | head -20 >&2 || true
		die "$1 and fosterbeds count differently (above: < fosterbeds, > $1)"
	fi
}
if ((have_mawk)); then
	run mawk | sort >"$tmp/answer-mawk"
	check_answer mawk
fi
if ((have_mlr)); then
	run mlr | tail -n +2 | sort >"$tmp/answer-mlr"
	check_answer mlr
fi
if ((have_duckdb)); then
	for t in 2 1; do
		run duckdb$t | tail -n +2 | sort >"$tmp/answer-duckdb$t"
		check_answer duckdb$t
	done
fi
lines=$((rows + 1))
[[ $(run wc) == "$lines $beds" ]] || die "wc -l does not count $lines lines"
[[ $(run floor) == "$lines" ]] || die "the floor does not count $lines lines"
if ((have_libcsv)); then
	[[ $(run libcsv) == "$lines $((lines * 10))" ]] ||
		die "libcsv does not count $lines records of 10 fields"
fi
run validate >"$tmp/validate.txt"
if ! tail -1 "$tmp/validate.txt" | grep -qx '0 errors, 0 warnings'; then
	tail -5 "$tmp/validate.txt" >&2
	die "validate finds something in a file meant to be valid"
fi
run manifest >"$tmp/manifest.csv"
cmp -s "$tmp/report.csv" "$tmp/manifest.csv" || die "report --manifest writes another report"
[[ -s $tmp/M.json ]] || die "report --manifest wrote no manifest"
run period >"$tmp/period.csv"
nights=$(awk -F, '$1 == "ALL" { print $5 }' "$tmp/period.csv")
[[ $nights == "$(cat "$eps.nights")" ]] ||
	die "report --period counts ${nights:-no} approved bed-nights, the generator $(cat "$eps.nights")"
if [[ -n $fb2 ]]; then
	run report2 >"$tmp/report2.csv"
	cmp -s "$tmp/report.csv" "$tmp/report2.csv" || die "FB2 ($fb2) writes another report"
fi
echo "compare: all agree: $rows rows, $(wc -l <"$tmp/answer-report") LA-date-status counts"

# 3. Time, interleaved.  Each line of times.txt: NAME START END KIB USER SYS.
: >"$tmp/times.txt"
n=${#tools[@]}
for ((r = 0; r < rounds; r++)); do
	printf 'compare: round %d of %d\r' $((r + 1)) "$rounds" >&2
	for ((k = 0; k < n; k++)); do
		name=${tools[(r + k) % n]}
		cmd_of "$name"
		t0=$EPOCHREALTIME
		/usr/bin/time -f '%M %U %S' -o "$tmp/rss.txt" "${cmd[@]}" >/dev/null 2>"$tmp/err.txt" || {
			cat "$tmp/err.txt" >&2
			die "$name failed while timed: ${cmd[*]}"
		}
		t1=$EPOCHREALTIME
		echo "$name $t0 $t1 $(tail -1 "$tmp/rss.txt")" >>"$tmp/times.txt"
		if [[ $name == duckdb* ]]; then
			q=$(sed -n 's/^query //p' "$tmp/err.txt")
			[[ -n $q ]] || die "$name printed no query time"
			echo "${name}q 0 $q 0 0 0" >>"$tmp/times.txt"
		fi
	done
done
echo >&2
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# 4. The table.
# The commit, and the last one that changed the program (bench/ may be newer).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
src_commit=$(git log -1 --format=%h -- src include meson.build meson_options.txt 2>/dev/null || true)
[[ -z $src_commit || $src_commit == "$commit" ]] || commit="$commit, sources as of $src_commit"
[[ -z $(git status --porcelain -- src include meson.build meson_options.txt 2>/dev/null) ]] ||
	commit="$commit with uncommitted changes"
buildtype=$(sed -n 's/^ *buildtype *= *//p' "$build/meson-private/cmd_line.txt" 2>/dev/null | head -1)
lto=$(sed -n 's/^ *b_lto *= *//p' "$build/meson-private/cmd_line.txt" 2>/dev/null | head -1)
size=$(stat -c %s "$beds")
{
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), fosterbeds $commit ($build: ${buildtype:-default}${lto:+, LTO $lto}),"
	echo "$(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), load average $load_start at the start, $load_end at the end."
	echo "File: $rows rows, $(awk -v s="$size" 'BEGIN { printf "%.0f", s / 1e6 }') MB ($size bytes), $dates snapshot dates,"
	echo "$(grep -c '"' "$beds") lines with a quoted field; $rounds rounds, each tool once a round, warm cache."
	echo
	echo "| tool | min | median | vs DuckDB | CPU | peak RSS |"
	echo "|---|---:|---:|---:|---:|---:|"
	for name in "${tools[@]}"; do
		echo "$name|$(label_of "$name")"
		[[ $name != duckdb* ]] || echo "${name}q|$(label_of "${name}q")"
	done | awk -F'|' -v times="$tmp/times.txt" '
	BEGIN {
		while ((getline l < times) > 0) {
			split(l, f, " ")
			k = f[1]
			t[k, ++c[k]] = f[3] - f[2]
			u[k, c[k]] = f[5] + f[6]
			if (f[4] > rss[k]) rss[k] = f[4]
		}
		for (k in c) {
			# Insertion sort: a handful of rounds.
			for (i = 2; i <= c[k]; i++)
				for (j = i; j > 1 && t[k, j] < t[k, j - 1]; j--) {
					x = t[k, j]; t[k, j] = t[k, j - 1]; t[k, j - 1] = x
				}
			for (i = 2; i <= c[k]; i++)
				for (j = i; j > 1 && u[k, j] < u[k, j - 1]; j--) {
					x = u[k, j]; u[k, j] = u[k, j - 1]; u[k, j - 1] = x
				}
			m = c[k]
			med[k] = m % 2 ? t[k, (m + 1) / 2] : (t[k, m / 2] + t[k, m / 2 + 1]) / 2
			cpu[k] = m % 2 ? u[k, (m + 1) / 2] : (u[k, m / 2] + u[k, m / 2 + 1]) / 2
			min[k] = t[k, 1]
		}
	}
	{
		k = $1
		ratio = "duckdb2" in med && med["duckdb2"] > 0 ? sprintf("%.2f×", med[k] / med["duckdb2"]) : "—"
		mem = sprintf("%.0f MiB", rss[k] / 1024)
		cpus = sprintf("%.2f s", cpu[k])
		if (k ~ /^duckdb.q$/)
			mem = cpus = "—"
		else if (k ~ /^duckdb/)
			mem = mem " (node)"
		printf "| %s | %.3f s | %.3f s | %s | %s | %s |\n", $2, min[k], med[k], ratio, cpus, mem
	}'
	echo
	echo "vs DuckDB: the median over DuckDB's 2-thread median (below 1 is faster)."
	echo "CPU: the median of user + system seconds, all threads (less moved by the"
	echo "machine's other work than wall-clock time)."
	echo "Times are wall clock for the whole process, node's start and module load"
	echo "included for DuckDB, whose peak RSS is node's whole process; its rows"
	echo "\"the query alone\" leave out node's start and loading DuckDB's library."
	[[ -n $fb2 ]] && echo "Second build ($fb2_name): $fb2."
	echo "Command: ${SKIP:+SKIP=\"$SKIP\" }${fb2:+FB2=$fb2 }bash bench/compare.sh $rows $build $rounds"
} | tee "$data/compare-$rows.md"
