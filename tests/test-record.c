/* test-record.c: the one-row rules, and once-per-file warnings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/record.h"

#define TODAY fb_date_from_civil(2026, 11, 23)

struct rec {
	const char *v[FB_F_COUNT];
};

static int
check(struct fb_checker *c, long line, const struct rec *r, struct fb_bed *bed)
{
	struct fb_row row;

	memset(&row, 0, sizeof(row));
	row.line = line;
	row.reject = FB_NONE;
	for (int f = 0; f < FB_F_COUNT; f++) {
		row.cell[f] = r->v[f];
		row.len[f] = r->v[f] ? strlen(r->v[f]) : 0;
	}
	return fb_checker_check(c, &row, bed);
}

#define REC(...) (&(struct rec){ { __VA_ARGS__ } })
/* la_code, date, household, bed, bed_use, status, unav_reason, vac_reason, child_ref, ofsted */

static void
test_good_rows(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	assert_int_equal(check(&c, 2, REC("851", "2026-03-31", " H1 ", "1", "Mainstream",
					  "FILLED", "", "", "C1", "vacant"), &bed), FB_NONE);
	assert_int_equal(bed.la_code, 851);
	assert_int_equal(bed.date, fb_date_from_civil(2026, 3, 31));
	assert_int_equal(bed.household_len, 2);   /* trimmed */
	assert_int_equal(bed.status, FB_ST_FILLED);
	assert_int_equal(bed.ofsted_status, FB_OS_VACANT);
	assert_int_equal(bed.category, FB_CAT_FILLED);
	assert_true(bed.has_child_ref);
	assert_int_equal(check(&c, 3, REC("851", "2026-03-31", "H2", "1", "respite",
					  "unavailable", "carer_break", NULL, NULL, NULL), &bed),
			 FB_NONE);
	assert_int_equal(bed.category, FB_CAT_RESPITE_EMERGENCY);
	assert_int_equal(bed.unavailable_reason, FB_UR_CARER_BREAK);
	fb_checker_file_end(&c);
	assert_int_equal(f.errors + f.warnings, 0);
	fb_findings_release(&f);
}

static void
test_each_rule(void **state)
{
	static const struct {
		struct rec r;
		int reject;        /* FB_NONE or the first error */
		enum fb_rule rule; /* a finding that must be there */
	} cases[] = {
		{ { { "", "2026-03-31", "H", "1", "mainstream", "filled" } }, FB_R_BLANK_REQUIRED, FB_R_BLANK_REQUIRED },
		{ { { "851", "2026-03-31", "  ", "1", "mainstream", "filled" } }, FB_R_BLANK_REQUIRED, FB_R_BLANK_REQUIRED },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "Vacnt" } }, FB_R_UNKNOWN_CODE, FB_R_UNKNOWN_CODE },
		{ { { "851", "2026-03-31", "H", "1", "longterm", "filled" } }, FB_R_UNKNOWN_CODE, FB_R_UNKNOWN_CODE },
		/* An optional column's unknown code is a warning: the bed is used. */
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "vacant", NULL, "distance" } }, FB_NONE, FB_R_UNKNOWN_OPTIONAL_CODE },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "unavailable", "Sibling only" } }, FB_NONE, FB_R_UNKNOWN_OPTIONAL_CODE },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "filled", NULL, NULL, NULL, "counted" } }, FB_NONE, FB_R_UNKNOWN_OPTIONAL_CODE },
		{ { { "851", "2026-02-30", "H", "1", "mainstream", "filled" } }, FB_R_BAD_DATE, FB_R_BAD_DATE },
		{ { { "851", "2031-03-31", "H", "1", "mainstream", "filled" } }, FB_NONE, FB_R_FUTURE_DATE },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "unavailable", "" } }, FB_R_NO_UNAVAILABLE_REASON, FB_R_NO_UNAVAILABLE_REASON },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "filled", "carer_break" } }, FB_NONE, FB_R_REASON_WRONG_STATUS },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "filled", NULL, "education" } }, FB_NONE, FB_R_REASON_WRONG_STATUS },
		{ { { "851", "2026-03-31", "H", "1", "mainstream", "vacant", NULL, NULL, "C9" } }, FB_NONE, FB_R_CHILD_REF_NOT_FILLED },
		{ { { "Kent", "2026-03-31", "H", "1", "mainstream", "filled" } }, FB_R_BAD_LA_CODE, FB_R_BAD_LA_CODE },
		{ { { "85", "2026-03-31", "H", "1", "mainstream", "filled" } }, FB_R_BAD_LA_CODE, FB_R_BAD_LA_CODE },
		{ { { "999", "2026-03-31", "H", "1", "mainstream", "filled" } }, FB_NONE, FB_R_UNKNOWN_LA_CODE },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fb_findings f;
		struct fb_checker c;
		struct fb_bed bed;

		fb_findings_init(&f, 0);
		fb_checker_init(&c, TODAY, &f);
		assert_int_equal(check(&c, 7, &cases[i].r, &bed), cases[i].reject);
		fb_checker_file_end(&c);
		if (f.count[cases[i].rule] != 1)
			fail_msg("case %zu: no finding %s", i, fb_rules[cases[i].rule].code);
		assert_int_equal(f.items[0].line, 7);
		fb_findings_release(&f);
	}
}

