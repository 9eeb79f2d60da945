/*
 * test-reconcile.c: bed records against a return, on a hand-made tally and
 * hand-made returns: pairing and dates, one-side-only LAs, the region row,
 * the bridge, the places no bed accounts for, and the drivers' order and
 * wording.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/reconcile.h"

enum { M = FB_USE_MAINSTREAM, R = FB_USE_RESPITE, E = FB_USE_EMERGENCY };
enum { F = FB_ST_FILLED, V = FB_ST_VACANT, U = FB_ST_UNAVAILABLE };
enum { OF = FB_OS_FILLED, OV = FB_OS_VACANT, OU = FB_OS_UNAVAILABLE, ON = FB_OS_NOT_COUNTED,
       OB = FB_NONE };

#define MISS FB_MISSING

/*
 * The beds.  D1 = 2026-03-31 is every LA's latest snapshot; 851 also has an
 * older one, D0 = 2025-12-31, which must not be used.
 *
 * 851 at D1, ten beds (approved 10):
 *   1, 2  mainstream filled,      counted filled
 *   3     mainstream filled,      not counted
 *   4     mainstream vacant,      counted vacant
 *   5, 6  mainstream unavailable, counted vacant
 *   7     respite filled,         counted vacant
 *   8     respite vacant,         counted vacant     (overlay)
 *   9     emergency unavailable,  counted unavailable (overlay)
 *   10    mainstream vacant,      no ofsted_status
 * So filled 1,2,3,7 = 4; vacant 4,8,10 = 3; unavailable 5,6,9 = 3;
 * respite/emergency 7,8,9 = 3.
 * 867 at D1: 1 mainstream filled counted filled, 2 mainstream filled not
 *   counted, 1 mainstream vacant counted vacant (approved 4, filled 3, vacant 1).
 * 870 at D1: 1 mainstream vacant counted vacant; no row in the return.
 * 871 at D1: 1 mainstream filled counted filled, 1 mainstream vacant counted
 *   vacant; its return has no filled count.
 * 886 at D1: 1 mainstream filled counted filled; its return names another date.
 */

/* Count a bed with no reasons recorded. */
static void
tally_add(struct fb_tally *t, int la, int date, int use, int status, int ofsted)
{
	fb_tally_add(t, la, date, &(struct fb_tally_bed){ use, status, ofsted, FB_NONE, FB_NONE });
}

static int d0, d1, d2;

static void
add_beds(struct fb_tally *t)
{
	static const int beds[][5] = {
		/* la, date (0 = D0, 1 = D1), use, status, ofsted_status; out of order */
		{ 886, 1, M, F, OF },
		{ 851, 1, M, F, OF }, { 851, 1, M, F, OF }, { 851, 1, M, F, ON },
		{ 851, 0, M, F, OF }, { 851, 0, M, V, OV },            /* D0: not used */
		{ 867, 1, M, F, OF }, { 867, 1, M, F, ON }, { 867, 1, M, F, ON },
		{ 851, 1, M, V, OV }, { 851, 1, M, U, OV }, { 851, 1, M, U, OV },
		{ 870, 1, M, V, OV },
		{ 851, 1, R, F, OV }, { 851, 1, R, V, OV }, { 851, 1, E, U, OU },
		{ 871, 1, M, F, OF }, { 871, 1, M, V, OV },
		{ 867, 1, M, V, OV },
		{ 851, 1, M, V, OB },
	};

	for (size_t i = 0; i < sizeof(beds) / sizeof(beds[0]); i++)
		tally_add(t, beds[i][0], beds[i][1] ? d1 : d0, beds[i][2], beds[i][3],
			     beds[i][4]);
}

static int
setup(void **state)
{
	(void)state;
	d0 = fb_date_from_civil(2025, 12, 31);
	d1 = fb_date_from_civil(2026, 3, 31);
	d2 = fb_date_from_civil(2026, 6, 30);
	return 0;
}

