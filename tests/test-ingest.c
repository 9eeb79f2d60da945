/*
 * test-ingest.c: CSV as text: physical line numbers, quoting, line ends,
 * BOM, header mapping, field counts, encodings, unclosed quotes, and the
 * tap that sees every byte read.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/ingest.h"
#include "fosterbeds/limits.h"
#include "ingest-split.h"
#include "test-random.h"

#define HDR "la_code,snapshot_date,household_id,bed_id,bed_use,status\n"

struct seen {
	int n;
	long line[16];
	int reject[16];
	char household[16][64];
	char status[16][32];
	int has_reason[16];
};

static void
collect(void *ctx, const struct fb_row *row)
{
	struct seen *s = ctx;
	int i = s->n++;

	s->line[i] = row->line;
	s->reject[i] = row->reject;
	snprintf(s->household[i], sizeof(s->household[i]), "%s",
		 row->cell[FB_F_HOUSEHOLD_ID] ? row->cell[FB_F_HOUSEHOLD_ID] : "(none)");
	snprintf(s->status[i], sizeof(s->status[i]), "%s",
		 row->cell[FB_F_STATUS] ? row->cell[FB_F_STATUS] : "(none)");
	s->has_reason[i] = row->cell[FB_F_UNAVAILABLE_REASON] != NULL;
}

/* Ingest len bytes of text; returns the rows seen and fills *f. */
static struct seen
ingest(const char *text, size_t len, struct fb_findings *f)
{
	struct seen s;
	struct fb_memory_source m;
	struct fb_source in;
	long long bytes;

	memset(&s, 0, sizeof(s));
	fb_findings_init(f, 0);
	fb_source_memory(&in, &m, text, len);
	assert_int_equal(fb_ingest(&in, fb_bed_schema(), 0, f, collect, &s, &bytes, NULL), 0);
	assert_int_equal(bytes, (long long)len);
	return s;
}

#define INGEST(lit, f) ingest(lit, sizeof(lit) - 1, f)

static void
test_plain(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST(HDR "851,2026-03-31,H1,1,mainstream,filled\n"
				   "851,2026-03-31,H1,2,mainstream,vacant\n", &f);
	(void)state;

	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[0], 2);
	assert_int_equal(s.line[1], 3);
	assert_int_equal(s.reject[0], FB_NONE);
	assert_string_equal(s.household[1], "H1");
	assert_string_equal(s.status[1], "vacant");
	assert_int_equal(s.has_reason[0], 0);   /* no such column */
	assert_int_equal(f.errors + f.warnings, 0);
	fb_findings_release(&f);
}

static void
test_quoted_newline_moves_lines(void **state)
{
	struct fb_findings f;
	/* Row 1 spans lines 2-4; the next row starts on line 5. */
	struct seen s = INGEST(HDR "851,2026-03-31,\"H\n1\r\nx\",1,mainstream,filled\n"
				   "851,2026-03-31,H2,1,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[0], 2);
	assert_string_equal(s.household[0], "H\n1\r\nx");
	assert_int_equal(s.line[1], 5);
	fb_findings_release(&f);
}

static void
test_quoted_newline_in_first_field(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("household_id,la_code,snapshot_date,bed_id,bed_use,status\n"
			       "\"a\nb\",851,2026-03-31,1,mainstream,filled\n"
			       "c,851,2026-03-31,1,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.line[0], 2);
	assert_int_equal(s.line[1], 4);
	fb_findings_release(&f);
}

/*
 * The row Excel shows: a quoted line break keeps a record in one row, a
 * blank line is a row, and CRLF is one line end.  Columns in this file's
 * order: status is column B.
 */
static void
test_excel_rows_and_columns(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("household_id,status,la_code,snapshot_date,bed_id,bed_use\r\n"
			       "\"H\r\n1\",filled,851,2026-03-31,1,mainstream\r\n"
			       "\r\n"
			       "\"H\n\n2\",filled,851,2026-03-31,1,mainstream\r\n"
			       "H3,filled,851,2026-03-31,1,mainstream,extra\r\n", &f);

	(void)state;
	assert_int_equal(s.n, 3);
	assert_int_equal(s.line[2], 8);
	/* The extra field is FB012 on line 8: Excel's row 5 (header, H1, blank, H2, H3). */
	assert_int_equal(f.n, 1);
	assert_int_equal(f.items[0].rule, FB_R_FIELD_COUNT);
	assert_int_equal(f.items[0].line, 8);
	assert_int_equal(f.items[0].row, 5);
	assert_int_equal(f.items[0].col, -1);
	fb_findings_add(&f, FB_R_UNKNOWN_CODE, 0, 5, "status", "x", "on H2's line");
	assert_int_equal(f.items[1].row, 4);
	assert_int_equal(f.items[1].col, 1);
	fb_findings_release(&f);
}

static void
test_crlf_blank_lines_no_final_newline(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("la_code,snapshot_date,household_id,bed_id,bed_use,status\r\n"
			       "851,2026-03-31,H1,1,mainstream,filled\r\n"
			       "\r\n"
			       "   \r\n"
			       "851,2026-03-31,H2,1,mainstream,filled", &f);
	(void)state;

	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[0], 2);
	assert_int_equal(s.line[1], 5);
	assert_string_equal(s.status[1], "filled");
	assert_int_equal(f.errors + f.warnings, 0);
	fb_findings_release(&f);
}

static void
test_lone_cr_line_ends(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("la_code,snapshot_date,household_id,bed_id,bed_use,status\r"
			       "851,2026-03-31,H1,1,mainstream,filled\r"
			       "851,2026-03-31,H2,1,mainstream,filled\r", &f);
	(void)state;

	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[1], 3);
	fb_findings_release(&f);
}

