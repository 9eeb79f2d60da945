/*
 * test-trend.c: trend.c on small runs worked out by hand: each row's
 * previous snapshot (across a gap too), the changes in tenths of a point
 * from the exact fractions, FB029 for an LA missing at a date, and the LAs
 * each region row pools.
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
#include "fosterbeds/figures.h"
#include "fosterbeds/host.h"
#include "fosterbeds/la.h"
#include "fosterbeds/standard.h"
#include "fosterbeds/trend.h"

/* spec/trend.md's worked example: 867 has no records for 2026-06-30. */
static const char example[] =
	"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason\n"
	"851,2026-03-31,P1,1,mainstream,filled,\n"
	"851,2026-03-31,P1,2,mainstream,filled,\n"
	"851,2026-03-31,P2,1,mainstream,filled,\n"
	"851,2026-03-31,P2,2,mainstream,vacant,\n"
	"867,2026-03-31,K1,1,mainstream,filled,\n"
	"867,2026-03-31,K1,2,mainstream,vacant,\n"
	"851,2026-06-30,P1,1,mainstream,filled,\n"
	"851,2026-06-30,P1,2,mainstream,filled,\n"
	"851,2026-06-30,P2,1,mainstream,vacant,\n"
	"851,2026-06-30,P2,2,mainstream,unavailable,carer_break\n"
	"851,2026-09-30,P1,1,mainstream,filled,\n"
	"851,2026-09-30,P1,2,mainstream,filled,\n"
	"851,2026-09-30,P2,1,mainstream,filled,\n"
	"851,2026-09-30,P2,2,mainstream,filled,\n"
	"851,2026-09-30,P3,1,respite,vacant,\n"
	"867,2026-09-30,K1,1,mainstream,filled,\n"
	"867,2026-09-30,K1,2,mainstream,filled,\n"
	"867,2026-09-30,K2,1,mainstream,unavailable,child_needs\n";

static void
build(struct fb_run *run, struct fb_trend *tr, const char *csv)
{
	FILE *in = fmemopen((void *)csv, strlen(csv), "rb");

	fb_run_init(run, fb_date_from_civil(2026, 11, 23), 0);
	fb_run_read(run, "t.csv", in);
	fclose(in);
	fb_trend_build(tr, run);
}

static void
assert_row(const struct fb_trend_row *r, int la, int y, int m, int d)
{
	assert_int_equal(r->now->la_code, la);
	assert_int_equal(r->now->date, fb_date_from_civil(y, m, d));
}

static void
test_worked_example(void **state)
{
	struct fb_run run;
	struct fb_trend tr;
	const struct fb_trend_row *t;

	(void)state;
	build(&run, &tr, example);
	t = tr.t;
	/* 851 three times, 867 twice (no row for its gap), the region three times. */
	assert_int_equal(tr.n, 8);
	assert_int_equal(tr.ndates, 3);
	assert_row(&t[0], 851, 2026, 3, 31);
	assert_row(&t[3], 867, 2026, 3, 31);
	assert_row(&t[4], 867, 2026, 9, 30);
	assert_row(&t[5], FB_LA_ALL, 2026, 3, 31);
	assert_row(&t[7], FB_LA_ALL, 2026, 9, 30);

	/* A first snapshot has no previous one and no change. */
	assert_null(t[0].prev);
	assert_int_equal(fb_trend_change_incl(&t[0]), FB_PCT_NONE);
	assert_int_equal(fb_trend_change_excl(&t[0]), FB_PCT_NONE);
	assert_int_equal(fb_trend_change_vacant(&t[0]), FB_PCT_NONE);
	assert_null(t[3].prev);
	assert_null(t[5].prev);

	/* 851, June: 2/4 - 3/4 = -25.0 points filled (and mainstream); vacant 1/4 - 1/4 = 0. */
	assert_ptr_equal(t[1].prev, t[0].now);
	assert_int_equal(fb_trend_change_incl(&t[1]), -250);
	assert_int_equal(fb_trend_change_excl(&t[1]), -250);
	assert_int_equal(fb_trend_change_vacant(&t[1]), 0);
	/* 851, September: 4/5 - 2/4 = +30.0; mainstream 4/4 - 2/4 = +50.0; vacant 1/5 - 1/4 = -5.0. */
	assert_int_equal(fb_trend_change_incl(&t[2]), 300);
	assert_int_equal(fb_trend_change_excl(&t[2]), 500);
	assert_int_equal(fb_trend_change_vacant(&t[2]), -50);
	/* 867 across its gap, from March: 2/3 - 1/2 = +16.7; vacant 0/3 - 1/2 = -50.0. */
	assert_ptr_equal(t[4].prev, t[3].now);
	assert_int_equal(fb_trend_change_incl(&t[4]), 167);
	assert_int_equal(fb_trend_change_excl(&t[4]), 167);
	assert_int_equal(fb_trend_change_vacant(&t[4]), -500);

	/* The region: 4/6, then 2/4 (-16.7; vacant 1/4 - 2/6 = -8.3), then 6/8 (+25.0). */
	assert_int_equal(fb_trend_change_incl(&t[6]), -167);
	assert_int_equal(fb_trend_change_vacant(&t[6]), -83);
	assert_int_equal(fb_trend_change_incl(&t[7]), 250);
	/* Mainstream 6/7 - 2/4 = 5/14 = 35.71 points; vacant 1/8 - 1/4 = -12.5. */
	assert_int_equal(fb_trend_change_excl(&t[7]), 357);
	assert_int_equal(fb_trend_change_vacant(&t[7]), -125);

	/* Who each region row pools; June's set differs from March's, September's from June's. */
	assert_int_equal(t[5].nlas, 2);
	assert_int_equal(t[5].las[0], 851);
	assert_int_equal(t[5].las[1], 867);
	assert_false(t[5].las_changed);
	assert_int_equal(t[6].nlas, 1);
	assert_int_equal(t[6].las[0], 851);
	assert_true(t[6].las_changed);
	assert_int_equal(t[7].nlas, 2);
	assert_true(t[7].las_changed);
	assert_int_equal(t[0].nlas, 0);
	assert_null(t[0].las);

	/* One gap, one warning, at line 1 of the file. */
	assert_int_equal(run.findings.count[FB_R_MISSING_SNAPSHOT], 1);
	for (size_t i = 0; i < run.findings.n; i++)
		if (run.findings.items[i].rule == FB_R_MISSING_SNAPSHOT) {
			assert_int_equal(run.findings.items[i].line, 1);
			assert_non_null(strstr(run.findings.items[i].message,
					       "LA 867 has no records for snapshot 2026-06-30"));
		}
	fb_trend_release(&tr);
	fb_run_release(&run);
}

