/*
 * test-doc-findings.c: validate's document, from a four-row file whose
 * findings are worked out by hand: an unknown status (FB004, column F), an
 * unavailable bed with no reason (FB009, column G) and a child's reference
 * on a vacant bed (FB016, column H), which must never appear anywhere.
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

#include "fosterbeds/date.h"
#include "fosterbeds/doc.h"
#include "fosterbeds/host.h"
#include "fosterbeds/run.h"
#include "doc-assert.h"

/* Columns A to H; the secret is row 5's child_ref. */
static const char beds[] =
	"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,child_ref\n"
	"851,2026-03-31,H1,1,mainstream,filled,,\n"
	"851,2026-03-31,H1,2,mainstream,full,,\n"
	"851,2026-03-31,H1,3,mainstream,unavailable,,\n"
	"851,2026-03-31,H2,1,mainstream,vacant,,C999SECRET\n";

static void
read_beds(struct fb_run *run, size_t limit)
{
	fb_run_init(run, fb_date_from_civil(2026, 11, 23), limit);
	assert_int_equal(read_text(run, "a.csv", beds), 0);
	fb_findings_sort(&run->findings);
}

static void
test_findings_table(void **state)
{
	struct fb_run run;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	read_beds(&run, 0);
	fb_doc_findings(&d, &run);
	t = table(&d, "Findings");
	assert_int_equal(t->ncols, 10);
	assert_string_equal(t->cols[0].name, "file");
	assert_string_equal(t->cols[9].name, "message");
	assert_string_equal(t->key, "findings");
	/* CSV (the first table) and JSON write it; the text form is its lines. */
	assert_int_equal(d.csv_table, 0);
	assert_ptr_equal(&d.tables[0], t);
	assert_true(fb_table_shown(t, FB_HIDE_JSON));
	assert_false(fb_table_shown(t, FB_HIDE_TEXT));
	assert_int_equal(t->nrows, 3);

	/* Row 3: status 'full', column F. */
	assert_string_equal(text(t, 0, 0), "a.csv");
	assert_int_equal(fb_table_cell(t, 0, 0)->kind, FB_CK_INPUT);
	assert_int_equal(num(t, 0, 1, FB_CK_COUNT), 3);
	assert_int_equal(num(t, 0, 2, FB_CK_COUNT), 3);
	assert_string_equal(text(t, 0, 3), "error");
	assert_string_equal(text(t, 0, 4), "FB004");
	assert_string_equal(text(t, 0, 5), "unknown-code");
	assert_string_equal(text(t, 0, 6), "status");
	assert_string_equal(text(t, 0, 7), "F");
	assert_string_equal(text(t, 0, 8), "full");
	/* Row 4: FB009, column G, no value. */
	assert_int_equal(num(t, 1, 1, FB_CK_COUNT), 4);
	assert_string_equal(text(t, 1, 4), "FB009");
	assert_string_equal(text(t, 1, 7), "G");
	assert_int_equal(fb_table_cell(t, 1, 8)->kind, FB_CK_EMPTY);
	/* Row 5: a warning about child_ref, whose value is never kept. */
	assert_string_equal(text(t, 2, 3), "warning");
	assert_string_equal(text(t, 2, 4), "FB016");
	assert_string_equal(text(t, 2, 6), "child_ref");
	assert_string_equal(text(t, 2, 7), "H");
	assert_int_equal(fb_table_cell(t, 2, 8)->kind, FB_CK_EMPTY);

	/* No cell of any table holds the child's reference. */
	for (size_t k = 0; k < d.ntables; k++)
		for (size_t r = 0; r < d.tables[k].nrows; r++)
			for (size_t i = 0; i < d.tables[k].ncols; i++)
				assert_null(strstr(text(&d.tables[k], r, i), "C999SECRET"));
	fb_doc_release(&d);
	fb_run_release(&run);
}

static void
test_summary_inputs_totals(void **state)
{
	struct fb_run run;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	read_beds(&run, 0);
	fb_doc_findings(&d, &run);

	/* One row per rule with findings, in code order; not in JSON (metadata has it). */
	t = table(&d, "Summary by code");
	assert_false(fb_table_shown(t, FB_HIDE_JSON));
	assert_true(fb_table_shown(t, FB_HIDE_XLSX));
	assert_int_equal(t->nrows, 3);
	assert_string_equal(text(t, 0, 0), "FB004");
	assert_string_equal(text(t, 1, 0), "FB009");
	assert_string_equal(text(t, 1, 2), "no-unavailable-reason");
	assert_string_equal(text(t, 2, 0), "FB016");
	assert_string_equal(text(t, 2, 1), "warning");
	assert_int_equal(num(t, 2, 3, FB_CK_COUNT), 1);

	/* 4 rows read; the FB004 and FB009 rows rejected, the warning's row used. */
	t = table(&d, "Inputs");
	assert_int_equal(t->nrows, 1);
	assert_string_equal(text(t, 0, 0), "a.csv");
	assert_int_equal(num(t, 0, 2, FB_CK_COUNT), (long)strlen(beds));
	assert_int_equal(num(t, 0, 3, FB_CK_COUNT), 4);
	assert_int_equal(num(t, 0, 4, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 0, 5, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 0, 6, FB_CK_COUNT), 0);
	assert_string_equal(text(t, 0, 7), "FB004 1, FB009 1");
	assert_int_equal(fb_table_cell(t, 0, 8)->kind, FB_CK_EMPTY);

	/* The page's: 2 errors, 1 warning; all in a.csv. */
	t = table(&d, "Totals");
	assert_true(fb_table_shown(t, FB_HIDE_HTML) && !fb_table_shown(t, FB_HIDE_XLSX));
	assert_int_equal(num(t, 0, 0, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 0, 1, FB_CK_COUNT), 1);
	assert_int_equal(num(t, 0, 5, FB_CK_COUNT), 0);
	t = table(&d, "Findings by file");
	assert_int_equal(t->nrows, 1);
	assert_int_equal(num(t, 0, 1, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 0, 2, FB_CK_COUNT), 1);
	fb_doc_release(&d);
	fb_run_release(&run);
}

