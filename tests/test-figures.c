/* test-figures.c: rates from integer counts, rounded half away from zero. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fosterbeds/figures.h"

static void
test_pct_table(void **state)
{
	static const struct { long num, den, tenths; } cases[] = {
		{ 53, 80, 663 },   /* 66.25 -> 66.3, where %.1f of 66.25 gives 66.2 */
		{ 1, 16, 63 },     /* 6.25 -> 6.3 */
		{ 1, 8, 125 },     /* 12.5 exactly */
		{ 2, 3, 667 },     /* 66.666... */
		{ 1, 3, 333 },
		{ 6, 11, 545 },    /* 54.5454... */
		{ 3, 11, 273 },    /* 27.2727... */
		{ 0, 5, 0 },
		{ 5, 5, 1000 },
		{ 1, 2000, 1 },    /* 0.05 -> 0.1 */
		{ 1, 2001, 0 },    /* 0.04997... -> 0.0 */
		{ 7, 0, FB_PCT_NONE },
		{ 0, 0, FB_PCT_NONE },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(fb_pct_tenths(cases[i].num, cases[i].den), cases[i].tenths);
}

static void
test_pp_diff(void **state)
{
	(void)state;
	/* 1/8 - 1/4 = -12.5 points */
	assert_int_equal(fb_pp_diff_tenths(1, 8, 1, 4), -125);
	/* 1/400 - 2/400 = -0.25 points -> -0.3 (away from zero) */
	assert_int_equal(fb_pp_diff_tenths(1, 400, 2, 400), -3);
	assert_int_equal(fb_pp_diff_tenths(2, 400, 1, 400), 3);
	/* From exact fractions, not rounded rates: 2/3 - 1/3 = 33.33.. -> 33.3 */
	assert_int_equal(fb_pp_diff_tenths(2, 3, 1, 3), 333);
	assert_int_equal(fb_pp_diff_tenths(1, 0, 1, 3), FB_PCT_NONE);
	assert_int_equal(fb_pp_diff_tenths(1, 3, 1, 0), FB_PCT_NONE);
}

static void
test_format(void **state)
{
	char buf[FB_PCT_BUF];
	(void)state;

	assert_string_equal(fb_pct_format(663, buf), "66.3");
	assert_string_equal(fb_pct_format(0, buf), "0.0");
	assert_string_equal(fb_pct_format(1000, buf), "100.0");
	assert_string_equal(fb_pct_format(5, buf), "0.5");
	assert_string_equal(fb_pct_format(-3, buf), "-0.3");
	assert_string_equal(fb_pct_format(-125, buf), "-12.5");
	assert_string_equal(fb_pct_format(FB_PCT_NONE, buf), "");
}

static void
test_rates(void **state)
{
	/* LA 851 of tests/fixtures/small.csv, counted by hand. */
	struct fb_counts c = { .approved = 8, .filled = 4, .vacant = 2, .unavailable = 2,
			       .respite_emergency = 3, .ms_approved = 5, .ms_filled = 3,
			       .ms_vacant = 1, .ms_unavailable = 1 };
	struct fb_counts none = { 0 };
	struct fb_rates r;
	(void)state;

	fb_rates_compute(&r, &c);
	assert_int_equal(r.utilisation_incl, 500);
	assert_int_equal(r.utilisation_excl, 600);
	assert_int_equal(r.vacant, 250);
	assert_int_equal(r.unavailable, 250);
	fb_rates_compute(&r, &none);
	assert_int_equal(r.utilisation_incl, FB_PCT_NONE);
	assert_int_equal(r.utilisation_excl, FB_PCT_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct_table),
		cmocka_unit_test(test_pp_diff),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_rates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
