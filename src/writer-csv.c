/*
 * writer-csv.c: RFC 4180 CSV, for Excel and for other programs.
 *
 * A value is quoted only when it must be (a comma, quote, CR or LF in it).
 * Every text cell (FB_CK_TEXT, FB_CK_INPUT, FB_CK_CODE, FB_CK_CODES: a
 * builder may put an option's value or a file's text in any of them, as
 * ofsted's year is) that starts with =, +, -, @, a tab or a CR is written
 * with a leading apostrophe, so Excel shows it as text and never runs it as
 * a formula.  Numbers the tool computes are never prefixed: a negative
 * difference stays a number.
 */
#include "fosterbeds/writer.h"

#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"

static void
cell(FILE *out, const char *s, int from_input)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		fputc('"', out);
	if (from_input && strchr("=+-@\t\r", s[0]) && s[0])
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

/* 1 for the kinds of cell that hold text, whoever wrote it. */
static int
text_kind(enum fb_cell_kind kind)
{
	return kind == FB_CK_TEXT || kind == FB_CK_INPUT || kind == FB_CK_CODE ||
	       kind == FB_CK_CODES;
}

static void
sep(FILE *out, int last)
{
	fputc(last ? '\n' : ',', out);
}

/*
 * Any document: its table csv_table (a CSV file holds one: the first,
 * unless the document says), headed by the columns' machine names, leaving
 * out the columns for JSON or the page only.  Text is guarded against formulas,
 * numbers never.
 */
static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	const struct fb_table *t = d->csv_table < d->ntables ? &d->tables[d->csv_table] : NULL;
	char buf[FB_DOC_CELL_BUF];
	size_t last = 0;

	for (size_t i = 0; t && i < t->ncols; i++)
		if (!(t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY)))
			last = i;
	for (size_t i = 0; t && i < t->ncols; i++) {
		if (t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY))
			continue;
		fputs(t->cols[i].name, out);
		sep(out, i == last);
	}
	for (size_t r = 0; t && r < t->nrows; r++)
		for (size_t i = 0; i < t->ncols; i++) {
			const struct fb_cell *c = fb_table_cell(t, r, i);

			if (t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY))
				continue;
			cell(out, fb_cell_format(c, buf), text_kind(c->kind));
			sep(out, i == last);
		}
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_csv = {
	.name = "csv", .write = write_doc,
};