static void
test_quotes_commas_bom_shuffled(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("\xef\xbb\xbf STATUS ,Bed_Use,bed_id,household_id,snapshot_date,la_code\n"
			       "FILLED,Respite,1,\"H, \"\"A\"\"\",2026-03-31,851\n", &f);
	(void)state;

	assert_int_equal(s.n, 1);
	assert_int_equal(s.line[0], 2);
	assert_string_equal(s.household[0], "H, \"A\"");
	assert_string_equal(s.status[0], "FILLED");
	assert_int_equal(s.reject[0], FB_NONE);
	assert_int_equal(f.errors + f.warnings, 0);
	fb_findings_release(&f);
}

static void
test_header_findings(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("la_code,snapshot_date,household_id,bed_id,bed_use,"
			       "notes,Status,status,carer\n"
			       "851,2026-03-31,H1,1,mainstream,x,filled,filled,y\n", &f);
	(void)state;

	assert_int_equal(f.count[FB_R_EXTRA_COLUMNS], 1);   /* one warning for both */
	assert_int_equal(f.count[FB_R_DUPLICATE_COLUMN], 1);
	assert_int_equal(f.items[0].line, 1);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.reject[0], FB_R_DUPLICATE_COLUMN);
	fb_findings_release(&f);

	s = INGEST("la_code,snapshot_date,household_id,bed_id,bed_use\n"
		   "851,2026-03-31,H1,1,mainstream\n851,2026-03-31,H1,2,mainstream\n", &f);
	assert_int_equal(f.count[FB_R_MISSING_COLUMN], 1);
	assert_string_equal(f.items[0].column, "status");
	assert_int_equal(s.n, 2);   /* rows still counted, as rejected */
	assert_int_equal(s.reject[0], FB_R_MISSING_COLUMN);
	assert_int_equal(s.reject[1], FB_R_MISSING_COLUMN);
	fb_findings_release(&f);
}

