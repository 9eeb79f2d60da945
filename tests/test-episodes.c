/*
 * test-episodes.c: bed-nights arithmetic (period edges, open-ended and
 * one-night episodes, the leap day), and overlaps and gaps through a run.
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
#include "fosterbeds/episodes.h"
#include "fosterbeds/run.h"

static int
day(const char *iso)
{
	int d;
	enum fb_date_form form;

	assert_int_equal(fb_date_parse(iso, strlen(iso), &d, &form), 0);
	return d;
}

static void
test_nights_table(void **state)
{
	/* Period 2028-02-15..2028-03-05: 15 February nights (29 days) + 5 in March. */
	struct fb_period p = { day("2028-02-15"), day("2028-03-05") };
	static const struct {
		const char *from, *to;  /* to NULL: open-ended */
		long nights;
	} t[] = {
		{ "2028-01-01", "2028-02-20", 6 },   /* starts before the period */
		{ "2028-02-21", NULL, 14 },          /* open-ended: to the period's end */
		{ "2028-02-29", "2028-02-29", 1 },   /* one night, the leap day */
		{ "2028-03-01", "2028-03-31", 5 },   /* ends after the period */
		{ "2027-12-01", "2028-02-14", 0 },   /* ends the day before */
		{ "2028-03-06", "2028-03-20", 0 },   /* starts the day after */
		{ "2028-02-15", "2028-02-15", 1 },   /* the first date alone */
		{ "2028-03-05", NULL, 1 },           /* the last date, open */
		{ "2028-01-01", NULL, 20 },          /* the whole period */
		{ "2028-02-28", "2028-03-01", 3 },   /* over the leap day */
	};

	(void)state;
	assert_int_equal(p.to - p.from + 1, 20);
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(fb_span_nights(day(t[i].from),
						   t[i].to ? day(t[i].to) : FB_EP_OPEN, &p),
				 t[i].nights);
	/* Not a leap year: 2027-02-28 to 2027-03-01 is two nights. */
	p.from = day("2027-02-01");
	p.to = day("2027-03-31");
	assert_int_equal(fb_span_nights(day("2027-02-28"), day("2027-03-01"), &p), 2);
}

#define HDR "la_code,status_from,status_to,household_id,bed_id,bed_use,status," \
	    "unavailable_reason,vacancy_reason\n"

static void
read_text(struct fb_run *run, const char *text)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");

	assert_non_null(in);
	assert_int_equal(fb_run_read(run, "ep.csv", in), 0);
	fclose(in);
}

static void
test_overlap_rejects_both(void **state)
{
	struct fb_run run;
	struct fb_nights_row *rows;
	size_t n;

	(void)state;
	fb_run_init(&run, day("2030-01-01"), 0);
	fb_run_set_period(&run, day("2028-02-15"), day("2028-03-05"));
	read_text(&run, HDR
		  "851,2028-02-01,2028-02-20,H1,1,mainstream,filled,,\n"
		  "851,2028-02-20,,H1,1,mainstream,vacant,,no_match\n"
		  "851,2028-02-01,2028-03-31,H1,2,mainstream,filled,,\n");
	fb_run_end(&run);
	assert_string_equal(run.inputs[0].role, "episodes");
	assert_int_equal(run.findings.count[FB_R_EPISODE_OVERLAP], 1);
	assert_int_equal(run.inputs[0].rows_read, 3);
	assert_int_equal(run.inputs[0].rows_used, 1);
	assert_int_equal(run.inputs[0].rows_rejected, 2);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_EPISODE_OVERLAP], 2);
	assert_non_null(strstr(run.findings.items[0].message, "line 2"));
	assert_int_equal(run.findings.items[0].line, 3);
	n = fb_episodes_bed_nights(&run.episodes, &run.period, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].n.approved, 20);
	assert_int_equal(rows[0].n.filled, 20);
	free(rows);
	fb_run_release(&run);
}

static void
test_gap_and_reversed(void **state)
{
	struct fb_run run;

	(void)state;
	fb_run_init(&run, day("2030-01-01"), 0);
	fb_run_set_period(&run, day("2028-02-15"), day("2028-03-05"));
	read_text(&run, HDR
		  "867,2028-02-10,2028-02-25,H9,1,mainstream,filled,,\n"
		  "867,2028-03-01,,H9,1,mainstream,vacant,,\n"
		  /* A gap before the period is not warned. */
		  "867,2028-01-01,2028-01-31,H9,2,mainstream,filled,,\n"
		  "867,2028-02-10,,H9,2,mainstream,vacant,,\n"
		  "867,2028-03-10,2028-03-01,H9,3,mainstream,vacant,,\n");
	fb_run_end(&run);
	assert_int_equal(run.findings.count[FB_R_EPISODE_GAP], 1);
	assert_int_equal(run.findings.count[FB_R_EPISODE_REVERSED], 1);
	assert_int_equal(run.inputs[0].rows_used, 4);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_EPISODE_REVERSED], 1);
	fb_run_release(&run);

	/* Without a period, gaps are not judged. */
	fb_run_init(&run, day("2030-01-01"), 0);
	read_text(&run, HDR
		  "867,2028-02-10,2028-02-25,H9,1,mainstream,filled,,\n"
		  "867,2028-03-01,,H9,1,mainstream,vacant,,\n");
	fb_run_end(&run);
	assert_int_equal(run.findings.count[FB_R_EPISODE_GAP], 0);
	assert_int_equal(run.findings.errors + run.findings.warnings, 0);
	fb_run_release(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nights_table),
		cmocka_unit_test(test_overlap_rejects_both),
		cmocka_unit_test(test_gap_and_reversed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
