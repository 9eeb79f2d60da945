#!/bin/bash
# hostile.sh: the hostile-input table (tests/hostile.tsv).  For each case it
# makes the input, runs the command from the source folder under `timeout`,
# and checks the run ended in time, with the status and the message
# fragment the table gives (README.md, "Exit status"; spec/bed-records.md,
# "Limits").  A case that cannot be made here is skipped with its reason.
#
#   bash tests/hostile.sh BINARY SOURCE_ROOT [CASE...]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$2" && pwd)
shift 2
only=" $* "
. "$(dirname "$0")/lib.sh"
# Readable by the user the unreadable case runs as, so only the file's mode stops it.
chmod 755 "$tmp"
skipped=0
# Seconds a case may take: each takes under 3 here; valgrind (FB_WRAPPER)
# is some 50 times slower.
limit=20
[[ -n ${FB_WRAPPER:-} ]] && limit=600
header="la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"
row="851,2026-03-31,H1,1,mainstream,filled,,,,filled"
writer=""

# A FIFO at $tmp/hostile.fifo, fed by a background writer of $1 (a command).
fifo() {
	rm -f "$tmp/hostile.fifo"
	mkfifo "$tmp/hostile.fifo" || return 1
	(eval "$1" >"$tmp/hostile.fifo" 2>/dev/null) &
	writer=$!
}

# A manifest of a run on the small fixture, with one more input named $1.
manifest_naming() {
	(cd "$tmp" && cp "$root/tests/fixtures/small.csv" small.csv &&
	 "$bin" report --manifest m.json small.csv >/dev/null 2>&1)
	python3 - "$tmp/m.json" "$1" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
extra = dict(m["inputs"][0])
extra["name"] = sys.argv[2]
m["inputs"].append(extra)
json.dump(m, open(sys.argv[1], "w"))
PY
	input=$tmp/m.json
}

# Make the input named $1; sets $input to its path, or $why and returns 1.
make() {
	input=$tmp/in.csv
	case $1 in
	/dev/*) input=$1 ;;
	empty) : >"$input" ;;
	header-only) echo "$header" >"$input" ;;
	field-1mb)
		{ echo "$header"; printf '851,2026-03-31,'; head -c 1000000 /dev/zero | tr '\0' x
		  echo ',1,mainstream,filled,,,,filled'; } >"$input" ;;
	field-17mib)
		{ echo "$header"; printf '851,2026-03-31,'; head -c $((17 << 20)) /dev/zero | tr '\0' x
		  echo ',1,mainstream,filled,,,,filled'; } >"$input" ;;
	open-quote-17mib)
		{ echo "$header"; printf '851,2026-03-31,"H1'
		  head -c $((17 << 20)) /dev/zero | tr '\0' '\n'; } >"$input" ;;
	columns-100000) { seq -s, 1 100000; echo 1; } >"$input" ;;
	columns-9000) { printf 'la_code,'; seq -s, 2 9000; echo 851; } >"$input" ;;
	nul-bytes) { echo "$header"; printf '851,2026-03-31,H\0001,1,mainstream,filled,,,,filled\n'; } >"$input" ;;
	nul-after-rows)
		{ echo "$header"; for _ in $(seq 3000); do echo "$row"; done
		  head -c 100000 /dev/zero; } >"$input" ;;
	invalid-utf8) { echo "$header"; printf '851,2026-03-31,H\3511,1,mainstream,filled,,,,filled\n'; } >"$input" ;;
	utf16-bom) { echo "$header"; echo "$row"; } | iconv -t UTF-16 >"$input" ;;
	utf16-no-bom) { echo "$header"; echo "$row"; } | iconv -t UTF-16LE >"$input" ;;
	unclosed-quote) { echo "$header"; printf '851,2026-03-31,"H1,1,mainstream,filled,,,,filled\n'; } >"$input" ;;
	stray-cr) { echo "$header"; printf '851,2026-03-31,H1,1,mainstream,fi\rlled,,,,filled\n'; } >"$input" ;;
	random-bytes | random-no-nul)
		python3 -c '
import random, sys
r = random.Random(20261201)
low = 1 if sys.argv[2] == "random-no-nul" else 0
open(sys.argv[1], "wb").write(bytes(r.randrange(low, 256) for _ in range(65536)))' "$input" "$1" ;;
	directory) input=$tmp/folder; mkdir -p "$input" ;;
	missing) input=$tmp/no-such-file.csv ;;
	unreadable)
		{ echo "$header"; echo "$row"; } >"$input"
		chmod 000 "$input"
		if [[ $(id -u) == 0 ]]; then
			# Root reads any file: run as nobody, where setpriv can.
			if ! command -v setpriv >/dev/null ||
			   ! setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
				why="running as root and cannot become nobody (no setpriv)"
				return 1
			fi
			if ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$bin"; then
				why="running as root, and nobody cannot run $bin"
				return 1
			fi
			as_nobody=1
		fi ;;
	manifest-dev-zero) manifest_naming /dev/zero ;;
	manifest-fifo)
		rm -f "$tmp/hostile.fifo"
		mkfifo "$tmp/hostile.fifo" || { why="mkfifo failed"; return 1; }
		manifest_naming "$tmp/hostile.fifo" ;;
	manifest-directory) mkdir -p "$tmp/folder"; manifest_naming "$tmp/folder" ;;
	fifo-records)
		fifo "cat '$root/tests/fixtures/small.csv'" || { why="mkfifo failed"; return 1; }
		input=$tmp/hostile.fifo ;;
	fifo-costs)
		fifo "cat '$root/tests/fixtures/costs-beds.csv'" || { why="mkfifo failed"; return 1; }
		input=$tmp/hostile.fifo ;;
	fifo-zeros)
		fifo "cat /dev/zero" || { why="mkfifo failed"; return 1; }
		input=$tmp/hostile.fifo ;;
	small) input=$root/tests/fixtures/small.csv ;;
	household-200000)
		{ echo "$header"; seq 200000 | sed 's/.*/851,2026-03-31,H1,&,mainstream,filled,,,,filled/'; } >"$input" ;;
	dates-300)
		# 300 snapshot dates: more than a small chart's 176 units hold,
		# which once made its date labels' spacing loop for ever.
		{ echo "$header"
		  for ((d = 0; d < 300; d++)); do
			printf '851,%04d-%02d-28,H1,1,mainstream,filled,,,,filled\n' \
				$((1900 + d / 12)) $((1 + d % 12))
		  done; } >"$input" ;;
	cost-dates-300)
		{ echo "la_code,date,placement_type,average_weekly_cost"
		  for ((d = 0; d < 300; d++)); do
			printf '851,%04d-%02d-01,all,%d.00\n' $((1900 + d / 12)) $((1 + d % 12)) \
				$((1000 + d))
		  done; } >"$input" ;;
	duplicate-header)
		{ echo "la_code,snapshot_date,household_id,bed_id,bed_use,status,status"
		  echo '851,2026-03-31,H1,1,mainstream,filled,filled'; } >"$input" ;;
	empty-header-name)
		{ echo "la_code,snapshot_date,,household_id,bed_id,bed_use,status"
		  echo '851,2026-03-31,x,H1,1,mainstream,filled'; } >"$input" ;;
	name-newline) input=$tmp/$'new\nline.csv'; { echo "$header"; echo "$row"; } >"$input" ;;
	name-esc) input=$tmp/$'esc\e[2Jape.csv'; { echo "$header"; echo "$row"; } >"$input" ;;
	name-not-utf8) input=$tmp/$'caf\xe9.csv'; { echo "$header"; echo "$row"; } >"$input" ;;
	*) why="no maker for input '$1'"; return 1 ;;
	esac
}