/*
 * The return, in no order: 886 names D2 (no records then); 871 has no filled
 * count; 867 names D1; 852 has no records at all; 851 names no date.
 */
static void
make_return(struct fb_submission *sub, struct fb_submitted *rows)
{
	const struct fb_submitted r[] = {
		{ 886, d2, 10, 5, 3, 2, 2, -1 },
		{ 871, FB_NO_DATE, 2, MISS, 1, 0, 3, -1 },
		{ 867, d1, 2, 1, 1, 0, 4, -1 },
		{ 852, FB_NO_DATE, 50, 30, 10, 10, 5, -1 },
		{ 851, FB_NO_DATE, 12, 5, 4, 2, 6, -1 },
	};

	memcpy(rows, r, sizeof(r));
	fb_submission_init(sub);
	sub->rows = rows;
	sub->n = sub->cap = 5;
	sub->rows_read = sub->rows_used = 5;
}

/* 1 when some finding of rule has exactly this message (and line). */
static int
has_finding(const struct fb_findings *f, enum fb_rule rule, long line, const char *message)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].rule == rule && f->items[i].line == line &&
		    strcmp(f->items[i].message, message) == 0)
			return 1;
	return 0;
}

static void
test_build(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted subrows[5];
	struct fb_reconcile rc;
	struct fb_findings f;
	const struct fb_recon_row *r;
	(void)state;

	fb_tally_init(&t);
	add_beds(&t);
	make_return(&sub, subrows);
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 4, &f);

	/* 851 852 867 870 871 886 (by code), then the region. */
	assert_int_equal(rc.n, 7);
	static const int order[] = { 851, 852, 867, 870, 871, 886, FB_LA_ALL };
	for (size_t i = 0; i < 7; i++)
		assert_int_equal(rc.rows[i].la_code, order[i]);

	/* 851: no date in the return, so its latest, D1 (ten beds, not D0's two). */
	r = &rc.rows[0];
	assert_int_equal(r->has_records, 1);
	assert_int_equal(r->has_return, 1);
	assert_int_equal(r->date, d1);
	assert_int_equal(r->date_source, FB_RD_LATEST);
	assert_int_equal(r->return_date, FB_NO_DATE);
	assert_int_equal(r->cross_dated, 0);
	assert_int_equal(r->std.approved, 10);
	assert_int_equal(r->std.filled, 4);
	assert_int_equal(r->std.vacant, 3);
	assert_int_equal(r->std.unavailable, 3);
	assert_int_equal(r->std.respite_emergency, 3);
	assert_int_equal(r->sub.approved, 12);
	assert_int_equal(r->sub.line, 6);

	/* 852: in the return only. */
	r = &rc.rows[1];
	assert_int_equal(r->has_records, 0);
	assert_int_equal(r->has_return, 1);
	assert_int_equal(r->date, FB_NO_DATE);
	assert_int_equal(r->std.approved, 0);
	assert_int_equal(r->sub.approved, 50);

	/* 867: the return's date. */
	r = &rc.rows[2];
	assert_int_equal(r->has_records, 1);
	assert_int_equal(r->date, d1);
	assert_int_equal(r->date_source, FB_RD_RETURN);
	assert_int_equal(r->return_date, d1);
	assert_int_equal(r->cross_dated, 0);
	assert_int_equal(r->std.approved, 4);
	assert_int_equal(r->std.filled, 3);

	/* 870: in the records only; the submitted side is empty. */
	r = &rc.rows[3];
	assert_int_equal(r->has_records, 1);
	assert_int_equal(r->has_return, 0);
	assert_int_equal(r->date, d1);
	assert_int_equal(r->std.approved, 1);
	assert_int_equal(r->sub.la_code, 870);
	assert_int_equal(r->sub.approved, MISS);
	assert_int_equal(r->sub.filled, MISS);
	assert_int_equal(r->sub.vacant, MISS);
	assert_int_equal(r->sub.unavailable, MISS);

	/* 871: both sides, but no submitted filled count. */
	r = &rc.rows[4];
	assert_int_equal(r->has_records, 1);
	assert_int_equal(r->has_return, 1);
	assert_int_equal(r->std.approved, 2);
	assert_int_equal(r->sub.filled, MISS);

	/* 886: the return names D2; its records are at D1 only. */
	r = &rc.rows[5];
	assert_int_equal(r->has_records, 0);
	assert_int_equal(r->has_return, 1);
	assert_int_equal(r->date_source, FB_RD_RETURN);
	assert_int_equal(r->return_date, d2);
	assert_int_equal(r->date, FB_NO_DATE);
	assert_int_equal(r->std.approved, 0);

	/*
	 * The region pools 851 and 867 only: 852 and 886 have no records (at the
	 * date), 870 no return, 871 no filled count: 4 left out.
	 * Submitted 12+2 = 14 approved, 5+1 = 6 filled, 4+1 = 5 vacant, 2+0 = 2
	 * unavailable; standardised 10+4 = 14, 4+3 = 7, 3+1 = 4, 3+0 = 3.
	 */
	r = &rc.rows[6];
	assert_int_equal(rc.left_out, 4);
	assert_int_equal(r->nla, 2);
	assert_int_equal(r->date, d1);   /* both at D1 */
	assert_int_equal(r->has_records, 1);
	assert_int_equal(r->has_return, 1);
	assert_int_equal(r->sub.approved, 14);
	assert_int_equal(r->sub.filled, 6);
	assert_int_equal(r->sub.vacant, 5);
	assert_int_equal(r->sub.unavailable, 2);
	assert_int_equal(r->std.approved, 14);
	assert_int_equal(r->std.filled, 7);
	assert_int_equal(r->std.vacant, 4);
	assert_int_equal(r->std.unavailable, 3);
	assert_int_equal(r->std.respite_emergency, 3);

	/*
	 * FB028 twice: 852, 870; 886 has records, but not at the return's date:
	 * FB033, an error naming both dates; nothing for 871.
	 */
	assert_int_equal(f.n, 3);
	assert_int_equal(f.count[FB_R_ONE_SIDE_ONLY], 2);
	assert_int_equal(f.warnings, 2);
	assert_int_equal(f.count[FB_R_DATE_MISMATCH], 1);
	assert_int_equal(f.errors, 1);
	assert_true(has_finding(&f, FB_R_ONE_SIDE_ONLY, 5,
				"LA 852 is in the return but has no bed records; its row is "
				"left out of the region"));
	assert_true(has_finding(&f, FB_R_DATE_MISMATCH, 2,
				"LA 886: the return counts at 2026-06-30 but the bed records are "
				"dated 2026-03-31; its row is left out of the region (give the "
				"records of 2026-06-30, or --records-date DATE to compare across "
				"dates)"));
	assert_true(has_finding(&f, FB_R_ONE_SIDE_ONLY, 1,
				"LA 870 has bed records but no row in the return; its row is "
				"left out of the region"));
	for (size_t i = 0; i < f.n; i++)
		assert_int_equal(f.items[i].file, 4);

	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