static void
test_field_count(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST(HDR "851,2026-03-31,H1,1,mainstream\n"
				   "851,2026-03-31,H1,2,mainstream,filled,extra\n"
				   "851,2026-03-31,H1,3,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.n, 3);
	assert_int_equal(s.reject[0], FB_R_FIELD_COUNT);
	assert_int_equal(s.reject[1], FB_R_FIELD_COUNT);
	assert_int_equal(s.reject[2], FB_NONE);
	assert_int_equal(f.count[FB_R_FIELD_COUNT], 2);
	assert_int_equal(f.items[0].line, 2);
	assert_int_equal(f.items[1].line, 3);
	fb_findings_release(&f);
}

static void
test_invalid_utf8(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST(HDR "851,2026-03-31,Ren\xe9" "e,1,mainstream,filled\n"
				   "851,2026-03-31,Ren\xc3\xa9" "e,1,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.reject[0], FB_R_INVALID_UTF8);
	assert_int_equal(s.reject[1], FB_NONE);
	assert_int_equal(f.count[FB_R_INVALID_UTF8], 1);
	assert_string_equal(f.items[0].value, "Ren\\xE9e");
	assert_string_equal(f.items[0].column, "household_id");
	fb_findings_release(&f);
}

static void
test_utf16(void **state)
{
	struct fb_findings f;
	static const char le[] = "\xff\xfel\0a\0_\0c\0";
	static const char nobom[] = "l\0a\0_\0c\0o\0d\0e\0";
	struct seen s = ingest(le, sizeof(le) - 1, &f);
	(void)state;

	assert_int_equal(s.n, 0);
	assert_int_equal(f.count[FB_R_UTF16], 1);
	assert_int_equal(f.errors, 1);
	fb_findings_release(&f);
	s = ingest(nobom, sizeof(nobom) - 1, &f);
	assert_int_equal(f.count[FB_R_UTF16], 1);
	fb_findings_release(&f);
}

static void
test_unclosed_quote(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST(HDR "851,2026-03-31,H1,1,mainstream,filled\n"
				   "851,2026-03-31,\"H2,1,mainstream,filled\n"
				   "851,2026-03-31,H3,1,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.n, 2);
	assert_int_equal(s.reject[0], FB_NONE);
	assert_int_equal(s.reject[1], FB_R_UNCLOSED_QUOTE);
	assert_int_equal(f.count[FB_R_UNCLOSED_QUOTE], 1);
	assert_int_equal(f.items[0].line, 3);
	assert_string_equal(f.items[0].column, "household_id");
	fb_findings_release(&f);

	/* A quoted value that closes at the very end is not unclosed. */
	s = INGEST(HDR "851,2026-03-31,H1,1,mainstream,\"filled\"", &f);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.reject[0], FB_NONE);
	assert_int_equal(f.errors, 0);
	fb_findings_release(&f);

	/* An escaped quote at the end is not a closing one. */
	s = INGEST(HDR "851,2026-03-31,H1,1,mainstream,\"filled\"\"", &f);
	assert_int_equal(f.count[FB_R_UNCLOSED_QUOTE], 1);
	fb_findings_release(&f);
}

static void
test_empty_and_header_only(void **state)
{
	struct fb_findings f;
	struct seen s = ingest("", 0, &f);
	(void)state;

	assert_int_equal(s.n, 0);
	assert_int_equal(f.count[FB_R_NO_HEADER], 1);
	fb_findings_release(&f);
	s = INGEST("\n\n", &f);
	assert_int_equal(f.count[FB_R_NO_HEADER], 1);
	fb_findings_release(&f);
	s = INGEST(HDR, &f);
	assert_int_equal(s.n, 0);
	assert_int_equal(f.count[FB_R_NO_ROWS], 1);
	assert_int_equal(f.errors, 0);
	fb_findings_release(&f);
}

static void
test_empty_rows_skipped(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST(HDR "851,2026-03-31,H1,1,mainstream,filled\n"
				   ",,,,,\n"
				   " , ,\"\",,,\n"
				   "851,2026-03-31,H1,2,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[1], 5);
	assert_int_equal(f.count[FB_R_EMPTY_ROWS], 1);
	assert_int_equal(f.items[0].line, 3);
	assert_non_null(strstr(f.items[0].message, "2 rows"));
	assert_int_equal(f.errors, 0);
	fb_findings_release(&f);
}

/* Rows far longer than libcsv's and our first buffers still arrive whole. */
/* No message may carry a value of the row. */
static void
assert_not_in_findings(const struct fb_findings *f, const char *secret)
{
	for (size_t i = 0; i < f->n; i++) {
		assert_null(strstr(f->items[i].message, secret));
		assert_true(!f->items[i].value || !strstr(f->items[i].value, secret));
		assert_true(!f->items[i].column || !strstr(f->items[i].column, secret));
	}
}

/*
 * A first row that names no standard column is refused as "no header",
 * and none of its cells (a child_ref among them) is quoted; every row,
 * the first included, is counted as rejected.
 */
static void
test_no_header_row(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST("851,CRPRIV0040,2026-03-31,HH-1,1,mainstream,filled,,,filled\n"
			       "851,CRPRIV0041,2026-03-31,HH-1,2,mainstream,vacant,,,vacant\n", &f);
	(void)state;

	assert_int_equal(f.n, 1);
	assert_int_equal(f.count[FB_R_NO_HEADER], 1);
	assert_int_equal(f.items[0].line, 1);
	assert_not_in_findings(&f, "CRPRIV");
	assert_not_in_findings(&f, "HH-1");
	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[0], 1);
	assert_int_equal(s.reject[0], FB_R_NO_HEADER);
	assert_int_equal(s.reject[1], FB_R_NO_HEADER);
	assert_string_equal(s.household[0], "(none)");
	fb_findings_release(&f);

	/* A one-line file: its row is still counted. */
	s = INGEST("851,CRPRIV0040,2026-03-31,HH-1,1,mainstream,filled\n", &f);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.count[FB_R_NO_HEADER], 1);
	assert_int_equal(s.n, 1);
	fb_findings_release(&f);

	/* Malformed quoting and an unclosed quote in such a file name columns by number. */
	s = INGEST("851,\"CRPRIV0040\"x,2026-03-31\n851,CRPRIV0041,\"2026-03-31\n", &f);
	assert_int_equal(f.count[FB_R_NO_HEADER], 1);
	assert_int_equal(f.count[FB_R_MALFORMED_QUOTE], 0);  /* the header is refused already */
	assert_int_equal(f.count[FB_R_UNCLOSED_QUOTE], 1);
	assert_not_in_findings(&f, "CRPRIV");
	assert_not_in_findings(&f, "2026");
	fb_findings_release(&f);

	/* One standard column is enough to be a header: the rest are FB001 and FB002. */
	s = INGEST("status,when,where\nfilled,x,y\n", &f);
	assert_int_equal(f.count[FB_R_NO_HEADER], 0);
	assert_int_equal(f.count[FB_R_EXTRA_COLUMNS], 1);
	assert_int_equal(f.count[FB_R_MISSING_COLUMN], 5);
	fb_findings_release(&f);
}

/*
 * A character after a closing quote ("H1"x) is a finding on its row, and
 * the row ends where it ends: the next row is read on its own.
 */
static void
test_malformed_quote(void **state)
{
	struct fb_findings f;
	struct seen s = INGEST(HDR "851,2026-03-31,\"H1\"x,1,mainstream,filled\n"
				   "851,2026-03-31,\"H2\",2,mainstream,filled\n"
				   "851,2026-03-31,H\"3,3,mainstream,filled\n"
				   "851,2026-03-31,\"H\n4\" \"x,4,mainstream,filled\n"
				   "851,2026-03-31,H5,5,mainstream,filled\n", &f);
	(void)state;

	assert_int_equal(s.n, 5);
	assert_int_equal(s.line[0], 2);
	assert_int_equal(s.reject[0], FB_R_MALFORMED_QUOTE);
	assert_int_equal(s.line[1], 3);
	assert_int_equal(s.reject[1], FB_NONE);
	assert_string_equal(s.household[1], "H2");
	assert_int_equal(s.reject[2], FB_R_MALFORMED_QUOTE);   /* a quote inside an unquoted value */
	assert_int_equal(s.line[2], 4);
	assert_int_equal(s.reject[3], FB_R_MALFORMED_QUOTE);   /* a quoted newline, then a stray quote */
	assert_int_equal(s.line[3], 5);
	assert_int_equal(s.reject[4], FB_NONE);
	assert_int_equal(s.line[4], 7);
	assert_string_equal(s.household[4], "H5");
	assert_int_equal(f.count[FB_R_MALFORMED_QUOTE], 3);
	assert_int_equal(f.items[0].line, 2);
	assert_non_null(strstr(f.items[0].message, "column 'household_id'"));
	assert_int_equal(f.items[2].line, 5);
	fb_findings_release(&f);

	/* A row with nothing but a malformed quote is not skipped as empty. */
	s = INGEST(HDR "\"\"x,,,,,\n", &f);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.reject[0], FB_R_MALFORMED_QUOTE);
	assert_int_equal(f.count[FB_R_EMPTY_ROWS], 0);
	fb_findings_release(&f);

	s = INGEST("la_code,snapshot_date,\"household_id\"x,bed_id,bed_use,status\n"
		   "851,2026-03-31,H1,1,mainstream,filled\n", &f);
	assert_int_equal(f.count[FB_R_MALFORMED_QUOTE], 1);
	assert_int_equal(f.items[0].line, 1);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.reject[0], FB_R_MALFORMED_QUOTE);
	fb_findings_release(&f);
}

