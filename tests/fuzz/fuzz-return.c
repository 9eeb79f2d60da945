/*
 * fuzz-return: an LA's return to Ofsted (a simple return, or Ofsted's
 * published file), reconciled with records-seed.h's bed records as
 * reconcile does, and written in every format, the bridge alone too
 * (fuzz.h).
 */
#include "fuzz.h"

#include "fosterbeds/host.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/submission.h"
#include "records-seed.h"

#define TODAY 20788        /* 2026-12-01 */
#define RECORDS_DATE 20543 /* 2026-03-31 */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "return.csv";
	struct fz_secrets s;
	struct fb_run run;
	struct fb_submission sub;
	struct fb_reconcile rc;
	struct fb_input *input;
	struct fb_doc doc;
	const char *year = fz_one_in(data, size, 2) ? "2018-19" : NULL;
	int xlsx = fz_one_in(data, size, 16);

	fz_init();
	fz_secrets_init(&s);
	fb_run_init(&run, TODAY, 0);
	fz_read_records(&run, &s);
	fb_run_end(&run);
	/* The fuzzed file's own values may equal a child_ref of the records. */
	fz_other_bytes(&s, data, size);
	fz_secrets_keep(&s);

	fb_submission_init(&sub);
	input = fb_run_add_input(&run, path, "return");
	fb_input_set_content(input, data, size);
	if (fb_submission_parse(&sub, (const char *)data, size, path, year, 1, &run.findings) == 0)
		fb_submission_keep(&sub, &run.filter);
	FZ_CHECK(sub.rows_read == sub.rows_used + sub.rows_rejected + sub.rows_outside_filter,
		 "return: %ld read, %ld used, %ld rejected, %ld outside", sub.rows_read,
		 sub.rows_used, sub.rows_rejected, sub.rows_outside_filter);
	input->rows_read = sub.rows_read;
	input->rows_used = sub.rows_used;
	input->rows_rejected = sub.rows_rejected;
	input->rows_outside_filter = sub.rows_outside_filter;
	fz_check_run(&run);

	/* A published file whose year is unknown is refused before any figure. */
	if (!sub.published || sub.year[0]) {
		fb_reconcile_build(&rc, &run.tally, &sub,
				   fz_one_in(data, size, 4) ? RECORDS_DATE : FB_NO_DATE, 1,
				   &run.findings);
		fb_findings_sort(&run.findings);
		fb_doc_reconcile(&doc, &run, &sub, &rc, "Region", 0);
		fz_write_all(&doc, &s, xlsx);
		fb_doc_release(&doc);
		fb_doc_reconcile(&doc, &run, &sub, &rc, "Region", FB_DOC_RECON_BRIDGE);
		fz_write_all(&doc, &s, 0);
		fb_doc_release(&doc);
		fb_reconcile_release(&rc);
	}
	fb_submission_release(&sub);
	fb_run_release(&run);
	fz_secrets_release(&s);
	return 0;
}
