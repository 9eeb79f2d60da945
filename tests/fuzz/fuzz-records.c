/*
 * fuzz-records: a file of bed records (or episodes: the run decides by its
 * header), read as validate, report and trend read it, each document
 * written in every format (fuzz.h).  One input in four is read through an
 * LA filter, so rows outside it are counted too.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "fosterbeds/filter.h"
#include "fosterbeds/trend.h"

/* 2026-12-01: snapshot dates after it are FB008. */
#define TODAY 20788

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_secrets s;
	struct fb_memory_source m;
	struct fb_source src;
	struct fb_filter filter;
	struct fb_run run;
	struct fb_doc doc;
	struct fb_tally_row *rows;
	struct fb_trend tr;
	size_t nrows;
	char why[256];
	int xlsx = fz_one_in(data, size, 16);

	fz_init();
	fz_secrets_of_csv(&s, data, size, "records.csv");

	/* A small limit on findings kept now and then: counts stay complete. */
	fb_run_init(&run, TODAY, fz_one_in(data, size, 3) ? 5 : 0);
	if (fz_one_in(data, size, 4)) {
		fb_filter_init(&filter);
		FZ_CHECK(fb_filter_set_las(&filter, "851,867", why, sizeof(why)) == 0, "%s", why);
		fb_run_set_filter(&run, &filter);
	}
	fb_source_memory(&src, &m, data, size);
	FZ_CHECK(fb_run_read_source(&run, "records.csv", &src, NULL) == 0 ||
		 run.inputs[run.ninputs - 1].error < 0,
		 "a memory source failed, not refused (limits.h)");
	fb_run_end(&run);
	fz_check_run(&run);

	fz_validate(&run, &s, xlsx);

	/* report, with the breakdown for one input in two */
	nrows = fb_tally_rows(&run.tally, &rows);
	fb_doc_report(&doc, &run, rows, nrows, "Region", fz_one_in(data, size, 2));
	fz_write_all(&doc, &s, xlsx);
	fb_doc_release(&doc);
	free(rows);

	/* trend (which adds FB029 findings) */
	fb_trend_build(&tr, &run);
	fb_findings_sort(&run.findings);
	fb_doc_trend(&doc, &run, &tr, "Region");
	fz_write_all(&doc, &s, xlsx);
	fb_doc_release(&doc);
	fb_trend_release(&tr);

	fz_check_run(&run);
	fb_run_release(&run);
	fz_secrets_release(&s);
	return 0;
}