static void
test_unknown_reason_is_not_also_missing(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	assert_int_equal(check(&c, 2, REC("851", "2026-03-31", "H", "1", "mainstream",
					  "unavailable", "holiday"), &bed), FB_NONE);
	assert_int_equal(f.count[FB_R_UNKNOWN_OPTIONAL_CODE], 1);
	assert_int_equal(f.count[FB_R_NO_UNAVAILABLE_REASON], 0);
	assert_int_equal(f.errors, 0);
	assert_string_equal(f.items[0].value, "holiday");
	/* Counted in its status, with the reason not recognised. */
	assert_int_equal(bed.status, FB_ST_UNAVAILABLE);
	assert_int_equal(bed.category, FB_CAT_UNAVAILABLE);
	assert_int_equal(bed.unavailable_reason, FB_UNRECOGNISED);
	fb_findings_release(&f);
}

/* No unavailable_reason column: each unavailable bed rejected, said once at the header. */
static void
test_missing_reason_column_said_once(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	assert_int_equal(check(&c, 2, REC("851", "2026-03-31", "H", "1", "mainstream", "filled"),
			       &bed), FB_NONE);
	assert_int_equal(check(&c, 3, REC("851", "2026-03-31", "H", "2", "mainstream",
					  "unavailable"), &bed), FB_R_NO_UNAVAILABLE_REASON);
	assert_int_equal(check(&c, 4, REC("851", "2026-03-31", "H", "3", "mainstream",
					  "unavailable"), &bed), FB_R_NO_UNAVAILABLE_REASON);
	assert_int_equal(f.n, 0);
	fb_checker_file_end(&c);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.count[FB_R_NO_UNAVAILABLE_REASON], 1);
	assert_int_equal(f.items[0].line, 1);
	assert_non_null(strstr(f.items[0].message, "the 2 unavailable beds of this file (the "
					   "first on line 3)"));
	/* The count is per file. */
	assert_int_equal(check(&c, 2, REC("851", "2026-03-31", "H", "4", "mainstream",
					  "unavailable"), &bed), FB_R_NO_UNAVAILABLE_REASON);
	fb_checker_file_end(&c);
	assert_int_equal(f.count[FB_R_NO_UNAVAILABLE_REASON], 2);
	assert_non_null(strstr(f.items[1].message, "the 1 unavailable bed of this file (the "
					   "first on line 2) cannot be used and is counted"));
	fb_findings_release(&f);
}