/* The region's date is empty when its LAs were compared at different dates. */
static void
test_region_mixed_dates(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted rows[2] = {
		{ 851, FB_NO_DATE, 1, 1, 0, 0, 2, -1 },
		{ 867, FB_NO_DATE, 1, 0, 1, 0, 3, -1 },
	};
	struct fb_reconcile rc;
	struct fb_findings f;
	(void)state;

	fb_tally_init(&t);
	tally_add(&t, 851, d1, M, F, OF);
	tally_add(&t, 867, d0, M, V, OV);
	fb_submission_init(&sub);
	sub.rows = rows;
	sub.n = sub.cap = 2;
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 0, &f);
	assert_int_equal(rc.n, 3);
	assert_int_equal(rc.rows[0].date, d1);
	assert_int_equal(rc.rows[1].date, d0);
	assert_int_equal(rc.rows[2].la_code, FB_LA_ALL);
	assert_int_equal(rc.rows[2].nla, 2);
	assert_int_equal(rc.rows[2].date, FB_NO_DATE);
	assert_int_equal(rc.left_out, 0);
	assert_int_equal(f.n, 0);
	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

/*
 * --records-date: every LA at that date.  851 has D0 and D1, 867 only D1;
 * the return dates 851 at D0 and 867 at D2.
 */
