/*
 * test-doc-reconcile.c: reconcile's document, from two LAs worked out by
 * hand.
 *
 * Portsmouth (851) has five beds at 2026-03-31: two mainstream filled
 * (counted filled in the return), one mainstream vacant and one respite
 * vacant (both counted vacant), one mainstream unavailable left out of the
 * return (not_counted).  Its return says 6 approved, 2 filled, 3 vacant, 1
 * unavailable.  Bracknell Forest (867) is in the return only (4 approved, 3
 * filled, vacant suppressed, 1 unavailable): the region pools Portsmouth
 * alone.
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
#include "fosterbeds/doc-reconcile.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"
#include "fosterbeds/writer.h"
#include "doc-assert.h"

static const struct fb_tally_bed beds[] = {
	{ FB_USE_MAINSTREAM, FB_ST_FILLED, FB_OS_FILLED, FB_NONE, FB_NONE },
	{ FB_USE_MAINSTREAM, FB_ST_FILLED, FB_OS_FILLED, FB_NONE, FB_NONE },
	{ FB_USE_MAINSTREAM, FB_ST_VACANT, FB_OS_VACANT, FB_NONE, FB_NONE },
	{ FB_USE_RESPITE, FB_ST_VACANT, FB_OS_VACANT, FB_NONE, FB_NONE },
	{ FB_USE_MAINSTREAM, FB_ST_UNAVAILABLE, FB_OS_NOT_COUNTED, FB_NONE, FB_NONE },
};

struct fixture {
	struct fb_recon_row rows[3];
	struct fb_reconcile rc;
	struct fb_submission sub;
};

static void
fixture(struct fixture *f)
{
	int day = fb_date_from_civil(2026, 3, 31);
	struct fb_recon_row *p = &f->rows[0], *b = &f->rows[1], *all = &f->rows[2];

	memset(f, 0, sizeof(*f));
	*p = (struct fb_recon_row){ .la_code = 851, .date = day, .return_date = day,
				    .date_source = FB_RD_RETURN, .has_records = 1,
				    .has_return = 1,
				    .sub = { 851, day, 6, 2, 3, 1, 2, -1 } };
	for (size_t i = 0; i < sizeof(beds) / sizeof(beds[0]); i++)
		fb_counts_add(&p->std, &beds[i]);
	*b = (struct fb_recon_row){ .la_code = 867, .date = FB_NO_DATE, .return_date = day,
				    .date_source = FB_RD_RETURN, .has_return = 1,
				    .sub = { 867, day, 4, 3, FB_MISSING, 1, 3, -1 } };
	*all = *p;
	all->la_code = FB_LA_ALL;
	all->sub.la_code = FB_LA_ALL;
	all->nla = 1;
	f->rc = (struct fb_reconcile){ .rows = f->rows, .n = 3, .left_out = 1,
				       .records_date = FB_NO_DATE };
}

static void
test_rows(void **state)
{
	struct fixture f;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	fixture(&f);
	fb_doc_reconcile(&d, NULL, &f.sub, &f.rc, "South East", 0);
	assert_string_equal(d.title, "Bed records against the Ofsted return");
	assert_string_equal(d.subject, "South East");
	assert_int_equal(d.ntables, 3);
	t = &d.tables[0];
	assert_string_equal(t->name, "Reconcile");
	assert_int_equal(t->ncols, FB_RN_COUNT);
	assert_int_equal(t->nrows, 3);

	/* Portsmouth as submitted: 2/6 = 33.3%, 3/6 = 50.0%, 1/6 = 16.7%. */
	assert_string_equal(text(t, 0, FB_RN_LA_CODE), "851");
	assert_string_equal(text(t, 0, FB_RN_LA_NAME), "Portsmouth");
	assert_int_equal(num(t, 0, FB_RN_S_APPROVED, FB_CK_COUNT), 6);
	assert_int_equal(num(t, 0, FB_RN_S_FILLED_PCT, FB_CK_RATE), 333);
	assert_int_equal(num(t, 0, FB_RN_S_VACANT_PCT, FB_CK_RATE), 500);
	assert_int_equal(num(t, 0, FB_RN_S_UNAVAILABLE_PCT, FB_CK_RATE), 167);
	/* Standardised: 2/5 = 40.0%, 2 of 4 mainstream = 50.0%, 2/5, 1/5. */
	assert_int_equal(num(t, 0, FB_RN_APPROVED, FB_CK_COUNT), 5);
	assert_int_equal(num(t, 0, FB_RN_UTIL_INCL, FB_CK_RATE), 400);
	assert_int_equal(num(t, 0, FB_RN_UTIL_EXCL, FB_CK_RATE), 500);
	assert_int_equal(num(t, 0, FB_RN_VACANT_PCT, FB_CK_RATE), 400);
	assert_int_equal(num(t, 0, FB_RN_UNAVAILABLE_PCT, FB_CK_RATE), 200);
	/* What the excluding rate divides, for the page alone. */
	assert_int_equal(num(t, 0, FB_RN_MS_FILLED, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 0, FB_RN_MS_APPROVED, FB_CK_COUNT), 4);
	assert_true(t->cols[FB_RN_MS_FILLED].flags & FB_COL_PAGE_ONLY);
	/* 2/5 - 2/6 = 1/15 = 6.67 points; 2/5 - 3/6 = -10.0; 1/5 - 1/6 = 1/30 = 3.33. */
	assert_int_equal(num(t, 0, FB_RN_FILLED_DIFF, FB_CK_PP), 67);
	assert_int_equal(num(t, 0, FB_RN_VACANT_DIFF, FB_CK_PP), -100);
	assert_int_equal(num(t, 0, FB_RN_UNAVAILABLE_DIFF, FB_CK_PP), 33);
	assert_string_equal(text(t, 0, FB_RN_DATE), "2026-03-31");
	assert_string_equal(text(t, 0, FB_RN_RETURN_DATE), "2026-03-31");
	assert_string_equal(text(t, 0, FB_RN_DATE_SOURCE), "return");
	assert_true(empty(t, 0, FB_RN_NLA));
	assert_false(t->pooled[0]);

	/* Bracknell Forest, the return only: its vacant count suppressed, never 0 or -1. */
	assert_int_equal(num(t, 1, FB_RN_S_FILLED, FB_CK_COUNT), 3);
	assert_true(empty(t, 1, FB_RN_S_VACANT));
	assert_true(empty(t, 1, FB_RN_S_VACANT_PCT));
	assert_int_equal(num(t, 1, FB_RN_S_FILLED_PCT, FB_CK_RATE), 750);
	assert_int_equal(num(t, 1, FB_RN_S_UNAVAILABLE_PCT, FB_CK_RATE), 250);
	for (size_t i = FB_RN_APPROVED; i <= FB_RN_UNAVAILABLE_DIFF; i++)
		assert_true(empty(t, 1, i));
	assert_true(empty(t, 1, FB_RN_DATE));
	assert_string_equal(text(t, 1, FB_RN_RETURN_DATE), "2026-03-31");
	assert_string_equal(text(t, 1, FB_RN_DATE_SOURCE), "");

	/* The region pools Portsmouth alone: its figures, named as given. */
	assert_true(t->pooled[2]);
	assert_string_equal(text(t, 2, FB_RN_LA_CODE), "ALL");
	assert_string_equal(text(t, 2, FB_RN_LA_NAME), "South East");
	assert_int_equal(fb_table_cell(t, 2, FB_RN_LA_NAME)->kind, FB_CK_INPUT);
	assert_int_equal(num(t, 2, FB_RN_FILLED_DIFF, FB_CK_PP), 67);
	assert_int_equal(num(t, 2, FB_RN_NLA, FB_CK_COUNT), 1);

	assert_string_equal(fb_doc_find_note(&d, "title")->text, d.title);
	assert_string_equal(fb_doc_find_note(&d, "region_pools")->text, "1");
	assert_int_equal(fb_doc_find_note(&d, "region_pools")->place, FB_NOTE_NUMBER);
	assert_string_equal(fb_doc_find_note(&d, "region_leaves_out")->text, "1");
	assert_string_equal(fb_doc_find_note(&d, "las_across_dates")->text, "0");
	assert_string_equal(fb_doc_find_note(&d, "return_kind")->text, "simple");
	assert_null(fb_doc_find_note(&d, "return_year"));
	assert_null(fb_doc_find_note(&d, "dates_note"));
	fb_doc_release(&d);
}

