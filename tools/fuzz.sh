#!/bin/bash
# fuzz.sh [TARGET|all] [SECONDS]: build the libFuzzer targets (tests/fuzz/)
# with clang, AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz/,
# and run each (or TARGET alone) for SECONDS (default 60), one after another,
# from a seed corpus made of the fixtures, with its dictionary.  Prints each
# target's executions, corpus size and coverage (libFuzzer's cov: and ft:).
#
# The corpus each run grows is kept in build-fuzz/corpus/TARGET/, so a later
# run goes on from it; the seeds are copied afresh into build-fuzz/seeds/
# each time (never committed: they are the fixtures).  A crash is saved in
# build-fuzz/crashes/TARGET/; tests/fuzz/README.md says how to minimise it
# and keep it as a regression.  Exit status 1 when any target crashed.
#
# FUZZ_ARGS adds libFuzzer options (e.g. FUZZ_ARGS=-jobs=2 on a machine to
# spare; by default one process, as CI runs them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(records episodes ofsted return manifest profile costs split blocks)
want=${1:-all}
seconds=${2:-60}
build=build-fuzz
# The longest input tried: large enough for a header, a few dozen rows and
# a long field; larger inputs slow every run and find little more.
max_len=8192

if [[ $want != all ]] && [[ ! " ${targets[*]} " == *" $want "* ]]; then
	echo "fuzz.sh: no target '$want'; the targets: ${targets[*]}" >&2
	exit 2
fi
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds == 0)); then
	echo "fuzz.sh: SECONDS must be a whole number above 0, not '$seconds'" >&2
	exit 2
fi

echo "== building the fuzz targets ($build/, clang, ASan+UBSan)"
if [[ -f $build/build.ninja ]]; then
	meson setup --reconfigure "$build" --buildtype=debugoptimized -Db_lto=false >/dev/null
else
	CC=clang meson setup "$build" -Dfuzz=true -Db_sanitize=address,undefined \
		-Db_lundef=false --buildtype=debugoptimized -Db_lto=false >/dev/null
fi
ninja -C "$build" >/dev/null

fx=tests/fixtures
sd=sample-data

# The seeds of target $1, as file names, one a line.
seeds() {
	case $1 in
	records)
		ls $fx/*.csv $fx/*.tsv $fx/workbook.* $sd/records/*.csv $sd/quarters/*.csv \
			$sd/broken/*.csv tests/cli/*/stdin | grep -v -e costs -e ofsted -e return ;;
	episodes)
		ls $fx/episodes-*.csv $fx/profile-overlap.csv $sd/episodes/*.csv \
			$sd/exports/episodes/by-hand.csv $fx/small.csv ;;
	ofsted)
		ls $fx/ofsted*.csv $fx/ofsted/*.csv ;;
	return)
		ls $fx/recon-*return*.csv $fx/bad-return.csv $fx/two-regions-return.csv \
			$sd/ofsted-return-*.csv $fx/ofsted-small_2019-20.csv $fx/ofsted/*la_level.csv ;;
	costs)
		ls $fx/costs*.csv $sd/costs/*.csv ;;
	split)
		# Line ends, quoting, blanks, padding, separators made by hand, and files of each kind.
		ls tests/fuzz/corpus/split/* $fx/small.csv $fx/edge.csv $fx/rules.csv $fx/semicolon*.csv \
			$fx/tab.tsv $fx/utf16.csv $fx/no-final-newline.csv $fx/unclosed-quote.csv \
			$fx/malformed-quote.csv $fx/episodes-small.csv $sd/broken/*.csv ;;
	esac
}

# Fill $2 with target $1's seeds.
make_seeds() {
	local t=$1 dir=$2 n=0
	rm -rf "$dir"
	mkdir -p "$dir"
	case $t in
	manifest)
		# Manifests of real runs (each command that writes one), made now;
		# exit 1 (findings) still writes one.
		local fb=$root/$build/fosterbeds
		{
			"$fb" report -o /dev/null --manifest "$dir/report.json" $fx/small.csv
			"$fb" report -o /dev/null --manifest "$dir/two.json" $fx/small.csv $fx/trend.csv
			"$fb" reconcile --ofsted $fx/recon-return.csv -o /dev/null \
				--manifest "$dir/reconcile.json" $fx/small.csv
			"$fb" report --profile $fx/profile-bed.ini -o /dev/null \
				--manifest "$dir/profile.json" $fx/profile-bed.csv
			"$fb" costs -o /dev/null --manifest "$dir/costs.json" $fx/costs-seed.csv
		} >/dev/null 2>&1 || true
		printf '{"manifest_version": 1}' >"$dir/minimal.json" ;;
	profile)
		# A profile, the separator line, then an export it reads.
		local ini csv
		for ini in $fx/profile-*.ini $sd/exports/*/profile.ini; do
			csv=${ini%.ini}.csv
			[[ -f $csv ]] || csv=$(dirname "$ini")/export.csv
			[[ -f $csv ]] || csv=$fx/profile-bed.csv
			{ cat "$ini"; printf '\n----data----\n'; cat "$csv"; } \
				>"$dir/$(basename "$(dirname "$ini")")-$(basename "$ini")"
		done ;;
	blocks)
		# The settings byte (block size, workers, limit), then a file: a few each.
		local f b
		for f in $(seeds split); do
			for b in '\x3f' '\xbf' '\x07' '\x80'; do
				{ printf "$b"; head -c "$max_len" "$f"; } >"$dir/$n-$(basename "$f")"
				n=$((n + 1))
			done
		done ;;
	*)
		local f
		for f in $(seeds "$t"); do
			# The start of a large file: small inputs run many times faster.
			head -c "$max_len" "$f" >"$dir/$n-$(basename "$f")"
			n=$((n + 1))
		done ;;
	esac
}

