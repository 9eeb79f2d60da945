/*
 * test-ofsted.c: Ofsted's wide published file, on small synthetic files laid
 * out like the real ones (tests/fixtures/ofsted/): the 2018-19 layout (topic,
 * sub-topic, label, England, CRLF, a URN row) and the 2017-18 re-export
 * (label, England, LF); thousands separators, suppressed and blank cells,
 * regions and groupings, unmatched and repeated authorities, footnote marks,
 * Windows-1252 text, and the year taken from the file's name; then the
 * rows pooled from them (ofsted-pool.c), worked by hand.
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
#include "fosterbeds/ofsted.h"
#include "fosterbeds/tally.h"

enum { AP = FB_OM_APPROVED, FI = FB_OM_FILLED, VA = FB_OM_VACANT, UN = FB_OM_UNAVAILABLE,
       HH = FB_OM_HOUSEHOLDS, SB = FB_OM_SHORT_BREAK, EM = FB_OM_EMERGENCY,
       EX = FB_OM_EXEMPTIONS };

#define MISS FB_MISSING

/*
 * The 2018-19 layout.  Columns (from 0): 0 topic, 1 sub-topic, 2 label,
 * 3 England, 4 blank, 5 South East (a region), 6 Bracknell Forest (867),
 * 7 Kent (886), 8 Inner London (a grouping), 9 Atlantis (no such LA),
 * 10 Bristol (801), 11 "Bristol, City of" (801 again), 12 Portsmouth (851),
 * 13 Slough (871).  The cells of columns 8, 9 and 11 are junk ("x", "999"):
 * they must never be read.  Physical lines are given on the right; the row
 * on line 5 holds a quoted line break, so it ends on line 6.
 */
static const char layout_2018[] =
	",,,England,,South East,Bracknell Forest,Kent,Inner London,Atlantis,Bristol,"
	"\"Bristol, City of\",Portsmouth,Slough\r\n"                                    /* 1 */
	"Topic,Sub-topic,Data,,,,SC043051,SC062007,,SC999999,SC045678,SC045678,"
	"SC061504,1183495\r\n"                                                          /* 2 */
	",,,,,,,,,,,,,\r\n"                                                             /* 3 */
	"Children,Going missing,Number of children/young people who went \x91missing\x92"
	" while living with foster carers,\"6,395\",,200,5,40,n/a,n/a,10,n/a,15,5\r\n"  /* 4 */
	",\"Reasons for\r\ngoing missing\",Any other known reason,\"1,210\",,30,0,5,0,0,"
	"1,0,2,0\r\n"                                                                   /* 5-6 */
	"Foster carers,Training,Number of individual foster carers who have completed "
	"the TSD Standards for short breaks carers,\"1,630\",,111,1,2,3,4,5,6,7,8\r\n"  /* 7 */
	"Fostering households,Number of households (at 31 March),Total approved "
	"households,\"44,450\",,\"4,115\",70,685,x,x,200,999,210,65\r\n"                /* 8 */
	",Primary placement offer,Short breaks carers,20,,2,1,2,3,4,5,6,7,8\r\n"        /* 9 */
	",Primary placement offer,Emergency beds used in year,9,,9,9,9,9,9,9,9,9,9\r\n" /* 10 */
	",Primary placement offer (at 31 March),Emergency,245,,15,0,5,x,x,0,999,0,0\r\n" /* 11 */
	",Primary placement offer (at 31 March),Short breaks ,\"1,415\",,125,0,15,x,x,"
	"10,999,15,5\r\n"                                                               /* 12 */
	",Exemptions (in year),Number of households with exemptions to the usual "
	"fostering limit in place at any time during the year,\"1,785\",,225,5,25,x,x,"
	"..,999,15\r\n"                                                                 /* 13: no Slough cell */
	",,,,,,,,,,,,,\r\n"                                                             /* 14 */
	"Places,Fostering places (at 31 March) \xb0,Number of approved foster places "
	"(at 31 March) \xb0,\"88,370\",,\"7,565\",135,\"1,380\",x,x,400,999,435,125\r\n" /* 15 */
	",Fostering Places,Number of filled places ,\"54,870\",,\"4,985\",85,945,x,x,"
	"..,999,275,70\r\n"                                                             /* 16 */
	",Fostering Places,Number of vacant places,\"16,080\",,\"1,070\",25,135,x,x,,"
	"999,x5,25\r\n"                                                                 /* 17 */
	",Fostering Places,Number of places not available *,\"15,845\",,\"1,395\",25,"
	"285,x,x,60,999,90,35\r\n"                                                      /* 18 */
	",,,,,,,,,,,,,\r\n"                                                             /* 19 */
	",Other section,Number of approved foster places,1,,1,1,1,1,1,1,1,1,1\r\n"      /* 20 */
	",\"\xb0 A number of households had exemptions in place\",,,,,,,,,,,,\r\n";      /* 21 */