/* The bridge in long form and the drivers: Portsmouth's, then the region's, alike. */
static void
test_bridge(void **state)
{
	static const char *const want[][3] = {
		{ "filled", "filled", "2" }, { "filled", "vacant", "0" },
		{ "filled", "unavailable", "0" }, { "filled", "respite_emergency", "0" },
		{ "vacant", "filled", "0" }, { "vacant", "vacant", "1" },
		{ "vacant", "unavailable", "0" }, { "vacant", "respite_emergency", "1" },
		{ "unavailable", "filled", "0" }, { "unavailable", "vacant", "0" },
		{ "unavailable", "unavailable", "0" }, { "unavailable", "respite_emergency", "0" },
		{ "not_counted", "filled", "0" }, { "not_counted", "vacant", "0" },
		{ "not_counted", "unavailable", "1" }, { "not_counted", "respite_emergency", "0" },
		/* 2 - 2 counted filled; 3 - 2 counted vacant; 1 - 0 counted unavailable */
		{ "filled", "no_record", "0" }, { "vacant", "no_record", "1" },
		{ "unavailable", "no_record", "1" },
	};
	static const char *const drivers[] = {
		"1 place in the return (unavailable) has no bed record",
		"1 place in the return (vacant) has no bed record",
		"1 unavailable mainstream bed was left out of the Ofsted return",
		("1 vacant respite/emergency bed was counted among the vacant places in the Ofsted "
		 "return; the standard keeps them apart from mainstream places"),
	};
	const size_t n = sizeof(want) / sizeof(want[0]);
	struct fixture f;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	fixture(&f);
	fb_doc_reconcile(&d, NULL, &f.sub, &f.rc, "South East", 0);
	t = &d.tables[1];
	assert_string_equal(t->name, "Bridge");
	assert_int_equal(t->text, FB_TEXT_CROSSTAB);
	/* No none rows (every bed has an ofsted_status); nothing for 867. */
	assert_int_equal(t->nrows, 2 * n);
	for (size_t r = 0; r < 2 * n; r++) {
		assert_string_equal(text(t, r, FB_RB_LA_CODE), r < n ? "851" : "ALL");
		assert_int_equal(t->pooled[r], r >= n);
		assert_string_equal(text(t, r, FB_RB_STATUS), want[r % n][0]);
		assert_string_equal(text(t, r, FB_RB_CATEGORY), want[r % n][1]);
		assert_string_equal(text(t, r, FB_RB_BEDS), want[r % n][2]);
	}
	t = &d.tables[2];
	assert_string_equal(t->name, "Drivers");
	assert_int_equal(t->nrows, 8);
	for (size_t r = 0; r < 8; r++) {
		assert_string_equal(text(t, r, FB_RDV_LA_CODE), r < 4 ? "851" : "ALL");
		assert_int_equal(num(t, r, FB_RDV_BEDS, FB_CK_COUNT), 1);
		assert_string_equal(text(t, r, FB_RDV_TEXT), drivers[r % 4]);
	}
	fb_doc_release(&d);

	/* --bridge: the Bridge table alone. */
	fb_doc_reconcile(&d, NULL, &f.sub, &f.rc, "South East", FB_DOC_RECON_BRIDGE);
	assert_int_equal(d.ntables, 1);
	assert_string_equal(d.tables[0].name, "Bridge");
	assert_int_equal(d.tables[0].nrows, 2 * n);
	fb_doc_release(&d);
}

