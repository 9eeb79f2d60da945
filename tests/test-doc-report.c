/*
 * test-doc-report.c: report's document, from a tally of two LAs whose
 * figures and reasons are worked out by hand below.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/doc.h"
#include "fosterbeds/doc-report.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/tally.h"
#include "doc-assert.h"

/*
 * Portsmouth (851): 7 mainstream beds, 5 filled, 1 vacant (complexity), 1
 * unavailable (carer_break); 2 respite beds, both vacant, one with no
 * reason and one with a reason that is not a code.
 * Bracknell Forest (867): 3 mainstream beds, 2 filled, 1 vacant
 * (complexity); 1 respite bed, filled.
 * The region adds them: 13 beds, 8 filled, 4 vacant, 1 unavailable.
 */
static void
rows_of(struct fb_tally_row rows[3])
{
	int date = fb_date_from_civil(2026, 3, 31);

	memset(rows, 0, 3 * sizeof(*rows));
	rows[0] = (struct fb_tally_row){ .la_code = 851, .date = date, .counts = {
		.approved = 9, .filled = 5, .vacant = 3, .unavailable = 1,
		.respite_emergency = 2, .ms_approved = 7, .ms_filled = 5, .ms_vacant = 1,
		.ms_unavailable = 1 } };
	rows[0].counts.unavailable_by[0][FB_UR_CARER_BREAK] = 1;
	rows[0].counts.vacant_by[0][FB_VR_COMPLEXITY] = 1;
	rows[0].counts.vacant_by[1][FB_VR_COUNT] = 1;       /* not recorded */
	rows[0].counts.vacant_by[1][FB_VR_COUNT + 1] = 1;   /* not recognised */
	rows[1] = (struct fb_tally_row){ .la_code = 867, .date = date, .counts = {
		.approved = 4, .filled = 3, .vacant = 1, .unavailable = 0,
		.respite_emergency = 1, .ms_approved = 3, .ms_filled = 2, .ms_vacant = 1,
		.ms_unavailable = 0 } };
	rows[1].counts.vacant_by[0][FB_VR_COMPLEXITY] = 1;
	rows[2] = (struct fb_tally_row){ .la_code = FB_LA_ALL, .date = date, .nla = 2, .counts = {
		.approved = 13, .filled = 8, .vacant = 4, .unavailable = 1,
		.respite_emergency = 3, .ms_approved = 10, .ms_filled = 7, .ms_vacant = 2,
		.ms_unavailable = 1 } };
	rows[2].counts.unavailable_by[0][FB_UR_CARER_BREAK] = 1;
	rows[2].counts.vacant_by[0][FB_VR_COMPLEXITY] = 2;
	rows[2].counts.vacant_by[1][FB_VR_COUNT] = 1;
	rows[2].counts.vacant_by[1][FB_VR_COUNT + 1] = 1;
}

static void
test_figures(void **state)
{
	struct fb_tally_row rows[3];
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	rows_of(rows);
	fb_doc_report(&d, NULL, rows, 3, "South East", 0);
	assert_string_equal(d.title, "Foster-bed utilisation");
	assert_string_equal(d.subject, "South East");
	assert_int_equal(d.ntables, 1);
	assert_int_equal(d.csv_table, 0);
	t = &d.tables[FB_REPORT_TABLE];
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncols, FB_RC_COUNT);
	assert_string_equal(t->cols[FB_RC_EXCL].name, "utilisation_excl_pct");
	assert_true(t->cols[FB_RC_NLA].flags & FB_COL_JSON_ONLY);

	assert_string_equal(text(t, 0, FB_RC_CODE), "851");
	assert_string_equal(text(t, 0, FB_RC_NAME), "Portsmouth");
	assert_string_equal(text(t, 0, FB_RC_DATE), "2026-03-31");
	assert_int_equal(num(t, 0, FB_RC_APPROVED, FB_CK_COUNT), 9);
	assert_int_equal(num(t, 0, FB_RC_RESPITE, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 0, FB_RC_MS_APPROVED, FB_CK_COUNT), 7);
	/* 5/9 = 55.56%; excluding respite 5/7 = 71.43%; 3/9 = 33.33%; 1/9 = 11.11% */
	assert_int_equal(num(t, 0, FB_RC_INCL, FB_CK_RATE), 556);
	assert_int_equal(num(t, 0, FB_RC_EXCL, FB_CK_RATE), 714);
	assert_int_equal(num(t, 0, FB_RC_VACANT_PCT, FB_CK_RATE), 333);
	assert_int_equal(num(t, 0, FB_RC_UNAVAILABLE_PCT, FB_CK_RATE), 111);
	assert_int_equal(fb_table_cell(t, 0, FB_RC_NLA)->kind, FB_CK_EMPTY);
	assert_false(t->pooled[0]);
	/* 3/4 = 75.0%; excluding respite 2/3 = 66.67%; no unavailable bed: 0.0, not empty */
	assert_int_equal(num(t, 1, FB_RC_INCL, FB_CK_RATE), 750);
	assert_int_equal(num(t, 1, FB_RC_EXCL, FB_CK_RATE), 667);
	assert_int_equal(num(t, 1, FB_RC_UNAVAILABLE_PCT, FB_CK_RATE), 0);
	/* The region pools: 8/13 = 61.54%, 7/10 = 70.0%, 4/13 = 30.77%, 1/13 = 7.69% */
	assert_true(t->pooled[2]);
	assert_string_equal(text(t, 2, FB_RC_CODE), "ALL");
	assert_string_equal(text(t, 2, FB_RC_NAME), "South East");
	assert_int_equal(fb_table_cell(t, 2, FB_RC_NAME)->kind, FB_CK_INPUT);
	assert_int_equal(num(t, 2, FB_RC_INCL, FB_CK_RATE), 615);
	assert_int_equal(num(t, 2, FB_RC_EXCL, FB_CK_RATE), 700);
	assert_int_equal(num(t, 2, FB_RC_VACANT_PCT, FB_CK_RATE), 308);
	assert_int_equal(num(t, 2, FB_RC_UNAVAILABLE_PCT, FB_CK_RATE), 77);
	assert_int_equal(num(t, 2, FB_RC_NLA, FB_CK_COUNT), 2);
	assert_string_equal(fb_doc_find_note(&d, "region_name")->text, "South East");
	fb_doc_release(&d);
}