/*
 * The 2017-18 re-export: labels in column 0, England in column 1, LF line
 * ends, no thousands separators.  "South East " carries a trailing space (as
 * "East Midlands " does in the real file); London Tri-borough is a grouping
 * that is not in the LA table.
 */
static const char layout_2017[] =
	",England,North East,Darlington,South East ,Kent,Portsmouth,London Tri-borough\n"  /* 1 */
	"Number of children/young people in placements (at 31 March),53040,2910,85,7000,"
	"945,275,300\n"                                                                     /* 2 */
	"Number of individual foster carers who have completed the TSD Standards for "
	"short breaks carers,1630,60,0,100,40,12,7\n"                                       /* 3 */
	"Total approved carers ,73530,3560,135,7000,1300,700,600\n"                         /* 4 */
	"Total approved households,43475,2140,80,4000,680,205,300\n"                        /* 5 */
	"Emergency,385,5,0,10,5,0,1\n"                                                      /* 6 */
	"Short breaks,1480,55,5,120,15,10,2\n"                                               /* 7 */
	"Number of households with exemptions to the usual fostering limit in place at "
	"any time during the year,1480,65,0,200,25,15,3\n"                                  /* 8 */
	"Number of approved foster places,87120,4075,150,7500,1370,430,500\n"               /* 9 */
	"Number of filled places,53205,2915,85,5000,940,270,300\n"                          /* 10 */
	"Number of vacant places,17150,510,40,1000,140,60,100\n"                            /* 11 */
	"Number of places not available,15645,575,25,1400,280,90,100\n";                    /* 12 */

#define LEN(lit) (sizeof(lit) - 1)

static void
check_la(const struct fb_ofsted_la *la, int code, const long want[FB_OM_COUNT])
{
	assert_int_equal(la->la_code, code);
	for (int m = 0; m < FB_OM_COUNT; m++)
		if (la->v[m] != want[m])
			fail_msg("LA %03d %s: got %ld, want %ld", code, fb_ofsted_measure_names[m],
				 la->v[m], want[m]);
}

/* The index of the first finding of rule, or -1. */
static int
find_rule(const struct fb_findings *f, enum fb_rule rule)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].rule == rule)
			return (int)i;
	return -1;
}