/* Records of 2026-06-30 against the return of 2026-03-31: figures, but no bridge. */
static void
test_across_dates(void **state)
{
	struct fixture f;
	struct fb_doc d;
	const struct fb_note *note;

	(void)state;
	fixture(&f);
	f.rows[0].date = f.rows[2].date = fb_date_from_civil(2026, 6, 30);
	f.rows[0].date_source = FB_RD_OPTION;
	f.rows[0].cross_dated = f.rows[2].cross_dated = 1;
	f.rc.cross_dated = 1;
	f.rc.records_date = f.rows[0].date;
	fb_doc_reconcile(&d, NULL, &f.sub, &f.rc, "South East", 0);
	assert_string_equal(d.title, "Bed records against the Ofsted return, from different dates");
	assert_int_equal(num(&d.tables[0], 0, FB_RN_FILLED_DIFF, FB_CK_PP), 67);
	assert_string_equal(text(&d.tables[0], 0, FB_RN_DATE), "2026-06-30");
	assert_string_equal(text(&d.tables[0], 0, FB_RN_DATE_SOURCE), "records_date");
	assert_int_equal(d.tables[1].nrows, 0);
	assert_int_equal(d.tables[2].nrows, 0);
	assert_string_equal(fb_doc_find_note(&d, "las_across_dates")->text, "1");
	note = fb_doc_find_note(&d, "dates_note");
	assert_non_null(note);
	assert_int_equal(note->place, FB_NOTE_AFTER);
	/* Portsmouth is the one LA compared, so no "for the LAs compared across dates". */
	assert_string_equal(note->text, "The two sides are from different dates: the bed records "
			    "are of 2026-06-30 (--records-date) and the return counts at "
			    "2026-03-31. The differences mix change over time with counting "
			    "choices, so no bridge or drivers are drawn.");
	fb_doc_release(&d);
}

