/*
 * test-submission.c: returns read from in-memory streams: simple returns
 * (any column order and case, counts, LA codes, duplicates, balance,
 * snapshot dates, every row counted once) and Ofsted's published file told
 * apart by its content.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/submission.h"

#define HDR "la_code,approved,filled,vacant,unavailable\n"

/* Read text as a return named name; fills *s and *f (both initialised here). */
static void
read_return(struct fb_submission *s, struct fb_findings *f, const char *name, const char *text,
	    size_t len)
{
	long by = 0;

	fb_submission_init(s);
	fb_findings_init(f, 0);
	assert_int_equal(fb_submission_parse(s, text, len, name, NULL, 1, f), 0);
	/* Every row read is used or rejected, once, and each rejected row has its reason. */
	assert_int_equal(s->rows_read, s->rows_used + s->rows_rejected);
	assert_int_equal(s->rows_used, (long)s->n);
	for (size_t k = 0; k < FB_R_COUNT; k++)
		by += s->rejected_by[k];
	assert_int_equal(by, s->rows_rejected);
}

#define READ(s, f, lit) read_return(s, f, "return.csv", lit, sizeof(lit) - 1)

static void
check_row(const struct fb_submitted *r, int la, long line, long ap, long fi, long va, long un)
{
	assert_int_equal(r->la_code, la);
	assert_int_equal(r->line, line);
	assert_int_equal(r->approved, ap);
	assert_int_equal(r->filled, fi);
	assert_int_equal(r->vacant, va);
	assert_int_equal(r->unavailable, un);
}

static void
test_simple_shuffled(void **state)
{
	struct fb_submission s;
	struct fb_findings f;
	(void)state;

	READ(&s, &f, "Unavailable,VACANT,la_code,Filled,snapshot_DATE,Approved\r\n"
		     "1,6,851,3,2026-03-31,10\r\n"      /* 3 + 6 + 1 = 10 */
		     "0,1,867,2,,3\r\n");               /* 2 + 1 + 0 = 3; blank date */
	assert_int_equal(s.published, 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.rows_read, 2);
	assert_int_equal(s.rows_used, 2);
	assert_int_equal(s.rows_rejected, 0);
	check_row(&s.rows[0], 851, 2, 10, 3, 6, 1);
	assert_int_equal(s.rows[0].date, fb_date_from_civil(2026, 3, 31));
	check_row(&s.rows[1], 867, 3, 3, 2, 1, 0);
	assert_int_equal(s.rows[1].date, FB_NO_DATE);
	assert_int_equal(f.n, 0);
	assert_int_equal(s.rows[1].la_code, 867);
	fb_findings_release(&f);
	fb_submission_release(&s);
	assert_int_equal(s.n, 0);
}

static void
test_bad_counts(void **state)
{
	struct fb_submission s;
	struct fb_findings f;
	static const struct {
		long line;
		const char *column, *value;
	} want[] = {
		{ 3, "filled", "-3" },
		{ 4, "approved", "12.5" },
		{ 5, "filled", NULL },      /* blank: FB005 (checked below) */
		{ 6, "approved", "n/a" },
		{ 6, "filled", ".." },      /* two bad counts on one row: two findings, one row */
		{ 8, "approved", "1,380" }, /* a simple return takes digits only */
	};
	(void)state;

	READ(&s, &f, HDR "851,10,3,6,1\n"          /* 2: used */
			 "852,10,-3,6,1\n"         /* 3 */
			 "867,12.5,2,1,0\n"        /* 4 */
			 "868,3,,2,1\n"            /* 5 */
			 "869,n/a,..,2,1\n"        /* 6 */
			 "870, 5 ,2,2,1\n"         /* 7: used, spaces around 5; 2 + 2 + 1 = 5 */
			 "871,\"1,380\",1000,300,80\n");  /* 8 */
	assert_int_equal(s.rows_read, 7);      /* lines 2 to 8 */
	assert_int_equal(s.rows_used, 2);      /* lines 2 and 7 */
	assert_int_equal(s.rows_rejected, 5);  /* 7 - 2 */
	check_row(&s.rows[0], 851, 2, 10, 3, 6, 1);
	check_row(&s.rows[1], 870, 7, 5, 2, 2, 1);
	assert_int_equal(s.rows[1].date, FB_NO_DATE);   /* no snapshot_date column */

	/* A blank count is blank-required (FB005), the others bad counts (FB023). */
	assert_int_equal(f.count[FB_R_BAD_COUNT], 5);
	assert_int_equal(f.count[FB_R_BLANK_REQUIRED], 1);
	assert_int_equal(f.n, 6);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(f.items[i].rule, want[i].value ? FB_R_BAD_COUNT
							: FB_R_BLANK_REQUIRED);
		assert_int_equal(f.items[i].file, 1);
		assert_int_equal(f.items[i].line, want[i].line);
		assert_string_equal(f.items[i].column, want[i].column);
		if (want[i].value)
			assert_string_equal(f.items[i].value, want[i].value);
		else
			assert_null(f.items[i].value);
	}
	assert_string_equal(f.items[0].message, "filled '-3' is not a whole number of 0 or more");
	fb_findings_release(&f);
	fb_submission_release(&s);
}