static void
test_records_date(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted rows[2];
	struct fb_reconcile rc;
	struct fb_findings f;
	struct fb_driver d[4];
	int dates[2];
	(void)state;

	fb_tally_init(&t);
	tally_add(&t, 851, d0, M, F, OV);   /* counted vacant: a driver when same-dated */
	tally_add(&t, 851, d1, M, F, OF);
	tally_add(&t, 851, d1, M, V, OV);
	tally_add(&t, 867, d1, M, V, OV);
	rows[0] = (struct fb_submitted){ 851, d0, 1, 0, 1, 0, 2, -1 };
	rows[1] = (struct fb_submitted){ 867, d2, 1, 0, 1, 0, 3, -1 };
	fb_submission_init(&sub);
	sub.rows = rows;
	sub.n = sub.cap = 2;

	/* The records' dates, ascending, each once; max bounds what is written. */
	assert_int_equal(fb_reconcile_dates(&t, FB_LA_ALL, dates, 2), 2);
	assert_int_equal(dates[0], d0);
	assert_int_equal(dates[1], d1);
	assert_int_equal(fb_reconcile_dates(&t, 867, dates, 2), 1);
	assert_int_equal(dates[0], d1);
	dates[1] = -1;
	assert_int_equal(fb_reconcile_dates(&t, FB_LA_ALL, dates, 1), 2);
	assert_int_equal(dates[0], d0);
	assert_int_equal(dates[1], -1);

	/* At D1: both LAs compared, both across dates, so no drivers anywhere. */
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, d1, 0, &f);
	assert_int_equal(f.n, 0);
	assert_int_equal(rc.n, 3);
	assert_int_equal(rc.cross_dated, 2);
	assert_int_equal(rc.mismatched, 0);
	assert_int_equal(rc.records_date, d1);
	assert_int_equal(rc.rows[0].date, d1);
	assert_int_equal(rc.rows[0].return_date, d0);
	assert_int_equal(rc.rows[0].date_source, FB_RD_OPTION);
	assert_int_equal(rc.rows[0].cross_dated, 1);
	assert_int_equal(rc.rows[0].std.approved, 2);
	assert_int_equal(rc.rows[1].return_date, d2);
	assert_int_equal(rc.rows[1].cross_dated, 1);
	assert_int_equal(rc.rows[2].nla, 2);
	assert_int_equal(rc.rows[2].cross_dated, 1);
	assert_int_equal(rc.rows[2].date, d1);
	assert_int_equal(rc.rows[2].return_date, FB_NO_DATE);   /* D0 and D2 */
	for (size_t i = 0; i < rc.n; i++) {
		assert_int_equal(fb_recon_drivers(&rc.rows[i], d, 4), 0);
		assert_int_equal(fb_recon_unaccounted(&rc.rows[i], FB_UA_VACANT), 0);
	}
	fb_findings_release(&f);
	fb_reconcile_release(&rc);

	/*
	 * At D0: 851 meets its return (not across dates, so its driver shows);
	 * 867 has no D0: FB033 naming the dates it has, left out of the region.
	 */
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, d0, 0, &f);
	assert_int_equal(rc.cross_dated, 0);
	assert_int_equal(rc.mismatched, 1);
	assert_int_equal(rc.left_out, 1);
	assert_int_equal(rc.rows[0].cross_dated, 0);
	assert_int_equal(fb_recon_drivers(&rc.rows[0], d, 4), 1);   /* the filled bed counted vacant */
	assert_int_equal(rc.rows[1].has_records, 0);
	assert_int_equal(rc.rows[1].date, FB_NO_DATE);
	assert_int_equal(rc.rows[2].nla, 1);
	assert_int_equal(f.errors, 1);
	assert_true(has_finding(&f, FB_R_DATE_MISMATCH, 3,
				"LA 867 has no bed records dated 2025-12-31 (--records-date); its "
				"records are dated 2026-03-31; its row is left out of the region"));
	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

