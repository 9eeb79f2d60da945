/*
 * html-ofsted.c: the ofsted page: Ofsted's published figures, from the
 * document's cells (doc-ofsted.c).
 *
 * A chart of each authority's filled, vacant and unavailable places as
 * shares of its approved places, the table with each region's sum,
 * Ofsted's figure and the difference set apart, the notes that explain
 * them, then the findings and inputs.  Every share shown is a rate cell of
 * the document: the chart draws those, never its own division of counts.
 */
#include "html.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/la.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/standard.h"
#include "fosterbeds/tally.h"
#include "util.h"

/*
 * The document's columns the page reads, found by name.  doc-ofsted.c
 * keeps the eight measures (from approved) and the three shares (from
 * filled_pct) in adjacent columns, in ofsted.h's order.
 */
enum { P_YEAR, P_CODE, P_NAME, P_APPROVED, P_FILLED_PCT, P_KIND, P_NOT_POOLED, P_NOTE,
       P_COUNT };

static const char *const wanted[P_COUNT] = {
	[P_YEAR] = "year", [P_CODE] = "la_code", [P_NAME] = "la_name",
	[P_APPROVED] = "approved", [P_FILLED_PCT] = "filled_pct", [P_KIND] = "kind",
	[P_NOT_POOLED] = "not_pooled", [P_NOTE] = "note",
};

struct page {
	const struct fb_table *t;
	size_t col[P_COUNT];
	int years;           /* more than one year: name each row's */
	size_t *chart;       /* the rows drawn in the chart, by index */
};

/* 0, or -1 when the table lacks a column the page reads. */
static int
find_columns(struct page *p)
{
	for (int k = 0; k < P_COUNT; k++) {
		p->col[k] = fb_table_find_column(p->t, wanted[k]);
		if (p->col[k] == p->t->ncols)
			return -1;
	}
	return 0;
}

static const struct fb_cell *
cell(const struct page *p, size_t r, int k)
{
	return fb_table_cell(p->t, r, p->col[k]);
}

/* Row r's text in column k: "" when the cell is empty. */
static const char *
text(const struct page *p, size_t r, int k)
{
	const struct fb_cell *c = cell(p, r, k);

	return c->kind == FB_CK_EMPTY || !c->s ? "" : c->s;
}

static int
is_kind(const struct page *p, size_t r, enum fb_ofsted_kind kind)
{
	return r < p->t->nrows && strcmp(text(p, r, P_KIND), fb_ofsted_kind_names[kind]) == 0;
}

/* An authority's DfE code, or FB_LA_ALL on every other row. */
static int
la_code(const struct page *p, size_t r)
{
	return html_la_code(cell(p, r, P_CODE));
}

/*
 * The chart draws authorities, joint services and each region as Ofsted
 * publishes it (its sum where the file has no region column): never the
 * differences, and not England, whose column counts independent agencies.
 */
static size_t
chart_rows(const struct page *p, size_t *idx)
{
	size_t n = 0;

	for (size_t r = 0; r < p->t->nrows; r++)
		if (is_kind(p, r, FB_OK_LA) || is_kind(p, r, FB_OK_JOINT) ||
		    is_kind(p, r, FB_OK_REGION_PUBLISHED) ||
		    (is_kind(p, r, FB_OK_REGION) && !is_kind(p, r + 1, FB_OK_REGION_PUBLISHED)))
			idx[n++] = r;
	return n;
}

static int
chart_pooled(const void *ctx, size_t r)
{
	const struct page *p = ctx;

	return p->t->pooled[p->chart[r]];
}

/*
 * A bar of the row's three shares, in tenths of a percent of 1000: the
 * chart's labels are then the document's rates to the digit.  A share not
 * known leaves the bar undrawn.
 */
static void
chart_get(const void *ctx, size_t r, struct stack_row *out)
{
	const struct page *p = ctx;
	size_t row = p->chart[r];
	const char *name;
	char code[16];

	memset(out->part, 0, sizeof(out->part));
	out->la_code = la_code(p, row);
	out->name = name = html_la_label(text(p, row, P_NAME), out->la_code, code);
	if (p->years) {
		snprintf(out->buf, sizeof(out->buf), "%s %s", name, text(p, row, P_YEAR));
		out->name = out->buf;
	} else if (name == code) {   /* code is about to go out of scope */
		snprintf(out->buf, sizeof(out->buf), "%s", code);
		out->name = out->buf;
	}
	out->den = 1000;
	for (int k = 0; k < 3; k++) {
		const struct fb_cell *c = fb_table_cell(p->t, row, p->col[P_FILLED_PCT] + (size_t)k);

		if (c->kind != FB_CK_RATE)
			out->den = 0;
		else
			out->part[k][0] = c->n;
	}
}

static int
table_pooled(const void *ctx, size_t r)
{
	return ((const struct page *)ctx)->t->pooled[r];
}

/* A cell as the table shows it: numbers grouped by html_table(), empty ones a dash. */
static const char *
table_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct page *p = ctx;
	const struct fb_cell *c = fb_table_cell(p->t, r, i);
	char own[FB_DOC_CELL_BUF];
	const char *v = fb_cell_format(c, own);

	*num = fb_cell_kind_numeric(c->kind);
	if (v == own) {
		snprintf(buf, FB_CELL_BUF, "%s", own);
		return buf;
	}
	return v;
}