static void
test_layout_2018(void **state)
{
	struct fb_ofsted o;
	struct fb_findings f;
	int i;
	/*
	 * Columns read, in the file's order, from the rows of lines 15-18
	 * (places), 8 (households), 12 (short breaks: the exact label, not
	 * lines 7 or 9), 11 (emergency: not line 10) and 13 (exemptions).
	 */
	static const long bracknell[FB_OM_COUNT] = { 135, 85, 25, 25, 70, 0, 0, 5 };
	static const long kent[FB_OM_COUNT] = { 1380, 945, 135, 285, 685, 15, 5, 25 };
	/* Bristol: filled "..", vacant blank, exemptions "..". */
	static const long bristol[FB_OM_COUNT] = { 400, MISS, MISS, 60, 200, 10, 0, MISS };
	/* Portsmouth: vacant "x5" is FB023 and left empty. */
	static const long portsmouth[FB_OM_COUNT] = { 435, 275, MISS, 90, 210, 15, 0, 15 };
	/* Slough: the exemptions row stops before its column. */
	static const long slough[FB_OM_COUNT] = { 125, 70, 25, 35, 65, 5, 0, MISS };
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	assert_int_equal(fb_ofsted_looks_like(layout_2018, LEN(layout_2018)), 1);
	assert_int_equal(fb_ofsted_read(&o, layout_2018, LEN(layout_2018), "x_2018-19_y.csv",
					NULL, 3, &f), 0);
	/* England, South East and Inner London are not authorities; Atlantis
	 * matches none; the second Bristol column is dropped: 9 - 4 = 5 left. */
	assert_int_equal(o.n, 5);
	check_la(&o.las[0], 867, bracknell);
	check_la(&o.las[1], 886, kent);
	check_la(&o.las[2], 801, bristol);
	check_la(&o.las[3], 851, portsmouth);
	check_la(&o.las[4], 871, slough);
	/* Bristol filled, vacant and exemptions, Slough exemptions; the bad
	 * Portsmouth cell is a finding, not a missing cell. */
	assert_int_equal(o.missing, 4);
	assert_int_equal(o.unmatched, 1);
	assert_int_equal(o.places_line, 15);   /* line 20's second approved row is not used */
	assert_string_equal(o.year, "2018-19");

	/* Exactly three findings: Atlantis, the second Bristol, Portsmouth's
	 * vacant; nothing for Inner London, South East or the junk cells. */
	assert_int_equal(f.n, 3);
	assert_int_equal(f.count[FB_R_UNMATCHED_AUTHORITY], 1);
	assert_int_equal(f.count[FB_R_DUPLICATE_RETURN_ROW], 1);
	assert_int_equal(f.count[FB_R_BAD_COUNT], 1);
	/* A name that matches no LA is an error now, not a warning. */
	assert_int_equal(f.errors, 3);     /* FB024, FB023 and FB026 */
	assert_int_equal(f.warnings, 0);
	/* Bristol's filled ".." is suppressed; its vacant blank is not. */
	assert_int_equal(o.las[2].suppressed, FB_OM_BIT(FI) | FB_OM_BIT(EX));
	/* England's and the South East's own columns, as published. */
	assert_int_equal(o.england.given, 1);
	assert_int_equal(o.england.v[AP], 88370);
	assert_int_equal(o.england.v[EX], 1785);
	{
		static const long se[FB_OM_COUNT] = { 7565, 4985, 1070, 1395, 4115, 125, 15, 225 };

		assert_int_equal(o.regions[7].given, 1);
		for (int m = 0; m < FB_OM_COUNT; m++)
			assert_int_equal(o.regions[7].v[m], se[m]);
		for (int g = 0; g < FB_NREGIONS; g++)
			assert_int_equal(o.regions[g].given, g == 7);
	}
	/* Atlantis follows the South East column; its junk cells are not counts. */
	assert_string_equal(o.bad[0].name, "Atlantis");
	assert_int_equal(o.bad[0].region, 7);
	assert_int_equal(o.bad[0].v[AP], MISS);

	i = find_rule(&f, FB_R_UNMATCHED_AUTHORITY);
	assert_int_equal(f.items[i].file, 3);
	assert_int_equal(f.items[i].line, 1);
	assert_string_equal(f.items[i].column, "Atlantis");
	assert_string_equal(f.items[i].value, "Atlantis");
	assert_non_null(strstr(f.items[i].message, "column 10"));   /* 0-based 9 */
	/* Nothing is within two edits of "atlantis": no guess, a pointer instead. */
	assert_non_null(strstr(f.items[i].message, "no LA or joint service has a name close"));

	i = find_rule(&f, FB_R_DUPLICATE_RETURN_ROW);
	assert_int_equal(f.items[i].line, 1);
	assert_string_equal(f.items[i].column, "Bristol, City of");
	assert_non_null(strstr(f.items[i].message, "LA 801"));

	i = find_rule(&f, FB_R_BAD_COUNT);
	assert_int_equal(f.items[i].line, 17);
	assert_string_equal(f.items[i].column, "Portsmouth");
	assert_string_equal(f.items[i].value, "x5");
	assert_string_equal(f.items[i].message,
			    "vacant for 'Portsmouth' is 'x5', not a count; it is left empty");

	fb_findings_release(&f);
	fb_ofsted_release(&o);
	assert_int_equal(o.n, 0);
}

static void
test_layout_2017(void **state)
{
	struct fb_ofsted o;
	struct fb_findings f;
	/* Lines 9-12 places, 5 households, 7 short breaks (not line 3), 6
	 * emergency, 8 exemptions. */
	static const long darlington[FB_OM_COUNT] = { 150, 85, 40, 25, 80, 5, 0, 0 };
	static const long kent[FB_OM_COUNT] = { 1370, 940, 140, 280, 680, 15, 5, 25 };
	static const long portsmouth[FB_OM_COUNT] = { 430, 270, 60, 90, 205, 10, 0, 15 };
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	assert_int_equal(fb_ofsted_looks_like(layout_2017, LEN(layout_2017)), 1);
	assert_int_equal(fb_ofsted_read(&o, layout_2017, LEN(layout_2017),
					"ofsted_fostering_in_england_2017-18_dataset.csv", NULL, 0,
					&f), 0);
	assert_int_equal(o.n, 3);
	check_la(&o.las[0], 841, darlington);
	check_la(&o.las[1], 886, kent);
	check_la(&o.las[2], 851, portsmouth);
	assert_int_equal(o.missing, 0);
	assert_int_equal(o.places_line, 9);
	assert_string_equal(o.year, "2017-18");
	/* North East and "South East " are regions; London Tri-borough is a
	 * known joint fostering service, read as one: no finding. */
	assert_int_equal(o.unmatched, 0);
	assert_int_equal(f.n, 0);
	assert_int_equal(o.njoints, 1);
	assert_string_equal(o.joints[0].service->name, "London Tri-borough");
	{
		static const long tri[FB_OM_COUNT] = { 500, 300, 100, 100, 300, 2, 1, 3 };
		static const long se[FB_OM_COUNT] = { 7500, 5000, 1000, 1400, 4000, 120, 10, 200 };

		for (int m = 0; m < FB_OM_COUNT; m++) {
			assert_int_equal(o.joints[0].v[m], tri[m]);
			assert_int_equal(o.regions[7].v[m], se[m]);   /* "South East " */
		}
		assert_int_equal(o.regions[0].v[AP], 4075);         /* North East */
		assert_int_equal(o.regions[6].given, 0);            /* no London column */
	}
	fb_findings_release(&f);
	fb_ofsted_release(&o);
}