static void
test_codes_duplicates_balance(void **state)
{
	struct fb_submission s;
	struct fb_findings f;
	(void)state;

	READ(&s, &f, HDR "851,10,3,6,1\n"      /* 2: used */
			 "851,20,10,5,5\n"     /* 3: FB024, the first is kept */
			 "867,10,3,3,3\n"      /* 4: FB025, 3 + 3 + 3 = 9, used */
			 "Kent,1,1,0,0\n"      /* 5: FB017 */
			 "85,1,1,0,0\n"        /* 6: FB017 */
			 "0851,1,1,0,0\n"      /* 7: FB017 */
			 "999,4,1,2,1\n"       /* 8: FB018, used; 1 + 2 + 1 = 4 */
			 "999,4,1,2,1\n");     /* 9: FB024; no second FB018 */
	assert_int_equal(s.rows_read, 8);
	assert_int_equal(s.rows_used, 3);       /* lines 2, 4, 8 */
	assert_int_equal(s.rows_rejected, 5);   /* lines 3, 5, 6, 7, 9 */
	check_row(&s.rows[0], 851, 2, 10, 3, 6, 1);
	check_row(&s.rows[1], 867, 4, 10, 3, 3, 3);
	check_row(&s.rows[2], 999, 8, 4, 1, 2, 1);

	assert_int_equal(f.count[FB_R_DUPLICATE_RETURN_ROW], 2);
	assert_int_equal(f.count[FB_R_UNBALANCED_RETURN], 1);
	assert_int_equal(f.count[FB_R_BAD_LA_CODE], 3);
	assert_int_equal(f.count[FB_R_UNKNOWN_LA_CODE], 1);
	assert_int_equal(f.errors, 5);     /* 2 FB024 + 3 FB017 */
	assert_int_equal(f.warnings, 2);   /* FB025, FB018 */
	assert_int_equal(f.n, 7);
	/* In file order: line 3 FB024, 4 FB025, 5-7 FB017, 8 FB018, 9 FB024. */
	assert_int_equal(f.items[0].rule, FB_R_DUPLICATE_RETURN_ROW);
	assert_int_equal(f.items[0].line, 3);
	assert_string_equal(f.items[0].message,
			    "LA 851 appears again (first on line 2); this row is not used");
	assert_int_equal(f.items[1].rule, FB_R_UNBALANCED_RETURN);
	assert_int_equal(f.items[1].line, 4);
	assert_string_equal(f.items[1].message,
			    "LA 867: 10 approved places but filled + vacant + unavailable = "
			    "3 + 3 + 3 = 9; used as submitted");
	assert_int_equal(f.items[2].rule, FB_R_BAD_LA_CODE);
	assert_string_equal(f.items[2].value, "Kent");
	assert_string_equal(f.items[3].value, "85");
	assert_string_equal(f.items[4].value, "0851");
	assert_int_equal(f.items[5].rule, FB_R_UNKNOWN_LA_CODE);
	assert_int_equal(f.items[5].line, 8);
	assert_string_equal(f.items[5].value, "999");
	assert_int_equal(f.items[6].rule, FB_R_DUPLICATE_RETURN_ROW);
	assert_int_equal(f.items[6].line, 9);
	fb_findings_release(&f);
	fb_submission_release(&s);
}

