/*
 * test-filter.c: --region and --la as filters: what they keep, the names
 * they give pooled rows, their refusals, and a run's accounting of the rows
 * they set aside.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/host.h"
#include "fosterbeds/filter.h"
#include "fosterbeds/la.h"
#include "fosterbeds/run.h"

static void
test_region_names(void **state)
{
	static const struct {
		const char *typed, *region;
	} cases[] = {
		{ "South East", "South East" },
		{ "south east", "South East" },
		{ "  SOUTH   EAST ", "South East" },
		{ "Yorkshire & the Humber", "Yorkshire and The Humber" },
		{ "London", "London" },
		/* No prefixes, no other spellings: each would be a guess. */
		{ "South", NULL },
		{ "Kent", NULL },
		{ "", NULL },
		{ "South East England", NULL },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = fb_la_region_by_name(cases[i].typed);

		if (cases[i].region ? !got || strcmp(got, cases[i].region) != 0 : got != NULL)
			fail_msg("case %zu '%s': got '%s'", i, cases[i].typed, got ? got : "NULL");
	}
}

static void
test_region_keeps(void **state)
{
	struct fb_filter f;
	char why[512], name[128], what[64];
	(void)state;

	fb_filter_init(&f);
	assert_true(fb_filter_keeps(&f, 202));
	assert_null(fb_filter_name(&f, name, sizeof(name)));
	assert_int_equal(fb_filter_set_region(&f, "south east", why, sizeof(why)), 0);
	assert_true(fb_filter_keeps(&f, 851));     /* Portsmouth */
	assert_true(fb_filter_keeps(&f, 886));     /* Kent */
	assert_false(fb_filter_keeps(&f, 202));    /* Camden, London */
	assert_false(fb_filter_keeps(&f, 999));    /* no LA */
	assert_false(fb_filter_keeps(&f, -1));
	assert_string_equal(fb_filter_name(&f, name, sizeof(name)), "South East");
	assert_string_equal(fb_filter_describe(&f, what, sizeof(what)), "--region \"South East\"");
}

static void
test_region_refused(void **state)
{
	static const struct {
		const char *typed, *why;
	} cases[] = {
		{ "Kent", "'Kent' is an LA, not a region: give --la 886 for Kent alone, or "
			  "--region \"South East\" for its region" },
		{ "South", "unknown region 'South'; did you mean \"South East\" or \"South West\"?" },
		{ "Londn", "unknown region 'Londn'; did you mean \"London\"?" },
		{ "Wessex", "unknown region 'Wessex'; use one of Ofsted's nine: North East, North "
			    "West, Yorkshire and The Humber, East Midlands, West Midlands, East "
			    "of England, London, South East, South West" },
	};
	struct fb_filter f;
	char why[512];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fb_filter_init(&f);
		assert_int_equal(fb_filter_set_region(&f, cases[i].typed, why, sizeof(why)), -1);
		assert_string_equal(why, cases[i].why);
		assert_false(f.active);
	}
}

static void
test_las(void **state)
{
	static const struct {
		const char *typed;
		size_t nla;
		const char *name, *what;
	} cases[] = {
		{ "851", 1, "Portsmouth", "--la 851" },
		{ " 851 , 867", 2, "Portsmouth and Bracknell Forest", "--la 851,867" },
		/* A repeat counts once; names go in code order. */
		{ "867,851,867", 2, "Portsmouth and Bracknell Forest", "--la 851,867" },
		{ "202,851,867", 3, "Camden, Portsmouth and Bracknell Forest", "--la 202,851,867" },
		{ "202,213,851,867", 4, "4 chosen LAs", "--la 202,213,851,867" },
		/* A former LA is an LA: older data uses its code. */
		{ "835", 1, "Dorset", "--la 835" },
	};
	struct fb_filter f;
	char why[512], name[128], what[64];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fb_filter_init(&f);
		assert_int_equal(fb_filter_set_las(&f, cases[i].typed, why, sizeof(why)), 0);
		assert_int_equal(f.nla, cases[i].nla);
		assert_null(f.region);
		assert_string_equal(fb_filter_name(&f, name, sizeof(name)), cases[i].name);
		assert_string_equal(fb_filter_describe(&f, what, sizeof(what)), cases[i].what);
	}
	/* The last case's filter: Dorset (former) alone. */
	assert_true(fb_filter_keeps(&f, 835));
	assert_false(fb_filter_keeps(&f, 838));
}

