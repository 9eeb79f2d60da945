/*
 * test-profile.c: mapping profiles (profile.h, profile-read.h): header
 * matching, value mapping, the date subset, profile errors with their
 * lines, and household expansion on counts worked out by hand.
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
#include "fosterbeds/episodes.h"
#include "fosterbeds/host.h"
#include "fosterbeds/profile-read.h"
#include "fosterbeds/profile.h"
#include "fosterbeds/run.h"

static struct fb_profile *
profile(const char *text)
{
	char why[512];
	struct fb_profile *p = fb_profile_read_text("t.ini", text, strlen(text), why, sizeof(why));

	if (!p)
		fail_msg("profile refused: %s", why);
	return p;
}

/* The error a profile is refused with, "t.ini:LINE: ..." */
static void
refused(const char *text, const char *want)
{
	char why[512];
	struct fb_profile *p = fb_profile_read_text("t.ini", text, strlen(text), why, sizeof(why));

	assert_null(p);
	if (strncmp(why, want, strlen(want)) != 0)
		fail_msg("got '%s', want it to start '%s'", why, want);
}

static void
read_text(struct fb_run *run, const char *name, const char *text)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");

	assert_non_null(in);
	assert_int_equal(fb_run_read(run, name, in), 0);
	fclose(in);
}

static const char base[] =
	"[constant]\nla_code = 851\nsnapshot_date = 2026-03-31\n"
	"[column household_id]\nheader = Carer ID\n"
	"[column bed_id]\npattern = ^bed[ _]?(no|number)$\n"
	"[column bed_use]\nalias = Bed Type | type of bed\n"
	"value mainstream = General\nvalue respite = Short break\n"
	"[column status]\nheader = Placement Status\n"
	"value filled = Occupied | Placed\nvalue vacant = Vacant\n"
	"value unavailable = On hold\ndrop = Total\n"
	"[column unavailable_reason]\nheader = Reason\nvalue carer_break = Break\n";

static void
test_header_matching(void **state)
{
	struct fb_profile *p = profile(base);
	const struct fb_profile_column *hh = &p->col[0], *bed = &p->col[1], *use = &p->col[2];
	(void)state;

	/* Exact: any case, spaces around, not inside. */
	assert_true(fb_profile_header_matches(hh, "Carer ID", 8));
	assert_true(fb_profile_header_matches(hh, " carer id ", 10));
	assert_false(fb_profile_header_matches(hh, "CarerID", 7));
	/* Aliases: no case, no spaces at all. */
	assert_true(fb_profile_header_matches(use, "BedType", 7));
	assert_true(fb_profile_header_matches(use, "TYPE OF BED", 11));
	assert_false(fb_profile_header_matches(use, "Bed_Type", 8));
	/* Pattern: extended, ignoring case. */
	assert_true(fb_profile_header_matches(bed, "Bed No", 6));
	assert_true(fb_profile_header_matches(bed, "BED_NUMBER", 10));
	assert_false(fb_profile_header_matches(bed, "Bed Type", 8));
	assert_false(fb_profile_header_matches(bed, "", 0));
	fb_profile_free(p);
}