/* An undated return row under --records-date has no date to differ from. */
static void
test_records_date_undated(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted row = { 851, FB_NO_DATE, 1, 1, 0, 0, 2, -1 };
	struct fb_reconcile rc;
	struct fb_findings f;
	(void)state;

	fb_tally_init(&t);
	tally_add(&t, 851, d0, M, F, OF);
	tally_add(&t, 851, d1, M, V, OV);
	fb_submission_init(&sub);
	sub.rows = &row;
	sub.n = sub.cap = 1;
	fb_findings_init(&f, 0);
	/* D0, not the latest D1: the one filled bed, not the vacant one. */
	fb_reconcile_build(&rc, &t, &sub, d0, 0, &f);
	assert_int_equal(f.n, 0);
	assert_int_equal(rc.rows[0].date, d0);
	assert_int_equal(rc.rows[0].date_source, FB_RD_OPTION);
	assert_int_equal(rc.rows[0].cross_dated, 0);
	assert_int_equal(rc.rows[0].std.filled, 1);
	assert_int_equal(rc.cross_dated, 0);
	assert_int_equal(rc.rows[1].cross_dated, 0);
	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

static void
test_bridge_and_unaccounted(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted subrows[5];
	struct fb_reconcile rc;
	struct fb_findings f;
	/* Beds by ofsted_status (filled, vacant, unavailable, not_counted, none)
	 * and category (filled, vacant, unavailable, respite/emergency), from
	 * the bed list above. */
	static const long b851[FB_OS_COUNT + 1][FB_CAT_COUNT] = {
		{ 2, 0, 0, 0 },   /* beds 1, 2 */
		{ 0, 1, 2, 2 },   /* bed 4; beds 5, 6; beds 7, 8 */
		{ 0, 0, 0, 1 },   /* bed 9 */
		{ 1, 0, 0, 0 },   /* bed 3 */
		{ 0, 1, 0, 0 },   /* bed 10 */
	};
	/* 851 plus 867 (1 counted filled, 2 not counted, 1 counted vacant). */
	static const long ball[FB_OS_COUNT + 1][FB_CAT_COUNT] = {
		{ 2 + 1, 0, 0, 0 },
		{ 0, 1 + 1, 2, 2 },
		{ 0, 0, 0, 1 },
		{ 1 + 2, 0, 0, 0 },
		{ 0, 1, 0, 0 },
	};
	(void)state;

	fb_tally_init(&t);
	add_beds(&t);
	make_return(&sub, subrows);
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 0, &f);

	for (int o = 0; o <= FB_OS_BLANK; o++) {
		for (int c = 0; c < FB_CAT_COUNT; c++) {
			long got = fb_recon_bridge(&rc.rows[0], o, (enum fb_category)c);

			if (got != b851[o][c])
				fail_msg("851 bridge [%d][%d]: got %ld, want %ld", o, c, got, b851[o][c]);
			got = fb_recon_bridge(&rc.rows[6], o, (enum fb_category)c);
			if (got != ball[o][c])
				fail_msg("ALL bridge [%d][%d]: got %ld, want %ld", o, c, got, ball[o][c]);
		}
	}

	/* 851: filled 5 - (beds 1, 2) = 3; vacant 4 - (beds 4, 5, 6, 7, 8) = -1;
	 * unavailable 2 - (bed 9) = 1. */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[0], FB_UA_FILLED), 3);
	assert_int_equal(fb_recon_unaccounted(&rc.rows[0], FB_UA_VACANT), -1);
	assert_int_equal(fb_recon_unaccounted(&rc.rows[0], FB_UA_UNAVAILABLE), 1);
	/* 867: filled 1 - 1 = 0, vacant 1 - 1 = 0, unavailable 0 - 0 = 0. */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[2], FB_UA_FILLED), 0);
	assert_int_equal(fb_recon_unaccounted(&rc.rows[2], FB_UA_VACANT), 0);
	assert_int_equal(fb_recon_unaccounted(&rc.rows[2], FB_UA_UNAVAILABLE), 0);
	/* 871: filled not submitted: 0; vacant 1 - 1 = 0. */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[4], FB_UA_FILLED), 0);
	/* One side only: 0 whatever the other side says. */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[1], FB_UA_FILLED), 0);   /* 852 */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[3], FB_UA_VACANT), 0);   /* 870 */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[5], FB_UA_FILLED), 0);   /* 886 */
	/* Region: filled 6 - (2 + 1) = 3; vacant 5 - (5 + 1) = -1;
	 * unavailable 2 - (1 + 0) = 1. */
	assert_int_equal(fb_recon_unaccounted(&rc.rows[6], FB_UA_FILLED), 3);
	assert_int_equal(fb_recon_unaccounted(&rc.rows[6], FB_UA_VACANT), -1);
	assert_int_equal(fb_recon_unaccounted(&rc.rows[6], FB_UA_UNAVAILABLE), 1);

	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