/* Valid UTF-8 (no conversion): a "°" as C2 B0 after a label still matches. */
static void
test_utf8_footnote_and_undefined_1252(void **state)
{
	static const char utf8[] =
		",England,Kent\n"
		"Number of approved foster places\xc2\xb0,100,40\n"
		"Number of filled places \xe2\x80\x98\xe2\x80\x99,60,20\n"
		"Number of vacant places,30,15\n"
		"Number of places not available,10,5\n";
	/* 0x81 is not a Windows-1252 character: the bytes are kept as they are. */
	static const char undefined[] =
		",England,Kent\n"
		"Number of approved foster places \x81,100,40\n"
		"Number of filled places,60,20\n"
		"Number of vacant places,30,15\n"
		"Number of places not available,10,5\n";
	struct fb_ofsted o;
	struct fb_findings f;
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	assert_int_equal(fb_ofsted_read(&o, utf8, LEN(utf8), "a.csv", NULL, 0, &f), 0);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.las[0].la_code, 886);
	assert_int_equal(o.las[0].v[AP], 40);
	assert_int_equal(o.las[0].v[FI], 20);
	assert_int_equal(o.las[0].v[HH], MISS);   /* no such row: missing, not 0 */
	assert_int_equal(o.places_line, 2);
	assert_int_equal(f.n, 0);
	fb_ofsted_release(&o);

	assert_int_equal(fb_ofsted_read(&o, undefined, LEN(undefined), "a.csv", NULL, 0, &f), 0);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.las[0].v[AP], 40);
	assert_int_equal(o.las[0].v[UN], 5);
	assert_int_equal(f.n, 0);
	fb_findings_release(&f);
	fb_ofsted_release(&o);
}

static int decoded;

/* A decoder that counts its calls and hands back the text unchanged. */
static char *
counting_decoder(const char *text, size_t len, size_t *outlen)
{
	char *out = malloc(len + 1);

	decoded++;
	memcpy(out, text, len);
	out[len] = '\0';
	*outlen = len;
	return out;
}

/* The core decodes through the host's hook, and only text that is not UTF-8. */
static void
test_decoder_hook(void **state)
{
	static const char utf8[] = ",England,Kent\nNumber of approved foster places\xc2\xb0,100,40\n"
		"Number of filled places,60,20\n" "Number of vacant places,30,15\n" "Number of places not available,10,5\n";
	static const char cp1252[] = ",England,Kent\nNumber of approved foster places\xb0,100,40\n"
		"Number of filled places,60,20\n" "Number of vacant places,30,15\n" "Number of places not available,10,5\n";
	struct fb_hooks hooks = { .decode_1252 = counting_decoder };
	struct fb_ofsted o;
	struct fb_findings f;
	(void)state;

	fb_hooks_set(&hooks);
	fb_findings_init(&f, 0);
	fb_ofsted_init(&o);
	decoded = 0;
	assert_int_equal(fb_ofsted_read(&o, utf8, LEN(utf8), "a.csv", NULL, 0, &f), 0);
	assert_int_equal(decoded, 0);
	fb_ofsted_release(&o);
	fb_ofsted_init(&o);
	assert_int_equal(fb_ofsted_read(&o, cp1252, LEN(cp1252), "a.csv", NULL, 0, &f), 0);
	assert_int_equal(decoded, 1);
	assert_int_equal(o.las[0].v[AP], 40);
	fb_ofsted_release(&o);
	/* Without a decoder the bytes are kept and the file still reads. */
	fb_hooks_set(NULL);
	fb_ofsted_init(&o);
	assert_int_equal(fb_ofsted_read(&o, cp1252, LEN(cp1252), "a.csv", NULL, 0, &f), 0);
	assert_int_equal(o.las[0].v[AP], 40);
	fb_ofsted_release(&o);
	fb_findings_release(&f);
	fb_host_install();
}

static void
test_not_recognised(void **state)
{
	static const struct {
		const char *what;
		const char *text;
	} cases[] = {
		{ "a simple return", "la_code,approved,filled,vacant,unavailable\n851,10,3,6,1\n" },
		{ "England in the first column: no label column",
		  "England,Kent\nNumber of approved foster places,1\n" },
		{ "England but no places rows",
		  ",England,Kent\nTotal approved households,100,40\n" },
		{ "England but no unavailable row",
		  ",England,Kent\nNumber of approved foster places,100,40\n"
		  "Number of filled places,60,20\nNumber of vacant places,30,15\n" },
		{ "empty", "" },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fb_ofsted o;
		struct fb_findings f;

		fb_ofsted_init(&o);
		fb_findings_init(&f, 0);
		if (fb_ofsted_read(&o, cases[i].text, strlen(cases[i].text), "x_2018-19_y.csv", NULL,
				   2, &f) != -1)
			fail_msg("%s: read as Ofsted's file", cases[i].what);
		assert_int_equal(f.count[FB_R_UNKNOWN_RETURN_LAYOUT], 1);
		assert_int_equal(f.errors, 1);
		assert_int_equal(f.items[0].file, 2);
		assert_int_equal(f.items[0].line, 1);
		fb_findings_release(&f);
		fb_ofsted_release(&o);
	}
}