/* The closing quote ends one read chunk and the stray character starts the next. */
static void
test_malformed_quote_across_chunks(void **state)
{
	struct fb_findings f;
	enum { chunk = 65536 };
	static char text[2 * chunk];
	struct seen s;
	size_t len;
	(void)state;

	len = (size_t)sprintf(text, HDR "851,2026-03-31,\"");
	memset(text + len, 'h', chunk - 1 - len);
	len = chunk - 1;
	text[len++] = '"';
	len += (size_t)sprintf(text + len, "x,1,mainstream,filled\n"
			       "851,2026-03-31,\"H2\",2,mainstream,vacant\n");
	s = ingest(text, len, &f);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.reject[0], FB_R_MALFORMED_QUOTE);
	assert_int_equal(s.reject[1], FB_NONE);
	assert_string_equal(s.status[1], "vacant");
	assert_int_equal(s.line[1], 3);
	fb_findings_release(&f);
}

static void
test_long_values_and_chunks(void **state)
{
	struct fb_findings f;
	enum { n = 200000 };
	static char text[n + 200];
	struct seen s;
	size_t len;
	(void)state;

	len = (size_t)sprintf(text, HDR "851,2026-03-31,");
	memset(text + len, 'h', n);
	len += n;
	len += (size_t)sprintf(text + len, ",1,mainstream,filled\n851,2026-03-31,H,1,mainstream,vacant\n");
	s = ingest(text, len, &f);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.line[1], 3);
	assert_string_equal(s.status[1], "vacant");
	fb_findings_release(&f);
}


/* The fast path (ingest-split.h) */

/* fb_split_line() on one line: the values joined by '|', or NULL when it declines. */
static const char *
split(const char *line, int delim, size_t nfields, char *out)
{
	struct fb_split sp;
	size_t len = strlen(line), off[24 + FB_SPLIT_SLACK];
	char buf[128];

	fb_split_init(&sp, delim, nfields);
	if (fb_split_line(&sp, line, len, buf, off) == 0)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < nfields; i++) {
		strcat(out, i ? "|" : "");
		strcat(out, buf + off[i]);
	}
	return out;
}