static void
test_snapshot_date(void **state)
{
	struct fb_submission s;
	struct fb_findings f;
	(void)state;

	READ(&s, &f, "la_code,approved,filled,vacant,unavailable,snapshot_date\n"
		     "851,10,3,6,1,2026-03-31\n"     /* 2 */
		     "867,3,2,1,0,31/03/2026\n"      /* 3: day-first is a date too */
		     "886,5,5,0,0,2026-02-30\n"      /* 4: FB006, rejected */
		     "887,5,5,0,0,  \n");            /* 5: blank: no date */
	assert_int_equal(s.rows_read, 4);
	assert_int_equal(s.rows_used, 3);
	assert_int_equal(s.rows_rejected, 1);
	assert_int_equal(s.rows[0].date, fb_date_from_civil(2026, 3, 31));
	assert_int_equal(s.rows[1].la_code, 867);
	assert_int_equal(s.rows[1].date, fb_date_from_civil(2026, 3, 31));
	assert_int_equal(s.rows[2].la_code, 887);
	assert_int_equal(s.rows[2].date, FB_NO_DATE);
	assert_int_equal(f.count[FB_R_BAD_DATE], 1);
	assert_int_equal(f.count[FB_R_DMY_DATE], 1);   /* a warning, once, at line 3 */
	assert_int_equal(f.n, 2);
	assert_int_equal(f.items[0].line, 3);
	assert_int_equal(f.items[1].line, 4);
	assert_string_equal(f.items[1].column, "snapshot_date");
	assert_string_equal(f.items[1].value, "2026-02-30");
	fb_findings_release(&f);
	fb_submission_release(&s);
}

static void
test_empty_and_headers(void **state)
{
	struct fb_submission s;
	struct fb_findings f;
	(void)state;

	read_return(&s, &f, "return.csv", "", 0);
	assert_int_equal(f.count[FB_R_NO_HEADER], 1);
	assert_int_equal(f.errors, 1);
	assert_int_equal(s.n, 0);
	assert_int_equal(s.rows_read, 0);
	fb_findings_release(&f);
	fb_submission_release(&s);

	READ(&s, &f, HDR);
	assert_int_equal(f.count[FB_R_NO_ROWS], 1);
	assert_int_equal(s.rows_read, 0);
	fb_findings_release(&f);
	fb_submission_release(&s);

	/* No unavailable column: FB001, and both rows are read and rejected. */
	READ(&s, &f, "la_code,approved,filled,vacant\n851,10,3,6\n867,3,2,1\n");
	assert_int_equal(f.count[FB_R_MISSING_COLUMN], 1);
	assert_string_equal(f.items[0].column, "unavailable");
	assert_int_equal(s.rows_read, 2);
	assert_int_equal(s.rows_rejected, 2);
	assert_int_equal(s.n, 0);
	fb_findings_release(&f);
	fb_submission_release(&s);
}

/*
 * Ofsted's published file given as the return (2018-19 layout, CRLF):
 * Bracknell Forest (867), Kent (886) and Atlantis (no such LA).
 */
static const char published[] =
	",,,England,,South East,Bracknell Forest,Kent,Atlantis\r\n"                     /* 1 */
	"Topic,Sub-topic,Data,,,,SC043051,SC062007,SC1\r\n"                              /* 2 */
	",,,,,,,,\r\n"                                                                   /* 3 */
	"Fostering households,Number of households (at 31 March),Total approved "
	"households,\"44,450\",,\"4,115\",70,685,5\r\n"                                  /* 4 */
	"Places,Fostering places (at 31 March),Number of approved foster places,"
	"\"88,370\",,\"7,565\",135,\"1,380\",5\r\n"                                      /* 5 */
	",Fostering Places,Number of filled places,\"54,870\",,\"4,985\",85,945,5\r\n"   /* 6 */
	",Fostering Places,Number of vacant places,\"16,080\",,\"1,070\",..,135,5\r\n"   /* 7 */
	",Fostering Places,Number of places not available,\"15,845\",,\"1,395\",25,285,"
	"5\r\n";                                                                         /* 8 */

