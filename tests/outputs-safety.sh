#!/bin/bash
# outputs-safety.sh: what -o and --manifest write can never damage anything
# (issue 15): an existing file keeps its permission bits; a device or a
# FIFO is written in place, not replaced by a regular file; -o and
# --manifest appear together or not at all; a workbook made when memory is
# short is exit 3, not a crash; no temporary file outlives a signal.
#
#   tests/outputs-safety.sh BIN FIXTURES
set -u
bin=$1
fixtures=$2
. "$(dirname "$0")/lib.sh"
run() { ${FB_WRAPPER:-} "$bin" "$@"; }
# The temporary files a run may leave, by their recognisable names.
leftovers() { ls -A "$@" 2>/dev/null | grep -c 'fosterbeds-'; }

# An existing file keeps its permission bits: 600 stays 600 (was 644).
echo previous >"$tmp/private.csv"
chmod 600 "$tmp/private.csv"
run report --format csv --today 2026-11-23 -o "$tmp/private.csv" "$fixtures/small.csv"
[[ $? == 0 && $(stat -c %a "$tmp/private.csv") == 600 ]] && ok ||
	bad "an existing 600 file became $(stat -c %a "$tmp/private.csv")"
grep -q '^la_code' "$tmp/private.csv" && ok || bad "the 600 file was not written"
chmod 640 "$tmp/private.csv"
run report --format xlsx --today 2026-11-23 -o "$tmp/private.csv" "$fixtures/small.csv"
[[ $(stat -c %a "$tmp/private.csv") == 640 ]] && ok || bad "xlsx: 640 became $(stat -c %a "$tmp/private.csv")"
[[ $(leftovers "$tmp") == 0 ]] && ok || bad "a temporary file was left: $(ls -A "$tmp")"

# A link to a file (as /dev/stdout may be) stays a link; its file is replaced.
echo previous >"$tmp/real.csv"
ln -s real.csv "$tmp/link.csv"
run report --format csv --today 2026-11-23 -o "$tmp/link.csv" "$fixtures/small.csv"
[[ $? == 0 && -L $tmp/link.csv && $(head -c 7 "$tmp/real.csv") == la_code ]] && ok ||
	bad "-o LINK: the link was replaced, or its file not written"
[[ $(leftovers "$tmp") == 0 ]] && ok || bad "a temporary file was left: $(ls -A "$tmp")"

# A FIFO is written into, not replaced by a regular file.
mkfifo "$tmp/fifo"
timeout 20 cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
run report --format csv --today 2026-11-23 -o "$tmp/fifo" "$fixtures/small.csv"
status=$?
wait "$reader"
[[ $status == 0 && -p $tmp/fifo ]] && ok || bad "-o FIFO: exit $status, or no longer a FIFO"
run report --format csv --today 2026-11-23 "$fixtures/small.csv" >"$tmp/want.csv"
cmp -s "$tmp/want.csv" "$tmp/from-fifo" && ok || bad "-o FIFO: the reader did not get the report"

# A character device (a null device made here, never the system's) stays
# one: as root only, as mknod needs it.
if [[ $(id -u) == 0 ]] && mknod "$tmp/null" c 1 3 2>/dev/null; then
	run report --format csv --today 2026-11-23 -o "$tmp/null" "$fixtures/small.csv"
	status=$?
	[[ $status == 0 && -c $tmp/null ]] && ok || bad "-o device: exit $status, or no longer a device"
	run report --format xlsx --today 2026-11-23 -o "$tmp/null" "$fixtures/small.csv"
	[[ $? == 0 && -c $tmp/null ]] && ok || bad "-o device, xlsx: no longer a device"
	[[ $(leftovers "$tmp") == 0 ]] && ok || bad "a temporary file was left: $(ls -A "$tmp")"
	rm -f "$tmp/null"
else
	echo "note: not root (or no mknod here): the character-device check is skipped"
fi

# A manifest that cannot be written: exit 3, and -o's file is not written
# either (a new one not made, an old one kept).
mkdir "$tmp/both"
run report --format csv -o "$tmp/both/new.csv" --manifest "$tmp/both/nodir/m.json" \
	"$fixtures/small.csv" 2>"$tmp/err"
status=$?
[[ $status == 3 && ! -e $tmp/both/new.csv ]] && ok ||
	bad "--manifest nodir/m.json: exit $status, or -o's file written ($(ls -A "$tmp/both"))"
grep -q "cannot write '$tmp/both/nodir/m.json'" "$tmp/err" && ok || bad "no message: $(cat "$tmp/err")"
echo previous >"$tmp/both/old.csv"
run report --format csv -o "$tmp/both/old.csv" --manifest "$tmp/both/nodir/m.json" \
	"$fixtures/small.csv" 2>/dev/null
