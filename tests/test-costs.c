/*
 * test-costs.c: costs.c on figures worked out by hand: money read exactly
 * into pence, the rounding, change, months, annualised change, a region's
 * mean and placement-weighted mean, the largest change, an LA entering
 * (left out of the region row, FB047), every finding, and the region's own
 * September 2025 figures (tests/fixtures/costs-seed.csv, spec/placement-costs.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/costs.h"
#include "fosterbeds/date.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/hooks.h"
#include "fosterbeds/host.h"
#include "fosterbeds/run.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"

static const char *seed_path;

static int
day(int y, int m, int d)
{
	return fb_date_from_civil(y, m, d);
}

static long long
pence(const char *s)
{
	long long p = -12345;

	if (fb_money_parse(s, strlen(s), &p) != 0)
		return -1;
	return p;
}

static void
test_money(void **state)
{
	(void)state;
	assert_int_equal(pence("1364.58"), 136458);
	assert_int_equal(pence("£1,364.58"), 136458);
	assert_int_equal(pence("1,364.5"), 136450);
	assert_int_equal(pence("  12 "), 1200);
	assert_int_equal(pence("0"), 0);
	assert_int_equal(pence("0.05"), 5);
	assert_int_equal(pence("007.10"), 710);
	assert_int_equal(pence("1,234,567.89"), 123456789);
	assert_int_equal(pence("9,999,999.99"), 999999999);
	/* Anything else is not an amount. */
	assert_int_equal(pence("10000000"), -1);          /* the limit */
	assert_int_equal(pence("-5"), -1);
	assert_int_equal(pence("12.345"), -1);
	assert_int_equal(pence("12."), -1);
	assert_int_equal(pence(".50"), -1);
	assert_int_equal(pence("abc"), -1);
	assert_int_equal(pence(""), -1);
	assert_int_equal(pence("£"), -1);
	assert_int_equal(pence("13,64.58"), -1);
	assert_int_equal(pence("1,2345"), -1);
	assert_int_equal(pence(",123"), -1);
	assert_int_equal(pence("1,234,56"), -1);
	assert_int_equal(pence("1 234"), -1);
	assert_int_equal(pence("$12"), -1);
	assert_int_equal(pence("1e3"), -1);
	assert_int_equal(pence("12.3.4"), -1);
}

static void
test_round(void **state)
{
	(void)state;
	assert_int_equal(fb_div_round(5, 2), 3);
	assert_int_equal(fb_div_round(-5, 2), -3);
	assert_int_equal(fb_div_round(7, 3), 2);
	assert_int_equal(fb_div_round(-7, 3), -2);
	assert_int_equal(fb_div_round(8, 3), 3);
	assert_int_equal(fb_div_round(-8, 3), -3);
	assert_int_equal(fb_div_round(1, -2), -1);
	assert_int_equal(fb_div_round(0, 7), 0);
}

static void
test_change(void **state)
{
	(void)state;
	/* 100 x 1861 / 10000 = 18.61 */
	assert_int_equal(fb_cost_change(10000, 11861), 1861);
	/* -150 / 12000 = -1.25% exactly */
	assert_int_equal(fb_cost_change(12000, 11850), -125);
	/* 1 / 20000 = 0.005%: an exact half, away from zero */
	assert_int_equal(fb_cost_change(20000, 20001), 1);
	assert_int_equal(fb_cost_change(20000, 19999), -1);
	/* 1 / 8000 = 0.0125%: under a half */
	assert_int_equal(fb_cost_change(8000, 8001), 1);
	assert_int_equal(fb_cost_change(0, 100), FB_COST_NO_FIGURE);
}

static void
test_months(void **state)
{
	(void)state;
	assert_int_equal(fb_cost_months(day(2024, 4, 1), day(2025, 4, 1)), 1200);
	assert_int_equal(fb_cost_months(day(2025, 4, 1), day(2025, 8, 1)), 400);
	/* 105 days x 4800 / 1461 = 344.97 */
	assert_int_equal(fb_cost_months(day(2025, 4, 1), day(2025, 7, 15)), 345);
	/* 29 days x 4800 / 1461 = 95.28: month-ends are not the same day */
	assert_int_equal(fb_cost_months(day(2024, 1, 31), day(2024, 2, 29)), 95);
}

