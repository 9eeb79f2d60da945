#!/bin/bash
# blocks.sh: every CLI case (tests/cli/) again with bed records read in
# blocks of other sizes, on one worker and on two threads: the expected
# files are the same, byte for byte, as how the work is shared out
# changes no output (ingest.h, struct fb_ingest_blocks).  A block of 1
# byte ends inside every record, so each is read on from the one before;
# 64 bytes hold a row or two, cut anywhere; 256 bytes on two threads, a few
# rows each.  (The default run, tests/cli, reads them in 1 MiB blocks: the
# fixtures whole.)  Under valgrind (FB_WRAPPER set) one setting is tried.
#
#   tests/blocks.sh BIN TESTDIR
set -u
bin=$1
testdir=$2
settings=("2 256" "1 1" "1 64")
if [[ -n ${FB_WRAPPER:-} ]]; then
	settings=("2 256")
fi
status=0
for s in "${settings[@]}"; do
	set -- $s
	echo "== FOSTERBEDS_WORKERS=$1 FOSTERBEDS_BLOCK_SIZE=$2"
	if ! FOSTERBEDS_WORKERS=$1 FOSTERBEDS_BLOCK_SIZE=$2 \
		bash "$testdir/cli/run.sh" "$bin" "$testdir"; then
		status=1
	fi
done
exit $status