static const char no_places[] = ",England,Kent\nTotal approved households,100,40\n";

static void
test_published_date(void **state)
{
	(void)state;
	assert_int_equal(fb_published_date("2018-19"), fb_date_from_civil(2019, 3, 31));
	assert_int_equal(fb_published_date("1999-00"), fb_date_from_civil(2000, 3, 31));
	assert_int_equal(fb_published_date("2018-20"), FB_NO_DATE);   /* not one year */
	assert_int_equal(fb_published_date("2018-2019"), FB_NO_DATE); /* not YYYY-YY */
	assert_int_equal(fb_published_date("2018_19"), FB_NO_DATE);
	assert_int_equal(fb_published_date("20a8-19"), FB_NO_DATE);
	assert_int_equal(fb_published_date(""), FB_NO_DATE);
	assert_int_equal(fb_published_date(NULL), FB_NO_DATE);
}

static void
test_published(void **state)
{
	struct fb_submission s;
	struct fb_findings f;
	(void)state;

	read_return(&s, &f, "ofsted_2018-19.csv", published, sizeof(published) - 1);
	assert_int_equal(s.published, 1);
	assert_string_equal(s.year, "2018-19");
	assert_int_equal(s.n, 2);
	/* Its authority columns are its rows: Atlantis matches no LA, rejected (FB026). */
	assert_int_equal(s.rows_read, 3);
	assert_int_equal(s.rows_used, 2);
	assert_int_equal(s.rows_rejected, 1);
	assert_int_equal(s.rejected_by[FB_R_UNMATCHED_AUTHORITY], 1);
	/* Every row sits on the approved row's line, 5; Bracknell's vacant is "..". */
	check_row(&s.rows[0], 867, 5, 135, 85, FB_MISSING, 25);
	check_row(&s.rows[1], 886, 5, 1380, 945, 135, 285);
	/* Ofsted's 2018-19 figures are at 31 March 2019, the year's end. */
	assert_int_equal(s.rows[0].date, fb_date_from_civil(2019, 3, 31));
	assert_int_equal(s.rows[1].date, fb_date_from_civil(2019, 3, 31));
	assert_int_equal(s.missing, 1);
	/*
	 * Kent does not balance (945 + 135 + 285 = 1365, not 1380), but a
	 * published file is not checked as it is read: only Atlantis' FB026.
	 */
	assert_int_equal(f.n, 1);
	assert_int_equal(f.count[FB_R_UNMATCHED_AUTHORITY], 1);
	assert_int_equal(f.items[0].file, 1);
	fb_findings_release(&f);
	fb_submission_release(&s);

	/* A name with no year: the date is unknown, never guessed. */
	read_return(&s, &f, "ofsted_la_level.csv", published, sizeof(published) - 1);
	assert_string_equal(s.year, "");
	assert_int_equal(s.rows[0].date, FB_NO_DATE);
	fb_findings_release(&f);
	fb_submission_release(&s);

	/* Names England but has no places rows: FB027, nothing read. */
	read_return(&s, &f, "ofsted_2018-19.csv", no_places, sizeof(no_places) - 1);
	assert_int_equal(s.published, 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(f.count[FB_R_UNKNOWN_RETURN_LAYOUT], 1);
	fb_findings_release(&f);
	fb_submission_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_shuffled),
		cmocka_unit_test(test_bad_counts),
		cmocka_unit_test(test_codes_duplicates_balance),
		cmocka_unit_test(test_snapshot_date),
		cmocka_unit_test(test_published_date),
		cmocka_unit_test(test_empty_and_headers),
		cmocka_unit_test(test_published),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
