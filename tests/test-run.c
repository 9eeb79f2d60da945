/*
 * test-run.c: the whole pipeline over in-memory inputs: every row counted
 * once, duplicates caught across inputs, figures from the used rows only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/host.h"
#include "fosterbeds/date.h"
#include "fosterbeds/run.h"

#define HDR "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason\n"

static void
read_text(struct fb_run *run, const char *name, const char *text)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");

	assert_non_null(in);
	assert_int_equal(fb_run_read(run, name, in), 0);
	fclose(in);
}

static void
test_accounts_for_every_row(void **state)
{
	struct fb_run run;
	struct fb_tally_row *rows;
	long read, used, rejected;
	size_t n;
	(void)state;

	fb_run_init(&run, fb_date_from_civil(2026, 11, 23), 0);
	read_text(&run, "a.csv", HDR "851,2026-03-31,H1,1,mainstream,filled,\n"
				     "851,2026-03-31,H1,2,respite,vacant,\n"
				     "851,2026-03-31,H1,3,mainstream,unavailable,\n"    /* FB009 */
				     "851,2026-03-31,H2,1,mainstream,full,\n");         /* FB004 */
	read_text(&run, "b.csv", HDR "851,2026-03-31,H1,1,mainstream,vacant,\n"     /* FB011 */
				     "851,2026-03-31,H3,1,mainstream,unavailable,adaptation\n"
				     "851,2026-03-31,H3,2\n");                          /* FB012 */
	fb_run_totals(&run, &read, &used, &rejected);
	assert_int_equal(read, 7);
	assert_int_equal(used, 3);
	assert_int_equal(rejected, 4);
	assert_int_equal(run.inputs[0].rows_rejected, 2);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_NO_UNAVAILABLE_REASON], 1);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_UNKNOWN_CODE], 1);
	assert_int_equal(run.inputs[1].rejected_by[FB_R_DUPLICATE_BED], 1);
	assert_int_equal(run.inputs[1].rejected_by[FB_R_FIELD_COUNT], 1);
	assert_int_equal(run.inputs[1].rows_used, 1);

	n = fb_tally_rows(&run.tally, &rows);
	assert_int_equal(n, 2);
	/* Used: H1/1 filled, H1/2 respite vacant, H3/1 unavailable. */
	assert_int_equal(rows[0].counts.approved, 3);
	assert_int_equal(rows[0].counts.filled, 1);
	assert_int_equal(rows[0].counts.vacant, 1);
	assert_int_equal(rows[0].counts.unavailable, 1);
	assert_int_equal(rows[0].counts.respite_emergency, 1);
	assert_int_equal(rows[0].counts.ms_approved, 2);
	free(rows);
	fb_run_release(&run);
}

static void
test_unreadable_path_is_listed(void **state)
{
	struct fb_run run;
	(void)state;

	fb_run_init(&run, 0, 0);
	assert_int_equal(fb_run_read_path(&run, "/nonexistent/beds.csv", 1), -1);
	assert_int_equal(run.ninputs, 1);
	assert_int_not_equal(run.inputs[0].error, 0);
	assert_int_equal(run.inputs[0].rows_read, 0);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accounts_for_every_row),
		cmocka_unit_test(test_unreadable_path_is_listed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