/* A region pooling no LA has no figures: not zeros, and no date. */
static void
test_region_pools_none(void **state)
{
	struct fixture f;
	struct fb_doc d;

	(void)state;
	fixture(&f);
	f.rows[2].nla = 0;
	f.rows[2].has_records = f.rows[2].has_return = 0;
	fb_doc_reconcile(&d, NULL, &f.sub, &f.rc, "South East", 0);
	for (size_t i = FB_RN_S_APPROVED; i < FB_RN_NLA; i++)
		assert_true(empty(&d.tables[0], 2, i));
	assert_int_equal(num(&d.tables[0], 2, FB_RN_NLA, FB_CK_COUNT), 0);
	fb_doc_release(&d);
}

/*
 * The generic writers' pieces this document is the first to use: the text
 * cross-tab (a small table per LA) and number notes bare in JSON; and its
 * bridge and drivers nested in JSON's rows.
 */
static void
test_writers(void **state)
{
	struct fixture f;
	struct fb_doc d;
	char *s;

	(void)state;
	fixture(&f);
	fb_doc_reconcile(&d, NULL, &f.sub, &f.rc, "South East", 0);
	s = written(&fb_writer_text, &d);
	assert_non_null(strstr(s, "\nLA 851\n"
		"  Counted in the return as  filled  vacant  unavailable  respite_emergency  no_record\n"
		"  filled                         2       0            0                  0          0\n"
		"  vacant                         0       1            0                  1          1\n"
		"  unavailable                    0       0            0                  0          1\n"
		"  not_counted                    0       0            1                  0\n"
		"\nLA ALL\n"));
	assert_non_null(strstr(s, "\nLA   Main drivers, largest first\n"
			       "851  1 place in the return (unavailable) has no bed record\n"));
	free(s);
	s = written(&fb_writer_json, &d);
	assert_non_null(strstr(s, "\n  \"region_pools\": 1,\n"));
	assert_non_null(strstr(s, "\n  \"return_kind\": \"simple\",\n"));
	/* The bridge and the drivers inside each row, without its la_code. */
	assert_non_null(strstr(s, "\"las_pooled\": null, \"bridge\": [{\"ofsted_status\": "
			       "\"filled\", \"category\": \"filled\", \"beds\": 2}, "));
	assert_non_null(strstr(s, "\"drivers\": [{\"beds\": 1, \"text\": \"1 place in the "
			       "return (unavailable) has no bed record\"}, "));
	/* Bracknell Forest, in the return only: neither. */
	assert_non_null(strstr(s, "\"las_pooled\": null, \"bridge\": [], \"drivers\": []}"));
	free(s);
	fb_doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_bridge),
		cmocka_unit_test(test_across_dates),
		cmocka_unit_test(test_region_pools_none),
		cmocka_unit_test(test_writers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