/* All beds respite: nothing mainstream to divide by, so excl is empty, not 0. */
static void
test_no_mainstream(void **state)
{
	struct fb_tally_row rows[1] = { { .la_code = 867, .counts = {
		.approved = 2, .filled = 1, .vacant = 1, .respite_emergency = 2 } } };
	struct fb_doc d;

	(void)state;
	fb_doc_report(&d, NULL, rows, 1, "Bracknell Forest", 0);
	assert_int_equal(num(&d.tables[0], 0, FB_RC_INCL, FB_CK_RATE), 500);
	assert_int_equal(fb_table_cell(&d.tables[0], 0, FB_RC_EXCL)->kind, FB_CK_EMPTY);
	fb_doc_release(&d);
}

static void
test_reasons(void **state)
{
	const size_t nu = FB_UR_COUNT + 2, nv = FB_VR_COUNT + 2, per = 2 * nu + 2 * nv;
	const size_t vms = 2 * nu, vre = 2 * nu + nv;   /* vacant mainstream, respite */
	struct fb_tally_row rows[3];
	struct fb_doc d;
	const struct fb_table *t;

	(void)state;
	rows_of(rows);
	fb_doc_report(&d, NULL, rows, 3, "South East", 1);
	assert_int_equal(d.ntables, 2);
	assert_int_equal(d.csv_table, FB_REASONS_TABLE);
	t = &d.tables[FB_REASONS_TABLE];
	assert_string_equal(t->name, "Reasons");
	assert_int_equal(t->nest, 3);
	assert_string_equal(t->member, "reasons");
	assert_int_equal(per, 36);
	assert_int_equal(t->nrows, 3 * per);

	/* 851's one unavailable mainstream bed is a carer's break: 1 of 1, 100%. */
	assert_string_equal(text(t, 0, FB_XC_CODE), "851");
	assert_string_equal(text(t, 0, FB_XC_STATUS), "unavailable");
	assert_string_equal(text(t, 0, FB_XC_GROUP), "mainstream");
	assert_string_equal(text(t, 0, FB_XC_REASON), "carer_break");
	assert_int_equal(num(t, 0, FB_XC_BEDS, FB_CK_COUNT), 1);
	assert_int_equal(num(t, 0, FB_XC_SHARE, FB_CK_RATE), 1000);
	assert_int_equal(num(t, 1, FB_XC_SHARE, FB_CK_RATE), 0);
	/* No unavailable respite bed: every share there is empty, never 0. */
	assert_string_equal(text(t, nu, FB_XC_GROUP), "respite_emergency");
	assert_int_equal(num(t, nu, FB_XC_BEDS, FB_CK_COUNT), 0);
	assert_int_equal(fb_table_cell(t, nu, FB_XC_SHARE)->kind, FB_CK_EMPTY);
	/* The two vacant respite beds: one not recorded, one not recognised, 50% each. */
	assert_string_equal(text(t, vre + FB_VR_COUNT, FB_XC_REASON), "not_recorded");
	assert_int_equal(num(t, vre + FB_VR_COUNT, FB_XC_BEDS, FB_CK_COUNT), 1);
	assert_int_equal(num(t, vre + FB_VR_COUNT, FB_XC_SHARE, FB_CK_RATE), 500);
	assert_string_equal(text(t, vre + FB_VR_COUNT + 1, FB_XC_REASON), "not_recognised");
	assert_int_equal(num(t, vre + FB_VR_COUNT + 1, FB_XC_SHARE, FB_CK_RATE), 500);
	/* 867's rows follow 851's, with its key. */
	assert_string_equal(text(t, per, FB_XC_CODE), "867");
	assert_string_equal(text(t, per, FB_XC_NAME), "Bracknell Forest");
	assert_false(t->pooled[per]);
	/* The region: both vacant mainstream beds are complexity, 2 of 2. */
	assert_true(t->pooled[2 * per]);
	assert_string_equal(text(t, 2 * per + vms, FB_XC_CODE), "ALL");
	assert_string_equal(text(t, 2 * per + vms, FB_XC_NAME), "South East");
	assert_string_equal(text(t, 2 * per + vms, FB_XC_STATUS), "vacant");
	assert_string_equal(text(t, 2 * per + vms, FB_XC_REASON), "complexity");
	assert_int_equal(num(t, 2 * per + vms, FB_XC_BEDS, FB_CK_COUNT), 2);
	assert_int_equal(num(t, 2 * per + vms, FB_XC_SHARE, FB_CK_RATE), 1000);
	fb_doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_no_mainstream),
		cmocka_unit_test(test_reasons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