#define OVERLAY_TAIL " in the Ofsted return; the standard keeps them apart from mainstream places"

static void
check_drivers(const struct fb_driver *d, size_t n, const char *const *text, const long *beds,
	      const int *overlay, size_t want)
{
	if (n != want)
		fail_msg("%zu drivers, want %zu", n, want);
	for (size_t i = 0; i < want; i++) {
		if (strcmp(d[i].text, text[i]) != 0)
			fail_msg("driver %zu: got '%s', want '%s'", i, d[i].text, text[i]);
		assert_int_equal(d[i].beds, beds[i]);
		assert_int_equal(d[i].overlay, overlay[i]);
	}
}

static void
test_drivers(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted subrows[5];
	struct fb_reconcile rc;
	struct fb_findings f;
	struct fb_driver d[20];
	size_t n;
	/*
	 * 851, from the bridge and unaccounted places above.  Non-overlay first,
	 * largest first (3, 2, then the 1s); ties by text, in byte order:
	 * "1 filled m" < "1 filled r" < "1 place" < "1 vacant" < "the return".
	 * The overlays after: "1 unavailable" < "1 vacant".
	 */
	static const char *const t851[] = {
		"3 places in the return (filled) have no bed record",
		"2 unavailable mainstream beds were counted as vacant in the Ofsted return",
		"1 filled mainstream bed was left out of the Ofsted return",
		"1 filled respite/emergency bed was counted as vacant in the Ofsted return",
		"1 place in the return (unavailable) has no bed record",
		"1 vacant mainstream bed record has no ofsted_status, so how it was counted is "
		"unknown",
		"the return has 1 fewer vacant places than the bed records say were counted "
		"vacant",
		"1 unavailable respite/emergency bed was counted among the unavailable places"
		OVERLAY_TAIL,
		"1 vacant respite/emergency bed was counted among the vacant places" OVERLAY_TAIL,
	};
	static const long b851[] = { 3, 2, 1, 1, 1, 1, 1, 1, 1 };
	static const int o851[] = { 0, 0, 0, 0, 0, 0, 0, 1, 1 };
	/* 867: only its two filled beds left out (unaccounted all 0). */
	static const char *const t867[] = {
		"2 filled mainstream beds were left out of the Ofsted return",
	};
	static const long b867[] = { 2 };
	static const int o867[] = { 0 };
	/*
	 * Region: 851's drivers with 867's added: left out 1 + 2 = 3, which ties
	 * with the 3 unaccounted filled places and comes first by text ("3 f" <
	 * "3 p"); unaccounted as computed above.
	 */
	static const char *const tall[] = {
		"3 filled mainstream beds were left out of the Ofsted return",
		"3 places in the return (filled) have no bed record",
		"2 unavailable mainstream beds were counted as vacant in the Ofsted return",
		"1 filled respite/emergency bed was counted as vacant in the Ofsted return",
		"1 place in the return (unavailable) has no bed record",
		"1 vacant mainstream bed record has no ofsted_status, so how it was counted is "
		"unknown",
		"the return has 1 fewer vacant places than the bed records say were counted "
		"vacant",
		"1 unavailable respite/emergency bed was counted among the unavailable places"
		OVERLAY_TAIL,
		"1 vacant respite/emergency bed was counted among the vacant places" OVERLAY_TAIL,
	};
	static const long ball[] = { 3, 3, 2, 1, 1, 1, 1, 1, 1 };
	(void)state;

	fb_tally_init(&t);
	add_beds(&t);
	make_return(&sub, subrows);
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 0, &f);

	n = fb_recon_drivers(&rc.rows[0], d, 20);
	check_drivers(d, n, t851, b851, o851, 9);
	n = fb_recon_drivers(&rc.rows[2], d, 20);
	check_drivers(d, n, t867, b867, o867, 1);
	n = fb_recon_drivers(&rc.rows[6], d, 20);
	check_drivers(d, n, tall, ball, o851, 9);

	/* At most max, the first ones. */
	n = fb_recon_drivers(&rc.rows[0], d, 3);
	check_drivers(d, n, t851, b851, o851, 3);

	/* No drivers for a row on one side only, nor for 871 (which agrees:
	 * 1 filled and 1 vacant bed, each counted as it is; filled not given). */
	assert_int_equal(fb_recon_drivers(&rc.rows[1], d, 20), 0);   /* 852 */
	assert_int_equal(fb_recon_drivers(&rc.rows[3], d, 20), 0);   /* 870 */
	assert_int_equal(fb_recon_drivers(&rc.rows[4], d, 20), 0);   /* 871 */
	assert_int_equal(fb_recon_drivers(&rc.rows[5], d, 20), 0);   /* 886 */

	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

