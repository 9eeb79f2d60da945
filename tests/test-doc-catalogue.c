/*
 * test-doc-catalogue.c: spec's document, against the standard as the spec
 * files set it out, counted by hand:
 *  - fields: the ten columns of spec/bed-records.md section 3's table;
 *  - codes: bed_use 3, status 3, unavailable_reason 8, vacancy_reason 6,
 *    ofsted_status 4: 24;
 *  - categories: filled, vacant, unavailable, respite_emergency: 4;
 *  - rules: the rule tables of spec/bed-records.md (FB001-FB022, FB034,
 *    FB035: 24), spec/bed-episodes.md and spec/reconcile.md (FB023-FB028,
 *    FB030-FB033: 10), and FB029, which spec/trend.md describes: 35, of
 *    which 21 are errors and 14 warnings.
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
#include "fosterbeds/standard.h"
#include "doc-assert.h"

/* The row whose first cell is key, or fails. */
static size_t
row_of(const struct fb_table *t, const char *key)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (strcmp(text(t, r, 0), key) == 0)
			return r;
	fail_msg("no row %s in %s", key, t->name);
	return 0;
}

static void
test_counts(void **state)
{
	struct fb_doc d;
	const struct fb_table *t;
	size_t errors = 0, warnings = 0;

	(void)state;
	fb_doc_catalogue(&d);
	assert_null(d.run);
	assert_string_equal(d.title, "Regional bed-record standard 1.2");
	assert_int_equal(table(&d, "Fields")->nrows, 10 + 6);
	assert_int_equal(table(&d, "Codes")->nrows, 24 + 6);
	assert_int_equal(table(&d, "Categories")->nrows, 4);
	t = table(&d, "Rules");
	assert_int_equal(t->nrows, 47);
	for (size_t r = 0; r < t->nrows; r++) {
		errors += strcmp(text(t, r, 1), "error") == 0;
		warnings += strcmp(text(t, r, 1), "warning") == 0;
	}
	assert_int_equal(errors, 28);
	assert_int_equal(warnings, 19);
	/* CSV's one table: every one of them, 16 + 30 + 4 + 47 (bed and cost fields). */
	t = table(&d, "Catalogue");
	assert_int_equal(t->nrows, 97);
	assert_false(fb_table_shown(t, FB_HIDE_JSON) || fb_table_shown(t, FB_HIDE_XLSX) ||
		     fb_table_shown(t, FB_HIDE_HTML) || fb_table_shown(t, FB_HIDE_TEXT));
	assert_ptr_equal(&d.tables[d.csv_table], t);   /* the one CSV writes */
	/* Fields first, so JSON nests each field's codes in it. */
	assert_string_equal(d.tables[0].name, "Fields");
	fb_doc_release(&d);
}

static void
test_known_rows(void **state)
{
	struct fb_doc d;
	const struct fb_table *t;
	size_t r;

	(void)state;
	fb_doc_catalogue(&d);
	/* spec/bed-records.md: FB004 error unknown-code; FB016 warning child-ref-not-filled. */
	t = table(&d, "Rules");
	r = row_of(t, "FB004");
	assert_int_equal(r, 3);
	assert_string_equal(text(t, r, 1), "error");
	assert_string_equal(text(t, r, 2), "unknown-code");
	assert_non_null(strstr(text(t, r, 3), "bed_use, status"));
	r = row_of(t, "FB016");
	assert_string_equal(text(t, r, 1), "warning");
	assert_string_equal(text(t, r, 2), "child-ref-not-filled");

	t = table(&d, "Fields");
	assert_string_equal(text(t, row_of(t, "la_code"), 1), "yes");
	assert_string_equal(text(t, row_of(t, "la_code"), 3), "851");
	assert_string_equal(text(t, row_of(t, "unavailable_reason"), 1), "conditional");
	assert_string_equal(text(t, row_of(t, "child_ref"), 1), "no");

	/* status's codes, in the standard's order; in JSON, inside the field. */
	t = table(&d, "Codes");
	assert_int_equal(t->nest, 1);
	assert_string_equal(t->member, "codes");
	r = row_of(t, "status");
	assert_string_equal(text(t, r, 1), "filled");
	assert_string_equal(text(t, r + 1, 1), "vacant");
	assert_string_equal(text(t, r + 2, 1), "unavailable");

	t = table(&d, "Catalogue");
	r = row_of(t, "rule");
	assert_int_equal(r, 16 + 30 + 4);
	assert_string_equal(text(t, r, 1), "FB001");
	assert_string_equal(text(t, r, 4), "error");
	assert_string_equal(text(t, 16, 0), "code");
	/* The first field with codes is bed_use (section 3's order). */
	assert_string_equal(text(t, 16, 1), "mainstream");
	assert_string_equal(text(t, 16, 3), "bed_use");
	/* The cost record's placement_type codes come after the bed record's. */
	assert_string_equal(text(t, 16 + 24, 1), "all");
	assert_string_equal(text(t, 16 + 24, 3), "placement_type");
	assert_string_equal(text(t, 16 + 29, 1), "other");
	fb_doc_release(&d);
}

static void
test_text_lines(void **state)
{
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	fb_doc_catalogue(&d);
	t = table(&d, "Text");
	assert_int_equal(t->text, FB_TEXT_LINES);
	/*
	 * Title, blank, Fields: and 10 + 24 lines, blank, cost heading and
	 * 6 + 6, blank, heading and 4, blank, heading and 47.
	 */
	assert_int_equal(t->nrows, 3 + 34 + 14 + 2 + 4 + 2 + 47);
	assert_string_equal(text(t, 0, 0), "Regional bed-record standard 1.2");
	assert_string_equal(text(t, 1, 0), "");
	assert_string_equal(text(t, 2, 0), "Fields:");
	assert_string_equal(text(t, 3, 0), "  la_code             required     "
			    "DfE three-digit local authority code");
	assert_string_equal(text(t, 3 + 34 + 1, 0),
			    "Cost record fields (spec/placement-costs.md):");
	assert_string_equal(text(t, 3 + 34 + 14 + 1, 0), "Categories (one per bed):");
	assert_string_equal(text(t, 3 + 34 + 14 + 2 + 4 + 1, 0), "Rules:");
	{
		static const char fb004[] = "  FB004  error    unknown-code           a required "
					    "coded column";

		assert_int_equal(strncmp(text(t, 3 + 34 + 14 + 2 + 4 + 2 + 3, 0), fb004,
					 strlen(fb004)), 0);
	}
	fb_doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_known_rows),
		cmocka_unit_test(test_text_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