static void
test_las_refused(void **state)
{
	static const struct {
		const char *typed, *why;
	} cases[] = {
		{ "Medway", "--la takes DfE LA codes, not names: give 887 for Medway" },
		{ "853", "no LA has the code '853' (in --la); did you mean 852 (Southampton), "
			 "851 (Portsmouth), 855 (Leicestershire)?" },
		{ "85", "no LA has the code '85' (in --la); LA codes are DfE's three-digit "
			"codes, e.g. 851 for Portsmouth" },
		/* A code is three digits, as in the data (la_code '0851' is FB017). */
		{ "0851", "no LA has the code '0851' (in --la); LA codes are DfE's three-digit "
			  "codes, e.g. 851 for Portsmouth" },
		{ "1851", "no LA has the code '1851' (in --la); LA codes are DfE's three-digit "
			  "codes, e.g. 851 for Portsmouth" },
		{ "851,", "--la '851,' has an empty item; give DfE LA codes separated by "
			  "commas, e.g. 851,867" },
		{ "-851", "'-851' in --la is not an LA code; give DfE three-digit codes, e.g. "
			  "851 for Portsmouth" },
		{ "851;867", "'851;867' in --la is not an LA code; give DfE three-digit codes, "
			     "e.g. 851 for Portsmouth" },
	};
	struct fb_filter f;
	char why[512];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* A refused list leaves the filter as it was. */
		fb_filter_init(&f);
		assert_int_equal(fb_filter_set_las(&f, cases[i].typed, why, sizeof(why)), -1);
		assert_string_equal(why, cases[i].why);
		assert_false(f.active);
	}
}

#define HDR "la_code,snapshot_date,household_id,bed_id,bed_use,status\n"

/* A run's rows, by hand: 2 of 851 (one rejected), 1 of 867, 1 of Camden, 1 unreadable code. */
static void
test_run_accounting(void **state)
{
	static const char text[] = HDR
		"851,2026-03-31,H1,1,mainstream,filled\n"
		"851,2026-03-31,H1,2,mainstream,Vacnt\n"
		"867,2026-03-31,B1,1,mainstream,vacant\n"
		"202,2026-03-31,L1,1,mainstream,vacant\n"
		"85x,2026-03-31,X1,1,mainstream,vacant\n";
	struct fb_filter f;
	struct fb_run run;
	char why[256];
	long read, used, rejected;
	FILE *in = fmemopen((void *)text, strlen(text), "rb");
	(void)state;

	assert_non_null(in);
	fb_filter_init(&f);
	assert_int_equal(fb_filter_set_las(&f, "851", why, sizeof(why)), 0);
	fb_run_init(&run, 20000, 0);
	fb_run_set_filter(&run, &f);
	assert_int_equal(fb_run_read(&run, "t.csv", in), 0);
	fclose(in);
	fb_run_end(&run);
	fb_run_totals(&run, &read, &used, &rejected);
	assert_int_equal(read, 5);
	assert_int_equal(used, 1);
	assert_int_equal(rejected, 2);    /* Vacnt, and 85x, whose LA is not known */
	assert_int_equal(fb_run_outside_filter(&run), 2);
	assert_int_equal(run.inputs[0].rows_outside_filter, 2);
	assert_true(run.la_outside[867] && run.la_outside[202] && !run.la_outside[851]);
	/* Findings are only of rows inside: none of 867's or Camden's. */
	assert_int_equal(run.findings.errors, 2);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_region_names),
		cmocka_unit_test(test_region_keeps),
		cmocka_unit_test(test_region_refused),
		cmocka_unit_test(test_las),
		cmocka_unit_test(test_las_refused),
		cmocka_unit_test(test_run_accounting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