static void
test_annualised(void **state)
{
	(void)state;
	/* the seed: 36132 x 12000 / (818748 x 4) = 132.39 */
	assert_int_equal(fb_cost_annualised(818748, 854880, day(2025, 4, 1), day(2025, 8, 1)),
			 132);
	/* 12 months back: already a yearly change */
	assert_int_equal(fb_cost_annualised(690306, 818748, day(2024, 4, 1), day(2025, 4, 1)),
			 FB_COST_NO_FIGURE);
	/* 105 days: 500 x 1000 x 1461 / (10000 x 4 x 105) = 173.93 */
	assert_int_equal(fb_cost_annualised(10000, 10500, day(2025, 4, 1), day(2025, 7, 15)),
			 174);
	/* 365 days, 1 to 31: under 365.25: 1000 x 1000 x 1461 / (10000 x 4 x 365) = 100.07 */
	assert_int_equal(fb_cost_annualised(10000, 11000, day(2024, 1, 1), day(2024, 12, 31)),
			 100);
	/* 367 days */
	assert_int_equal(fb_cost_annualised(10000, 11000, day(2024, 1, 1), day(2025, 1, 2)),
			 FB_COST_NO_FIGURE);
	assert_int_equal(fb_cost_annualised(0, 11000, day(2024, 1, 1), day(2024, 2, 1)),
			 FB_COST_NO_FIGURE);
}

static const char small[] =
	"la_code,date,placement_type,placements,average_weekly_cost,"
	"additional_support_weekly_cost\n"
	"851,2025-01-01,ifa,10,1000.00,\n"
	"867,2025-01-01,ifa,30,2000.00,100.00\n"
	"851,2025-04-01,ifa,12,1100.00,\n"
	"867,2025-04-01,ifa,30,2100.00,\n"
	"846,2025-04-01,ifa,5,900.00,\n"
	"851,2025-01-01,residential,,5000,\n"
	"867,2025-01-01,residential,2,6000,\n";

static void
read_text(struct fb_costs *c, struct fb_findings *f, const char *text, int today)
{
	fb_costs_init(c);
	fb_findings_init(f, 0);
	fb_costs_read(c, text, strlen(text), 0, today, f);
}

static void
test_region(void **state)
{
	struct fb_costs c;
	struct fb_findings f;
	struct fb_cost_table t;
	const struct fb_cost_row *r;

	(void)state;
	read_text(&c, &f, small, day(2026, 1, 1));
	assert_int_equal(c.rows_used, 7);
	assert_int_equal(f.errors + f.warnings, 0);
	fb_cost_table_build(&t, &c, &f);
	/* In the code table's order: residential: 851, 867, ALL; ifa: 846, 851 x2, 867 x2, ALL x2 */
	assert_int_equal(t.n, 10);
	assert_int_equal(t.rows[3].la_code, 846);
	assert_int_equal(t.rows[3].change, FB_COST_NO_FIGURE);
	r = &t.rows[5];   /* 851 at 2025-04-01: 10% in 3 months, 40% a year */
	assert_int_equal(r->la_code, 851);
	assert_int_equal(r->change, 1000);
	assert_int_equal(r->months, 300);
	assert_int_equal(r->annualised, 400);
	r = &t.rows[7];   /* 867: 5%, 20% a year */
	assert_int_equal(r->change, 500);
	assert_int_equal(r->annualised, 200);

	/* ALL at 2025-01-01: 851 and 867 (846 only enters later). */
	r = &t.rows[8];
	assert_int_equal(r->la_code, FB_LA_ALL);
	assert_int_equal(r->nlas, 2);
	assert_int_equal(r->average, 150000);          /* (1000 + 2000) / 2 */
	assert_int_equal(r->placements, 40);
	assert_int_equal(r->weighted, 175000);         /* (10 x 1000 + 30 x 2000) / 40 */
	assert_int_equal(r->support, 10000);           /* 867's alone */
	assert_int_equal(r->change, FB_COST_NO_FIGURE);
	assert_int_equal(r->largest, FB_COST_NO_FIGURE);

	/* ALL at 2025-04-01: 846 has no cost at 2025-01-01, so is left out. */
	r = &t.rows[9];
	assert_int_equal(r->nlas, 2);
	assert_int_equal(r->nleft, 1);
	assert_int_equal(r->left[0], 846);
	assert_int_equal(r->average, 160000);          /* (1100 + 2100) / 2 */
	assert_int_equal(r->placements, 42);
	/* (12 x 110000 + 30 x 210000) / 42 = 7620000 / 42 = 181428.57 */
	assert_int_equal(r->weighted, 181429);
	assert_int_equal(r->support, FB_MONEY_NONE);
	/* 20000 / 300000 = 6.667%; x 12 / 3 = 26.67% */
	assert_int_equal(r->change, 667);
	assert_int_equal(r->months, 300);
	assert_int_equal(r->annualised, 267);
	assert_int_equal(r->largest, 1000);
	assert_int_equal(r->largest_la, 851);
	assert_int_equal(f.count[FB_R_NOT_POOLED], 1);

	/* residential: 851 gives no placements, so no weighted mean or sum. */
	r = &t.rows[2];
	assert_int_equal(r->la_code, FB_LA_ALL);
	assert_int_equal(r->type, FB_PT_RESIDENTIAL);
	assert_int_equal(r->average, 550000);
	assert_int_equal(r->placements, -1);
	assert_int_equal(r->weighted, FB_MONEY_NONE);
	fb_cost_table_release(&t);
	fb_costs_release(&c);
	fb_findings_release(&f);
}

