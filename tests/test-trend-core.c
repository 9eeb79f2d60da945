/*
 * test-trend-core.c: trend.c on tallies made by hand: each row's previous
 * snapshot (across a gap), FB029 for a missing snapshot, the LAs a region
 * row pools and whether they moved, and the changes in tenths of a point
 * from the exact fractions.  Every figure is worked out below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/run.h"
#include "fosterbeds/trend.h"
#include "scale-assert.h"

enum { M = FB_USE_MAINSTREAM, R = FB_USE_RESPITE };
enum { F = FB_ST_FILLED, V = FB_ST_VACANT, U = FB_ST_UNAVAILABLE };

static void
bed(struct fb_run *run, int la, int date, int use, int status)
{
	fb_tally_add(&run->tally, la, date, &(struct fb_tally_bed){
		.bed_use = use, .status = status, .ofsted_status = FB_NONE,
		.unavailable_reason = FB_NONE, .vacancy_reason = FB_NONE });
}

static void
assert_row(const struct fb_trend_row *r, int la, int date, const struct fb_tally_row *prev)
{
	assert_int_equal(r->now->la_code, la);
	assert_int_equal(r->now->date, date);
	assert_ptr_equal(r->prev, prev);
}

/*
 * Three snapshots; LA 867 has none at the second.
 *
 *	851 at d1: M F, M F, M V, M U   approved 4, filled 2, vacant 1; mainstream 2 of 4
 *	851 at d2: M F, M F, M F, R V   approved 4, filled 3, vacant 1; mainstream 3 of 3
 *	851 at d3: M F, M V, M V        approved 3, filled 1, vacant 2; mainstream 1 of 3
 *	867 at d1: M F, M V, R F        approved 3, filled 2, vacant 1; mainstream 1 of 2
 *	867 at d3: M F, M F             approved 2, filled 2, vacant 0; mainstream 2 of 2
 *
 * so the region is 7 approved, 4 filled, 2 vacant, mainstream 3 of 6 at d1;
 * 851's figures alone at d2; 5, 3, 2, mainstream 3 of 5 at d3.  Changes, in
 * tenths of a percentage point, rounded half away from zero:
 *
 *	row         including            excluding            vacant
 *	851 d2      3/4-2/4 = 250        3/3-2/4 = 500        1/4-1/4 = 0
 *	851 d3      1/3-3/4 = -416.7     1/3-3/3 = -666.7     2/3-1/4 = 416.7
 *	867 d3      2/2-2/3 = 333.3      2/2-1/2 = 500        0/2-1/3 = -333.3
 *	region d2   3/4-4/7 = 178.6      3/3-3/6 = 500        1/4-2/7 = -35.7
 *	region d3   3/5-3/4 = -150       3/5-3/3 = -400       2/5-1/4 = 150
 */
