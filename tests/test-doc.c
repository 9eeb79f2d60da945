/*
 * test-doc.c: doc.c's look-ups by name on a small hand-made document: two
 * tables, the second sharing a name with a later one, and columns one of
 * which repeats a name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/doc.h"

static const struct fb_column cols[] = {
	{ .name = "la_code", .kind = FB_CK_CODE },
	{ .name = "beds", .kind = FB_CK_COUNT },
	{ .name = "beds", .kind = FB_CK_COUNT },
};

static void
test_find_table(void **state)
{
	struct fb_doc d;

	(void)state;
	fb_doc_init(&d, "test", NULL);
	assert_null(fb_doc_find_table(&d, "Rows"));   /* no table at all */
	fb_doc_table(&d, "Rows", cols, 3, NULL);
	fb_doc_table(&d, "Totals", cols, 1, NULL);
	fb_doc_table(&d, "Rows", cols, 2, NULL);
	/* The first of two tables of one name; names are matched whole. */
	assert_ptr_equal(fb_doc_find_table(&d, "Rows"), &d.tables[0]);
	assert_ptr_equal(fb_doc_find_table(&d, "Totals"), &d.tables[1]);
	assert_null(fb_doc_find_table(&d, "Total"));
	assert_null(fb_doc_find_table(&d, "rows"));
	fb_doc_release(&d);
}

static void
test_find_column(void **state)
{
	struct fb_doc d;
	const struct fb_table *t, *one;

	(void)state;
	fb_doc_init(&d, "test", NULL);
	fb_doc_table(&d, "Rows", cols, 3, NULL);
	fb_doc_table(&d, "One", cols, 1, NULL);
	t = &d.tables[0];
	one = &d.tables[1];
	assert_int_equal(fb_table_find_column(t, "la_code"), 0);
	assert_int_equal(fb_table_find_column(t, "beds"), 1);   /* the first of two */
	/* Absent: the table's column count, never a column's index. */
	assert_int_equal(fb_table_find_column(t, "bed"), 3);
	assert_int_equal(fb_table_find_column(one, "beds"), 1);
	fb_doc_release(&d);
}

/* The utilisation notes, in the unit asked for, with and without an aside. */
static void
test_utilisation_notes(void **state)
{
	struct fb_doc d;

	(void)state;
	fb_doc_init(&d, "test", NULL);
	fb_doc_note_ms(&d);
	fb_doc_define_incl(&d, "beds", "as Ofsted's");
	fb_doc_define_excl(&d, "bed-nights");
	assert_int_equal(d.nnotes, 3);
	assert_int_equal(d.notes[0].place, FB_NOTE_AFTER);
	assert_null(d.notes[0].key);
	assert_string_equal(d.notes[0].text, "MS = mainstream beds only; Util excl% leaves "
			    "respite and emergency beds out of both counts.");
	assert_int_equal(d.notes[1].place, FB_NOTE_DEFINE);
	assert_string_equal(d.notes[1].key, "utilisation_incl_pct");
	assert_string_equal(d.notes[1].text, "Filled beds as a share of all approved beds, "
			    "respite and emergency beds included (as Ofsted's).");
	assert_int_equal(d.notes[2].place, FB_NOTE_DEFINE);
	assert_string_equal(d.notes[2].key, "utilisation_excl_pct");
	assert_string_equal(d.notes[2].text, "Filled mainstream bed-nights as a share of "
			    "mainstream approved bed-nights: respite and emergency beds left out.");
	fb_doc_define_incl(&d, "bed-nights", NULL);
	assert_string_equal(d.notes[3].text, "Filled bed-nights as a share of all approved "
			    "bed-nights, respite and emergency beds included.");
	fb_doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_table),
		cmocka_unit_test(test_find_column),
		cmocka_unit_test(test_utilisation_notes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
