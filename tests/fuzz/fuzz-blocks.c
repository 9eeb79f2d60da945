/*
 * fuzz-blocks: bed records read in blocks (ingest.h, struct
 * fb_ingest_blocks) against the same bytes read a row at a time, on any
 * bytes: the two runs must be the same (tests/same-run.h: every finding in
 * order with its line and Excel row, every count, the tally), and so must
 * what reading returned.  The first byte picks the block size (1 to 127
 * bytes, or 64 KiB), one worker or (for 64 bytes and more) two threads, and a limit on findings
 * kept; the rest is the file, read twice, as two inputs.
 */
#include "fuzz.h"

#include <string.h>

#include "../same-run.h"

/* 2026-12-01: snapshot dates after it are FB008. */
#define TODAY 20788

static void
read_twice(struct fb_run *run, const uint8_t *data, size_t size, int workers, size_t block,
	   size_t limit, int rc[2])
{
	struct fb_memory_source m;
	struct fb_source src;

	fb_run_init(run, TODAY, limit);
	fb_run_set_blocks(run, workers, block);
	for (int i = 0; i < 2; i++) {
		fb_source_memory(&src, &m, data, size);
		rc[i] = fb_run_read_source(run, i ? "b.csv" : "a.csv", &src, NULL);
	}
	fb_run_end(run);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fb_run one, blocks;
	int rc1[2], rc2[2];
	size_t block, limit;
	int workers;
	char why[1024];
	const char *diff;

	if (size < 1)
		return 0;
	fz_init();
	block = (data[0] & 0x7f) + 1;
	if (block == 128)
		block = 65536;
	/* A thread a block: two workers only where blocks hold a few rows. */
	workers = data[0] & 0x80 && block >= 64 ? 2 : 1;
	limit = data[0] % 5 == 0 ? 5 : 0;
	read_twice(&one, data + 1, size - 1, 1, 0, limit, rc1);
	read_twice(&blocks, data + 1, size - 1, workers, block, limit, rc2);
	FZ_CHECK(rc1[0] == rc2[0] && rc1[1] == rc2[1], "reading returned %d, %d in blocks of "
		 "%zu and %d, %d a row at a time", rc2[0], rc2[1], block, rc1[0], rc1[1]);
	diff = same_run(&one, &blocks, why, sizeof(why));
	FZ_CHECK(!diff, "blocks of %zu, %d workers: %s", block, workers, diff);
	fz_check_run(&blocks);
	fb_run_release(&one);
	fb_run_release(&blocks);
	return 0;
}