static void
test_split_line(void **state)
{
	static const struct {
		const char *line;
		int delim;
		size_t nfields;
		const char *want;   /* NULL: declined, for libcsv */
	} cases[] = {
		{ "851,2026-03-31,H1", ',', 3, "851|2026-03-31|H1" },
		{ "a,,c", ',', 3, "a||c" },
		{ ",b,", ',', 3, "|b|" },
		{ "a b,c", ',', 2, "a b|c" },           /* a space inside a value is kept */
		{ "a;b,c", ';', 2, "a|b,c" },
		{ "a\tb", '\t', 2, "a|b" },
		{ "a\t\tb", '\t', 3, "a||b" },
		{ "x", ',', 1, "x" },
		{ "a,b", ',', 3, NULL },                /* too few values */
		{ "a,b,c,d", ',', 3, NULL },            /* too many */
		{ ",,", ',', 3, NULL },                 /* only separators: a blank row */
		{ "", ',', 1, NULL },                   /* a blank line */
		{ " a,b", ',', 2, NULL },               /* libcsv trims spaces and tabs */
		{ "a ,b", ',', 2, NULL },
		{ "a,\tb", ',', 2, NULL },
		{ "a,b\t", ',', 2, NULL },
		{ "a, ", ',', 2, NULL },
		{ "a \tb", '\t', 2, NULL },
		/* Quoted values, whole and with no quote inside, lose their quotes */
		{ "\"a\",b", ',', 2, "a|b" },
		{ "851,\"H,1\",2", ',', 3, "851|H,1|2" },      /* a separator inside quotes */
		{ "\"\",b", ',', 2, "|b" },                   /* a quoted empty value */
		{ "a,\"b c\"", ',', 2, "a|b c" },
		{ "\"x\",\"y\",\"z\"", ',', 3, "x|y|z" },
		{ "\"a,b\",c", ',', 3, NULL },                /* too few values */
		{ "\"a\"\"b\",c", ',', 2, NULL },           /* an escaped quote: libcsv's */
		{ "\"a\"x,c", ',', 2, NULL },                 /* text after the closing quote */
		{ "\"a\" ,c", ',', 2, NULL },                 /* a space after it */
		{ " \"a\",c", ',', 2, NULL },                 /* a space before the quote */
		{ "\" a\",c", ',', 2, NULL },                 /* padded inside the quotes */
		{ "\"a,c", ',', 2, NULL },                    /* never closed */
		{ "\"\",\"\"", ',', 2, NULL },               /* every value empty: a blank row */
		{ "\"caf\xc3\xa9\",b", ',', 2, NULL },        /* not ASCII */
		{ "\"a\rb\",c", ',', 2, NULL },               /* a CR inside quotes */
		{ "abcdefgh,\"ijk;lmn\",q", ',', 3, "abcdefgh|ijk;lmn|q" },
		{ "a;\"b;c\";d", ';', 3, "a|b;c|d" },
		{ "a\"b,c", ',', 2, NULL },             /* malformed quoting: libcsv's finding */
		{ "a,b\r", ',', 2, NULL },              /* CRLF */
		{ "a\rb,c", ',', 2, NULL },             /* a lone CR ends a line */
		{ "caf\xc3\xa9,b", ',', 2, NULL },      /* not ASCII */
		{ "a,b", ';', 1, "a,b" },
		/* Eight bytes at a time, and what is left byte by byte */
		{ "abcdefg,ijklmno,q", ',', 3, "abcdefg|ijklmno|q" },
		{ ",,,,,,,,x", ',', 9, "||||||||x" },
		{ "a,b,c,d,e,f,g,h,i", ',', 8, NULL },
		{ "851,2026-03-31,H1 ,1,mainstream", ',', 5, NULL },
		{ "851,2026\"-03-31,H1,1", ',', 4, NULL },
		{ "851,2026-03-31,H1\r,1", ',', 4, NULL },
		{ "851,2026-03-31,H1\n,1", ',', 4, NULL },
		{ "851,202\xe9-03-31,H1,1", ',', 4, NULL },
		{ "851;2026-03-31;H1;1;mainstream;filled", ';', 6,
		  "851|2026-03-31|H1|1|mainstream|filled" },
		/* Sixteen bytes at a time: padding beside a word's edge, the last word */
		{ "abcdefghijklmno,x", ',', 2, "abcdefghijklmno|x" },
		{ "abcdefghijklmn ,x", ',', 2, NULL },  /* space at 14, separator at 15 */
		{ "abcdefghijklmno ,x", ',', 2, NULL }, /* space at 15, separator at 16 */
		{ "abcdefghijklmno, x", ',', 2, NULL }, /* separator at 15, space at 16 */
		{ "abcdefghijklmnopqrstuvwxyz,bcd ", ',', 2, NULL },
		{ "abcdefghijklmnopqrstuvwxyz,	bcd", ',', 2, NULL },
		{ "abcdefghijklmnopqrstuvwxyz,bcd", ',', 2, "abcdefghijklmnopqrstuvwxyz|bcd" },
		{ ",,,,,,,,,,,,,,,,,,,,x", ',', 21, "||||||||||||||||||||x" },
		{ ",,,,,,,,,,,,,,,,,,,,x", ',', 20, NULL },
		{ ",,,,,,,,,,,,,,,,,,,,x", ',', 5, NULL },
		/* A quote after plain words: what was cut before it stands */
		{ "abcdefghijklmnopqrstu,\"v,w\",x", ',', 3, "abcdefghijklmnopqrstu|v,w|x" },
		{ "a ,bcdefghijklmnopq,\"r\"", ',', 3, NULL },
		{ "abcdefghijklmnop,\"qrstuvwxyzabcdefghij\",k", ',', 3,
		  "abcdefghijklmnop|qrstuvwxyzabcdefghij|k" },
		{ "a,b,c,d,e,f,g,h,i,j,\"k\"", ',', 11, "a|b|c|d|e|f|g|h|i|j|k" },
		{ "a,b,c,d,e,f,g,h,i,j,\"k\"", ',', 10, NULL },
	};
	char out[128];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = split(cases[i].line, cases[i].delim, cases[i].nfields, out);

		if (!cases[i].want) {
			if (got)
				fail_msg("'%s' was cut into '%s'", cases[i].line, got);
		} else if (!got || strcmp(got, cases[i].want) != 0) {
			fail_msg("'%s' was cut into '%s', not '%s'", cases[i].line,
				 got ? got : "(declined)", cases[i].want);
		}
	}
}

/* A source that returns block bytes at most a read. */
struct blocks {
	const char *text;
	size_t len, at, block;
};

static long
blocks_read(void *ctx, void *buf, size_t size)
{
	struct blocks *b = ctx;
	size_t n = b->len - b->at;

	n = n < b->block ? n : b->block;
	n = n < size ? n : size;
	memcpy(buf, b->text + b->at, n);
	b->at += n;
	return (long)n;
}

/* Every row, and every finding, as text. */
struct trace {
	struct text out;
	long rows;
};

static void
trace_row(void *ctx, const struct fb_row *row)
{
	struct trace *t = ctx;

	t->rows++;
	put(&t->out, "%ld %s", row->line, row->reject == FB_NONE ? "ok" : fb_rules[row->reject].code);
	for (int c = 0; c < FB_F_COUNT; c++)
		put(&t->out, " %s", row->cell[c] ? row->cell[c] : "-");
	put(&t->out, "\n");
}

/* Ingest text read block bytes at a time, the fast path on or off, as a trace to free(). */
static char *
trace_ingest(const char *text, size_t len, size_t block, int fast, long *rows)
{
	struct blocks b = { text, len, 0, block };
	struct fb_source in = { blocks_read, &b };
	struct fb_ingest_options o;
	struct fb_findings f;
	struct trace t = { { calloc(1, 64), 0, 64 }, 0 };
	long long bytes;

	assert_non_null(t.out.s);
	fb_ingest_options_init(&o);
	fb_ingest_set_fast(&o, fast);
	fb_findings_init(&f, 0);
	assert_int_equal(fb_ingest_with(&o, &in, fb_bed_schema(), NULL, 0, &f, trace_row, &t,
					&bytes, NULL), 0);
	assert_int_equal(bytes, (long long)len);
	for (size_t i = 0; i < f.n; i++)
		put(&t.out, "%s line %ld: %s\n", fb_rules[f.items[i].rule].code,
			  f.items[i].line, f.items[i].message);
	fb_findings_release(&f);
	if (rows)
		*rows = t.rows;
	return t.out.s;
}

/* text read whole, 1 byte at a time and in blocks, fast and not: one trace, returned. */
static char *
same_every_way(const char *text, size_t len)
{
	static const size_t block[] = { 1, 2, 3, 7, 64, 65536 };
	char *want = trace_ingest(text, len, (size_t)-1, 0, NULL);

	for (size_t i = 0; i < sizeof(block) / sizeof(block[0]); i++) {
		for (int fast = 0; fast <= 1; fast++) {
			char *got = trace_ingest(text, len, block[i], fast, NULL);

			assert_string_equal(got, want);
			free(got);
		}
	}
	return want;
}

