/* test-findings.c: the findings list, shown values, sorting and merging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/findings.h"

static void
test_visible(void **state)
{
	char out[FB_VISIBLE_SIZE];
	char long_value[200];
	(void)state;

	assert_string_equal(fb_visible(out, "Vacnt", 5), "Vacnt");
	assert_string_equal(fb_visible(out, "a\nb\tc\r", 6), "a\\nb\\tc\\r");
	assert_string_equal(fb_visible(out, "x\x01y\x7f", 4), "x\\x01y\\x7F");
	assert_string_equal(fb_visible(out, "Ren\xe9", 4), "Ren\\xE9");
	assert_string_equal(fb_visible(out, "Ren\xc3\xa9", 5), "Ren\xc3\xa9");
	assert_string_equal(fb_visible(out, "a\0b", 3), "a\\x00b");
	memset(long_value, 'z', sizeof(long_value));
	fb_visible(out, long_value, sizeof(long_value));
	assert_int_equal(strlen(out), FB_VALUE_MAX + 3);
	assert_string_equal(out + FB_VALUE_MAX, "...");
	/* Exactly the limit: no dots. */
	fb_visible(out, long_value, FB_VALUE_MAX);
	assert_int_equal(strlen(out), FB_VALUE_MAX);
	/* The worst case fits: every byte escaped, then dots. */
	memset(long_value, 1, sizeof(long_value));
	fb_visible(out, long_value, sizeof(long_value));
	assert_int_equal(strlen(out), FB_VALUE_MAX * 4 + 3);
}

static void
test_limit_counts_everything(void **state)
{
	struct fb_findings f;
	(void)state;

	fb_findings_init(&f, 2);
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 2, "status", "x", "m %d", 1);
	fb_findings_add(&f, FB_R_DMY_DATE, 0, 3, NULL, NULL, "m %d", 2);
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 4, "status", "y", "m %d", 3);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.dropped, 1);
	assert_int_equal(f.count[FB_R_UNKNOWN_CODE], 2);
	assert_int_equal(f.errors, 2);
	assert_int_equal(f.warnings, 1);
	assert_string_equal(f.items[1].message, "m 2");
	fb_findings_release(&f);
	assert_int_equal(f.n, 0);
	assert_int_equal(f.errors, 0);
}

static void
test_sort_and_merge(void **state)
{
	struct fb_findings a, b;
	(void)state;

	fb_findings_init(&a, 0);
	fb_findings_init(&b, 0);
	fb_findings_add(&a, FB_R_UNKNOWN_CODE, 0, 5, NULL, NULL, "first at 5");
	fb_findings_add(&a, FB_R_UNKNOWN_CODE, 0, 3, NULL, NULL, "at 3");
	fb_findings_add(&a, FB_R_BAD_DATE, 0, 5, NULL, NULL, "second at 5");
	fb_findings_add(&b, FB_R_DMY_DATE, 1, 1, NULL, NULL, "file 1");
	fb_findings_add(&b, FB_R_DMY_DATE, 0, 4, NULL, NULL, "at 4");
	fb_findings_merge(&a, &b);
	assert_int_equal(b.n, 0);
	assert_int_equal(b.warnings, 0);
	assert_int_equal(a.n, 5);
	assert_int_equal(a.errors, 3);
	assert_int_equal(a.warnings, 2);
	fb_findings_sort(&a);
	assert_string_equal(a.items[0].message, "at 3");
	assert_string_equal(a.items[1].message, "at 4");
	assert_string_equal(a.items[2].message, "first at 5");   /* stable */
	assert_string_equal(a.items[3].message, "second at 5");
	assert_string_equal(a.items[4].message, "file 1");
	fb_findings_release(&a);
	fb_findings_release(&b);
}

/* Excel's column names: bijective base 26. */
static void
test_column_letters(void **state)
{
	static const struct { int col; const char *want; } cases[] = {
		{ -1, "" }, { 0, "A" }, { 5, "F" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" },
		{ 51, "AZ" }, { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" },
	};
	char out[FB_COLUMN_LETTERS];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(fb_column_letters(out, cases[i].col), cases[i].want);
}

/*
 * Rows as Excel numbers them: a record of lines 4-5 (one quoted line break)
 * makes line 6 row 5; two more breaks in a record ending on line 9 make line
 * 10 row 7.  Columns by name, case-insensitively, at this file's positions.
 */
static void
test_rows_and_columns(void **state)
{
	static const char *const names[] = { "la_code", "status", "child_ref" };
	static const int cols[] = { 2, 0, -1 };
	struct fb_findings f;

	(void)state;
	fb_findings_init(&f, 0);
	fb_findings_map_columns(&f, 0, names, cols, 3);
	fb_findings_map_lines(&f, 0, 5, 1);
	fb_findings_map_lines(&f, 0, 8, 1);
	fb_findings_map_lines(&f, 0, 9, 1);
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 4, "Status", "x", "at 4");
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 6, "la_code", "x", "at 6");
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 10, "child_ref", NULL, "at 10");
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 7, NULL, NULL, "at 7");
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 1, 6, "status", "x", "other file");
	fb_findings_add_cell(&f, FB_R_BAD_COUNT, 1, 3, 27, "Kent", "x", "a cell");
	assert_int_equal(f.items[0].row, 4);
	assert_int_equal(f.items[0].col, 0);
	assert_int_equal(f.items[1].row, 5);
	assert_int_equal(f.items[1].col, 2);
	assert_int_equal(f.items[2].row, 7);
	assert_int_equal(f.items[2].col, -1);    /* a column the file lacks */
	assert_int_equal(f.items[3].row, 6);
	assert_int_equal(f.items[3].col, -1);    /* no column named */
	assert_int_equal(f.items[4].row, 6);     /* file 1 has no map: rows are lines */
	assert_int_equal(f.items[4].col, -1);
	assert_int_equal(f.items[5].row, 3);
	assert_int_equal(f.items[5].col, 27);
	fb_findings_release(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_limit_counts_everything),
		cmocka_unit_test(test_sort_and_merge),
		cmocka_unit_test(test_column_letters),
		cmocka_unit_test(test_rows_and_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