static void
test_dates(void **state)
{
	char out[FB_DATE_TEXT_SIZE];
	(void)state;

	assert_int_equal(fb_profile_date_read("%d/%m/%Y", "31/03/2026", 10, out), 0);
	assert_string_equal(out, "2026-03-31");
	assert_int_equal(fb_profile_date_read("%d/%m/%Y", " 1/3/2026 ", 10, out), 0);
	assert_string_equal(out, "2026-03-01");
	assert_int_equal(fb_profile_date_read("%d/%m/%Y %H:%M", "31/03/2026 23:59", 16, out), 0);
	assert_string_equal(out, "2026-03-31");
	assert_int_equal(fb_profile_date_read("%Y-%m-%d %H:%M:%S", "2026-03-31 00:00:00", 19,
					      out), 0);
	assert_string_equal(out, "2026-03-31");
	/* The time must be a time, the year four digits, nothing left over. */
	assert_int_equal(fb_profile_date_read("%d/%m/%Y %H:%M", "31/03/2026 24:00", 16, out), -1);
	assert_int_equal(fb_profile_date_read("%d/%m/%Y", "31/03/26", 8, out), -1);
	assert_int_equal(fb_profile_date_read("%d/%m/%Y", "31/03/2026x", 11, out), -1);
	assert_int_equal(fb_profile_date_read("%d/%m/%Y", "31-03-2026", 10, out), -1);
	assert_int_equal(fb_profile_date_read("%d.%m.%Y %%", "31.03.2026 %", 12, out), 0);
	/* The calendar is the record checks' (FB006): 31/02 reads, as 2026-02-31. */
	assert_int_equal(fb_profile_date_read("%d/%m/%Y", "31/02/2026", 10, out), 0);
	assert_string_equal(out, "2026-02-31");

	assert_int_equal(fb_profile_date_format_check("%d/%m/%Y", NULL, 0), 0);
	assert_int_equal(fb_profile_date_format_check("%d/%m/%Y %H:%M:%S", NULL, 0), 0);
	assert_int_equal(fb_profile_date_format_check("%d/%m/%y", NULL, 0), -1);
	assert_int_equal(fb_profile_date_format_check("%d/%m", NULL, 0), -1);
	assert_int_equal(fb_profile_date_format_check("%d/%d/%m/%Y", NULL, 0), -1);
	assert_int_equal(fb_profile_date_format_check("%d/%m/%Y%", NULL, 0), -1);
}

static void
test_errors_name_their_line(void **state)
{
	(void)state;
	refused("[profile]\nsystem = a\nsystem = b\n", "t.ini:3: system is given twice");
	refused("[profile]\nfoo = 1\n", "t.ini:2: unknown key 'foo'");
	refused("; c\n\n[colum status]\n", "t.ini:3: unknown section [colum status]");
	refused("[column bed]\nheader = x\n", "t.ini:1: [column bed]: 'bed' is not a column");
	refused("[column status]\nheader = S\nvalue full = x\n", "t.ini:3: 'full' is not a code");
	refused("[column status]\nheader = S\nvalue filled = A\nvalue vacant = a\n",
		"t.ini:4: 'a' is mapped twice");
	refused("[column status]\nheader = S\n[column bed_use]\nalias = s\n",
		"t.ini:3: the header 'S' is mapped twice");
	refused("[column status]\nheader = Bed Status\n[column bed_use]\npattern = status$\n",
		"t.ini:3: the header 'Bed Status' is mapped twice");
	refused("[profile]\ndate_format = %d/%m/%y\n", "t.ini:2: date format '%d/%m/%y' has %y");
	refused("[profile]\nencoding = latin-9\n", "t.ini:2: encoding 'latin-9'");
	refused("[constant]\nla_code = Kent\n", "t.ini:2: constant la_code 'Kent'");
	refused("[column household_id]\npattern = (\n", "t.ini:2: pattern '(' is not a pattern");
	refused("[profile]\nnot ini\n", "t.ini:2: this line is not");
	refused("[constant]\nla_code = 851\n[column la_code]\nheader = LA\n",
		"t.ini:3: [column la_code] is also a constant");
	refused("[count filled]\nheader = F\nstatus = unavailable\n",
		"t.ini:1: [count filled] counts unavailable beds");
	refused("[constant]\nla_code = 851\n", "t.ini: nothing gives snapshot_date");
}