static void
test_three_snapshots(void **state)
{
	int d1 = fb_date_from_civil(2025, 3, 31), d2 = fb_date_from_civil(2025, 6, 30);
	int d3 = fb_date_from_civil(2025, 9, 30);
	struct fb_run run;
	struct fb_trend tr;
	const struct fb_trend_row *t;
	const struct fb_finding *f;

	/* The beds above, in the order a file might hold them: la, snapshot, use, status. */
	static const int beds[][4] = {
		{ 851, 1, M, F }, { 851, 1, M, F }, { 851, 1, M, V }, { 851, 1, M, U },
		{ 867, 1, M, F }, { 867, 1, M, V }, { 867, 1, R, F },
		{ 851, 2, M, F }, { 851, 2, M, F }, { 851, 2, M, F }, { 851, 2, R, V },
		{ 867, 3, M, F }, { 867, 3, M, F },
		{ 851, 3, M, F }, { 851, 3, M, V }, { 851, 3, M, V },
	};
	const int date[4] = { 0, d1, d2, d3 };
	(void)state;

	fb_run_init(&run, d3, 0);
	run.la_first_file[867] = 1;
	for (size_t i = 0; i < sizeof(beds) / sizeof(beds[0]); i++)
		bed(&run, beds[i][0], date[beds[i][1]], beds[i][2], beds[i][3]);
	fb_trend_build(&tr, &run);

	/* LAs by code then date, then the region by date. */
	assert_int_equal(tr.n, 8);
	assert_int_equal(tr.ndates, 3);
	t = tr.t;
	assert_row(&t[0], 851, d1, NULL);
	assert_row(&t[1], 851, d2, t[0].now);
	assert_row(&t[2], 851, d3, t[1].now);
	assert_row(&t[3], 867, d1, NULL);
	assert_row(&t[4], 867, d3, t[3].now);       /* across the gap at d2 */
	assert_row(&t[5], FB_LA_ALL, d1, NULL);
	assert_row(&t[6], FB_LA_ALL, d2, t[5].now);
	assert_row(&t[7], FB_LA_ALL, d3, t[6].now);
	assert_int_equal(t[5].now->counts.approved, 7);
	assert_int_equal(t[6].now->counts.approved, 4);
	assert_int_equal(t[7].now->counts.approved, 5);

	/* The region's LAs, and whether they changed since its last row. */
	assert_int_equal(t[5].nlas, 2);
	assert_int_equal(t[5].las[0], 851);
	assert_int_equal(t[5].las[1], 867);
	assert_false(t[5].las_changed);
	assert_int_equal(t[6].nlas, 1);
	assert_int_equal(t[6].las[0], 851);
	assert_true(t[6].las_changed);
	assert_int_equal(t[7].nlas, 2);
	assert_true(t[7].las_changed);
	assert_int_equal(t[0].nlas, 0);             /* LA rows list none */
	assert_null(t[0].las);

	/* No change on a first snapshot. */
	assert_int_equal(fb_trend_change_incl(&t[0]), FB_PCT_NONE);
	assert_int_equal(fb_trend_change_excl(&t[3]), FB_PCT_NONE);
	assert_int_equal(fb_trend_change_vacant(&t[5]), FB_PCT_NONE);
	/* The table above. */
	assert_int_equal(fb_trend_change_incl(&t[1]), 250);
	assert_int_equal(fb_trend_change_excl(&t[1]), 500);
	assert_int_equal(fb_trend_change_vacant(&t[1]), 0);
	assert_int_equal(fb_trend_change_incl(&t[2]), -417);
	assert_int_equal(fb_trend_change_excl(&t[2]), -667);
	assert_int_equal(fb_trend_change_vacant(&t[2]), 417);
	assert_int_equal(fb_trend_change_incl(&t[4]), 333);
	assert_int_equal(fb_trend_change_excl(&t[4]), 500);
	assert_int_equal(fb_trend_change_vacant(&t[4]), -333);
	assert_int_equal(fb_trend_change_incl(&t[6]), 179);
	assert_int_equal(fb_trend_change_excl(&t[6]), 500);
	assert_int_equal(fb_trend_change_vacant(&t[6]), -36);
	assert_int_equal(fb_trend_change_incl(&t[7]), -150);
	assert_int_equal(fb_trend_change_excl(&t[7]), -400);
	assert_int_equal(fb_trend_change_vacant(&t[7]), 150);

	/* One gap, said once, at line 1 of the input 867's records came from. */
	assert_int_equal(run.findings.n, 1);
	assert_int_equal(run.findings.count[FB_R_MISSING_SNAPSHOT], 1);
	f = &run.findings.items[0];
	assert_int_equal(f->rule, FB_R_MISSING_SNAPSHOT);
	assert_int_equal(f->file, 1);
	assert_int_equal(f->line, 1);
	assert_string_equal(f->column, "la_code");
	assert_string_equal(f->message, "LA 867 has no records for snapshot 2025-06-30, which "
			    "other LAs have; its trend has a gap there (no figures, never zeros)");
	fb_trend_release(&tr);
	assert_int_equal(tr.n, 0);
	fb_run_release(&run);
}

/*
 * A gap before an LA's first snapshot, and a change with no mainstream beds
 * before it: 851 has one mainstream filled bed at d1 and d2; 852 starts at
 * d2 with one respite filled bed, then one mainstream filled bed at d3.
 * 852's change at d3: including 1/1 - 1/1 = 0; excluding none (no
 * mainstream beds at d2).  852's first file is unknown (-1): file 0.
 */