/* An unrecognised value in each optional coded column: used, and where it goes. */
static void
test_unrecognised_optional_codes(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	assert_int_equal(check(&c, 2, REC("851", "2026-03-31", "H", "1", "respite", "vacant",
					  NULL, "Logistic", NULL, "Vacnt"), &bed), FB_NONE);
	assert_int_equal(f.count[FB_R_UNKNOWN_OPTIONAL_CODE], 2);
	assert_int_equal(f.errors, 0);
	assert_int_equal(bed.category, FB_CAT_RESPITE_EMERGENCY);
	assert_int_equal(bed.vacancy_reason, FB_UNRECOGNISED);
	/* reconcile's bridge takes it as not recorded. */
	assert_int_equal(bed.ofsted_status, FB_NONE);
	assert_non_null(strstr(f.items[0].message, "did you mean 'logistics'?"));
	assert_non_null(strstr(f.items[1].message, "did you mean 'vacant'?"));
	/* A reason the status does not take: only the one warning, no FB010. */
	assert_int_equal(check(&c, 3, REC("851", "2026-03-31", "H", "2", "mainstream", "filled",
					  "holiday"), &bed), FB_NONE);
	assert_int_equal(f.count[FB_R_REASON_WRONG_STATUS], 0);
	assert_int_equal(f.count[FB_R_UNKNOWN_OPTIONAL_CODE], 3);
	assert_int_equal(bed.unavailable_reason, FB_NONE);
	/* Required code columns stay errors, with the suggestion. */
	assert_int_equal(check(&c, 4, REC("851", "2026-03-31", "H", "3", "Main stream", " Filed"),
			       &bed), FB_R_UNKNOWN_CODE);
	assert_int_equal(f.count[FB_R_UNKNOWN_CODE], 2);
	assert_non_null(strstr(f.items[3].message, "did you mean 'mainstream'?"));
	assert_non_null(strstr(f.items[4].message, "did you mean 'filled'?"));
	fb_findings_release(&f);
}

static void
test_child_ref_never_kept(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	check(&c, 2, REC("851", "2026-03-31", "H", "1", "mainstream", "vacant", NULL, NULL,
			 "SECRET-REF"), &bed);
	assert_int_equal(f.n, 1);
	assert_null(f.items[0].value);
	assert_null(strstr(f.items[0].message, "SECRET"));
	/* Even a caller that passes the value cannot make the list keep it. */
	fb_findings_add(&f, FB_R_INVALID_UTF8, 0, 3, "child_ref", "SECRET-REF", "x");
	assert_null(f.items[1].value);
	fb_findings_release(&f);
}

static void
test_once_per_file(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	for (long line = 2; line < 6; line++) {
		check(&c, line, REC("999", "31/03/2026", "H", "1", "mainstream", "filled"), &bed);
		check(&c, line, REC("851", "2031-03-31", "H", "1", "mainstream", "filled"), &bed);
	}
	fb_checker_file_end(&c);
	assert_int_equal(f.count[FB_R_UNKNOWN_LA_CODE], 1);
	assert_int_equal(f.count[FB_R_FUTURE_DATE], 1);
	assert_int_equal(f.count[FB_R_DMY_DATE], 1);
	assert_int_equal(f.items[2].line, 2);      /* at the first DD/MM/YYYY row */
	assert_non_null(strstr(f.items[2].message, "4 rows"));
	/* A new file warns again. */
	check(&c, 2, REC("999", "31/03/2026", "H", "1", "mainstream", "filled"), &bed);
	fb_checker_file_end(&c);
	assert_int_equal(f.count[FB_R_UNKNOWN_LA_CODE], 2);
	assert_int_equal(f.count[FB_R_DMY_DATE], 2);
	fb_findings_release(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_rows),
		cmocka_unit_test(test_each_rule),
		cmocka_unit_test(test_unknown_reason_is_not_also_missing),
		cmocka_unit_test(test_unrecognised_optional_codes),
		cmocka_unit_test(test_missing_reason_column_said_once),
		cmocka_unit_test(test_child_ref_never_kept),
		cmocka_unit_test(test_once_per_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