/* An LA leaving: it has the earlier date only. */
static void
test_leaving(void **state)
{
	static const char text[] =
		"la_code,date,placement_type,average_weekly_cost\n"
		"851,2025-01-01,all,100\n"
		"867,2025-01-01,all,300\n"
		"851,2025-02-01,all,110\n";
	struct fb_costs c;
	struct fb_findings f;
	struct fb_cost_table t;

	(void)state;
	read_text(&c, &f, text, day(2026, 1, 1));
	fb_cost_table_build(&t, &c, &f);
	assert_int_equal(t.n, 5);
	assert_int_equal(t.rows[3].average, 20000);     /* 851 and 867 at the first date */
	assert_int_equal(t.rows[4].nlas, 1);            /* 867 left */
	assert_int_equal(t.rows[4].left[0], 867);
	assert_int_equal(t.rows[4].average, 11000);
	assert_int_equal(t.rows[4].change, 1000);       /* 851 alone: 100 -> 110 */
	assert_int_equal(t.rows[4].annualised, 1200);   /* 10% x 12 / 1 */
	assert_int_equal(f.count[FB_R_NOT_POOLED], 1);
	assert_int_equal(f.items[0].line, 3);           /* 867's row */
	fb_cost_table_release(&t);
	fb_costs_release(&c);
	fb_findings_release(&f);
}

static void
test_findings(void **state)
{
	static const char text[] =
		"la_code,date,placement_type,placements,average_weekly_cost\n"
		"851,2025-01-01,fostering,,100\n"       /* 2: FB042 */
		"851,2025-01-01,all,,-5\n"              /* 3: FB043 negative */
		"851,2025-01-01,all,,abc\n"             /* 4: FB043 not a number */
		"851,2025-01-01,all,,1.005\n"           /* 5: FB043 three decimals */
		"851,2025-01-01,all,,100\n"             /* 6: used */
		"851,2025-01-01,ALL,,200\n"             /* 7: FB044, the same type */
		"867,2025-01-01,all,0,100\n"            /* 8: FB045 */
		"867,2027-01-01,all,,100\n"             /* 9: FB046, used */
		"867,2025-01-01,all,2.5,100\n"          /* 10: FB043 placements */
		"867,2025-02-30,all,,100\n"             /* 11: FB006 */
		"867,2025-01-01,all,,\n";               /* 12: FB005 */
	struct fb_costs c;
	struct fb_findings f;

	(void)state;
	read_text(&c, &f, text, day(2026, 1, 1));
	assert_int_equal(c.rows_read, 11);
	assert_int_equal(c.rows_used, 2);
	assert_int_equal(c.rows_rejected, 9);
	assert_int_equal(f.count[FB_R_UNKNOWN_PLACEMENT_TYPE], 1);
	assert_int_equal(f.count[FB_R_BAD_COST], 4);
	assert_int_equal(f.count[FB_R_DUPLICATE_COST], 1);
	assert_int_equal(f.count[FB_R_COST_NO_PLACEMENTS], 1);
	assert_int_equal(f.count[FB_R_FUTURE_COST_DATE], 1);
	assert_int_equal(f.count[FB_R_BAD_DATE], 1);
	assert_int_equal(f.count[FB_R_BLANK_REQUIRED], 1);
	for (size_t i = 0; i < f.n; i++)
		if (f.items[i].rule == FB_R_BAD_COST && f.items[i].line == 3) {
			assert_string_equal(f.items[i].column, "average_weekly_cost");
			assert_string_equal(f.items[i].value, "-5");
			assert_int_equal(f.items[i].col, 4);   /* column E */
		}
	fb_costs_release(&c);
	fb_findings_release(&f);
}

