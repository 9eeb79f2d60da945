#!/bin/bash
# digest.sh: each input's SHA-256, as JSON output and --manifest give it,
# is sha256sum's: for a file of many of the digest's slots (hashed on a
# thread of its own where the build has threads, digest.h), an empty file,
# one of under a slot (hashed inline), and standard input (manifest.sh has
# a return's, read whole).  tools/test.sh runs it in a build with threads
# (build/) and in one without (-Dthreads=disabled, build-clang/).
# A run whose outputs show no hash does not hash (cli.h), so a CSV report
# with --manifest is the case of the manifest alone.
set -u
bin=$(realpath "$1")
root=$2
. "$(dirname "$0")/lib.sh"
fb() { ${FB_WRAPPER:-} "$bin" "$@"; }

# The sha256 of every input of JSON file $1 (a report or a manifest), one a line.
hashes() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for i in d["inputs"]:
    print(i["sha256"])' "$1"
}

# About 2.5 MB (38 slots of 64 KiB: the ring of 8 goes round four times
# and more), some rows quoted, so the hash and the parse both see it all.
awk 'BEGIN {
	print "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,vacancy_reason,child_ref,ofsted_status"
	for (i = 0; i < 50000; i++)
		printf "%s,2026-09-30,%sHH%08d%s,%d,mainstream,%s,,,,\n", 851 + i % 3,
		    i % 7 ? "" : "\"", int(i / 3), i % 7 ? "" : "\"", 1 + i % 3,
		    i % 4 ? "vacant" : "filled"
}' >"$tmp/big.csv"
: >"$tmp/empty.csv"
cp "$root/tests/fixtures/small.csv" "$tmp/small.csv"
files=(big.csv empty.csv small.csv)
want=$(cd "$tmp" && for f in "${files[@]}"; do sha256sum <"$f" | cut -d' ' -f1; done)
[[ $(stat -c %s "$tmp/big.csv") -gt $((8 * 65536 * 4)) ]] && ok || bad "big.csv is too small"

# JSON output, then --manifest beside CSV output (exit 1: the empty file).
(cd "$tmp" && fb report --today 2026-11-23 --format json "${files[@]}" >json 2>/dev/null)
[[ $(hashes "$tmp/json") == "$want" ]] && ok ||
	bad "report --format json: $(hashes "$tmp/json") is not sha256sum's $want"
(cd "$tmp" && fb report --today 2026-11-23 --format csv --manifest m.json "${files[@]}" \
	>csv 2>/dev/null)
[[ $(hashes "$tmp/m.json") == "$want" ]] && ok ||
	bad "report --manifest: $(hashes "$tmp/m.json") is not sha256sum's $want"
(cd "$tmp" && fb validate --today 2026-11-23 --format json "${files[@]}" >validate 2>/dev/null)
[[ $(hashes "$tmp/validate") == "$want" ]] && ok ||
	bad "validate --format json: $(hashes "$tmp/validate") is not sha256sum's"

# Standard input, large and empty.
for f in big.csv empty.csv; do
	(cd "$tmp" && fb report --today 2026-11-23 --format json - <"$f" >stdin.json 2>/dev/null)
	[[ $(hashes "$tmp/stdin.json") == $(sha256sum <"$tmp/$f" | cut -d' ' -f1) ]] && ok ||
		bad "report --format json - <$f: $(hashes "$tmp/stdin.json")"
	(cd "$tmp" && fb report --today 2026-11-23 --manifest stdin.m - <"$f" >/dev/null 2>&1)
	[[ $(hashes "$tmp/stdin.m") == $(sha256sum <"$tmp/$f" | cut -d' ' -f1) ]] && ok ||
		bad "report --manifest - <$f: $(hashes "$tmp/stdin.m")"
done

echo "digest: $pass passed, $fail failed"
[[ $fail == 0 ]]