#define ROW2 "851,2026-03-31,H2,1,mainstream,vacant\n"

/*
 * Files read whole, 1 byte at a time and in blocks, the fast path on and
 * off, and the rows and findings worked out by hand.
 */
static void
test_fast_path(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		/* Line 4 is blank, line 5 (only commas) an empty row, line 6 has no LF. */
		{ HDR "851,2026-03-31,H1,1,mainstream,filled\n" ROW2
		      "\n,,,,,\n851,2026-03-31,H3,2,respite,unavailable",
		  "2 ok 851 2026-03-31 H1 1 mainstream filled - - - -\n"
		  "3 ok 851 2026-03-31 H2 1 mainstream vacant - - - -\n"
		  "6 ok 851 2026-03-31 H3 2 respite unavailable - - - -\n"
		  "FB022 line 5: 1 row with no values at all (only commas) was skipped, "
		  "the first on this line\n" },
		/* Row 2 spans lines 2-4; line 3 looks plain but is inside the quote. */
		{ HDR "851,2026-03-31,\"H\n851,2026-03-31,H9,1,mainstream,filled\n"
		      "x\",1,mainstream,filled\n" ROW2 ROW2,
		  "2 ok 851 2026-03-31 H\n851,2026-03-31,H9,1,mainstream,filled\nx 1 mainstream "
		  "filled - - - -\n"
		  "5 ok 851 2026-03-31 H2 1 mainstream vacant - - - -\n"
		  "6 ok 851 2026-03-31 H2 1 mainstream vacant - - - -\n" },
		/*
		 * Every CRLF line is libcsv's; a LF line after them is plain
		 * again.  A lone CR then CRLF: two line ends.
		 */
		{ "la_code,snapshot_date,household_id,bed_id,bed_use,status\r\n"
		  "851,2026-03-31,H1,1,mainstream,filled\r\n\r\n" ROW2
		  "851,2026-03-31,H3,1,mainstream,filled\r\r\n" ROW2,
		  "2 ok 851 2026-03-31 H1 1 mainstream filled - - - -\n"
		  "4 ok 851 2026-03-31 H2 1 mainstream vacant - - - -\n"
		  "5 ok 851 2026-03-31 H3 1 mainstream filled - - - -\n"
		  "7 ok 851 2026-03-31 H2 1 mainstream vacant - - - -\n" },
		/* A plain-looking line with a value too few or too many: FB012 as ever. */
		{ HDR "851,2026-03-31,H1,1,mainstream\n" ROW2
		      "851,2026-03-31,H1,1,mainstream,filled,\n",
		  "2 FB012 851 2026-03-31 H1 1 mainstream - - - - -\n"
		  "3 ok 851 2026-03-31 H2 1 mainstream vacant - - - -\n"
		  "4 FB012 851 2026-03-31 H1 1 mainstream filled - - - -\n"
		  "FB012 line 2: row has 5 fields but the header has 6; check for a missing or "
		  "extra comma\n"
		  "FB012 line 4: row has 7 fields but the header has 6; check for a missing or "
		  "extra comma\n" },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = same_every_way(cases[i].text, strlen(cases[i].text));

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/*
 * ingest reads 64 KiB at a time: a row across that boundary, with the
 * boundary at each of its bytes in turn, is read as if whole.
 */
static void
test_fast_chunk_boundary(void **state)
{
	enum { chunk = 65536 };
	static char text[chunk + 4096];
	const char *row = "851,2026-03-31,H0000,1,mainstream,filled\n";
	size_t rowlen = strlen(row);
	(void)state;

	for (size_t shift = 0; shift <= rowlen; shift++) {
		size_t len = (size_t)sprintf(text, HDR "851,2026-03-31,");
		long rows, slow_rows, n = 0;
		char *fast, *slow;

		/* A first row that pads the file so a later row straddles the boundary at shift. */
		memset(text + len, 'p', 100 + shift);
		len += 100 + shift;
		len += (size_t)sprintf(text + len, ",1,mainstream,filled\n");
		while (len < chunk + 200)
			len += (size_t)sprintf(text + len, "851,2026-03-31,H%04ld,1,mainstream,filled\n",
					      ++n);
		fast = trace_ingest(text, len, (size_t)-1, 1, &rows);
		slow = trace_ingest(text, len, (size_t)-1, 0, &slow_rows);
		assert_string_equal(fast, slow);
		assert_int_equal(rows, n + 1);
		/* Row k (from 1) is on line k + 2, its household H000k. */
		for (long k = 1; k <= n; k++) {
			char want[128];

			snprintf(want, sizeof(want), "\n%ld ok 851 2026-03-31 H%04ld 1 mainstream filled",
				 k + 2, k);
			assert_non_null(strstr(fast, want));
		}
		free(fast);
		free(slow);
	}
}

/* What a tap saw: every byte, in order. */
struct tapped {
	unsigned char *bytes;
	size_t len, calls;
};

static void
tap_copy(void *ctx, const unsigned char *bytes, size_t len)
{
	struct tapped *t = ctx;

	t->bytes = realloc(t->bytes, t->len + len);
	assert_non_null(t->bytes);
	memcpy(t->bytes + t->len, bytes, len);
	t->len += len;
	t->calls++;
}

static void
count_rows(void *ctx, const struct fb_row *row)
{
	(void)row;
	++*(long *)ctx;
}

/* The tap sees the stream exactly as read: BOM and all, across chunks. */
static void
tap_sees(const char *text, size_t len, size_t min_calls, int utf16)
{
	struct fb_findings f;
	long rows = 0;
	struct tapped t = { NULL, 0, 0 };
	struct fb_ingest_tap tap = { tap_copy, &t };
	struct fb_memory_source m;
	struct fb_source in;
	long long bytes;

	fb_findings_init(&f, 0);
	fb_source_memory(&in, &m, text, len);
	assert_int_equal(fb_ingest(&in, fb_bed_schema(), 0, &f, count_rows, &rows, &bytes, &tap), 0);
	assert_int_equal(bytes, (long long)len);
	assert_int_equal(t.len, len);
	assert_true(t.calls >= min_calls);
	assert_memory_equal(t.bytes, text, len);
	assert_int_equal(f.count[FB_R_UTF16], utf16);
	assert_true(utf16 ? rows == 0 : rows > 0);
	free(t.bytes);
	fb_findings_release(&f);
}

static void
test_tap(void **state)
{
	static const char bom[] = "\xef\xbb\xbf" HDR "851,2026-03-31,H1,1,mainstream,filled\n";
	enum { n = 150000 };
	static char big[n];
	(void)state;

	tap_sees(bom, sizeof(bom) - 1, 1, 0);
	/* A UTF-16 file longer than a chunk: not parsed, but read and tapped to its end. */
	memset(big, 0, n);
	big[0] = '\xff';
	big[1] = '\xfe';
	for (size_t i = 2; i < n; i += 2)
		big[i] = (char)('a' + i % 26);
	tap_sees(big, n, 3, 1);
	/* Bed records over several chunks. */
	memcpy(big, HDR, strlen(HDR));
	for (size_t i = strlen(HDR); i < n; i++)
		big[i] = i % 40 == 39 ? '\n' : 'x';
	tap_sees(big, n, 3, 0);
}

/* A source that gives its bytes a few at a time, then fails. */
static long
failing_read(void *ctx, void *buf, size_t size)
{
	int *calls = ctx;

	if ((*calls)++ < 3) {
		memcpy(buf, HDR, size < 10 ? size : 10);
		return size < 10 ? (long)size : 10;
	}
	errno = EIO;
	return -1;
}

static const struct fb_schema *
choose_beds(void *ctx, const char *const *names, const size_t *lens, size_t n)
{
	(void)ctx;
	(void)names;
	(void)lens;
	(void)n;
	return fb_bed_schema();
}

/* Ingest text read block bytes at a time, the separator found from the header; a trace. */
static char *
trace_choosing(const char *text, size_t len, size_t block, int *status)
{
	struct blocks b = { text, len, 0, block };
	struct fb_source in = { blocks_read, &b };
	struct fb_schema_chooser chooser = { choose_beds, NULL, fb_bed_schema(), 0, 0 };
	struct fb_findings f;
	struct trace t = { { calloc(1, 64), 0, 64 }, 0 };
	long long bytes;

	assert_non_null(t.out.s);
	fb_findings_init(&f, 0);
	errno = 0;
	*status = fb_ingest_choosing(&in, &chooser, 0, &f, trace_row, &t, &bytes, NULL);
	for (size_t i = 0; i < f.n; i++)
		put(&t.out, "%s line %ld: %s\n", fb_rules[f.items[i].rule].code,
			  f.items[i].line, f.items[i].message);
	fb_findings_release(&f);
	return t.out.s;
}

/*
 * A pipe may hand the first bytes over one at a time, and they decide the
 * byte-order mark, UTF-16, a workbook and the separator: a file read a byte
 * at a time reads as it does whole (once a BOM split over reads was a
 * header column "\xEF\xBB\xBFla_code", a semicolon file one column, and
 * UTF-16 "not a text file").
 */
static void
test_first_bytes_apart(void **state)
{
	static const char semi[] = "\xEF\xBB\xBFla_code;snapshot_date;household_id;bed_id;"
				   "bed_use;status\n851;2026-03-31;H1;1;mainstream;filled\n";
	static const char utf16[] = "\xFF\xFEl\0a\0_\0c\0";
	static const size_t block[] = { 1, 2, 3, 5 };
	int status;
	char *want = trace_choosing(semi, sizeof(semi) - 1, (size_t)-1, &status);

	(void)state;
	assert_int_equal(status, 0);
	assert_non_null(strstr(want, "2 ok 851 2026-03-31 H1 1 mainstream filled"));
	assert_non_null(strstr(want, "FB036"));
	for (size_t i = 0; i < sizeof(block) / sizeof(block[0]); i++) {
		char *got = trace_choosing(semi, sizeof(semi) - 1, block[i], &status);

		assert_int_equal(status, 0);
		assert_string_equal(got, want);
		free(got);
	}
	free(want);
	for (size_t i = 0; i < sizeof(block) / sizeof(block[0]); i++) {
		char *got = trace_choosing(utf16, sizeof(utf16) - 1, block[i], &status);

		assert_int_equal(status, 0);
		assert_non_null(strstr(got, "FB014"));
		free(got);
	}
}

/* A failing source is a read error (-1, errno kept), after the bytes it gave. */
static void
test_source_error(void **state)
{
	struct fb_findings f;
	struct fb_source in = { failing_read, NULL };
	int calls = 0;
	long rows = 0;
	long long bytes;

	(void)state;
	in.ctx = &calls;
	fb_findings_init(&f, 0);
	errno = 0;
	assert_int_equal(fb_ingest(&in, fb_bed_schema(), 0, &f, count_rows, &rows, &bytes, NULL),
			 -1);
	assert_int_equal(errno, EIO);
	assert_int_equal(bytes, 30);
	/* Filling the first chunk met the failure; the next chunk's read says it. */
	assert_int_equal(calls, 5);
	fb_findings_release(&f);
}

/*
 * An endless source: the header, then the same byte for ever (0: as
 * /dev/zero; or a text byte), counting the bytes it gave.
 */
struct endless {
	int byte;
	long long given;
};

static long
endless_read(void *ctx, void *buf, size_t size)
{
	struct endless *e = ctx;
	size_t hdr = strlen(HDR);

	if (e->given == 0 && size >= hdr) {
		memcpy(buf, HDR, hdr);
		memset((char *)buf + hdr, e->byte, size - hdr);
	} else {
		memset(buf, e->byte, size);
	}
	e->given += (long long)size;
	return (long)size;
}

/*
 * Ingest an endless source: refused with want, having read at most most
 * bytes and pushed unclosed FB019 findings.
 */
static void
refused(int byte, int want, long long most, size_t unclosed)
{
	struct fb_findings f;
	struct endless e = { byte, 0 };
	struct fb_source in = { endless_read, &e };
	long rows = 0;
	long long bytes;

	fb_findings_init(&f, 0);
	errno = 0;
	assert_int_equal(fb_ingest(&in, fb_bed_schema(), 0, &f, count_rows, &rows, &bytes, NULL),
			 -1);
	assert_int_equal(errno, want);
	assert_true(e.given <= most);
	assert_int_equal(rows, (long)unclosed);
	assert_int_equal(f.count[FB_R_UNCLOSED_QUOTE], unclosed);
	fb_findings_release(&f);
}

/*
 * Hostile streams end (they never did): NUL bytes are not text, refused in
 * the first chunk, as /dev/zero is, whether from the start or after a
 * header; a value that never ends (a line of 'x') stops at FB_MAX_RECORD;
 * a quote that never closes is FB019 there, on its rejected row, and the
 * rest is read to hash it, to FB_MAX_STREAM; a row of endless commas stops
 * at FB_MAX_FIELDS values.  A UTF-16 file's NULs are still FB014.
 */
static void
test_limits(void **state)
{
	struct fb_findings f;
	struct endless zero = { 0, 0 };
	struct fb_source in = { endless_read, &zero };
	long rows = 0;
	long long bytes;
	static const char nobom[] = "l\0a\0_\0c\0o\0d\0e\0";
	(void)state;

	/* /dev/zero from its first byte. */
	fb_findings_init(&f, 0);
	zero.given = 1;   /* no header */
	errno = 0;
	assert_int_equal(fb_ingest(&in, fb_bed_schema(), 0, &f, count_rows, &rows, &bytes, NULL),
			 -1);
	assert_int_equal(errno, FB_E_NOT_TEXT);
	assert_true(zero.given <= 1 + 65536);
	assert_int_equal(f.n, 0);
	fb_findings_release(&f);

	refused(0, FB_E_NOT_TEXT, 65536, 0);
	refused('x', FB_E_RECORD_SIZE, (long long)FB_MAX_RECORD + 65536, 0);
	refused('"', FB_E_STREAM_SIZE, FB_MAX_STREAM + 65536, 1);
	refused(',', FB_E_FIELDS, 65536, 0);

	assert_int_equal(ingest(nobom, sizeof(nobom) - 1, &f).n, 0);
	assert_int_equal(f.count[FB_R_UTF16], 1);
	fb_findings_release(&f);
	assert_string_equal(fb_strerror(ENOENT), strerror(ENOENT));
	assert_non_null(strstr(fb_strerror(FB_E_NOT_TEXT), "not a text file"));
}

/* The constant schemas agree with the standard's field table. */
static void
test_schemas_match_standard(void **state)
{
	const struct fb_schema *bed = fb_bed_schema(), *ep = fb_episode_schema();

	(void)state;
	assert_int_equal(bed->ncols, FB_F_COUNT);
	assert_int_equal(ep->ncols, FB_F_COUNT + 1);
	for (int f = 0; f < FB_F_COUNT; f++) {
		int required = fb_fields[f].presence == FB_REQUIRED;

		assert_string_equal(bed->name[f], fb_fields[f].name);
		assert_int_equal(bed->required[f], required);
		assert_int_equal(ep->required[f], required);
		if (f != FB_F_SNAPSHOT_DATE)
			assert_string_equal(ep->name[f], fb_fields[f].name);
	}
	assert_string_equal(ep->name[FB_F_SNAPSHOT_DATE], "status_from");
	assert_string_equal(ep->name[FB_EP_STATUS_TO], "status_to");
	assert_int_equal(ep->required[FB_EP_STATUS_TO], 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schemas_match_standard),
		cmocka_unit_test(test_source_error),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quoted_newline_moves_lines),
		cmocka_unit_test(test_quoted_newline_in_first_field),
		cmocka_unit_test(test_crlf_blank_lines_no_final_newline),
		cmocka_unit_test(test_excel_rows_and_columns),
		cmocka_unit_test(test_lone_cr_line_ends),
		cmocka_unit_test(test_quotes_commas_bom_shuffled),
		cmocka_unit_test(test_header_findings),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_empty_and_header_only),
		cmocka_unit_test(test_empty_rows_skipped),
		cmocka_unit_test(test_no_header_row),
		cmocka_unit_test(test_malformed_quote),
		cmocka_unit_test(test_malformed_quote_across_chunks),
		cmocka_unit_test(test_long_values_and_chunks),
		cmocka_unit_test(test_tap),
		cmocka_unit_test(test_split_line),
		cmocka_unit_test(test_fast_path),
		cmocka_unit_test(test_first_bytes_apart),
		cmocka_unit_test(test_fast_chunk_boundary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
