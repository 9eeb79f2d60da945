/*
 * fuzz-episodes: a file of episodes, judged over a period (FB031, FB032)
 * as report --period and validate --period judge them, and its bed-nights
 * written in every format (fuzz.h).
 */
#include "fuzz.h"

#include <stdlib.h>

#include "fosterbeds/episodes.h"

#define TODAY 20788        /* 2026-12-01 */
#define PERIOD_FROM 20179  /* 2025-04-01 */
#define PERIOD_TO 20543    /* 2026-03-31 */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_secrets s;
	struct fb_memory_source m;
	struct fb_source src;
	struct fb_run run;
	struct fb_doc doc;
	struct fb_nights_row *rows;
	size_t nrows;
	int xlsx = fz_one_in(data, size, 16);

	fz_init();
	fz_secrets_of_csv(&s, data, size, "episodes.csv");

	fb_run_init(&run, TODAY, 0);
	fb_run_set_period(&run, PERIOD_FROM, PERIOD_TO);
	fb_source_memory(&src, &m, data, size);
	FZ_CHECK(fb_run_read_source(&run, "episodes.csv", &src, NULL) == 0 ||
		 run.inputs[run.ninputs - 1].error < 0,
		 "a memory source failed, not refused (limits.h)");
	fb_run_end(&run);
	fz_check_run(&run);
	fz_validate(&run, &s, xlsx);

	nrows = fb_episodes_bed_nights(&run.episodes, &run.period, &rows);
	for (size_t i = 0; i < nrows; i++) {
		const struct fb_nights *n = &rows[i].n;

		FZ_CHECK(n->approved == n->filled + n->vacant + n->unavailable,
			 "row %zu: %ld approved bed-nights, %ld + %ld + %ld by status", i,
			 n->approved, n->filled, n->vacant, n->unavailable);
		FZ_CHECK(n->ms_filled <= n->ms_approved && n->ms_approved <= n->approved,
			 "row %zu: mainstream bed-nights", i);
	}
	fb_doc_period(&doc, &run, &run.period, "Region", rows, nrows);
	fz_write_all(&doc, &s, xlsx);
	fb_doc_release(&doc);
	free(rows);

	fb_run_release(&run);
	fz_secrets_release(&s);
	return 0;
}