while IFS=$'\t' read -r name maker command status fragment; do
	[[ -z $name || $name == \#* ]] && continue
	[[ $only != "  " && $only != *" $name "* ]] && continue
	input="" why="" as_nobody=0 writer=""
	if ! make "$maker"; then
		echo "SKIP $name: $why"
		skipped=$((skipped + 1))
		continue
	fi
	# The command's words, {} the input (whatever its name holds), and >FILE.
	args=() out=/dev/null
	read -ra words <<<"$command"
	for w in "${words[@]}"; do
		case $w in
		{}) args+=("$input") ;;
		\>*) out=${w#>} ;;
		*) args+=("$w") ;;
		esac
	done
	run=(timeout -k 2 "$limit")
	[[ $as_nobody == 1 ]] && run+=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	start=$SECONDS
	(cd "$root" && "${run[@]}" ${FB_WRAPPER:-} "$bin" "${args[@]}") \
		>"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	if [[ $out != /dev/null ]]; then
		# Again, standard output to the file named (here /dev/full).
		(cd "$root" && "${run[@]}" ${FB_WRAPPER:-} "$bin" "${args[@]}") \
			>"$out" 2>"$tmp/stderr"
		got=$?
	fi
	[[ -n $writer ]] && { kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null; }
	if [[ $got == 124 || $got == 137 ]]; then
		bad "$name: still running after $limit s (${command})"
	elif [[ $got != "$status" ]]; then
		bad "$name: exit status $got, expected $status (${command})"
		head -c 600 "$tmp/stderr"
	elif ! grep -qF -- "$fragment" "$tmp/stdout" "$tmp/stderr"; then
		bad "$name: no '$fragment' in its output (${command})"
		head -c 600 "$tmp/stderr"
	else
		ok
		echo "ok $name ($((SECONDS - start)) s)"
	fi
	rm -f "$tmp/in.csv" "$tmp/hostile.fifo"
done <"$root/tests/hostile.tsv"

echo "$pass passed, $fail failed, $skipped skipped"
[[ $fail == 0 ]]
