/* test-date.c: strict date parsing, formatting and day arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"

static void
test_parse_table(void **state)
{
	static const struct {
		const char *s;
		int ok;
		int y, m, d;
		enum fb_date_form form;
	} cases[] = {
		{ "2026-03-31", 1, 2026, 3, 31, FB_DATE_ISO },
		{ " 2026-03-31 ", 1, 2026, 3, 31, FB_DATE_ISO },
		{ "2028-02-29", 1, 2028, 2, 29, FB_DATE_ISO },   /* leap year */
		{ "2000-02-29", 1, 2000, 2, 29, FB_DATE_ISO },   /* 400-year leap */
		{ "1900-02-29", 0, 0, 0, 0, 0 },                 /* 100-year non-leap */
		{ "2026-02-29", 0, 0, 0, 0, 0 },
		{ "2026-02-30", 0, 0, 0, 0, 0 },
		{ "2026-04-31", 0, 0, 0, 0, 0 },
		{ "2026-13-01", 0, 0, 0, 0, 0 },
		{ "2026-00-10", 0, 0, 0, 0, 0 },
		{ "2026-01-00", 0, 0, 0, 0, 0 },
		{ "2026-3-31", 0, 0, 0, 0, 0 },
		{ "2026-03-31x", 0, 0, 0, 0, 0 },
		{ "26-03-31", 0, 0, 0, 0, 0 },
		{ "", 0, 0, 0, 0, 0 },
		{ "31/03/2026", 1, 2026, 3, 31, FB_DATE_DMY },
		{ "1/3/2026", 1, 2026, 3, 1, FB_DATE_DMY },
		{ "01/3/2026", 1, 2026, 3, 1, FB_DATE_DMY },
		{ "1/03/2026", 1, 2026, 3, 1, FB_DATE_DMY },
		{ "29/02/2027", 0, 0, 0, 0, 0 },
		{ "31/04/2026", 0, 0, 0, 0, 0 },
		{ "03/31/2026", 0, 0, 0, 0, 0 },                 /* month-first is not a date here */
		{ "31/03/26", 0, 0, 0, 0, 0 },
		{ "31-03-2026", 0, 0, 0, 0, 0 },
		{ "2026/03/31", 0, 0, 0, 0, 0 },
		{ "1899-12-31", 0, 0, 0, 0, 0 },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int days = 0xad;
		enum fb_date_form form = (enum fb_date_form)0x5a;
		int rc = fb_date_parse(cases[i].s, strlen(cases[i].s), &days, &form);

		if (!cases[i].ok) {
			assert_int_equal(rc, -1);
			assert_int_equal(days, 0xad);      /* untouched on failure */
			assert_int_equal(form, 0x5a);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_int_equal(days, fb_date_from_civil(cases[i].y, cases[i].m, cases[i].d));
		assert_int_equal(form, cases[i].form);
	}
}

static void
test_day_numbers(void **state)
{
	char buf[FB_DATE_LEN + 1];
	(void)state;

	assert_int_equal(fb_date_from_civil(1970, 1, 1), 0);
	assert_int_equal(fb_date_from_civil(1970, 1, 2), 1);
	assert_int_equal(fb_date_from_civil(1969, 12, 31), -1);
	/* 2000-03-01 is day 11017 (30 years of 365 days, 7 leap days, Jan and Feb). */
	assert_int_equal(fb_date_from_civil(2000, 3, 1), 11017);
	/* A quarter: 2026-01-01 to 2026-03-31 is 90 days. */
	assert_int_equal(fb_date_from_civil(2026, 3, 31) - fb_date_from_civil(2026, 1, 1), 89);
	fb_date_format(fb_date_from_civil(2028, 2, 29), buf);
	assert_string_equal(buf, "2028-02-29");
	fb_date_format(fb_date_from_civil(1999, 12, 31), buf);
	assert_string_equal(buf, "1999-12-31");
	fb_date_format(fb_date_from_civil(2026, 3, 31) + 1, buf);
	assert_string_equal(buf, "2026-04-01");
}

/*
 * The memo answers as fb_date_parse() does, by the value's exact bytes: the
 * same bytes twice, the same day written two ways, and values it must not
 * keep (a bad date, one too long to hold).
 */
static void
test_parse_memo(void **state)
{
	struct fb_date_memo m = { 0 };
	int days = -7;
	enum fb_date_form form = FB_DATE_DMY;
	int apr1 = fb_date_from_civil(2026, 4, 1);
	(void)state;

	/* An empty memo matches nothing, not even an empty value. */
	assert_int_equal(fb_date_parse_memo(&m, "", 0, &days, &form), -1);
	assert_int_equal(days, -7);
	assert_int_equal(fb_date_parse_memo(&m, "2026-04-01", 10, &days, &form), 0);
	assert_int_equal(days, apr1);
	assert_int_equal(form, FB_DATE_ISO);
	assert_int_equal(m.len, 10);
	/* The same bytes again: from the memo, the same answer. */
	days = -7;
	form = FB_DATE_DMY;
	assert_int_equal(fb_date_parse_memo(&m, "2026-04-01", 10, &days, &form), 0);
	assert_int_equal(days, apr1);
	assert_int_equal(form, FB_DATE_ISO);
	/* The same day written DD/MM/YYYY is another value: its own form. */
	assert_int_equal(fb_date_parse_memo(&m, "01/04/2026", 10, &days, &form), 0);
	assert_int_equal(days, apr1);
	assert_int_equal(form, FB_DATE_DMY);
	assert_int_equal(fb_date_parse_memo(&m, "01/04/2026", 10, &days, &form), 0);
	assert_int_equal(form, FB_DATE_DMY);
	assert_int_equal(fb_date_parse_memo(&m, "2026-04-01", 10, &days, &form), 0);
	assert_int_equal(form, FB_DATE_ISO);
	/* Same length, one byte apart: the next day, not the memo's. */
	assert_int_equal(fb_date_parse_memo(&m, "2026-04-02", 10, &days, &form), 0);
	assert_int_equal(days, apr1 + 1);
	/* A prefix of the memo's bytes is not its value. */
	assert_int_equal(fb_date_parse_memo(&m, "2026-04-0", 9, &days, &form), -1);
	assert_int_equal(days, apr1 + 1);
	/* A bad date is refused each time, output untouched, the memo kept. */
	days = -7;
	assert_int_equal(fb_date_parse_memo(&m, "2026-02-30", 10, &days, &form), -1);
	assert_int_equal(fb_date_parse_memo(&m, "2026-02-30", 10, &days, &form), -1);
	assert_int_equal(days, -7);
	assert_int_equal(fb_date_parse_memo(&m, "2026-04-02", 10, &days, &form), 0);
	assert_int_equal(days, apr1 + 1);
	/* Spaces are part of the bytes: another value, the same day. */
	assert_int_equal(fb_date_parse_memo(&m, " 2026-04-02", 11, &days, &form), 0);
	assert_int_equal(days, apr1 + 1);
	assert_int_equal(m.len, 11);
	/* Too long to keep (17 bytes): parsed, and the memo keeps the last it held. */
	assert_int_equal(fb_date_parse_memo(&m, "    2026-04-01   ", 17, &days, &form), 0);
	assert_int_equal(days, apr1);
	assert_int_equal(m.len, 11);
	assert_int_equal(m.days, apr1 + 1);
	/* A NUL byte is a byte like any other: not the date. */
	assert_int_equal(fb_date_parse_memo(&m, " 2026-04-0\0", 11, &days, &form), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_parse_memo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
