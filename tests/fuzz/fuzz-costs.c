/*
 * fuzz-costs: a file of placement cost records, read and benchmarked as
 * costs does (with --beds, against records-seed.h's bed records, for one
 * input in two; through an LA filter for one in four), and written in every
 * format (fuzz.h).
 */
#include "fuzz.h"

#include "fosterbeds/costs.h"
#include "fosterbeds/filter.h"
#include "fosterbeds/host.h"
#include "records-seed.h"

#define TODAY 20788        /* 2026-12-01 */

static int
keeps(const void *ctx, int la_code)
{
	return fb_filter_keeps(ctx, la_code);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "costs.csv";
	struct fz_secrets s;
	struct fb_run run;
	struct fb_costs c;
	struct fb_cost_table table;
	struct fb_bed_value bv = { 0 };
	struct fb_filter filter;
	struct fb_input *input;
	struct fb_doc doc;
	char why[256];
	int beds = fz_one_in(data, size, 2), file;

	fz_init();
	fz_secrets_init(&s);
	fb_run_init(&run, TODAY, 0);
	fb_filter_init(&filter);
	if (fz_one_in(data, size, 4)) {
		FZ_CHECK(fb_filter_set_las(&filter, "851,867", why, sizeof(why)) == 0, "%s", why);
		fb_run_set_filter(&run, &filter);
	}
	if (beds)
		fz_read_records(&run, &s);
	fb_run_end(&run);
	/* The fuzzed file's own values may equal a child_ref of the records. */
	fz_other_bytes(&s, data, size);
	fz_secrets_keep(&s);

	fb_costs_init(&c);
	file = (int)run.ninputs;
	input = fb_run_add_input(&run, path, "costs");
	fb_input_set_content(input, data, size);
	fb_costs_read(&c, (const char *)data, size, file, TODAY, &run.findings);
	fb_costs_keep(&c, keeps, &filter);
	FZ_CHECK(c.rows_read == c.rows_used + c.rows_rejected + c.rows_outside_filter,
		 "costs: %ld read, %ld used, %ld rejected, %ld outside", c.rows_read,
		 c.rows_used, c.rows_rejected, c.rows_outside_filter);
	FZ_CHECK((long)c.n == c.rows_used, "costs: %zu rows kept, %ld used", c.n, c.rows_used);
	input->rows_read = c.rows_read;
	input->rows_used = c.rows_used;
	input->rows_rejected = c.rows_rejected;
	input->rows_outside_filter = c.rows_outside_filter;
	fz_check_run(&run);

	fb_cost_table_build(&table, &c, &run.findings);
	if (beds)
		fb_bed_value_build(&bv, &c, &run.tally);
	fb_findings_sort(&run.findings);
	fb_doc_costs(&doc, &run, &table, beds ? &bv : NULL, "Region");
	fz_write_all(&doc, &s, fz_one_in(data, size, 16));
	fb_doc_release(&doc);
	fb_cost_table_release(&table);
	fb_bed_value_release(&bv);
	fb_costs_release(&c);
	fb_run_release(&run);
	fz_secrets_release(&s);
	return 0;
}