/* Plural wording of the other kinds of driver. */
static void
test_driver_plurals(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted rows[1] = { { 851, FB_NO_DATE, 0, 0, 0, 0, 2, -1 } };
	struct fb_reconcile rc;
	struct fb_findings f;
	struct fb_driver d[20];
	size_t n;
	/*
	 * 851: 2 respite vacant counted vacant (overlay), 2 mainstream filled
	 * with no ofsted_status.  Submitted 0 everywhere: vacant 0 - 2 = -2.
	 */
	static const char *const want[] = {
		"2 filled mainstream bed records have no ofsted_status, so how they were "
		"counted is unknown",
		"the return has 2 fewer vacant places than the bed records say were counted "
		"vacant",
		"2 vacant respite/emergency beds were counted among the vacant places"
		OVERLAY_TAIL,
	};
	static const long beds[] = { 2, 2, 2 };
	static const int overlay[] = { 0, 0, 1 };
	(void)state;

	fb_tally_init(&t);
	tally_add(&t, 851, d1, R, V, OV);
	tally_add(&t, 851, d1, E, V, OV);
	tally_add(&t, 851, d1, M, F, OB);
	tally_add(&t, 851, d1, M, F, OB);
	fb_submission_init(&sub);
	sub.rows = rows;
	sub.n = sub.cap = 1;
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 0, &f);
	n = fb_recon_drivers(&rc.rows[0], d, 20);
	check_drivers(d, n, want, beds, overlay, 3);

	/* 2 places with no bed record: submitted filled 2, no bed counted filled. */
	rc.rows[0].sub.filled = 2;
	n = fb_recon_drivers(&rc.rows[0], d, 20);
	assert_int_equal(n, 4);
	assert_string_equal(d[0].text, "2 filled mainstream bed records have no ofsted_status, "
			    "so how they were counted is unknown");
	assert_string_equal(d[1].text, "2 places in the return (filled) have no bed record");
	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