static void
test_gap_before_and_no_mainstream(void **state)
{
	int d1 = fb_date_from_civil(2024, 3, 31), d2 = fb_date_from_civil(2025, 3, 31);
	int d3 = fb_date_from_civil(2026, 3, 31);
	struct fb_run run;
	struct fb_trend tr;
	(void)state;

	fb_run_init(&run, d3, 0);
	bed(&run, 851, d1, M, F);
	bed(&run, 851, d2, M, F);
	bed(&run, 852, d2, R, F);
	bed(&run, 852, d3, M, F);
	fb_trend_build(&tr, &run);
	/* 851 d1, d2; 852 d2, d3; region d1, d2, d3. */
	assert_int_equal(tr.n, 7);
	assert_row(&tr.t[3], 852, d3, tr.t[2].now);
	assert_int_equal(fb_trend_change_incl(&tr.t[3]), 0);
	assert_int_equal(fb_trend_change_excl(&tr.t[3]), FB_PCT_NONE);
	/* 851 lacks d3 and 852 lacks d1: two gaps, in LA order. */
	assert_int_equal(run.findings.n, 2);
	assert_int_equal(run.findings.items[0].file, 0);
	assert_string_equal(run.findings.items[0].message, "LA 851 has no records for snapshot "
			    "2026-03-31, which other LAs have; its trend has a gap there (no "
			    "figures, never zeros)");
	assert_string_equal(run.findings.items[1].message, "LA 852 has no records for snapshot "
			    "2024-03-31, which other LAs have; its trend has a gap there (no "
			    "figures, never zeros)");
	/* The region's LAs: 851; 851 and 852; 852. */
	assert_int_equal(tr.t[4].nlas, 1);
	assert_int_equal(tr.t[5].nlas, 2);
	assert_true(tr.t[5].las_changed);
	assert_int_equal(tr.t[6].nlas, 1);
	assert_int_equal(tr.t[6].las[0], 852);
	assert_true(tr.t[6].las_changed);
	fb_trend_release(&tr);
	fb_run_release(&run);
}

/*
 * Build a trend of ndates snapshots of ten LAs, the last LA missing every
 * third date, and check the region rows' LA lists (9 or 10 LAs, so the set
 * moves at each third date and the one after) and the gaps: CPU seconds.
 */
static double
trend_seconds(size_t ndates)
{
	struct fb_run run;
	struct fb_trend tr;
	clock_t t0;
	double t;
	size_t nall = 0;
	int day0 = fb_date_from_civil(1950, 1, 1);

	fb_run_init(&run, fb_date_from_civil(2100, 1, 1), 0);
	for (int d = 0; d < (int)ndates; d++)
		for (int la = 0; la < 10; la++)
			if (la < 9 || d % 3 != 0)
				bed(&run, 851 + la, day0 + d, M, F);
	t0 = clock();
	fb_trend_build(&tr, &run);
	t = scale_seconds(t0);
	assert_int_equal(tr.ndates, ndates);
	assert_int_equal(run.findings.count[FB_R_MISSING_SNAPSHOT], (ndates + 2) / 3);
	for (size_t i = 0; i < tr.n; i++) {
		const struct fb_trend_row *r = &tr.t[i];
		int d = r->now->date - day0;

		if (r->now->la_code != FB_LA_ALL)
			continue;
		assert_int_equal(r->nlas, d % 3 ? 10 : 9);
		assert_int_equal(r->now->nla, (int)r->nlas);
		for (size_t k = 0; k < r->nlas; k++)
			assert_int_equal(r->las[k], 851 + (int)k);
		assert_int_equal(r->las_changed, nall > 0 && d % 3 != 2);
		nall++;
	}
	fb_trend_release(&tr);
	fb_run_release(&run);
	return t;
}

/*
 * A trend is n log n in its rows (scale-assert.h), where looking each
 * row's date up among the dates was quadratic: 2,000, 4,000 and 8,000 dates
 * of 10 LAs took 0.4, 3.1 and 8.9 s.
 */
static void
test_many_dates_scale(void **state)
{
	(void)state;
	assert_scales("trend, dates of 10 LAs", trend_seconds, 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_snapshots),
		cmocka_unit_test(test_gap_before_and_no_mainstream),
		cmocka_unit_test(test_many_dates_scale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