/*
 * Any other document of the run gets the same Findings and Inputs, after
 * its own tables, for the workbook alone; a document with no run gets none.
 */
static void
test_run_tables(void **state)
{
	static const struct fb_column own[] = { { .name = "n", .kind = FB_CK_COUNT } };
	struct fb_run run;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	read_beds(&run, 0);
	fb_doc_init(&d, "report", &run);
	fb_doc_table(&d, "Summary", own, 1, NULL);
	fb_doc_run_tables(&d, &run);
	assert_int_equal(d.ntables, 3);
	assert_int_equal(d.csv_table, 0);
	assert_string_equal(d.tables[1].name, "Findings");
	assert_string_equal(d.tables[2].name, "Inputs");
	for (size_t k = 1; k < 3; k++) {
		t = &d.tables[k];
		assert_true(fb_table_shown(t, FB_HIDE_XLSX));
		assert_false(fb_table_shown(t, FB_HIDE_TEXT) || fb_table_shown(t, FB_HIDE_JSON) ||
			     fb_table_shown(t, FB_HIDE_HTML));
		assert_int_equal(t->nest, 0);
	}
	/* validate's cells: FB004 on line 3, column F; then FB009 and FB016. */
	t = &d.tables[1];
	assert_int_equal(t->nrows, 3);
	assert_int_equal(num(t, 0, 1, FB_CK_COUNT), 3);
	assert_string_equal(text(t, 0, 4), "FB004");
	assert_string_equal(text(t, 0, 7), "F");
	assert_string_equal(text(t, 2, 4), "FB016");
	t = &d.tables[2];
	assert_int_equal(t->nrows, 1);
	assert_int_equal(num(t, 0, 3, FB_CK_COUNT), 4);
	assert_int_equal(num(t, 0, 5, FB_CK_COUNT), 2);
	assert_string_equal(text(t, 0, 7), "FB004 1, FB009 1");
	fb_doc_release(&d);

	fb_doc_init(&d, "spec", NULL);
	fb_doc_run_tables(&d, NULL);
	assert_int_equal(d.ntables, 0);
	fb_doc_release(&d);
	fb_run_release(&run);
}

static void
test_text_lines(void **state)
{
	static const char *const want[] = {
		"a.csv:3 (row 3, column F): error FB004: status 'full' is not one of ",
		"a.csv:4 (row 4, column G): error FB009: ",
		"a.csv:5 (row 5, column H): warning FB016: ",
		"",
		"Findings by code:",
		"  FB004  error    unknown-code           1",
		"  FB009  error    no-unavailable-reason  1",
		"  FB016  warning  child-ref-not-filled   1",
		"Inputs:",
		"  a.csv: 4 rows read, 2 used, 2 rejected (FB004 1, FB009 1)",
		"2 errors, 1 warning",
	};
	struct fb_run run;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	read_beds(&run, 0);
	fb_doc_findings(&d, &run);
	t = table(&d, "Text");
	assert_int_equal(t->text, FB_TEXT_LINES);
	assert_false(fb_table_shown(t, FB_HIDE_JSON) ||
		     fb_table_shown(t, FB_HIDE_XLSX) || fb_table_shown(t, FB_HIDE_HTML));
	assert_int_equal(t->nrows, sizeof(want) / sizeof(want[0]));
	for (size_t r = 0; r < t->nrows; r++) {
		/* The first three are prefixes: the messages are record.c's. */
		if (r < 3)
			assert_int_equal(strncmp(text(t, r, 0), want[r], strlen(want[r])), 0);
		else
			assert_string_equal(text(t, r, 0), want[r]);
		assert_null(strstr(text(t, r, 0), "C999SECRET"));
	}
	fb_doc_release(&d);
	fb_run_release(&run);
}

/* --max-findings 1: one listed, two counted but not listed. */
static void
test_not_listed(void **state)
{
	struct fb_run run;
	struct fb_doc d;
	const struct fb_note *n;
	const struct fb_table *t;

	(void)state;
	read_beds(&run, 1);
	fb_doc_findings(&d, &run);
	assert_int_equal(table(&d, "Findings")->nrows, 1);
	n = fb_doc_find_note(&d, "findings_not_listed");
	assert_non_null(n);
	assert_int_equal(n->place, FB_NOTE_JSON_NUMBER);
	assert_string_equal(n->text, "2");
	assert_int_equal(num(table(&d, "Totals"), 0, 5, FB_CK_COUNT), 2);
	t = table(&d, "Text");
	assert_string_equal(text(t, 1, 0),
			    "... and 2 more findings not listed (--max-findings 0 lists all)");
	assert_string_equal(text(t, 2, 0), "");
	/* The summary still counts all three. */
	assert_int_equal(table(&d, "Summary by code")->nrows, 3);
	fb_doc_release(&d);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_findings_table),
		cmocka_unit_test(test_summary_inputs_totals),
		cmocka_unit_test(test_run_tables),
		cmocka_unit_test(test_text_lines),
		cmocka_unit_test(test_not_listed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