[[ $? == 3 && $(cat "$tmp/both/old.csv") == previous && $(ls -A "$tmp/both") == old.csv ]] && ok ||
	bad "--manifest nodir/m.json: the old -o file was replaced, or a file left"
run report --format csv -o "$tmp/both/old.csv" --manifest "$tmp/both/m.json" \
	"$fixtures/small.csv" 2>/dev/null
[[ $? == 0 && -s $tmp/both/m.json && $(head -c 7 "$tmp/both/old.csv") == la_code ]] && ok ||
	bad "-o and --manifest: not both written"

# A big input: its findings make a big workbook, slow enough to be killed
# mid-run and big enough to run short of memory.
big=$tmp/big.csv
awk 'BEGIN {
	print "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"
	for (i = 0; i < 60000; i++)
		printf "851,2026-03-31,HH-%06d,1,mainstream,vacant,,,,vacant\n", i
}' >"$big"

# Memory short (ulimit -v): libxlsxwriter crashed inside a call (exit 139);
# now exit 3 with the reason and no file left.  The limit that reproduces
# it depends on the machine, so a range is tried; none may crash.
if [[ -z ${FB_WRAPPER:-} ]]; then
	mkdir "$tmp/mem"
	crashed=0 failed=0
	for kb in 30000 34000 38000 40000 42000 44000; do
		# A sanitizer build cannot start under such a limit at all.
		(ulimit -v $kb; "$bin" --version) >/dev/null 2>&1 || continue
		(ulimit -v $kb; "$bin" validate --format xlsx --today 2026-11-23 -o "$tmp/mem/v.xlsx" \
			"$big" "$big" >/dev/null 2>"$tmp/mem-err")
		status=$?
		if ((status >= 128)); then
			crashed=$((crashed + 1))
			bad "ulimit -v $kb: exit $status (a crash)"
		elif [[ $status == 3 ]] && grep -q "cannot make the workbook" "$tmp/mem-err"; then
			failed=$((failed + 1))
			[[ ! -e $tmp/mem/v.xlsx && $(leftovers "$tmp/mem") == 0 ]] && ok ||
				bad "ulimit -v $kb: exit 3 but a file was left: $(ls -A "$tmp/mem")"
		fi
		rm -f "$tmp/mem/v.xlsx"
	done
	((failed > 0)) && ok ||
		echo "note: no ulimit -v tried made the workbook fail here ($crashed crashed)"
else
	echo "note: under $FB_WRAPPER the memory limit is the wrapper's: skipped"
fi

# Signals: kill a run writing -o FILE (xlsx: a temporary file beside FILE
# and the workbook's scratch file) once a temporary file exists; none may
# remain, beside FILE or in a private TMPDIR, and the exit status is the
# signal's (128 + its number).
mkdir "$tmp/priv"
for sig in TERM INT HUP PIPE; do
	mkdir "$tmp/sig-$sig"
	# INT: a background job of a script ignores it unless told otherwise.
	# --max-findings 0: every finding in the workbook, so that writing it
	# takes seconds and the signal lands while the files exist.
	(trap - INT; exec env TMPDIR="$tmp/priv" "$bin" validate --format xlsx --today 2026-11-23 \
		--max-findings 0 -o "$tmp/sig-$sig/out.xlsx" "$big" "$big" "$big" >/dev/null 2>&1) &
	pid=$!
	for ((i = 0; i < 200; i++)); do
		[[ -n $(ls -A "$tmp/sig-$sig") ]] && break
		sleep 0.05
	done
	sleep 0.3   # into the workbook, with its scratch file
	kill -s "$sig" "$pid"
	wait "$pid"
	status=$?
	[[ $status == $((128 + $(kill -l "$sig"))) ]] && ok || bad "SIG$sig: exit $status"
	[[ $(ls -A "$tmp/sig-$sig") == "" && $(ls -A "$tmp/priv") == "" ]] && ok ||
		bad "SIG$sig: left $(ls -A "$tmp/sig-$sig" "$tmp/priv")"
done
# SIGPIPE for real: the workbook to a pipe whose reader goes away; the
# scratch file (in TMPDIR, as standard output has no folder) is removed.
TMPDIR="$tmp/priv" "$bin" validate --format xlsx --today 2026-11-23 "$big" "$big" 2>/dev/null |
	head -c 100 >/dev/null
status=${PIPESTATUS[0]}
[[ $status == $((128 + 13)) ]] && ok || bad "xlsx to a closed pipe: exit $status"
[[ $(ls -A "$tmp/priv") == "" ]] && ok || bad "xlsx to a closed pipe: left $(ls -A "$tmp/priv")"

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
