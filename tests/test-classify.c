/*
 * test-classify.c: the regional category of every bed_use and status, as
 * spec/bed-records.md defines it: a mainstream bed takes its status, a
 * respite or emergency bed is respite_emergency whatever its status.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/classify.h"
#include "fosterbeds/tally.h"

/* Each of the nine combinations, by hand. */
static void
test_every_combination(void **state)
{
	static const struct {
		int bed_use, status;
		enum fb_category want;
		const char *name;
	} cases[] = {
		{ FB_USE_MAINSTREAM, FB_ST_FILLED, FB_CAT_FILLED, "filled" },
		{ FB_USE_MAINSTREAM, FB_ST_VACANT, FB_CAT_VACANT, "vacant" },
		{ FB_USE_MAINSTREAM, FB_ST_UNAVAILABLE, FB_CAT_UNAVAILABLE, "unavailable" },
		{ FB_USE_RESPITE, FB_ST_FILLED, FB_CAT_RESPITE_EMERGENCY, "respite_emergency" },
		{ FB_USE_RESPITE, FB_ST_VACANT, FB_CAT_RESPITE_EMERGENCY, "respite_emergency" },
		{ FB_USE_RESPITE, FB_ST_UNAVAILABLE, FB_CAT_RESPITE_EMERGENCY, "respite_emergency" },
		{ FB_USE_EMERGENCY, FB_ST_FILLED, FB_CAT_RESPITE_EMERGENCY, "respite_emergency" },
		{ FB_USE_EMERGENCY, FB_ST_VACANT, FB_CAT_RESPITE_EMERGENCY, "respite_emergency" },
		{ FB_USE_EMERGENCY, FB_ST_UNAVAILABLE, FB_CAT_RESPITE_EMERGENCY,
		  "respite_emergency" },
	};
	int seen[FB_USE_COUNT][FB_ST_COUNT] = { { 0 } };
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum fb_category got = fb_classify(cases[i].bed_use, cases[i].status);

		if (got != cases[i].want)
			fail_msg("%s %s: got %s, want %s",
				 fb_fields[FB_F_BED_USE].codes[cases[i].bed_use].name,
				 fb_fields[FB_F_STATUS].codes[cases[i].status].name,
				 fb_categories[got].name, cases[i].name);
		/* The category's name is the spec's. */
		assert_string_equal(fb_categories[got].name, cases[i].name);
		seen[cases[i].bed_use][cases[i].status]++;
	}
	/* The table above is every combination, once each. */
	for (int u = 0; u < FB_USE_COUNT; u++)
		for (int st = 0; st < FB_ST_COUNT; st++)
			assert_int_equal(seen[u][st], 1);
}

/*
 * The category is an overlay: a bed counts once among the categories, and
 * the "including" counts still see a respite bed under its status.  Six beds
 * by hand: mainstream filled, filled, vacant, unavailable; respite filled;
 * emergency vacant.  Categories: filled 2, vacant 1, unavailable 1,
 * respite_emergency 2 (sum 6, the approved beds); including: filled 3,
 * vacant 2, unavailable 1; excluding (mainstream only): 2, 1, 1 of 4.
 */
static void
test_overlay(void **state)
{
	static const int beds[][2] = {
		{ FB_USE_MAINSTREAM, FB_ST_FILLED }, { FB_USE_MAINSTREAM, FB_ST_FILLED },
		{ FB_USE_MAINSTREAM, FB_ST_VACANT }, { FB_USE_MAINSTREAM, FB_ST_UNAVAILABLE },
		{ FB_USE_RESPITE, FB_ST_FILLED }, { FB_USE_EMERGENCY, FB_ST_VACANT },
	};
	long by_cat[FB_CAT_COUNT] = { 0 };
	struct fb_counts c;
	(void)state;

	memset(&c, 0, sizeof(c));
	for (size_t i = 0; i < sizeof(beds) / sizeof(beds[0]); i++) {
		by_cat[fb_classify(beds[i][0], beds[i][1])]++;
		fb_counts_add(&c, &(struct fb_tally_bed){ .bed_use = beds[i][0],
							  .status = beds[i][1],
							  .ofsted_status = FB_NONE,
							  .unavailable_reason = FB_NONE,
							  .vacancy_reason = FB_NONE });
	}
	assert_int_equal(by_cat[FB_CAT_FILLED], 2);
	assert_int_equal(by_cat[FB_CAT_VACANT], 1);
	assert_int_equal(by_cat[FB_CAT_UNAVAILABLE], 1);
	assert_int_equal(by_cat[FB_CAT_RESPITE_EMERGENCY], 2);
	assert_int_equal(c.approved, 6);
	assert_int_equal(c.filled, 3);
	assert_int_equal(c.vacant, 2);
	assert_int_equal(c.unavailable, 1);
	/* The categories are the excluding counts, plus the respite and emergency beds. */
	assert_int_equal(by_cat[FB_CAT_FILLED], c.ms_filled);
	assert_int_equal(by_cat[FB_CAT_VACANT], c.ms_vacant);
	assert_int_equal(by_cat[FB_CAT_UNAVAILABLE], c.ms_unavailable);
	assert_int_equal(by_cat[FB_CAT_RESPITE_EMERGENCY], c.respite_emergency);
	assert_int_equal(c.ms_approved, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_combination),
		cmocka_unit_test(test_overlay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