/* Values map, set other columns, drop; unmapped ones are FB038 and counted. */
static void
test_values(void **state)
{
	static const char text[] =
		"[profile]\ndelimiter = semicolon\n"
		"[constant]\nla_code = 851\nsnapshot_date = 2026-03-31\n"
		"[column household_id]\nheader = Carer\ndrop = Total\n"
		"[column bed_id]\nheader = Bed\n"
		"[column status]\nheader = Status\nvalue filled = Occupied\n"
		"value vacant = Empty\nvalue unavailable = On hold\n"
		"[column unavailable_reason]\nheader = Reason\nvalue carer_break = Break\n"
		"[flag respite]\nheader = Respite\nset bed_use respite = Y\n"
		"set bed_use mainstream = N\n";
	struct fb_profile *p = profile(text);
	struct fb_run run;
	struct fb_tally_row *rows;
	size_t n;
	(void)state;

	fb_run_init(&run, fb_date_from_civil(2026, 11, 30), 0);
	fb_run_set_profile(&run, p);
	read_text(&run, "a.csv", "Carer;Bed;Status;Respite;Reason\n"
				 "H1;1;occupied;N;\n"          /* case ignored */
				 "H1;2;Empty;Y;\n"
				 "H2;1;On hold;N;Break\n"
				 "H2;2;Ocupied;N;\n"          /* FB038 */
				 "H3;1;Empty;maybe;\n"         /* FB038 */
				 "TOTAL;5;9;x;\n");            /* dropped, its numbers unmapped */
	assert_int_equal(run.inputs[0].rows_read, 6);
	assert_int_equal(run.inputs[0].rows_used, 3);
	assert_int_equal(run.inputs[0].rows_rejected, 2);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_UNMAPPED_VALUE], 2);
	assert_int_equal(run.inputs[0].rows_dropped, 1);
	assert_int_equal(run.findings.count[FB_R_UNMAPPED_VALUE], 2);
	assert_int_equal(run.findings.count[FB_R_UNMAPPED_SUMMARY], 1);
	assert_int_equal(run.findings.count[FB_R_PROFILE_DROPPED], 1);
	/* A profile's separator is not warned about. */
	assert_int_equal(run.findings.count[FB_R_OTHER_SEPARATOR], 0);
	/* The suggestion names the nearest mapped value and what it maps to. */
	for (size_t i = 0; i < run.findings.n; i++)
		if (run.findings.items[i].rule == FB_R_UNMAPPED_VALUE &&
		    run.findings.items[i].line == 5)
			assert_non_null(strstr(run.findings.items[i].message,
					       "'Occupied' (filled)"));
	n = fb_tally_rows(&run.tally, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].counts.approved, 3);
	assert_int_equal(rows[0].counts.filled, 1);
	assert_int_equal(rows[0].counts.vacant, 1);
	assert_int_equal(rows[0].counts.unavailable, 1);
	assert_int_equal(rows[0].counts.respite_emergency, 1);
	free(rows);
	fb_run_release(&run);
	fb_profile_free(p);
}

/*
 * Households: counts in [count] order, beds numbered from 1.  By hand:
 * H1 approved 4 = 2 placed + 1 vacant + 1 on hold; H2 approved 2 = 1
 * respite placed + 1 vacant; H3 has no places (dropped); H4 says 3
 * approved but counts 2 (FB041); H5's count is not a number (FB041).
 * Beds: 4 + 2 = 6: filled 3 (1 respite), vacant 2, unavailable 1.
 */
static void
test_households(void **state)
{
	static const char text[] =
		"[constant]\nla_code = 886\nsnapshot_date = 2026-03-31\n"
		"[column household_id]\nheader = Household\n"
		"[approved]\nheader = Approved\n"
		"[count placed]\nheader = Placed\nstatus = filled\n"
		"[count vacant]\nheader = Vacant\nstatus = vacant\n"
		"[count hold]\nheader = On hold\nstatus = unavailable\n"
		"unavailable_reason = carer_break\n"
		"[count respite]\nheader = Respite placed\nstatus = filled\nbed_use = respite\n";
	struct fb_profile *p = profile(text);
	struct fb_run run;
	struct fb_tally_row *rows;
	size_t n;
	(void)state;

	assert_true(p->expand);
	fb_run_init(&run, fb_date_from_civil(2026, 11, 30), 0);
	fb_run_set_profile(&run, p);
	read_text(&run, "h.csv", "Household,Approved,Placed,Vacant,On hold,Respite placed\n"
				 "H1,4,2,1,1,0\n"
				 "H2,2,0,1,0,1\n"
				 "H3,0,0,0,0,0\n"
				 "H4,3,1,1,0,0\n"
				 "H5,1,x,1,0,0\n");
	/* Rows are beds: 6 beds, 2 rejected household rows, 1 dropped. */
	assert_int_equal(run.inputs[0].rows_read, 9);
	assert_int_equal(run.inputs[0].rows_used, 6);
	assert_int_equal(run.inputs[0].rows_rejected, 2);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_HOUSEHOLD_COUNTS], 2);
	assert_int_equal(run.inputs[0].rows_dropped, 1);
	n = fb_tally_rows(&run.tally, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].counts.approved, 6);
	assert_int_equal(rows[0].counts.filled, 3);
	assert_int_equal(rows[0].counts.vacant, 2);
	assert_int_equal(rows[0].counts.unavailable, 1);
	assert_int_equal(rows[0].counts.respite_emergency, 1);
	assert_int_equal(rows[0].counts.ms_filled, 2);
	assert_int_equal(rows[0].counts.unavailable_by[0][FB_UR_CARER_BREAK], 1);
	free(rows);
	fb_run_release(&run);
	fb_profile_free(p);
}

