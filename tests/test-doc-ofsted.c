/*
 * test-doc-ofsted.c: ofsted's document, from pooled rows made by hand: an
 * authority, a joint service, a region's sum, Ofsted's figure and the
 * difference, and the shares worked out here.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/host.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/tally.h"
#include "doc-assert.h"

#define MISS FB_MISSING

/*
 * Kent 300 approved, 200 filled, 60 vacant, 40 not available; Ofsted's
 * South East 405, 250, 95, 70; the sum 400, 250, 60 (Medway's suppressed),
 * 70; the difference +5, 0, +35, 0 (and -10 households, to see a negative).
 */
static void
make_rows(struct fb_ofsted_rows *rows)
{
	static const struct fb_ofsted_row proto[] = {
		{ .year = "2019-20", .la_code = 886, .region = "South East", .kind = FB_OK_LA,
		  .v = { 300, 200, 60, 40, MISS, MISS, MISS, MISS },
		  .pct_num = { 200, 60, 40 }, .pct_den = { 300, 300, 300 } },
		/* No approved places: no share to give. */
		{ .year = "2019-20", .la_code = FB_LA_ALL, .region = "London",
		  .kind = FB_OK_JOINT, .v = { 0, 0, 0, 0, 5, MISS, MISS, MISS },
		  .pct_num = { 0, 0, 0 }, .pct_den = { 0, 0, 0 } },
		{ .year = "2019-20", .la_code = FB_LA_ALL, .region = "South East",
		  .kind = FB_OK_REGION, .v = { 400, 250, 60, 70, MISS, MISS, MISS, MISS },
		  .pct_num = { 250, 60, 70 }, .pct_den = { 400, 300, 400 }, .nla = 2,
		  .pooled = 2 },
		{ .year = "2019-20", .la_code = FB_LA_ALL, .region = "South East",
		  .kind = FB_OK_REGION_PUBLISHED, .v = { 405, 250, 95, 70, MISS, MISS, MISS, MISS },
		  .pct_num = { 250, 95, 70 }, .pct_den = { 405, 405, 405 } },
		{ .year = "2019-20", .la_code = FB_LA_ALL, .region = "South East",
		  .kind = FB_OK_REGION_DIFF, .v = { 5, 0, 35, 0, -10, 0, 0, 0 },
		  .given = FB_OM_BIT(FB_OM_APPROVED) | FB_OM_BIT(FB_OM_FILLED) |
			   FB_OM_BIT(FB_OM_VACANT) | FB_OM_BIT(FB_OM_UNAVAILABLE) |
			   FB_OM_BIT(FB_OM_HOUSEHOLDS),
		  .pct_num = { MISS, MISS, MISS }, .pct_den = { MISS, MISS, MISS } },
	};
	static const char *const names[] = {
		NULL, "London Tri-borough", "South East", "South East (Ofsted)",
		"South East (Ofsted - sum)",
	};
	size_t n = sizeof(proto) / sizeof(proto[0]);

	fb_ofsted_rows_init(rows);
	rows->v = calloc(n, sizeof(*rows->v));
	assert_non_null(rows->v);
	rows->n = rows->cap = n;
	rows->missing = 1;
	for (size_t i = 0; i < n; i++) {
		rows->v[i] = proto[i];
		rows->v[i].name = names[i] ? strdup(names[i]) : NULL;
	}
	rows->v[2].not_pooled = strdup("Medway (887): vacant suppressed");
	rows->v[2].note = strdup("pools the approved places of 2 of the 2 LAs");
	rows->v[4].note = strdup("approved places: Ofsted 405, sum 400, difference +5");
}

