/*
 * writer-text.c: text for a person at a terminal ("text" and "table").
 *
 * Findings read like compiler messages (FILE:LINE: error FB004: ...), so
 * editors and grep can jump to them.  Reports are aligned columns with the
 * pooled region rows set apart below a rule.
 *
 * Every string a document holds is written made visible (fb_visible_all():
 * control characters and bytes that are not UTF-8 as escapes), so a file
 * name, a region's name or a manifest's command line can never move the
 * terminal or split a line: the only line ends are the writer's own and
 * those a builder puts in a table's intro (its own words) to wrap it.
 */
#include "fosterbeds/writer.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"
#include "util.h"

/* s made visible on out. */
static void
put(FILE *out, const char *s)
{
	char *v = fb_visible_dup(s);

	fputs(v, out);
	free(v);
}

/* s made visible, padded with spaces to width on the left (right) or the right. */
static void
put_padded(FILE *out, const char *s, size_t width, int right)
{
	char *v = fb_visible_dup(s);

	fprintf(out, right ? "%*s" : "%-*s", (int)width, v);
	free(v);
}

/* s made visible and a line end. */
static void
line(FILE *out, const char *s)
{
	put(out, s);
	fputc('\n', out);
}

/*
 * A table's intro, made visible line by line: an intro is the builder's own
 * words (doc.h), whose line breaks wrap it.
 */
static void
para(FILE *out, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		char *part = fb_xstrndup(s, (size_t)(nl - s));

		line(out, part);
		free(part);
		s = nl + 1;
	}
	line(out, s);
}

/* The width of s made visible. */
static size_t
visible_width(const char *s)
{
	char *v = fb_visible_dup(s);
	size_t n = strlen(v);

	free(v);
	return n;
}

void
fb_finding_line(FILE *out, const struct fb_run *run, const struct fb_finding *f)
{
	char letters[FB_COLUMN_LETTERS];

	put(out, run->inputs[f->file].name);
	fprintf(out, ":%ld", f->line);
	/* Where Excel shows it, since that is where officers fix it. */
	if (f->row > 0 && f->col >= 0)
		fprintf(out, " (row %ld, column %s)", f->row, fb_column_letters(letters, f->col));
	else if (f->row > 0)
		fprintf(out, " (row %ld)", f->row);
	fprintf(out, ": %s %s: ", fb_severity_name(fb_rules[f->rule].severity),
		fb_rules[f->rule].code);
	put(out, f->message);
	fputc('\n', out);
}

/*
 * An aligned table: text columns (the first ntext) to the left, numbers to
 * the right, and a rule above the first pooled row.  cellf gives row r's
 * value in column i.
 */
struct table {
	const char *const *headings;
	const size_t *columns;    /* which cells to show, by index */
	size_t ncols, ntext, nrows;
	const char *(*cellf)(const void *ctx, size_t r, size_t i, char *buf);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
};

/* report */

/* reconcile */

/* ofsted */

/* trend */

/* Any document */

/*
 * One cell of a text table, padded to width (numbers to the right), two
 * spaces after it.  Spaces are held back in *pending until something
 * visible follows, so no line ends in spaces, however many cells at its
 * end are empty.
 */
static void
put_cell(FILE *out, size_t *pending, const char *s, size_t width, int right)
{
	char *v = fb_visible_dup(s);
	size_t len = strlen(v), pad = width > len ? width - len : 0;

	if (right)
		*pending += pad;
	if (len) {
		for (; *pending; --*pending)
			fputc(' ', out);
		fputs(v, out);
	}
	free(v);
	if (!right)
		*pending += pad;
	*pending += 2;
}

/* 1 when row r is left out of the text: a count of 0 in a column that says so. */
static int
skipped(const struct fb_table *t, size_t r)
{
	for (size_t i = 0; i < t->ncols; i++)
		if ((t->cols[i].flags & FB_COL_SKIP_ZERO) && fb_table_cell(t, r, i)->n == 0)
			return 1;
	return 0;
}

/*
 * Columns with a brief heading (and not for JSON alone) are shown; text to
 * the left, numbers to the right; rows skipped() are left out.
 */
static void
doc_table(FILE *out, const struct fb_table *t)
{
	size_t width[64] = { 0 }, total = 0, shown[64], n = 0, pending = 0;
	char buf[FB_DOC_CELL_BUF];
	int ruled = 0;

	for (size_t i = 0; i < t->ncols && n < 64; i++)
		if (t->cols[i].brief && !(t->cols[i].flags & FB_COL_JSON_ONLY))
			shown[n++] = i;
	for (size_t k = 0; k < n; k++) {
		width[k] = strlen(t->cols[shown[k]].brief);
		for (size_t r = 0; r < t->nrows; r++) {
			const struct fb_cell *c = fb_table_cell(t, r, shown[k]);
			size_t w = visible_width(fb_cell_format(c, buf));

			if (w > width[k] && !skipped(t, r))
				width[k] = w;
		}
		total += width[k] + 2;
	}
	for (size_t k = 0; k < n; k++)
		put_cell(out, &pending, t->cols[shown[k]].brief, width[k],
			 fb_cell_kind_numeric(t->cols[shown[k]].kind));
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		if (skipped(t, r))
			continue;
		if (!ruled && t->pooled[r]) {
			for (size_t k = 0; k + 2 < total; k++)
				fputc('-', out);
			fputc('\n', out);
			ruled = 1;
		}
		pending = 0;
		for (size_t k = 0; k < n; k++)
			put_cell(out, &pending, fb_cell_format(fb_table_cell(t, r, shown[k]), buf),
				 width[k], fb_cell_kind_numeric(t->cols[shown[k]].kind));
		fputc('\n', out);
	}
}