/* The finding of rule on line, or fail. */
static const struct fb_finding *
finding_at(const struct fb_run *run, int rule, long line)
{
	for (size_t i = 0; i < run->findings.n; i++)
		if ((int)run->findings.items[i].rule == rule && run->findings.items[i].line == line)
			return &run->findings.items[i];
	fail_msg("no finding %d on line %ld", rule, line);
	return NULL;
}

/*
 * Episodes through a profile, over 2026-03-01..2026-03-31 (31 nights).  By
 * hand: line 2 H1/1 filled to 10 March: 10; line 3 H1/1 vacant from 11
 * March (open): 21; line 4 H2/1 respite filled 15..20 March: 6; line 5 an
 * unmapped status (FB038); line 6 ends before it starts (FB030); line 7
 * the test household, dropped; lines 8 and 9 H4/1 overlap (FB031, both
 * rejected).  Rows: 8 read = 3 used + 4 rejected + 1 dropped.  Bed-nights:
 * approved 37, filled 16, vacant 21, mainstream approved 31, filled 10.
 */
static void
test_episodes(void **state)
{
	static const char text[] =
		"[profile]\ndelimiter = semicolon\ndate_format = %d/%m/%Y\n"
		"[constant]\nla_code = 870\n"
		"[column household_id]\nheader = Carer\ndrop = TEST\n"
		"[column bed_id]\nheader = Bed\n"
		"[column bed_use]\nheader = Use\nvalue mainstream = LT\nvalue respite = SB\n"
		"[column status]\nheader = Status\nvalue filled = Occupied\n"
		"value vacant = Empty\n"
		"[column status_from]\nheader = From\n"
		"[column status_to]\nheader = To\n";
	struct fb_profile *p = profile(text);
	struct fb_run run;
	struct fb_nights_row *rows;
	size_t n;
	(void)state;

	assert_true(p->episodes);
	assert_int_equal(p->episodes_line, 19);  /* [column status_from] */
	fb_run_init(&run, fb_date_from_civil(2026, 11, 30), 0);
	fb_run_set_profile(&run, p);
	fb_run_set_period(&run, fb_date_from_civil(2026, 3, 1), fb_date_from_civil(2026, 3, 31));
	read_text(&run, "e.csv", "Carer;Bed;Use;Status;From;To\n"
				 "H1;1;LT;Occupied;01/02/2026;10/03/2026\n"
				 "H1;1;LT;Empty;11/03/2026;\n"
				 "H2;1;SB;Occupied;15/03/2026;20/03/2026\n"
				 "H2;2;LT;Ocupied;01/03/2026;\n"
				 "H3;1;LT;Empty;20/03/2026;01/03/2026\n"
				 "TEST;1;LT;Empty;01/03/2026;\n"
				 "H4;1;LT;Empty;05/03/2026;\n"
				 "H4;1;LT;Occupied;10/03/2026;12/03/2026\n");
	fb_run_end(&run);
	assert_string_equal(run.inputs[0].role, "episodes");
	assert_int_equal(run.inputs[0].rows_read, 8);
	assert_int_equal(run.inputs[0].rows_used, 3);
	assert_int_equal(run.inputs[0].rows_rejected, 4);
	assert_int_equal(run.inputs[0].rows_dropped, 1);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_UNMAPPED_VALUE], 1);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_EPISODE_REVERSED], 1);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_EPISODE_OVERLAP], 2);
	/* On the export's own line and column: To is F (5), From is E (4), Status D (3). */
	assert_int_equal(finding_at(&run, FB_R_EPISODE_REVERSED, 6)->col, 5);
	assert_int_equal(finding_at(&run, FB_R_EPISODE_OVERLAP, 9)->col, 4);
	assert_int_equal(finding_at(&run, FB_R_UNMAPPED_VALUE, 5)->col, 3);
	assert_non_null(strstr(finding_at(&run, FB_R_UNMAPPED_VALUE, 5)->message,
			       "'Occupied' (filled)"));
	n = fb_episodes_bed_nights(&run.episodes, &run.period, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].la_code, 870);
	assert_int_equal(rows[0].n.approved, 37);
	assert_int_equal(rows[0].n.filled, 16);
	assert_int_equal(rows[0].n.vacant, 21);
	assert_int_equal(rows[0].n.unavailable, 0);
	assert_int_equal(rows[0].n.ms_approved, 31);
	assert_int_equal(rows[0].n.ms_filled, 10);
	free(rows);
	fb_run_release(&run);
	fb_profile_free(p);
}