/* The notes of the sum, difference, joint and covered rows, as a list. */
static void
row_notes(FILE *out, const struct page *p)
{
	int first = 1;

	for (size_t r = 0; r < p->t->nrows; r++) {
		const char *note = text(p, r, P_NOTE), *not_pooled = text(p, r, P_NOT_POOLED);

		if (!*note || is_kind(p, r, FB_OK_REGION_PUBLISHED))
			continue;
		if (first)
			fputs("<h3>Notes</h3>\n<ul class=\"notes ofsted-notes\">\n", out);
		first = 0;
		fputs("<li data-kind=\"", out);
		html_esc(out, text(p, r, P_KIND));
		fputs("\"><strong>", out);
		html_esc(out, text(p, r, P_NAME));
		if (p->years) {
			fputc(' ', out);
			html_esc(out, text(p, r, P_YEAR));
		}
		fputs("</strong>: ", out);
		html_esc(out, note);
		if (*not_pooled) {
			fputs("; not in the sum: ", out);
			html_esc(out, not_pooled);
		}
		fputs("</li>\n", out);
	}
	if (!first)
		fputs("</ul>\n", out);
}

static const char *const headings[] = {
	"Year", "LA", "Name", "Approved", "Filled", "Vacant", "Unavail.", "All", "Short break",
	"Emerg.", "Exempt.", "Filled", "Vacant", "Unavail.",
};
static const struct col_group groups[] = {
	{ "", 3 }, { "Places", 4 }, { "Households", 4 }, { "% of approved places", 3 },
};

/* The title and region (the document's), and the distinct years; returns how many. */
static size_t
masthead(FILE *out, const struct fb_doc *d, const struct page *p)
{
	const char *years[8];
	size_t ny = 0;

	for (size_t r = 0; r < p->t->nrows; r++) {
		const char *year = text(p, r, P_YEAR);
		size_t k = 0;

		while (k < ny && strcmp(years[k], year) != 0)
			k++;
		if (k == ny && ny < 8 && *year)
			years[ny++] = year;
	}
	html_masthead_open(out, d->title, d->subject);
	html_meta_open(out, ny > 1 ? "Years" : "Year");
	for (size_t k = 0; k < ny; k++) {
		fputs(k ? ", " : "", out);
		html_esc(out, years[k]);
	}
	if (!ny)
		fputs("not known", out);
	fputs("</dd></div>\n", out);
	html_masthead_close(out);
	return ny;
}

void
html_ofsted_page(FILE *out, const struct fb_doc *d)
{
	struct page p = { .t = d->ntables ? &d->tables[0] : NULL };
	const struct fb_note *missing = fb_doc_find_note(d, "missing_cells");
	long nmissing = missing ? strtol(missing->text, NULL, 10) : 0;
	size_t shown[14];
	struct stack_chart c = { "ofsted-share", "Filled, vacant and unavailable places by "
				 "authority, % of approved places", "la-bar", 0,
				 chart_get, chart_pooled, &p };
	struct table t = { "ofsted", headings, shown, 14, 3, 0, groups, 4, table_cell,
			   table_pooled, &p, 0, 0 };

	if (!p.t || find_columns(&p) != 0) {
		/* Not the document this page is for: nothing to draw it from. */
		html_page_open(out, d->title, d->subject);
		html_page_close(out);
		return;
	}
	/* Year, code and name, then the eight measures and the three shares. */
	shown[0] = p.col[P_YEAR];
	shown[1] = p.col[P_CODE];
	shown[2] = p.col[P_NAME];
	for (size_t k = 0; k < FB_OM_COUNT; k++)
		shown[3 + k] = p.col[P_APPROVED] + k;
	for (size_t k = 0; k < 3; k++)
		shown[3 + FB_OM_COUNT + k] = p.col[P_FILLED_PCT] + k;
	t.nrows = p.t->nrows;
	p.chart = fb_xcalloc(p.t->nrows + 1, sizeof(*p.chart));
	c.n = chart_rows(&p, p.chart);
	html_page_open(out, d->title, NULL);
	p.years = masthead(out, d, &p) > 1;
	t.hide = p.years ? t.ncols : 0;   /* one year: the masthead names it */
	fputs("<section class=\"by-la\">\n<h2>By authority</h2>\n", out);
	if (!p.t->nrows) {
		fputs("<p class=\"warn\">No authorities were read.</p>\n", out);
	} else {
		html_figure_open(out, "chart-ofsted", c.title, "As Ofsted published them. The "
				 "shares do not always add to 100% (counts are rounded to the "
				 "nearest 5, and places do not always balance): a gap is left "
				 "white, and no bar runs past 100%. Region rows, set apart below, "
				 "are Ofsted's own region figures.");
		html_stack_legend(out, 0);
		html_stack_chart(out, &c);
		fputs("</figure>\n", out);
		fputs("<p class=\"lead\">Each region has three rows: the sum of its "
		      "authorities (each measure adds the authorities that give it), Ofsted's "
		      "own figure for the region, and Ofsted's minus the sum. The notes say "
		      "which authorities are not in a sum and why the two differ.</p>\n", out);
		html_table(out, &t);
		row_notes(out, &p);
	}
	fprintf(out, "<p class=\"note\">%ld cell%s suppressed ('..') or blank %s left empty, "
		"never read as 0.</p>\n</section>\n", nmissing, html_plural(nmissing),
		nmissing == 1 ? "is" : "are");
	if (d->run && d->run->findings.n) {
		fputs("<section class=\"findings\">\n<h2>Findings</h2>\n<p class=\"lead\">"
		      "Each finding names its authority (the Column).</p>\n", out);
		html_findings_table(out, d->run);
		fputs("</section>\n", out);
	}
	if (d->run)
		html_inputs_section(out, d->run, 1);
	html_page_close(out);
	free(p.chart);
}
