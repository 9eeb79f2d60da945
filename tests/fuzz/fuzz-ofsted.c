/*
 * fuzz-ofsted: Ofsted's published LA-level file, read and pooled as the
 * ofsted command does (every region, or the South East alone for one
 * input in three), and written in every format (fuzz.h).  The file holds
 * no personal column: the checks are the writers', JSON's and the counts'.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/host.h"
#include "fosterbeds/ofsted.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "ofsted-la-fostering_2018-19.csv";
	struct fb_run run;
	struct fb_ofsted_rows rows;
	struct fb_ofsted file;
	struct fb_input *input;
	struct fb_doc doc;
	int only = fz_one_in(data, size, 3) ? fb_region_index("South East") : -1;
	/* The year from the name, or given as --year would give it. */
	const char *year = fz_one_in(data, size, 2) ? "2019-20" : NULL;

	fz_init();
	fb_run_init(&run, 0, 0);
	fb_ofsted_rows_init(&rows);
	input = fb_run_add_input(&run, path, "ofsted");
	fb_input_set_content(input, data, size);
	fb_ofsted_init(&file);
	(void)fb_ofsted_looks_like((const char *)data, size);
	if (fb_ofsted_read(&file, (const char *)data, size, path, year, 0, &run.findings) == 0) {
		FZ_CHECK(file.unmatched >= 0, "%ld unmatched", file.unmatched);
		input->rows_read = (long)(file.n + file.njoints) + file.unmatched;
		input->rows_used = (long)(file.n + file.njoints);
		input->rows_rejected = file.unmatched;
		fb_ofsted_rows_add(&rows, &file, only, 0, &run.findings);
	}
	fb_ofsted_release(&file);
	fz_check_run(&run);
	fb_findings_sort(&run.findings);
	fb_doc_ofsted(&doc, &run, &rows);
	fz_write_all(&doc, NULL, fz_one_in(data, size, 16));
	fb_doc_release(&doc);
	fb_ofsted_rows_release(&rows);
	fb_run_release(&run);
	return 0;
}
