/*
 * test-writer.c: the writers on validate's document (doc-findings.c), on an
 * in-memory stream: CSV quoting and the formula guard, JSON escaping, and
 * that no finding shows a child_ref.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/host.h"
#include "fosterbeds/date.h"
#include "fosterbeds/writer.h"

static char *
run_findings(const struct fb_writer *w, const char *csv_text)
{
	struct fb_run run;
	struct fb_doc doc;
	struct fb_error err;
	FILE *in = fmemopen((void *)csv_text, strlen(csv_text), "rb");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	fb_run_init(&run, fb_date_from_civil(2026, 11, 23), 0);
	fb_run_read(&run, "=cmd|' /C calc'!A0.csv", in);
	fclose(in);
	fb_findings_sort(&run.findings);
	fb_doc_findings(&doc, &run);
	assert_int_equal(w->write(out, &doc, &err), 0);
	fclose(out);
	fb_doc_release(&doc);
	fb_run_release(&run);
	return buf;
}

#define HDR "la_code,snapshot_date,household_id,bed_id,bed_use,status,child_ref\n"

static void
test_csv_guard(void **state)
{
	char *s = run_findings(fb_writer_find("csv"),
			       HDR "851,2026-03-31,H1,1,mainstream,\"=HYPERLINK(\"\"x\"\")\",\n"
				   "851,2026-03-31,H1,2,mainstream,\"a,b\",\n");
	(void)state;

	/* The file name and the value start with '=': both made text. */
	assert_non_null(strstr(s, "\n'=cmd|' /C calc'!A0.csv,2,2,error,FB004,unknown-code,status,F,"
				  "\"'=HYPERLINK(\"\"x\"\")\","));
	/* A comma inside a value is quoted, not split. */
	assert_non_null(strstr(s, ",status,F,\"a,b\","));
	free(s);
}

static void
test_json_escape(void **state)
{
	char *s = run_findings(fb_writer_find("json"),
			       HDR "851,2026-03-31,H1,1,mainstream,\"<script>\\\"\"\n\",\n");
	(void)state;

	assert_non_null(strstr(s, "\"value\": \"<script>\\\\\\\"\\\\n\""));
	assert_non_null(strstr(s, "\"rows_read\": 1"));
	free(s);
}

static void
test_no_child_ref_anywhere(void **state)
{
	const struct fb_writer *const w[] = { fb_writer_find("text"), fb_writer_find("csv"),
						     fb_writer_find("json") };
	(void)state;

	for (size_t i = 0; i < 3; i++) {
		char *s = run_findings(w[i], HDR "851,2026-03-31,H1,1,mainstream,vacant,KID-4471\n"
					      "851,2026-03-31,H1,2,mainstream,filled,KID-\xff\n");

		assert_non_null(strstr(s, "FB016"));
		assert_non_null(strstr(s, "FB013"));
		assert_null(strstr(s, "KID"));
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_no_child_ref_anywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