static void
test_looks_like(void **state)
{
	static const struct {
		const char *text;
		int want;
	} cases[] = {
		{ ",,,England,,North East\r\n", 1 },
		{ ",England,North East\n", 1 },
		{ ",\"England\",Kent\n", 1 },
		{ ",ENGLAND\n", 1 },                                    /* any case, at the end */
		{ "\n\n\n\n,England,Kent\n", 1 },                      /* fifth line */
		{ "\n\n\n\n\n\n\n\n\n,England,Kent\n", 1 },        /* tenth line: still read */
		{ "\n\n\n\n\n\n\n\n\n\n,England,Kent\n", 0 },      /* eleventh: too late */
		{ "la_code,approved,filled,vacant,unavailable\n851,10,3,6,1\n", 0 },
		{ ",New England,Kent\n", 0 },                           /* not a whole cell */
		{ ",Englandshire\n", 0 },
		{ "", 0 },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (fb_ofsted_looks_like(cases[i].text, strlen(cases[i].text)) != cases[i].want)
			fail_msg("case %zu: want %d", i, cases[i].want);
}

static void
test_year(void **state)
{
	static const char file[] =
		",England,Kent\n"
		"Number of approved foster places,100,40\n"
		"Number of filled places,60,20\n"
		"Number of vacant places,30,15\n"
		"Number of places not available,10,5\n";
	static const struct {
		const char *path, *year, *want;
	} cases[] = {
		{ "x_2018-19_y.csv", NULL, "2018-19" },
		{ "Local_authority_level_fostering_data_2018_to_2019.csv", NULL, "2018-19" },
		{ "data/ofsted_2019_20.csv", NULL, "2019-20" },
		{ "fostering_2018-2019.csv", NULL, "2018-19" },
		{ "fostering.csv", NULL, "" },
		{ "fostering_2018-20.csv", NULL, "" },         /* not consecutive years */
		{ "fostering_20190331.csv", NULL, "" },
		{ "x_2018-19_y.csv", "2019-20", "2019-20" },   /* an explicit year wins */
		{ "fostering.csv", "2020-21", "2020-21" },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fb_ofsted o;
		struct fb_findings f;

		fb_ofsted_init(&o);
		fb_findings_init(&f, 0);
		assert_int_equal(fb_ofsted_read(&o, file, LEN(file), cases[i].path, cases[i].year, 0,
						&f), 0);
		if (strcmp(o.year, cases[i].want) != 0)
			fail_msg("%s (year %s): got '%s', want '%s'", cases[i].path,
				 cases[i].year ? cases[i].year : "none", o.year, cases[i].want);
		fb_findings_release(&f);
		fb_ofsted_release(&o);
	}
}

/*
 * The year is found in the file's own name: a folder named for another year
 * ("2024-25") must not win over it (a bug found and fixed).
 */
static void
test_year_from_file_name_not_directory(void **state)
{
	static const char file[] =
		",England,Kent\n"
		"Number of approved foster places,100,40\n"
		"Number of filled places,60,20\n"
		"Number of vacant places,30,15\n"
		"Number of places not available,10,5\n";
	struct fb_ofsted o;
	struct fb_findings f;
	char year[sizeof(o.year)];
	int rc;
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	rc = fb_ofsted_read(&o, file, LEN(file), "data/2024-25/ofsted_2018-19.csv", NULL, 0, &f);
	memcpy(year, o.year, sizeof(year));
	/* Released before asserting, so that the failure leaks nothing under valgrind. */
	fb_findings_release(&f);
	fb_ofsted_release(&o);
	assert_int_equal(rc, 0);
	assert_string_equal(year, "2018-19");
}

/*
 * Lone-CR line ends (Excel for Mac's "CSV (Macintosh)") count as lines, as
 * ingest counts them (test-ingest.c, test_lone_cr_line_ends): the approved
 * row is on line 2 and the bad filled cell on line 3 (a bug found and fixed).
 */
static void
test_lone_cr_line_numbers(void **state)
{
	static const char file[] =
		",England,Kent\r"                              /* 1 */
		"Number of approved foster places,100,40\r"    /* 2 */
		"Number of filled places,60,x\r"               /* 3 */
		"Number of vacant places,30,15\r"              /* 4 */
		"Number of places not available,10,5\r";       /* 5 */
	struct fb_ofsted o;
	struct fb_findings f;
	int rc;
	size_t n, bad;
	long approved, places_line, bad_line;
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	rc = fb_ofsted_read(&o, file, LEN(file), "a.csv", NULL, 0, &f);
	n = o.n;
	approved = n ? o.las[0].v[AP] : 0;
	places_line = o.places_line;
	bad = f.count[FB_R_BAD_COUNT];
	bad_line = f.n ? f.items[0].line : 0;
	/* Released before asserting, so that the failure leaks nothing under valgrind. */
	fb_findings_release(&f);
	fb_ofsted_release(&o);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 1);
	assert_int_equal(approved, 40);   /* the values themselves are read */
	assert_int_equal(bad, 1);
	assert_int_equal(places_line, 2);
	assert_int_equal(bad_line, 3);
}