/*
 * --beds: what a filled bed is worth, worked by hand.
 * 851: residential and in-house fostering at 2025-04-01 (6000, 500) and
 *   2025-08-01 (7000, 550): the later pair, a gap of 6450.00 a week; bed
 *   records at 2025-06-30 (1 vacant) and 2025-09-30, the latest: mainstream
 *   beds H1/1 and H1/2 vacant, H2/1 filled, H4/1 unavailable, and a vacant
 *   respite bed (not mainstream): 2 vacant, 12900.00 a week.
 * 867: 6500 and 700 at 2025-08-01: 5800.00; 1 vacant bed: 5800.00.
 * 816: residential at 2025-08-01, in-house only at 2025-04-01: no date with
 *   both, so no figure, though it has a vacant bed.
 * 860: both costs but no bed records: no figure.
 * 846: bed records only (2 vacant): no costs, no figure.
 * The region: 851 and 867, 3 vacant beds, 18700.00 a week.
 */
static void
test_bed_value(void **state)
{
	static const char beds[] =
		"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason\n"
		"851,2025-06-30,H1,1,mainstream,vacant,\n"
		"851,2025-09-30,H1,1,mainstream,vacant,\n"
		"851,2025-09-30,H1,2,mainstream,vacant,\n"
		"851,2025-09-30,H2,1,mainstream,filled,\n"
		"851,2025-09-30,H4,1,mainstream,unavailable,carer_break\n"
		"851,2025-09-30,H3,1,respite,vacant,\n"
		"867,2025-09-30,K1,1,mainstream,vacant,\n"
		"816,2025-09-30,M1,1,mainstream,vacant,\n"
		"846,2025-09-30,B1,1,mainstream,vacant,\n"
		"846,2025-09-30,B1,2,mainstream,vacant,\n";
	static const char costs[] =
		"la_code,date,placement_type,average_weekly_cost\n"
		"851,2025-08-01,in_house_fostering,550.00\n"
		"851,2025-04-01,residential,6000.00\n"
		"851,2025-04-01,in_house_fostering,500.00\n"
		"851,2025-08-01,residential,7000.00\n"
		"867,2025-08-01,residential,6500.00\n"
		"867,2025-08-01,in_house_fostering,700.00\n"
		"867,2025-08-01,ifa,1200.00\n"
		"816,2025-08-01,residential,5000.00\n"
		"816,2025-04-01,in_house_fostering,450.00\n"
		"860,2025-08-01,residential,6000.00\n"
		"860,2025-08-01,in_house_fostering,600.00\n";
	struct fb_run run;
	struct fb_memory_source m;
	struct fb_source src;
	struct fb_costs c;
	struct fb_findings f;
	struct fb_bed_value v;
	const struct fb_bed_value_row *r;

	(void)state;
	fb_run_init(&run, day(2026, 1, 1), 0);
	fb_source_memory(&src, &m, beds, strlen(beds));
	assert_int_equal(fb_run_read_source(&run, "beds.csv", &src, NULL), 0);
	fb_run_end(&run);
	assert_int_equal(run.findings.errors, 0);
	read_text(&c, &f, costs, day(2026, 1, 1));
	assert_int_equal(c.rows_used, 11);
	fb_bed_value_build(&v, &c, &run.tally);

	assert_int_equal(v.n, 6);   /* 816, 846, 851, 860, 867, ALL */
	r = &v.rows[0];
	assert_int_equal(r->la_code, 816);
	assert_int_equal(r->cost_date, FB_NO_DATE);
	assert_int_equal(r->vacant, 1);
	assert_int_equal(r->bound, FB_MONEY_NONE);
	assert_non_null(r->note);
	r = &v.rows[1];
	assert_int_equal(r->la_code, 846);
	assert_int_equal(r->vacant, 2);
	assert_int_equal(r->bound, FB_MONEY_NONE);
	r = &v.rows[2];
	assert_int_equal(r->la_code, 851);
	assert_int_equal(r->cost_date, day(2025, 8, 1));
	assert_int_equal(r->residential, 700000);
	assert_int_equal(r->in_house, 55000);
	assert_int_equal(r->gap, 645000);
	assert_int_equal(r->snapshot, day(2025, 9, 30));
	assert_int_equal(r->vacant, 2);
	assert_int_equal(r->bound, 1290000);
	assert_null(r->note);
	r = &v.rows[3];
	assert_int_equal(r->la_code, 860);
	assert_int_equal(r->gap, 540000);
	assert_int_equal(r->vacant, -1);
	assert_int_equal(r->bound, FB_MONEY_NONE);
	assert_string_equal(r->note, "no bed records");
	r = &v.rows[4];
	assert_int_equal(r->la_code, 867);
	assert_int_equal(r->gap, 580000);
	assert_int_equal(r->vacant, 1);
	assert_int_equal(r->bound, 580000);
	r = &v.rows[5];
	assert_int_equal(r->la_code, FB_LA_ALL);
	assert_int_equal(r->nlas, 2);
	assert_int_equal(r->vacant, 3);
	assert_int_equal(r->bound, 1870000);
	fb_bed_value_release(&v);
	fb_costs_release(&c);
	fb_findings_release(&f);
	fb_run_release(&run);
}

