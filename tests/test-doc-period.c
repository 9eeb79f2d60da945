/*
 * test-doc-period.c: report --period's document, from bed-nights worked out
 * by hand (the spec's worked example, spec/bed-episodes.md).
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
#include "fosterbeds/episodes.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/tally.h"
#include "doc-assert.h"

/* Portsmouth, Bracknell Forest and the region over 2028-02-15..2028-03-05. */
static const struct fb_nights_row rows[] = {
	{ .la_code = 851, .n = { 46, 27, 14, 5, 40, 26 } },
	{ .la_code = 867, .n = { 16, 11, 5, 0, 16, 11 } },
	{ .la_code = FB_LA_ALL, .nla = 2, .n = { 62, 38, 19, 5, 56, 37 } },
};

static void
test_figures(void **state)
{
	struct fb_period p = { fb_date_from_civil(2028, 2, 15), fb_date_from_civil(2028, 3, 5) };
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	fb_doc_period(&d, NULL, &p, "South East", rows, 3);
	assert_string_equal(d.title, "Foster-bed utilisation in bed-nights, 2028-02-15 to 2028-03-05");
	assert_string_equal(d.subject, "South East");
	assert_int_equal(d.ntables, 1);
	t = &d.tables[0];
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncols, 13);
	assert_string_equal(t->cols[10].name, "utilisation_incl_pct");

	assert_string_equal(text(t, 0, 0), "851");
	assert_string_equal(text(t, 0, 1), "Portsmouth");
	assert_int_equal(fb_table_cell(t, 0, 1)->kind, FB_CK_TEXT);
	assert_string_equal(text(t, 0, 2), "2028-02-15");
	assert_string_equal(text(t, 0, 3), "2028-03-05");
	assert_int_equal(num(t, 0, 4, FB_CK_COUNT), 46);
	assert_int_equal(num(t, 0, 9, FB_CK_COUNT), 26);
	/* 27/46 = 58.70%; 26/40 = 65.0% */
	assert_int_equal(num(t, 0, 10, FB_CK_RATE), 587);
	assert_int_equal(num(t, 0, 11, FB_CK_RATE), 650);
	assert_int_equal(fb_table_cell(t, 0, 12)->kind, FB_CK_EMPTY);
	assert_false(t->pooled[0]);
	/* 11/16 = 68.75%, half away from zero */
	assert_int_equal(num(t, 1, 10, FB_CK_RATE), 688);
	assert_int_equal(num(t, 1, 11, FB_CK_RATE), 688);
	/* The region: 38/62 = 61.29%, 37/56 = 66.07%, two LAs, named as given. */
	assert_true(t->pooled[2]);
	assert_string_equal(text(t, 2, 0), "ALL");
	assert_string_equal(text(t, 2, 1), "South East");
	assert_int_equal(fb_table_cell(t, 2, 1)->kind, FB_CK_INPUT);
	assert_int_equal(num(t, 2, 10, FB_CK_RATE), 613);
	assert_int_equal(num(t, 2, 11, FB_CK_RATE), 661);
	assert_int_equal(num(t, 2, 12, FB_CK_COUNT), 2);
	assert_string_equal(fb_doc_find_note(&d, "region_name")->text, "South East");
	fb_doc_release(&d);
}

/* Respite nights only: nothing mainstream to divide by, so that rate is empty, not 0. */
static void
test_no_mainstream(void **state)
{
	static const struct fb_nights_row respite[] = {
		{ .la_code = 867, .n = { 3, 1, 2, 0, 0, 0 } },
		{ .la_code = FB_LA_ALL, .nla = 1, .n = { 3, 1, 2, 0, 0, 0 } },
	};
	struct fb_period p = { 0, 9 };
	struct fb_doc d;

	(void)state;
	fb_doc_period(&d, NULL, &p, "Bracknell Forest", respite, 2);
	/* 1/3 = 33.3% */
	assert_int_equal(num(&d.tables[0], 0, 10, FB_CK_RATE), 333);
	assert_int_equal(fb_table_cell(&d.tables[0], 0, 11)->kind, FB_CK_EMPTY);
	assert_string_equal(text(&d.tables[0], 0, 11), "");
	fb_doc_release(&d);
}

/* What the run read, after the table: rows read, used and rejected by rule. */
static void
test_episodes_note(void **state)
{
	static const char csv[] =
		"la_code,status_from,status_to,household_id,bed_id,bed_use,status\n"
		"851,2028-01-01,2028-02-20,H1,1,mainstream,filled\n"
		"851,2028-03-10,2028-03-01,H1,2,mainstream,filled\n";
	struct fb_period p = { fb_date_from_civil(2028, 2, 15), fb_date_from_civil(2028, 3, 5) };
	struct fb_run run;
	struct fb_doc d;
	const char *found = NULL;

	(void)state;
	fb_run_init(&run, fb_date_from_civil(2028, 12, 31), 0);
	fb_run_set_period(&run, p.from, p.to);
	read_text(&run, "e.csv", csv);
	fb_doc_period(&d, &run, &p, "South East", NULL, 0);
	assert_int_equal(d.tables[0].nrows, 0);
	for (size_t i = 0; i < d.nnotes; i++)
		if (d.notes[i].place == FB_NOTE_AFTER && strncmp(d.notes[i].text, "Episodes", 8) == 0)
			found = d.notes[i].text;
	assert_non_null(found);
	/* The second episode ends before it starts: FB030. */
	assert_string_equal(found, "Episodes: 2 read, 1 used, 1 rejected (FB030 1)");
	fb_doc_release(&d);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_no_mainstream),
		cmocka_unit_test(test_episodes_note),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
