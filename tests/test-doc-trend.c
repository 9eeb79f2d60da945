/*
 * test-doc-trend.c: trend's document on two snapshots of one LA, and of two
 * LAs one of which misses a snapshot, worked out by hand: rates as rates,
 * changes as percentage points, the LAs a region row pools as a list of
 * codes, and whether they moved as a flag for JSON alone.
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
#include "fosterbeds/trend.h"
#include "doc-assert.h"

static const char csv[] =
	"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason\n"
	"851,2026-03-31,P1,1,mainstream,filled,\n"
	"851,2026-03-31,P1,2,mainstream,vacant,\n"
	"851,2026-06-30,P1,1,mainstream,filled,\n"
	"851,2026-06-30,P1,2,mainstream,filled,\n"
	"851,2026-06-30,P2,1,respite,vacant,\n";

/* trend's document of the bed records in csv, as of 23 November 2026. */
static void
trend_of(struct fb_doc *d, struct fb_run *run, struct fb_trend *tr, const char *text)
{
	fb_run_init(run, fb_date_from_civil(2026, 11, 23), 0);
	read_text(run, "t.csv", text);
	fb_trend_build(tr, run);
	fb_doc_trend(d, run, tr, "South East");
}

static void
test_two_snapshots(void **state)
{
	struct fb_run run;
	struct fb_trend tr;
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	trend_of(&d, &run, &tr, csv);
	t = &d.tables[0];
	assert_int_equal(t->nrows, 4);
	assert_string_equal(t->cols[9].name, "utilisation_incl_pp_change");
	assert_int_equal(t->cols[9].kind, FB_CK_PP);

	/* 31 March: 1 of 2 filled, 50.0%; a first snapshot has no change. */
	assert_string_equal(text(t, 0, 0), "851");
	assert_string_equal(text(t, 0, 2), "2026-03-31");
	assert_string_equal(text(t, 0, 5), "50.0");
	assert_int_equal(fb_table_cell(t, 0, 9)->kind, FB_CK_EMPTY);
	assert_int_equal(fb_table_cell(t, 0, 12)->kind, FB_CK_EMPTY);
	/*
	 * 30 June: 2 of 3 filled, 66.7% (66.67 - 50 = +16.7 points); of the
	 * mainstream beds 2 of 2, 100.0% (+50.0); vacant 1 of 3, 33.3% (-16.7).
	 */
	assert_string_equal(text(t, 1, 5), "66.7");
	assert_string_equal(text(t, 1, 6), "100.0");
	assert_int_equal(fb_table_cell(t, 1, 9)->n, 167);
	assert_int_equal(fb_table_cell(t, 1, 10)->n, 500);
	assert_int_equal(fb_table_cell(t, 1, 11)->n, -167);
	assert_string_equal(text(t, 1, 12), "2026-03-31");
	assert_false(t->pooled[1]);
	/* The region rows: one LA pooled, the same each time, so no note. */
	assert_true(t->pooled[3]);
	assert_string_equal(text(t, 3, 0), "ALL");
	assert_string_equal(text(t, 3, 1), "South East");
	assert_int_equal(fb_table_cell(t, 3, 13)->n, 1);
	assert_string_equal(text(t, 3, 14), "851");
	assert_int_equal(fb_table_cell(t, 3, 14)->kind, FB_CK_CODES);
	assert_int_equal(fb_table_cell(t, 3, 16)->kind, FB_CK_FLAG);
	assert_string_equal(text(t, 3, 16), "false");
	assert_string_equal(text(t, 3, 15), "");
	assert_int_equal(fb_table_cell(t, 3, 9)->n, 167);
	fb_doc_release(&d);
	fb_trend_release(&tr);
	fb_run_release(&run);
}

/*
 * 851 at both dates (1 of 2 filled, then 2 of 2), 867 at the first alone
 * (1 of 1): the region pools both, 2 of 3, then 851 alone, 2 of 2.
 */
static const char csv_gap[] =
	"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason\n"
	"851,2026-03-31,P1,1,mainstream,filled,\n"
	"851,2026-03-31,P1,2,mainstream,vacant,\n"
	"867,2026-03-31,K1,1,mainstream,filled,\n"
	"851,2026-06-30,P1,1,mainstream,filled,\n"
	"851,2026-06-30,P1,2,mainstream,filled,\n";

static void
test_pooled_codes(void **state)
{
	struct fb_run run;
	struct fb_trend tr;
	struct fb_doc d;
	const struct fb_table *t;
	size_t after = 0;
	const char *said[2] = { NULL, NULL };

	(void)state;
	trend_of(&d, &run, &tr, csv_gap);
	t = &d.tables[0];
	/* 851 twice, 867 once (no row invented for its gap), the region twice. */
	assert_int_equal(t->nrows, 5);
	assert_string_equal(t->cols[14].name, "pooled_la_codes");
	assert_int_equal(t->cols[14].kind, FB_CK_CODES);
	assert_string_equal(t->cols[16].name, "pools_different_las");
	assert_int_equal(t->cols[16].kind, FB_CK_FLAG);
	assert_true(t->cols[16].flags & FB_COL_JSON_ONLY);
	assert_false(t->cols[15].flags & FB_COL_JSON_ONLY);
	assert_string_equal(text(t, 2, 0), "867");
	assert_int_equal(fb_table_cell(t, 2, 14)->kind, FB_CK_EMPTY);
	assert_int_equal(fb_table_cell(t, 2, 16)->kind, FB_CK_EMPTY);

	/* 31 March: both LAs, 2 of 3 filled; nothing to compare with. */
	assert_true(t->pooled[3]);
	assert_string_equal(text(t, 3, 5), "66.7");
	assert_int_equal(fb_table_cell(t, 3, 13)->n, 2);
	assert_int_equal(fb_table_cell(t, 3, 14)->kind, FB_CK_CODES);
	assert_string_equal(text(t, 3, 14), "851 867");
	assert_int_equal(fb_table_cell(t, 3, 16)->n, 0);
	assert_int_equal(fb_table_cell(t, 3, 15)->kind, FB_CK_EMPTY);
	/* 30 June: 851 alone, 2 of 2: 100 - 66.67 = +33.3 points, flagged both ways. */
	assert_string_equal(text(t, 4, 14), "851");
	assert_int_equal(fb_table_cell(t, 4, 13)->n, 1);
	assert_int_equal(fb_table_cell(t, 4, 9)->n, 333);
	assert_int_equal(fb_table_cell(t, 4, 16)->kind, FB_CK_FLAG);
	assert_int_equal(fb_table_cell(t, 4, 16)->n, 1);
	assert_string_equal(fb_table_cell(t, 4, 15)->s,
			    "pools different LAs from the previous snapshot");

	/* After the table, in words, which LAs each region row pools. */
	for (size_t i = 0; i < d.nnotes; i++)
		if (d.notes[i].place == FB_NOTE_AFTER && after < 2)
			said[after++] = d.notes[i].text;
	assert_int_equal(after, 2);
	assert_string_equal(said[0], "ALL 2026-03-31 pools 2 LAs: 851 867");
	assert_string_equal(said[1], "ALL 2026-06-30 pools 1 LA: 851 (not the same LAs as the "
			    "previous snapshot: its change mixes who is counted with how full beds "
			    "are)");
	/* JSON's members: the region's name and what a change is. */
	assert_string_equal(fb_doc_find_note(&d, "region_name")->text, "South East");
	assert_int_equal(fb_doc_find_note(&d, "changes")->place, FB_NOTE_DATA);
	fb_doc_release(&d);
	fb_trend_release(&tr);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_snapshots),
		cmocka_unit_test(test_pooled_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