/*
 * A stray character after a closing quote is FB035 on its line, and the
 * rows after it are read as rows: without libcsv's strict mode the quoted
 * value stayed open and ran the filled row into the vacant one.
 */
static void
test_malformed_quote(void **state)
{
	static const char file[] =
		",England,Kent\n"                               /* 1 */
		"Number of approved foster places,100,40\n"     /* 2 */
		"Number of filled places,60,\"20\"x\n"          /* 3 */
		"Number of vacant places,30,\"15\"\n"           /* 4 */
		"Number of places not available,10,5\n";        /* 5 */
	struct fb_ofsted o;
	struct fb_findings f;
	int rc;
	size_t n, bad;
	long vacant, bad_line;
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	rc = fb_ofsted_read(&o, file, LEN(file), "a.csv", NULL, 0, &f);
	n = o.n;
	vacant = n ? o.las[0].v[FB_OM_VACANT] : 0;
	bad = f.count[FB_R_MALFORMED_QUOTE];
	bad_line = f.n ? f.items[0].line : 0;
	fb_findings_release(&f);
	fb_ofsted_release(&o);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 1);
	assert_int_equal(bad, 1);
	assert_int_equal(bad_line, 3);
	assert_int_equal(vacant, 15);     /* the vacant row is its own row */
}

static void
test_balance_check(void **state)
{
	struct fb_findings f;
	(void)state;

	fb_findings_init(&f, 0);
	fb_places_balance_check(&f, 0, 5, "approved", 851, 10, 3, 6, 1);     /* 3+6+1 = 10 */
	fb_places_balance_check(&f, 0, 6, "approved", 851, 10, MISS, 6, 1);  /* not all given */
	assert_int_equal(f.n, 0);
	fb_places_balance_check(&f, 1, 7, "approved", 851, 10, 3, 6, 2);     /* 3+6+2 = 11 */
	assert_int_equal(f.n, 1);
	assert_int_equal(f.count[FB_R_UNBALANCED_RETURN], 1);
	assert_int_equal(f.warnings, 1);
	assert_int_equal(f.items[0].line, 7);
	assert_string_equal(f.items[0].message,
			    "LA 851: 10 approved places but filled + vacant + unavailable = "
			    "3 + 6 + 2 = 11; used as submitted");
	fb_findings_release(&f);
}

/*
 * A misspelt authority is an error that names the nearest LAs (a swap of
 * two letters is one edit); a joint service's other spellings are known; a
 * second England column is no authority.
 */
static void
test_unmatched_suggests(void **state)
{
	static const char file[] =
		",England,South East,Hampshrie,Kent,Tri-Borough,Northumberlnd,England\n"
		"Number of approved foster places,100,60,40,20,10,5,100\n"
		"Number of filled places,60,30,20,10,5,5,60\n"
		"Number of vacant places,30,20,15,5,5,0,30\n"
		"Number of places not available,10,10,5,5,0,0,10\n";
	struct fb_ofsted o;
	struct fb_findings f;
	(void)state;

	fb_ofsted_init(&o);
	fb_findings_init(&f, 0);
	assert_int_equal(fb_ofsted_read(&o, file, LEN(file), "a.csv", NULL, 0, &f), 0);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.njoints, 1);
	assert_int_equal(o.unmatched, 2);
	assert_int_equal(f.count[FB_R_UNMATCHED_AUTHORITY], 2);
	assert_int_equal(f.errors, 2);
	assert_string_equal(f.items[0].message,
			    "authority 'Hampshrie' (column 4) matches no English LA and no known "
			    "joint fostering service, so its figures are left out of every sum: "
			    "did you mean 'Hampshire' (850)?");
	assert_non_null(strstr(f.items[1].message, "did you mean 'Northumberland' (929)?"));
	/* The unmatched column's figures are kept for the notes, and its region. */
	assert_int_equal(o.bad[0].v[AP], 40);
	assert_int_equal(o.bad[0].region, 7);
	fb_findings_release(&f);
	fb_ofsted_release(&o);
}