static void
test_cells(void **state)
{
	struct fb_ofsted_rows rows;
	struct fb_doc d;
	const struct fb_table *t;
	(void)state;

	make_rows(&rows);
	fb_doc_ofsted(&d, NULL, &rows);
	fb_ofsted_rows_release(&rows);   /* the document keeps copies */
	assert_string_equal(d.command, "ofsted");
	assert_string_equal(d.title, "Ofsted's published fostering data");
	/* The sums are of one region (the joint service is a row of its own). */
	assert_string_equal(d.subject, "South East");
	assert_int_equal(d.ntables, 1);
	t = &d.tables[0];
	assert_int_equal(t->ncols, 21);
	assert_int_equal(t->nrows, 5);

	/* Kent: 200/300 = 66.67% -> 66.7; 60/300 = 20.0; 40/300 = 13.33 -> 13.3. */
	assert_string_equal(text(t, 0, col(t, "year")), "2019-20");
	assert_string_equal(text(t, 0, col(t, "la_code")), "886");
	assert_string_equal(text(t, 0, col(t, "la_name")), "Kent");
	assert_string_equal(text(t, 0, col(t, "region")), "South East");
	assert_int_equal(num(t, 0, col(t, "approved"), FB_CK_COUNT), 300);
	assert_true(empty(t, 0, col(t, "households")));   /* missing is empty, never -1 or 0 */
	assert_int_equal(num(t, 0, col(t, "filled_pct"), FB_CK_RATE), 667);
	assert_int_equal(num(t, 0, col(t, "vacant_pct"), FB_CK_RATE), 200);
	assert_int_equal(num(t, 0, col(t, "unavailable_pct"), FB_CK_RATE), 133);
	assert_string_equal(text(t, 0, col(t, "kind")), "la");
	assert_true(empty(t, 0, col(t, "las_in_area")));
	assert_true(empty(t, 0, col(t, "not_pooled")));
	assert_false(t->pooled[0]);

	/* The joint service: no approved places, so no share (not 0%). */
	assert_true(empty(t, 1, col(t, "la_code")));
	assert_string_equal(text(t, 1, col(t, "la_name")), "London Tri-borough");
	assert_int_equal(num(t, 1, col(t, "approved"), FB_CK_COUNT), 0);
	assert_true(empty(t, 1, col(t, "filled_pct")));
	assert_false(t->pooled[1]);

	/* The sum: 250/400 = 62.5; 60/300 = 20.0; 70/400 = 17.5. */
	assert_true(t->pooled[2]);
	assert_true(empty(t, 2, col(t, "la_code")));
	assert_string_equal(text(t, 2, col(t, "la_name")), "South East");
	assert_int_equal(num(t, 2, col(t, "vacant"), FB_CK_COUNT), 60);
	assert_int_equal(num(t, 2, col(t, "filled_pct"), FB_CK_RATE), 625);
	assert_int_equal(num(t, 2, col(t, "vacant_pct"), FB_CK_RATE), 200);
	assert_int_equal(num(t, 2, col(t, "unavailable_pct"), FB_CK_RATE), 175);
	assert_int_equal(num(t, 2, col(t, "las_in_area"), FB_CK_COUNT), 2);
	assert_int_equal(num(t, 2, col(t, "las_pooled"), FB_CK_COUNT), 2);
	assert_string_equal(text(t, 2, col(t, "not_pooled")), "Medway (887): vacant suppressed");
	assert_int_equal(fb_table_cell(t, 2, col(t, "not_pooled"))->kind, FB_CK_INPUT);

	/* Ofsted's: 250/405 = 61.73% -> 61.7; 95/405 = 23.46 -> 23.5; 70/405 = 17.28 -> 17.3. */
	assert_string_equal(text(t, 3, col(t, "la_name")), "South East (Ofsted)");
	assert_int_equal(num(t, 3, col(t, "filled_pct"), FB_CK_RATE), 617);
	assert_int_equal(num(t, 3, col(t, "vacant_pct"), FB_CK_RATE), 235);
	assert_int_equal(num(t, 3, col(t, "unavailable_pct"), FB_CK_RATE), 173);
	assert_true(empty(t, 3, col(t, "las_in_area")));

	/* The difference: given counts, a negative one and zeros kept; no shares. */
	assert_string_equal(text(t, 4, col(t, "kind")), "region_difference");
	assert_int_equal(num(t, 4, col(t, "approved"), FB_CK_COUNT), 5);
	assert_int_equal(num(t, 4, col(t, "filled"), FB_CK_COUNT), 0);
	assert_int_equal(num(t, 4, col(t, "households"), FB_CK_COUNT), -10);
	assert_true(empty(t, 4, col(t, "short_break_households")));   /* not given */
	assert_true(empty(t, 4, col(t, "filled_pct")));
	assert_string_equal(text(t, 4, col(t, "note")), "approved places: Ofsted 405, sum 400, "
			    "difference +5");
	fb_doc_release(&d);
}

static void
test_notes(void **state)
{
	struct fb_ofsted_rows rows;
	struct fb_doc d;
	const struct fb_note *n;
	int after = 0;
	(void)state;

	make_rows(&rows);
	fb_doc_ofsted(&d, NULL, &rows);
	n = fb_doc_find_note(&d, "missing_cells");
	assert_non_null(n);
	assert_int_equal(n->place, FB_NOTE_NUMBER);
	assert_string_equal(n->text, "1");
	n = fb_doc_find_note(&d, "empty cells");
	assert_non_null(n);
	assert_non_null(strstr(n->text, "(1 such cell here)"));
	/* After the table: the count, then the sum's and difference's notes. */
	for (size_t i = 0; i < d.nnotes; i++) {
		if (d.notes[i].place != FB_NOTE_AFTER)
			continue;
		switch (after++) {
		case 0:
			assert_string_equal(d.notes[i].text, "1 cell suppressed ('..') or blank "
					    "is left empty, never read as 0; a sum row adds the "
					    "authorities that give each measure.");
			break;
		case 1:
			/* A note is one line: the blank line is a note of its own. */
			assert_string_equal(d.notes[i].text, "");
			break;
		case 2:
			assert_string_equal(d.notes[i].text, "Notes:");
			break;
		case 3:
			assert_string_equal(d.notes[i].text, "  2019-20 South East: pools the "
					    "approved places of 2 of the 2 LAs; not in the sum: "
					    "Medway (887): vacant suppressed");
			break;
		case 4:
			assert_string_equal(d.notes[i].text, "  2019-20 South East (Ofsted - sum): "
					    "approved places: Ofsted 405, sum 400, difference +5");
			break;
		}
	}
	assert_int_equal(after, 5);
	fb_doc_release(&d);
	fb_ofsted_rows_release(&rows);
}

/* No rows: every region, and the text says none was read. */
static void
test_empty(void **state)
{
	struct fb_ofsted_rows rows;
	struct fb_doc d;
	(void)state;

	fb_ofsted_rows_init(&rows);
	fb_doc_ofsted(&d, NULL, &rows);
	assert_string_equal(d.subject, "Local authorities in England");
	assert_int_equal(d.tables[0].nrows, 0);
	assert_string_equal(d.tables[0].empty, "(no authorities read)");
	assert_string_equal(fb_doc_find_note(&d, "missing_cells")->text, "0");
	fb_doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_empty),
	};

	fb_host_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
