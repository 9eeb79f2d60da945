/* test-record.c: the one-row rules, and once-per-file warnings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/record.h"

#define TODAY fb_date_from_civil(2026, 11, 23)

struct rec {
	const char *v[FB_F_COUNT];
};

/* Check the row r, on line of file, into *bed. */
static int
check_in(struct fb_checker *c, int file, long line, const struct rec *r, struct fb_bed *bed)
{
	struct fb_row row;

	memset(&row, 0, sizeof(row));
	row.file = file;
	row.line = line;
	row.reject = FB_NONE;
	for (int f = 0; f < FB_F_COUNT; f++) {
		row.cell[f] = r->v[f];
		row.len[f] = r->v[f] ? strlen(r->v[f]) : 0;
	}
	return fb_checker_check(c, &row, bed);
}

static int
check(struct fb_checker *c, long line, const struct rec *r, struct fb_bed *bed)
{
	return check_in(c, 0, line, r, bed);
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

/*
 * Dates and LA codes read from the checker's memos are warned about as if
 * read afresh: every DD/MM/YYYY row counted, the same day in ISO form not,
 * a future date and an unknown LA code warned once in each file even when
 * the memo already holds them from the file before.
 */
static void
test_memo_once_per_file(void **state)
{
	static const char *const file1[] = { "31/03/2026", "2026-03-31", "31/03/2026",
		"31/03/2026", "2031-03-31", "2031-03-31", " 31/03/2026" };
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	for (int i = 0; i < 7; i++) {
		assert_int_equal(check_in(&c, 0, 2 + i, REC("999", file1[i], "H", "1",
							   "mainstream", "filled"), &bed), FB_NONE);
		assert_int_equal(bed.date, i == 4 || i == 5 ? fb_date_from_civil(2031, 3, 31)
				 : fb_date_from_civil(2026, 3, 31));
	}
	fb_checker_file_end(&c);
	assert_int_equal(f.n, 3);
	assert_int_equal(f.items[0].rule, FB_R_UNKNOWN_LA_CODE);
	assert_int_equal(f.items[0].line, 2);
	assert_int_equal(f.items[1].rule, FB_R_FUTURE_DATE);
	assert_int_equal(f.items[1].line, 6);
	assert_int_equal(f.items[2].rule, FB_R_DMY_DATE);
	assert_int_equal(f.items[2].line, 2);
	assert_string_equal(f.items[2].value, "31/03/2026");
	assert_non_null(strstr(f.items[2].message, "4 rows of this file use that form"));
	/* File 2 starts on the memo's future date and LA: both warned again. */
	check_in(&c, 1, 2, REC("999", "2031-03-31", "H", "1", "mainstream", "filled"), &bed);
	check_in(&c, 1, 3, REC("999", "2031-03-31", "H", "2", "mainstream", "filled"), &bed);
	check_in(&c, 1, 4, REC("851", "31/03/2026", "H", "3", "mainstream", "filled"), &bed);
	fb_checker_file_end(&c);
	assert_int_equal(f.n, 6);
	assert_int_equal(f.items[3].rule, FB_R_UNKNOWN_LA_CODE);
	assert_int_equal(f.items[3].file, 1);
	assert_int_equal(f.items[3].line, 2);
	assert_int_equal(f.items[4].rule, FB_R_FUTURE_DATE);
	assert_int_equal(f.items[4].file, 1);
	assert_int_equal(f.items[4].line, 2);
	assert_int_equal(f.items[5].rule, FB_R_DMY_DATE);
	assert_int_equal(f.items[5].line, 4);
	assert_non_null(strstr(f.items[5].message, "1 row of this file uses that form"));
	/* File 3's first DD/MM/YYYY row is read from the memo: still its first. */
	check_in(&c, 2, 2, REC("851", "31/03/2026", "H", "1", "mainstream", "filled"), &bed);
	fb_checker_file_end(&c);
	assert_int_equal(f.n, 7);
	assert_int_equal(f.items[6].rule, FB_R_DMY_DATE);
	assert_int_equal(f.items[6].file, 2);
	assert_int_equal(f.items[6].line, 2);
	assert_string_equal(f.items[6].value, "31/03/2026");
	fb_findings_release(&f);
}

/* Codes in odd case and with spaces: read as their codes, as written or not. */
static void
test_codes_as_written_or_not(void **state)
{
	struct fb_findings f;
	struct fb_checker c;
	struct fb_bed bed;
	struct fb_row row;
	(void)state;

	fb_findings_init(&f, 0);
	fb_checker_init(&c, TODAY, &f);
	assert_int_equal(check(&c, 2, REC("851", "2026-03-31", "H", "1", " RESPITE\t",
					  "Unavailable ", "\tCarer_Break", NULL, NULL,
					  "  not_COUNTED"), &bed), FB_NONE);
	assert_int_equal(bed.bed_use, FB_USE_RESPITE);
	assert_int_equal(bed.status, FB_ST_UNAVAILABLE);
	assert_int_equal(bed.unavailable_reason, FB_UR_CARER_BREAK);
	assert_int_equal(bed.ofsted_status, FB_OS_NOT_COUNTED);
	assert_int_equal(f.n, 0);
	/* A code's bytes and one more, a NUL, are not the code. */
	memset(&row, 0, sizeof(row));
	row.line = 3;
	row.reject = FB_NONE;
	for (int i = 0; i < FB_F_COUNT; i++)
		row.cell[i] = "";
	row.cell[FB_F_LA_CODE] = "851";
	row.len[FB_F_LA_CODE] = 3;
	row.cell[FB_F_SNAPSHOT_DATE] = "2026-03-31";
	row.len[FB_F_SNAPSHOT_DATE] = 10;
	row.cell[FB_F_HOUSEHOLD_ID] = row.cell[FB_F_BED_ID] = "1";
	row.len[FB_F_HOUSEHOLD_ID] = row.len[FB_F_BED_ID] = 1;
	row.cell[FB_F_BED_USE] = "mainstream";
	row.len[FB_F_BED_USE] = 10;
	row.cell[FB_F_STATUS] = "filled\0";
	row.len[FB_F_STATUS] = 7;
	assert_int_equal(fb_checker_check(&c, &row, &bed), FB_R_UNKNOWN_CODE);
	assert_int_equal(f.count[FB_R_UNKNOWN_CODE], 1);
	row.len[FB_F_STATUS] = 6;
	assert_int_equal(fb_checker_check(&c, &row, &bed), FB_NONE);
	assert_int_equal(bed.status, FB_ST_FILLED);
	fb_findings_release(&f);
}

static const char *
pick(unsigned *seed, const char *const *pool, size_t n)
{
	return pool[rand_r(seed) % n];
}

#define PICK(seed, pool) pick(seed, pool, sizeof(pool) / sizeof(pool[0]))

static int
same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/*
 * Random rows, in random files, through one checker and through one that
 * forgets its memos before every row: the same answer, the same bed and the
 * same findings, in the same order.
 */
static void
test_memo_random(void **state)
{
	static const char *const la[] = { "851", "851", "867", " 867", "999", "998", "85",
		"Kent", "", NULL };
	static const char *const date[] = { "2026-03-31", "2026-03-31", "31/03/2026",
		"31/3/2026", " 2026-03-31", "2031-03-31", "2031-04-01", "01/04/2031",
		"2026-02-30", "2026-3-31", "", NULL };
	static const char *const use[] = { "mainstream", "mainstream", "respite",
		"emergency", "Mainstream", " respite ", "Main stream", "", NULL };
	static const char *const status[] = { "filled", "vacant", "unavailable", "FILLED",
		" vacant", "Vacnt", "", NULL };
	static const char *const ureason[] = { "carer_break", "other", "Carer_Break",
		"holiday", "", NULL };
	static const char *const vreason[] = { "logistics", "no_match", " Logistics",
		"Logistic", "", NULL };
	static const char *const child[] = { "C1", "", NULL };
	static const char *const ofsted[] = { "filled", "vacant", "not_counted", "Vacant",
		"counted", "", NULL };
	struct fb_findings fa, fb;
	struct fb_checker a, b;
	unsigned seed = 202612;
	int file = 0;
	(void)state;

	fb_findings_init(&fa, 0);
	fb_findings_init(&fb, 0);
	fb_checker_init(&a, TODAY, &fa);
	fb_checker_init(&b, TODAY, &fb);
	for (long line = 2; line < 20000; line++) {
		struct rec r = { { PICK(&seed, la), PICK(&seed, date), "H1", "1",
				   PICK(&seed, use), PICK(&seed, status), PICK(&seed, ureason),
				   PICK(&seed, vreason), PICK(&seed, child), PICK(&seed, ofsted) } };
		struct fb_bed x, y;
		int rx, ry;

		/* Runs of one date, as files have them. */
		if (line % 7)
			r.v[FB_F_SNAPSHOT_DATE] = "2026-03-31";
		rx = check_in(&a, file, line, &r, &x);
		memset(&b.date_memo, 0, sizeof(b.date_memo));
		memset(b.la_known, 0, sizeof(b.la_known));
		ry = check_in(&b, file, line, &r, &y);
		assert_int_equal(rx, ry);
		assert_int_equal(x.la_code, y.la_code);
		assert_int_equal(x.date, y.date);
		assert_ptr_equal(x.household, y.household);
		assert_int_equal(x.household_len, y.household_len);
		assert_ptr_equal(x.bed_id, y.bed_id);
		assert_int_equal(x.bed_use, y.bed_use);
		assert_int_equal(x.status, y.status);
		assert_int_equal(x.unavailable_reason, y.unavailable_reason);
		assert_int_equal(x.vacancy_reason, y.vacancy_reason);
		assert_int_equal(x.ofsted_status, y.ofsted_status);
		assert_int_equal(x.has_child_ref, y.has_child_ref);
		assert_int_equal(x.category, y.category);
		if (rand_r(&seed) % 300 == 0) {
			fb_checker_file_end(&a);
			fb_checker_file_end(&b);
			file++;
		}
	}
	fb_checker_file_end(&a);
	fb_checker_file_end(&b);
	assert_true(file > 10);
	assert_true(fa.count[FB_R_FUTURE_DATE] > 10);
	assert_true(fa.count[FB_R_DMY_DATE] > 10);
	assert_int_equal(fa.n, fb.n);
	for (size_t i = 0; i < fa.n; i++) {
		assert_int_equal(fa.items[i].rule, fb.items[i].rule);
		assert_int_equal(fa.items[i].file, fb.items[i].file);
		assert_int_equal(fa.items[i].line, fb.items[i].line);
		assert_true(same_str(fa.items[i].column, fb.items[i].column));
		assert_true(same_str(fa.items[i].value, fb.items[i].value));
		assert_string_equal(fa.items[i].message, fb.items[i].message);
	}
	fb_findings_release(&fa);
	fb_findings_release(&fb);
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
		cmocka_unit_test(test_memo_once_per_file),
		cmocka_unit_test(test_codes_as_written_or_not),
		cmocka_unit_test(test_memo_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
