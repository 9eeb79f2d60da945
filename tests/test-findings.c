/* test-findings.c: the findings list, shown values, sorting and merging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "fosterbeds/findings.h"
#include "scale-assert.h"

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
test_sort_and_take(void **state)
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
	fb_findings_take(&a, &b, 0, b.n, 0, NULL, NULL);
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

/*
 * n findings in two files, lines descending (as overlapping episodes listed
 * in reverse order come), two per line; col numbers them in push order.
 */
static void
reversed(struct fb_findings *f, size_t n)
{
	f->items = calloc(n, sizeof(*f->items));
	assert_non_null(f->items);
	f->n = f->cap = n;
	for (size_t i = 0; i < n; i++) {
		f->items[i].file = i < n / 2;
		f->items[i].line = (long)(n - i) / 2;
		f->items[i].col = (int)i;
	}
}

/* Sort n reversed findings once and check the order: CPU seconds. */
static double
sort_seconds(size_t n)
{
	struct fb_findings f;
	clock_t t0;
	double t;

	fb_findings_init(&f, 0);
	reversed(&f, n);
	t0 = clock();
	fb_findings_sort(&f);
	t = scale_seconds(t0);
	for (size_t i = 1; i < n; i++) {
		const struct fb_finding *a = &f.items[i - 1], *b = &f.items[i];

		assert_true(a->file < b->file || (a->file == b->file && a->line <= b->line));
		if (a->file == b->file && a->line == b->line)
			assert_true(a->col < b->col);   /* stable */
	}
	fb_findings_release(&f);
	return t;
}

/*
 * Sorting is n log n however the findings come (scale-assert.h): an
 * insertion sort took sixteen times as long for four times the findings,
 * and --max-findings 0 on 80,000 beds' overlaps listed in reverse 6.5 s.
 */
static void
test_sort_scales(void **state)
{
	(void)state;
	assert_scales("sort, reversed findings", sort_seconds, 20000);
}

/*
 * A file of eight lines checked whole, and as lines 1-4 and, apart, 5-8
 * (numbered 1-4 there, as a worker numbers a block's) taken over: the same
 * findings in the same order, the same counts, the same Excel rows.  Lines
 * 3-4 and 6-7 are each one record over two lines, so by hand: line 2 is
 * row 2, line 3 row 3, line 5 row 4, line 8 row 6, and line 9 (pushed
 * after the taking) row 7.
 */
static const char *const halves_names[] = { "status", "bed_use" };
static const int halves_cols[] = { 0, 1 };

static void
first_half(struct fb_findings *f)
{
	fb_findings_map_columns(f, 0, halves_names, halves_cols, 2);
	fb_findings_add(f, FB_R_UNKNOWN_CODE, 0, 2, "status", "Vacnt", "status at 2");
	fb_findings_map_lines(f, 0, 4, 1);
	fb_findings_add(f, FB_R_BAD_DATE, 0, 3, NULL, NULL, "record of lines 3-4");
}

/* Lines 5-8, numbered from base + 1 (5 in the whole file, 1 in a block). */
static void
second_half(struct fb_findings *f, long base)
{
	fb_findings_add(f, FB_R_DMY_DATE, 0, base + 1, "bed_use", "x", "bed_use at 5");
	fb_findings_map_lines(f, 0, base + 3, 1);
	fb_findings_add(f, FB_R_UNKNOWN_CODE, 0, base + 4, "status", "Filed", "status at 8");
}

/* a: lines 1-4; then lines 5-8 checked apart in b, which knows a's columns, taken over. */
static void
take_halves(struct fb_findings *a, struct fb_findings *b)
{
	first_half(a);
	fb_findings_map_like(b, a, 0);
	second_half(b, 0);
	assert_int_equal(b->items[0].row, 1);     /* the block alone cannot know */
	assert_int_equal(b->items[0].col, 1);     /* but knows the columns */
	fb_findings_take_shifts(a, b, 0, 4);
	fb_findings_take(a, b, 0, b->n, 4, NULL, NULL);
}

static void
assert_same_findings(const struct fb_findings *x, const struct fb_findings *y)
{
	assert_int_equal(x->n, y->n);
	assert_int_equal(x->dropped, y->dropped);
	assert_int_equal(x->errors, y->errors);
	assert_int_equal(x->warnings, y->warnings);
	assert_memory_equal(x->count, y->count, sizeof(x->count));
	for (size_t i = 0; i < x->n; i++) {
		const struct fb_finding *a = &x->items[i], *b = &y->items[i];

		assert_int_equal(a->rule, b->rule);
		assert_int_equal(a->file, b->file);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->row, b->row);
		assert_int_equal(a->col, b->col);
		assert_string_equal(a->message, b->message);
		assert_true(a->column == b->column ||
			    (a->column && b->column && strcmp(a->column, b->column) == 0));
		assert_true(a->value == b->value ||
			    (a->value && b->value && strcmp(a->value, b->value) == 0));
	}
}

static int
keep_no_dmy(void *ctx, const struct fb_finding *f)
{
	(void)ctx;
	return f->rule != FB_R_DMY_DATE;
}

static void
test_take_halves(void **state)
{
	static const long rows[] = { 2, 3, 4, 6, 7 };
	static const int cols[] = { 0, -1, 1, 0, 0 };
	struct fb_findings whole, a, b;
	(void)state;

	fb_findings_init(&whole, 0);
	first_half(&whole);
	second_half(&whole, 4);
	fb_findings_init(&a, 0);
	fb_findings_init(&b, 0);
	take_halves(&a, &b);
	/* A finding pushed after the taking is placed as in the whole file. */
	fb_findings_add(&whole, FB_R_UNKNOWN_CODE, 0, 9, "status", "v", "status at 9");
	fb_findings_add(&a, FB_R_UNKNOWN_CODE, 0, 9, "status", "v", "status at 9");
	assert_same_findings(&a, &whole);
	assert_int_equal(a.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(a.items[i].row, rows[i]);
		assert_int_equal(a.items[i].col, cols[i]);
	}
	assert_string_equal(a.items[2].message, "bed_use at 5");
	fb_findings_release(&whole);
	fb_findings_release(&a);
	fb_findings_release(&b);

	/* With a limit of 3: the first three kept, the fourth counted as dropped. */
	fb_findings_init(&whole, 3);
	first_half(&whole);
	second_half(&whole, 4);
	fb_findings_init(&a, 3);
	fb_findings_init(&b, 0);
	take_halves(&a, &b);
	assert_same_findings(&a, &whole);
	assert_int_equal(a.n, 3);
	assert_int_equal(a.dropped, 1);
	assert_int_equal(a.count[FB_R_UNKNOWN_CODE], 2);
	fb_findings_release(&whole);
	fb_findings_release(&a);
	fb_findings_release(&b);

	/* A finding keep() turns down is neither kept nor counted. */
	fb_findings_init(&a, 0);
	fb_findings_init(&b, 0);
	first_half(&a);
	second_half(&b, 0);
	fb_findings_take(&a, &b, 0, b.n, 4, keep_no_dmy, NULL);
	assert_int_equal(a.n, 3);
	assert_int_equal(a.count[FB_R_DMY_DATE], 0);
	assert_int_equal(a.warnings, 0);
	assert_int_equal(a.items[2].line, 8);
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
		cmocka_unit_test(test_sort_and_take),
		cmocka_unit_test(test_take_halves),
		cmocka_unit_test(test_sort_scales),
		cmocka_unit_test(test_column_letters),
		cmocka_unit_test(test_rows_and_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