/* The region's own figures (spec/placement-costs.md's worked example). */
static void
test_seed(void **state)
{
	FILE *in = fopen(seed_path, "rb");
	struct fb_costs c;
	struct fb_findings f;
	struct fb_cost_table t;
	char *data;
	size_t len;
	const struct fb_cost_row *a = NULL;

	(void)state;
	assert_non_null(in);
	assert_int_equal(fb_read_all(in, &data, &len), 0);
	fclose(in);
	fb_costs_init(&c);
	fb_findings_init(&f, 0);
	fb_costs_read(&c, data, len, 0, day(2026, 1, 1), &f);
	free(data);
	assert_int_equal(c.rows_used, 36);
	fb_cost_table_build(&t, &c, &f);
	assert_int_equal(f.errors + f.warnings, 0);
	for (size_t i = 0; i < t.n && !a; i++)
		if (t.rows[i].la_code == FB_LA_ALL && t.rows[i].type == FB_PT_ALL)
			a = &t.rows[i];
	assert_non_null(a);
	assert_int_equal(a[0].average, 115051);        /* 690306 / 6 */
	assert_int_equal(a[1].average, 136458);        /* 818748 / 6 */
	assert_int_equal(a[1].change, 1861);           /* 128442 / 690306 = 18.6067% */
	assert_int_equal(a[1].annualised, FB_COST_NO_FIGURE);
	assert_int_equal(a[1].largest, 4118);          /* 851: 420 / 1020 = 41.176% */
	assert_int_equal(a[1].largest_la, 851);
	assert_int_equal(a[2].average, 142480);        /* 854880 / 6 */
	assert_int_equal(a[2].change, 441);            /* 36132 / 818748 = 4.4131% */
	assert_int_equal(a[2].months, 400);
	assert_int_equal(a[2].annualised, 132);        /* x 12 / 4 = 13.239% */
	/* residential: 6396.23 -> 6809.72 (6.46, largest 36.00) -> 7254.45 (6.53, 19.6) */
	a = &t.rows[t.n - 3];
	assert_int_equal(a[0].type, FB_PT_RESIDENTIAL);
	assert_int_equal(a[0].average, 639623);
	assert_int_equal(a[1].average, 680972);
	assert_int_equal(a[1].change, 646);
	assert_int_equal(a[1].largest, 3600);
	assert_int_equal(a[2].average, 725445);
	assert_int_equal(a[2].change, 653);
	assert_int_equal(a[2].annualised, 196);
	fb_cost_table_release(&t);
	fb_costs_release(&c);
	fb_findings_release(&f);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_annualised),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_leaving),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_bed_value),
	};

	if (argc < 2) {
		fprintf(stderr, "usage: test-costs costs-seed.csv\n");
		return 2;
	}
	seed_path = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