dict() {
	case $1 in
	records | episodes | split | blocks) echo tests/fuzz/dict/records.dict ;;
	*) echo "tests/fuzz/dict/$1.dict" ;;
	esac
}

failed=()
summary=()
for t in "${targets[@]}"; do
	[[ $want == all || $want == "$t" ]] || continue
	corpus=$build/corpus/$t
	seeddir=$build/seeds/$t
	crashes=$build/crashes/$t
	log=$build/fuzz-$t.log
	mkdir -p "$corpus" "$crashes"
	make_seeds "$t" "$seeddir"
	echo "== fuzz-$t for ${seconds}s ($(ls "$seeddir" | wc -l) seeds, $(ls "$corpus" | wc -l) in the corpus)"
	rc=0
	# halt_on_error: an UBSan report is a crash, as an ASan one is.
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
	"$build/tests/fuzz/fuzz-$t" "$corpus" "$seeddir" \
		-dict="$(dict "$t")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
		-artifact_prefix="$crashes/" -print_final_stats=1 ${FUZZ_ARGS:-} \
		>"$log" 2>&1 || rc=$?
	# -jobs writes each worker's log as fuzz-N.log in the current folder.
	for w in fuzz-[0-9]*.log; do
		if [[ -f $w ]]; then
			cat "$w" >>"$log"
			rm -f "$w"
		fi
	done
	last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
	execs=$(awk '/^stat::number_of_executed_units/ { s += $2 } END { print s + 0 }' "$log")
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
	corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
	line=$(printf '%-9s %10s execs  cov: %-5s ft: %-6s corpus: %s' "$t" "$execs" \
		"${cov:-?}" "${ft:-?}" "${corp:-?}")
	if ((rc != 0)); then
		line="$line  CRASH (exit $rc): see $log and $crashes/"
		failed+=("$t")
		grep -E -m3 'ERROR: |invariant failed|runtime error' "$log" >&2 || true
	fi
	echo "$line"
	summary+=("$line")
done

echo "== summary (${seconds}s a target)"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
	echo "fuzz.sh: crashed: ${failed[*]} (tests/fuzz/README.md: how to reproduce and keep it)" >&2
	exit 1
fi