static void
test_joint_services(void **state)
{
	const struct fb_joint_service *j = fb_joint_by_name("london  tri-borough", 19);
	(void)state;

	assert_non_null(j);
	assert_string_equal(j->region, "London");
	assert_ptr_equal(fb_joint_by_name("Tri-borough", 11), j);
	assert_ptr_equal(fb_joint_by_name("London Triborough", 17), j);
	assert_null(fb_joint_by_name("London", 6));
	assert_null(fb_joint_by_name("", 0));
	assert_ptr_equal(fb_joint_of_la(205), j);
	assert_ptr_equal(fb_joint_of_la(207), j);
	assert_ptr_equal(fb_joint_of_la(213), j);
	assert_null(fb_joint_of_la(206));
	/* Every member is a London LA, and the region is one of Ofsted's nine. */
	for (size_t i = 0; i < fb_joint_services_len; i++)
		assert_true(fb_region_index(fb_joint_services[i].region) >= 0);
	assert_int_equal(fb_region_index(" south east "), 7);
	assert_int_equal(fb_region_index("Wessex"), -1);
}

/* Ofsted's rounding to 5: differences up to 10 are not warned; 15 is. */
static void
test_published_balance_check(void **state)
{
	struct fb_findings f;
	(void)state;

	fb_findings_init(&f, 0);
	fb_published_balance_check(&f, 0, 5, 30, "Kent", 886, 100, 60, 30, 20);   /* 110: 10 apart */
	fb_published_balance_check(&f, 0, 5, 30, "Kent", 886, 100, 50, 30, 10);   /* 90: 10 apart */
	fb_published_balance_check(&f, 0, 5, 30, "Kent", 886, 100, MISS, 30, 10); /* not all given */
	assert_int_equal(f.n, 0);
	fb_published_balance_check(&f, 0, 6, 30, "Kent", 886, 100, 60, 30, 25);   /* 115 */
	fb_published_balance_check(&f, 0, 7, 30, "London Tri-borough", 0, 385, 225, 120, 25);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.warnings, 2);
	assert_string_equal(f.items[0].column, "Kent");
	assert_int_equal(f.items[0].col, 30);   /* Excel's AE */
	assert_string_equal(f.items[0].message,
			    "Kent (886): 100 approved places but filled + vacant + unavailable = "
			    "60 + 30 + 25 = 115, 15 apart, more than Ofsted's rounding to 5 explains "
			    "(up to 10); used as published");
	assert_string_equal(f.items[1].column, "London Tri-borough");
	assert_non_null(strstr(f.items[1].message, "London Tri-borough: 385 approved"));
	/* An LA's own return is exact: 1 apart is warned. */
	fb_places_balance_check(&f, 0, 8, "approved", 886, 100, 60, 30, 11);
	assert_int_equal(f.n, 3);
	fb_findings_release(&f);
}


/*
 * Pooling, worked by hand.  Two LAs in the South East: Kent 300 approved,
 * 200 filled, 60 vacant, 40 not available; Medway 100, 50, ".." and 30.
 * Ofsted's South East column: 405, 250, 95, 70.
 *
 * The sum adds the LAs that give each measure: 400, 250, 60 (Kent's alone:
 * Medway's is suppressed, never 0) and 70.  Its shares add the LAs that
 * give both counts: filled 250 of 400, vacant 60 of 300 (Kent alone),
 * unavailable 70 of 400.  The difference is Ofsted's minus the sum: +5, 0,
 * +35, 0.  Two LAs' figures and Ofsted's own, each rounded to the nearest
 * 5 (at most 2 off), can be 2 * 3 = 6 apart, so +5 is rounding alone.
 */
static const char pool_file[] =
	",England,South East,Kent,Medway\n"
	"Number of approved foster places,1000,405,300,100\n"
	"Number of filled places,600,250,200,50\n"
	"Number of vacant places,250,95,60,..\n"
	"Number of places not available,150,70,40,30\n";

static void
check_counts(const struct fb_ofsted_row *r, long ap, long fi, long va, long un)
{
	assert_int_equal(r->v[AP], ap);
	assert_int_equal(r->v[FI], fi);
	assert_int_equal(r->v[VA], va);
	assert_int_equal(r->v[UN], un);
	assert_int_equal(r->v[HH], MISS);   /* not in the file */
}

static void
check_share(const struct fb_ofsted_row *r, int k, long num, long den)
{
	assert_int_equal(r->pct_num[k], num);
	assert_int_equal(r->pct_den[k], den);
}