/*
 * A published return covers all of England: its authorities with no bed
 * records get one FB028 between them and no rows.
 */
static void
test_published(void **state)
{
	struct fb_tally t;
	struct fb_submission sub;
	struct fb_submitted rows[3] = {
		{ 852, FB_NO_DATE, 50, 30, 10, 10, 95, -1 },
		{ 851, FB_NO_DATE, 2, 1, 1, 0, 95, -1 },    /* 1 + 1 + 0 = 2 */
		{ 867, FB_NO_DATE, 3, 2, 1, 0, 95, -1 },
	};
	struct fb_reconcile rc;
	struct fb_findings f;
	(void)state;

	fb_tally_init(&t);
	tally_add(&t, 851, d1, M, F, OF);
	tally_add(&t, 851, d1, M, V, OV);
	fb_submission_init(&sub);
	sub.rows = rows;
	sub.n = sub.cap = 3;
	sub.published = 1;
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 1, &f);

	/* 851 and the region; 852 and 867 have no rows. */
	assert_int_equal(rc.n, 2);
	assert_int_equal(rc.rows[0].la_code, 851);
	assert_int_equal(rc.rows[0].has_records, 1);
	assert_int_equal(rc.rows[0].has_return, 1);
	assert_int_equal(rc.rows[0].date, d1);
	assert_int_equal(rc.rows[1].la_code, FB_LA_ALL);
	assert_int_equal(rc.rows[1].nla, 1);
	assert_int_equal(rc.rows[1].sub.approved, 2);
	assert_int_equal(rc.left_out, 0);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.count[FB_R_ONE_SIDE_ONLY], 1);
	assert_int_equal(f.items[0].line, 1);
	assert_int_equal(f.items[0].file, 1);
	assert_null(f.items[0].column);
	assert_string_equal(f.items[0].message, "2 authorities in Ofsted's published file have "
			    "no bed records; they are not shown");
	fb_findings_release(&f);
	fb_reconcile_release(&rc);

	/*
	 * One without records, and 851 unbalanced: 3 against 1 + 1 + 0 = 2 is
	 * within Ofsted's rounding to 5 (no warning), 13 is 11 apart and warned,
	 * on the approved row's line.
	 */
	rows[1].approved = 3;
	sub.n = 2;
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 1, &f);
	assert_int_equal(f.count[FB_R_UNBALANCED_RETURN], 0);
	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	rows[1].approved = 13;
	fb_findings_init(&f, 0);
	fb_reconcile_build(&rc, &t, &sub, FB_NO_DATE, 1, &f);
	assert_int_equal(rc.n, 2);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.count[FB_R_UNBALANCED_RETURN], 1);
	assert_true(has_finding(&f, FB_R_UNBALANCED_RETURN, 95,
				"Portsmouth (851): 13 approved places but filled + vacant + "
				"unavailable = 1 + 1 + 0 = 2, 11 apart, more than Ofsted's "
				"rounding to 5 explains (up to 10); used as published"));
	assert_true(has_finding(&f, FB_R_ONE_SIDE_ONLY, 1,
				"1 authority in Ofsted's published file has no bed records; it "
				"is not shown"));
	fb_findings_release(&f);
	fb_reconcile_release(&rc);
	fb_tally_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_region_mixed_dates),
		cmocka_unit_test(test_records_date),
		cmocka_unit_test(test_records_date_undated),
		cmocka_unit_test(test_bridge_and_unaccounted),
		cmocka_unit_test(test_drivers),
		cmocka_unit_test(test_driver_plurals),
		cmocka_unit_test(test_published),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