/*
 * An LA that starts late: 867 has no records for the first date, so that
 * is FB029 too, its first row has nothing to compare with, and the region
 * pools one LA, then two.  Every row of one date: no gap anywhere else.
 */
static const char late[] =
	"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason\n"
	"851,2026-03-31,P1,1,mainstream,filled,\n"
	"851,2026-06-30,P1,1,mainstream,vacant,\n"
	"867,2026-06-30,K1,1,mainstream,filled,\n";

static void
test_late_la(void **state)
{
	struct fb_run run;
	struct fb_trend tr;

	(void)state;
	build(&run, &tr, late);
	assert_int_equal(tr.n, 5);
	assert_row(&tr.t[2], 867, 2026, 6, 30);
	assert_null(tr.t[2].prev);
	assert_int_equal(fb_trend_change_incl(&tr.t[2]), FB_PCT_NONE);
	/* 851: 0/1 - 1/1 = -100.0 points; vacant +100.0. */
	assert_int_equal(fb_trend_change_incl(&tr.t[1]), -1000);
	assert_int_equal(fb_trend_change_vacant(&tr.t[1]), 1000);
	assert_int_equal(run.findings.count[FB_R_MISSING_SNAPSHOT], 1);
	assert_int_equal(tr.t[3].nlas, 1);
	assert_false(tr.t[3].las_changed);
	assert_int_equal(tr.t[4].nlas, 2);
	assert_true(tr.t[4].las_changed);
	/* The region: 1/1, then 1/2: -50.0 points, with the set of LAs flagged. */
	assert_int_equal(fb_trend_change_incl(&tr.t[4]), -500);
	fb_trend_release(&tr);
	fb_run_release(&run);
}

/* One snapshot: nothing to compare, no gap, one region row. */
static void
test_one_date(void **state)
{
	struct fb_run run;
	struct fb_trend tr;

	(void)state;
	build(&run, &tr, "la_code,snapshot_date,household_id,bed_id,bed_use,status\n"
			 "851,2026-03-31,P1,1,mainstream,filled\n"
			 "867,2026-03-31,K1,1,mainstream,vacant\n");
	assert_int_equal(tr.n, 3);
	assert_int_equal(tr.ndates, 1);
	for (size_t i = 0; i < tr.n; i++)
		assert_null(tr.t[i].prev);
	assert_int_equal(run.findings.count[FB_R_MISSING_SNAPSHOT], 0);
	assert_int_equal(tr.t[2].nlas, 2);
	assert_false(tr.t[2].las_changed);
	fb_trend_release(&tr);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_late_la),
		cmocka_unit_test(test_one_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