static void
test_pool_region(void **state)
{
	struct fb_ofsted o;
	struct fb_ofsted_rows rows;
	struct fb_findings f;
	const struct fb_ofsted_row *r;
	(void)state;

	fb_findings_init(&f, 0);
	fb_ofsted_init(&o);
	fb_ofsted_rows_init(&rows);
	assert_int_equal(fb_ofsted_read(&o, pool_file, LEN(pool_file), "x_2019-20.csv", NULL, 0,
					&f), 0);
	fb_ofsted_rows_add(&rows, &o, fb_region_index("South East"), 0, &f);
	fb_ofsted_release(&o);   /* the rows keep nothing of it */
	assert_int_equal(f.n, 0);   /* Kent balances; Medway's vacant is not given */
	assert_int_equal(rows.missing, 1);
	assert_int_equal(rows.n, 5);

	r = &rows.v[0];
	assert_int_equal(r->kind, FB_OK_LA);
	assert_int_equal(r->la_code, 886);
	assert_string_equal(r->year, "2019-20");
	assert_string_equal(r->region, "South East");
	assert_null(r->name);
	assert_false(fb_ofsted_row_pooled(r));
	check_counts(r, 300, 200, 60, 40);
	check_share(r, 0, 200, 300);

	r = &rows.v[1];
	assert_int_equal(r->la_code, 887);
	check_counts(r, 100, 50, MISS, 30);
	check_share(r, 1, MISS, 100);

	r = &rows.v[2];
	assert_int_equal(r->kind, FB_OK_REGION);
	assert_true(fb_ofsted_row_pooled(r));
	assert_int_equal(r->la_code, FB_LA_ALL);
	assert_string_equal(r->name, "South East");
	check_counts(r, 400, 250, 60, 70);
	check_share(r, 0, 250, 400);
	check_share(r, 1, 60, 300);
	check_share(r, 2, 70, 400);
	assert_int_equal(r->nla, 2);
	assert_int_equal(r->pooled, 2);
	assert_string_equal(r->not_pooled, "Medway (887): vacant suppressed");
	assert_string_equal(r->note, "pools the approved places of 2 of the 2 LAs with a "
			    "column in the file; a measure sums the authorities that give it");

	r = &rows.v[3];
	assert_int_equal(r->kind, FB_OK_REGION_PUBLISHED);
	assert_string_equal(r->name, "South East (Ofsted)");
	check_counts(r, 405, 250, 95, 70);
	check_share(r, 0, 250, 405);

	r = &rows.v[4];
	assert_int_equal(r->kind, FB_OK_REGION_DIFF);
	assert_string_equal(r->name, "South East (Ofsted - sum)");
	assert_int_equal(r->given, FB_OM_BIT(AP) | FB_OM_BIT(FI) | FB_OM_BIT(VA) |
			 FB_OM_BIT(UN));
	assert_int_equal(r->v[AP], 5);
	assert_int_equal(r->v[FI], 0);
	assert_int_equal(r->v[VA], 35);
	assert_int_equal(r->v[UN], 0);
	check_share(r, 0, MISS, MISS);
	assert_string_equal(r->note, "approved places: Ofsted 405, sum 400, difference +5; "
			    "rounding to 5 alone (up to 6 for these 2 figures and Ofsted's own)");

	fb_ofsted_rows_release(&rows);
	fb_findings_release(&f);
}

/*
 * Every region: the South East's five rows, then England's sum (the same
 * two LAs).  England's "published" row would add the nine region columns,
 * and this file has one, so it and the difference are left out; England's
 * own column (every agency) comes last.
 */
static void
test_pool_england(void **state)
{
	struct fb_ofsted o;
	struct fb_ofsted_rows rows;
	struct fb_findings f;
	(void)state;

	fb_findings_init(&f, 0);
	fb_ofsted_init(&o);
	fb_ofsted_rows_init(&rows);
	assert_int_equal(fb_ofsted_read(&o, pool_file, LEN(pool_file), "x_2019-20.csv", NULL, 0,
					&f), 0);
	fb_ofsted_rows_add(&rows, &o, -1, 0, &f);
	fb_ofsted_release(&o);
	assert_int_equal(rows.n, 7);
	assert_int_equal(rows.v[5].kind, FB_OK_ENGLAND);
	assert_string_equal(rows.v[5].name, "England");
	assert_string_equal(rows.v[5].region, "");
	check_counts(&rows.v[5], 400, 250, 60, 70);
	assert_int_equal(rows.v[6].kind, FB_OK_ENGLAND_ALL);
	assert_string_equal(rows.v[6].name, "England, all agencies (Ofsted)");
	check_counts(&rows.v[6], 1000, 600, 250, 150);
	check_share(&rows.v[6], 2, 150, 1000);
	fb_ofsted_rows_release(&rows);
	fb_findings_release(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_2018),
		cmocka_unit_test(test_layout_2017),
		cmocka_unit_test(test_utf8_footnote_and_undefined_1252),
		cmocka_unit_test(test_decoder_hook),
		cmocka_unit_test(test_not_recognised),
		cmocka_unit_test(test_looks_like),
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_balance_check),
		cmocka_unit_test(test_year_from_file_name_not_directory),
		cmocka_unit_test(test_lone_cr_line_numbers),
		cmocka_unit_test(test_unmatched_suggests),
		cmocka_unit_test(test_joint_services),
		cmocka_unit_test(test_published_balance_check),
		cmocka_unit_test(test_malformed_quote),
		cmocka_unit_test(test_pool_region),
		cmocka_unit_test(test_pool_england),
	};

	fb_host_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