/* What does not apply to episodes is refused on its line. */
static void
test_episode_errors(void **state)
{
	static const char ep[] =
		"[constant]\nla_code = 870\n"                                   /* 1-2 */
		"[column household_id]\nheader = C\n[column bed_id]\nheader = B\n" /* 3-6 */
		"[column bed_use]\nheader = U\n[column status]\nheader = S\n"     /* 7-10 */
		"[column status_from]\nheader = F\n";                           /* 11-12 */
	char text[1024];
	(void)state;

	refused(ep, "t.ini:11: an episode profile");
	snprintf(text, sizeof(text), "%s[column status_to]\nheader = T\n"
		 "[count placed]\nheader = P\nstatus = filled\n", ep);
	refused(text, "t.ini:15: [count placed]: household expansion does not apply");
	snprintf(text, sizeof(text), "%s[column status_to]\nheader = T\n"
		 "[column snapshot_date]\nheader = D\n", ep);
	refused(text, "t.ini:15: [column snapshot_date]: this profile reads episode files");
	snprintf(text, sizeof(text), "[profile]\nsnapshot_date_from_name = _(.*)[.]csv$\n%s"
		 "[column status_to]\nheader = T\n", ep);
	refused(text, "t.ini:2: snapshot_date_from_name does not apply");
	snprintf(text, sizeof(text), "%s[column status_to]\nheader = T\nvalue filled = x\n", ep);
	refused(text, "t.ini:15: status_to is not a coded column");
}

/* A header cell two columns match spoils the file (FB003), every row counted. */
static void
test_conflict_in_file(void **state)
{
	static const char text[] =
		"[constant]\nla_code = 851\nsnapshot_date = 2026-03-31\n"
		"[column household_id]\nalias = carer\n"
		"[column bed_id]\npattern = ^bed\n"
		"[column bed_use]\npattern = use$\n"
		"[column status]\nheader = status\n";
	struct fb_profile *p = profile(text);
	struct fb_run run;
	(void)state;

	fb_run_init(&run, 0, 0);
	fb_run_set_profile(&run, p);
	read_text(&run, "c.csv", "Carer,Bed use,Status\nC1,mainstream,filled\nC2,x,y\n");
	assert_int_equal(run.findings.count[FB_R_DUPLICATE_COLUMN], 1);
	assert_int_equal(run.inputs[0].rows_read, 2);
	assert_int_equal(run.inputs[0].rows_rejected, 2);
	fb_run_release(&run);
	fb_profile_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_matching),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_errors_name_their_line),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_households),
		cmocka_unit_test(test_conflict_in_file),
		cmocka_unit_test(test_episodes),
		cmocka_unit_test(test_episode_errors),
	};

	fb_host_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