/* 1 when d has a table of lines for the text writer: then those are its text form. */
static int
has_lines(const struct fb_doc *d)
{
	for (size_t t = 0; t < d->ntables; t++)
		if (d->tables[t].text == FB_TEXT_LINES &&
		    fb_table_shown(&d->tables[t], FB_HIDE_TEXT))
			return 1;
	return 0;
}

/*
 * A table in long form as one small table per group (FB_TEXT_CROSSTAB,
 * doc.h): its columns with a brief are the group, the row label, the
 * column label and the value.  Labels keep the order they first come in;
 * a pair with no row is left blank.
 */
static void
doc_crosstab(FILE *out, const struct fb_table *t)
{
	enum { GROUP, ROW, COL, VALUE };
	size_t k[4], n = 0;
	char buf[FB_DOC_CELL_BUF];

	for (size_t i = 0; i < t->ncols && n < 4; i++)
		if (t->cols[i].brief && !(t->cols[i].flags & FB_COL_JSON_ONLY))
			k[n++] = i;
	if (n < 4) {
		doc_table(out, t);
		return;
	}
	for (size_t start = 0, end; start < t->nrows; start = end) {
		const char *group = fb_table_cell(t, start, k[GROUP])->s;
		const char *rows[32], *cols[16];
		size_t nr = 0, nc = 0, rw = visible_width(t->cols[k[ROW]].brief), cw[16];

		for (end = start; end < t->nrows; end++) {
			const char *g = fb_table_cell(t, end, k[GROUP])->s;
			const char *rl = fb_table_cell(t, end, k[ROW])->s;
			const char *cl = fb_table_cell(t, end, k[COL])->s;
			const struct fb_cell *v = fb_table_cell(t, end, k[VALUE]);
			size_t i, j, w = visible_width(fb_cell_format(v, buf));

			if (strcmp(g ? g : "", group ? group : "") != 0)
				break;
			for (i = 0; i < nr && strcmp(rows[i], rl ? rl : "") != 0; i++)
				;
			if (i == nr && nr < 32)
				rows[nr++] = rl ? rl : "";
			for (j = 0; j < nc && strcmp(cols[j], cl ? cl : "") != 0; j++)
				;
			if (j == nc && nc < 16) {
				cols[nc] = cl ? cl : "";
				cw[nc++] = visible_width(cl ? cl : "");
			}
			if (i < nr && visible_width(rows[i]) > rw)
				rw = visible_width(rows[i]);
			if (j < nc && w > cw[j])
				cw[j] = w;
		}
		fprintf(out, "%s", start ? "\n" : "");
		put(out, t->cols[k[GROUP]].brief);
		fputc(' ', out);
		put(out, group ? group : "");
		fputs("\n  ", out);
		put_padded(out, t->cols[k[ROW]].brief, rw, 0);
		for (size_t j = 0; j < nc; j++) {
			fputs("  ", out);
			put_padded(out, cols[j], cw[j], 1);
		}
		fputc('\n', out);
		for (size_t i = 0; i < nr; i++) {
			const struct fb_cell *v[16] = { NULL };
			size_t last = 0;

			for (size_t r = start; r < end; r++) {
				const char *rl = fb_table_cell(t, r, k[ROW])->s;
				const char *cl = fb_table_cell(t, r, k[COL])->s;

				if (strcmp(rl ? rl : "", rows[i]) != 0)
					continue;
				for (size_t j = 0; j < nc; j++)
					if (strcmp(cl ? cl : "", cols[j]) == 0) {
						v[j] = fb_table_cell(t, r, k[VALUE]);
						last = j + 1;
					}
			}
			fputs("  ", out);
			put_padded(out, rows[i], last ? rw : 0, 0);
			for (size_t j = 0; j < last; j++) {
				fputs("  ", out);
				put_padded(out, v[j] ? fb_cell_format(v[j], buf) : "", cw[j], 1);
			}
			fputc('\n', out);
		}
	}
}

/*
 * The title (and subject), the notes that come first, each table (after
 * its intro, or what it says when empty), then the notes that come after,
 * set apart by blank lines.  A document with a table of lines
 * (FB_TEXT_LINES) is written as those lines alone: its rows' first cells as
 * they are, for output read like a compiler's messages.
 */
static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	char buf[FB_DOC_CELL_BUF];
	int after = 0;

	if (has_lines(d)) {
		for (size_t t = 0; t < d->ntables; t++) {
			const struct fb_table *tb = &d->tables[t];

			if (tb->text != FB_TEXT_LINES || !fb_table_shown(tb, FB_HIDE_TEXT))
				continue;
			for (size_t r = 0; tb->ncols && r < tb->nrows; r++)
				line(out, fb_cell_format(fb_table_cell(tb, r, 0), buf));
		}
		return fb_writer_stream_result(out, e);
	}
	put(out, d->title);
	if (d->subject) {
		fputs(": ", out);
		put(out, d->subject);
	}
	fputc('\n', out);
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].place == FB_NOTE_INTRO)
			line(out, d->notes[i].text);
	for (size_t t = 0; t < d->ntables; t++) {
		const struct fb_table *tb = &d->tables[t];

		if (!fb_table_shown(tb, FB_HIDE_TEXT))
			continue;
		fputc('\n', out);
		if (tb->intro) {
			para(out, tb->intro);
			fputc('\n', out);
		}
		if (tb->nrows && tb->text == FB_TEXT_CROSSTAB)
			doc_crosstab(out, tb);
		else if (tb->nrows || !tb->empty)
			doc_table(out, tb);
		else
			line(out, tb->empty);
	}
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].place == FB_NOTE_AFTER) {
			if (!after++)
				fputc('\n', out);
			line(out, d->notes[i].text);
		}
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_text = {
	.name = "text", .write = write_doc,
};
