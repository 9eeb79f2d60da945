/*
 * html-reconcile.c: the reconcile page: submitted against standardised.
 */
#include "html.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/doc-reconcile.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/la.h"
#include "fosterbeds/number.h"
#include "fosterbeds/standard.h"
#include "util.h"

/* The table's headings and columns, and bridge_head(), serve the document's page too. */
static const char *const recon_headings[] = {
	"LA", "Name", "Date", "Places", "Filled %", "Vacant %", "Unavail. %", "Beds", "Filled %",
	"Excl. resp. %", "Vacant %", "Unavail. %", "Filled", "Vacant", "Unavail.",
};
static const size_t recon_shown[] = {
	FB_RN_LA_CODE, FB_RN_LA_NAME, FB_RN_DATE, FB_RN_S_APPROVED, FB_RN_S_FILLED_PCT,
	FB_RN_S_VACANT_PCT, FB_RN_S_UNAVAILABLE_PCT, FB_RN_APPROVED, FB_RN_UTIL_INCL,
	FB_RN_UTIL_EXCL, FB_RN_VACANT_PCT, FB_RN_UNAVAILABLE_PCT, FB_RN_FILLED_DIFF,
	FB_RN_VACANT_DIFF, FB_RN_UNAVAILABLE_DIFF,
};
static const struct col_group recon_groups[] = {
	{ "", 3 }, { "As submitted", 4 }, { "From the bed records", 5 },
	{ "Difference, pp", 3 },
};

static void
bridge_head(FILE *out)
{
	fputs("<table class=\"bridge\">\n<thead><tr><th scope=\"col\">In the return as</th>",
	      out);
	for (int c = 0; c < FB_CAT_COUNT; c++) {
		fputs("<th scope=\"col\" class=\"num\">", out);
		html_esc(out, c == FB_CAT_RESPITE_EMERGENCY ? "resp./ emerg." : fb_categories[c].name);
		fputs("</th>", out);
	}
	fputs("<th scope=\"col\" class=\"num\">no bed record</th><th scope=\"col\" "
	      "class=\"num\">return total</th></tr></thead>\n<tbody>\n", out);
}

/*
 * The reconcile document's page (doc-reconcile.c), from its cells alone:
 * every figure shown is a cell of the Reconcile, Bridge or Drivers table,
 * so the page agrees with the CSV to the digit.
 */

struct recon_doc {
	const struct fb_doc *d;
	const struct fb_table *rows, *bridge, *drivers;
	size_t region;          /* the region row of rows: the last */
};

static void
count_or_dash(FILE *out, const struct fb_table *t, size_t r, size_t i)
{
	if (fb_table_cell(t, r, i)->kind == FB_CK_EMPTY)
		fputs(DASH, out);
	else
		html_count(out, fb_table_cell(t, r, i)->n);
}

/* A number note's count (FB_NOTE_NUMBER), 0 when there is none. */
static long
note_count(const struct fb_doc *d, const char *key)
{
	const struct fb_note *note = fb_doc_find_note(d, key);
	long n = 0;

	if (note)
		(void)fb_count_parse(note->text, strlen(note->text), 0, &n);
	return n;
}

/* The Reconcile row of an LA code cell's text, or the region row. */
static size_t
row_of(const struct recon_doc *v, const char *code)
{
	for (size_t r = 0; r < v->rows->nrows; r++)
		if (strcmp(html_cell_s(v->rows, r, FB_RN_LA_CODE), code) == 0)
			return r;
	return v->region;
}

/* One measure of the region: standardised large, submitted and the difference below. */
static void
doc_stat(FILE *out, const struct recon_doc *v, const char *id, const char *colour,
	 const char *label, size_t rate, size_t count, size_t sub_pct, size_t diff)
{
	const struct fb_table *t = v->rows;

	html_stat_open(out, id, colour, label, html_cell_n(t, v->region, rate));
	fputs("Bed records: ", out);
	count_or_dash(out, t, v->region, count);
	fputs(" of ", out);
	count_or_dash(out, t, v->region, FB_RN_APPROVED);
	fputs(" beds. As submitted: ", out);
	html_pct(out, html_cell_n(t, v->region, sub_pct));
	fputs("</p><p class=\"change\">", out);
	html_pp(out, html_cell_n(t, v->region, diff));
	fputs(", records minus return", out);
	html_stat_close(out);
}

static void
doc_headline(FILE *out, const struct recon_doc *v)
{
	long nla = html_cell_n(v->rows, v->region, FB_RN_NLA);

	fputs("<section class=\"headline\">\n<h2>", out);
	html_esc(out, v->d->subject ? v->d->subject : "");
	fprintf(out, ": the records against the return</h2>\n<p class=\"lead\">%ld LA%s present "
		"in both pooled; large figures are standardised from the bed records.</p>\n"
		"<div class=\"region-headline recon\">\n", nla, html_plural(nla));
	doc_stat(out, v, "region-filled", C_FILLED, "Filled", FB_RN_UTIL_INCL, FB_RN_FILLED,
		 FB_RN_S_FILLED_PCT, FB_RN_FILLED_DIFF);
	doc_stat(out, v, "region-vacant", C_VACANT, "Vacant", FB_RN_VACANT_PCT, FB_RN_VACANT,
		 FB_RN_S_VACANT_PCT, FB_RN_VACANT_DIFF);
	doc_stat(out, v, "region-unavailable", C_UNAVAILABLE, "Unavailable",
		 FB_RN_UNAVAILABLE_PCT, FB_RN_UNAVAILABLE, FB_RN_S_UNAVAILABLE_PCT,
		 FB_RN_UNAVAILABLE_DIFF);
	html_stat_open(out, "region-util-excl", C_EXCL, "Filled, excluding respite/emergency",
		       html_cell_n(v->rows, v->region, FB_RN_UTIL_EXCL));
	count_or_dash(out, v->rows, v->region, FB_RN_MS_FILLED);
	fputs(" of ", out);
	count_or_dash(out, v->rows, v->region, FB_RN_MS_APPROVED);
	fputs(" mainstream beds. The return has no such figure.", out);
	html_stat_close(out);
	fputs("</div>\n</section>\n", out);
}

static int
doc_pooled(const void *ctx, size_t r)
{
	return ((const struct fb_table *)ctx)->pooled[r];
}

static void
doc_get(const void *ctx, size_t r, struct pair_row *out)
{
	const struct fb_table *t = ctx;

	out->la_code = html_la_code(fb_table_cell(t, r, FB_RN_LA_CODE));
	out->name = html_la_label(html_cell_s(t, r, FB_RN_LA_NAME), out->la_code, out->buf);
	out->v[0] = html_cell_n(t, r, FB_RN_S_FILLED_PCT);
	out->v[1] = html_cell_n(t, r, FB_RN_UTIL_INCL);
}

static void
doc_figure(FILE *out, const struct recon_doc *v)
{
	const char *title = "Filled places by LA: as submitted to Ofsted and standardised from "
			    "the bed records";
	struct pair_chart c = { "recon-filled", title, "la-bar", { "as submitted",
				"standardised" }, { C_SUBMITTED, C_FILLED }, v->rows->nrows, doc_get,
				doc_pooled, v->rows };

	html_figure_open(out, "chart-recon", title, "Filled as a share of approved places, "
			 "respite/emergency beds included; the lines mark the region.");
	html_legend(out, (const struct key[]){ { "", C_SUBMITTED, NULL, "As submitted" },
		{ "", C_FILLED, NULL, "Standardised from the bed records" },
		{ "line", "#1b1b1b", v->d->subject, ", as submitted" },
		{ "line dash", "#1b1b1b", v->d->subject, ", standardised" } }, 4);
	html_pair_chart(out, &c);
	fputs("</figure>\n", out);
}

/* A cell as the table shows it, differences signed so their direction reads at a glance. */
static const char *
doc_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct fb_cell *c = fb_table_cell(ctx, r, i);
	const char *s = fb_cell_format(c, buf);

	*num = fb_cell_kind_numeric(c->kind);
	if (c->kind == FB_CK_PP && c->n > 0) {
		char tmp[FB_DOC_CELL_BUF];

		snprintf(tmp, sizeof(tmp), "+%s", s);
		memcpy(buf, tmp, sizeof(tmp));
		return buf;
	}
	return s;
}

/* The by-LA table; the date column only when the LAs' snapshot dates differ. */
static void
doc_recon_table(FILE *out, const struct recon_doc *v)
{
	const struct fb_table *rows = v->rows;
	const struct fb_cell *region = fb_table_cell(rows, v->region, FB_RN_DATE);
	struct table t = { "reconcile", recon_headings, recon_shown, 15, 3, rows->nrows,
			   recon_groups, 4, doc_cell, doc_pooled, rows, 2, 0 };

	for (size_t r = 0; r < rows->nrows; r++) {
		const struct fb_cell *c = fb_table_cell(rows, r, FB_RN_DATE);

		if (c->kind != FB_CK_EMPTY && (region->kind == FB_CK_EMPTY || c->n != region->n))
			t.hide = t.ncols;
	}
	html_table(out, &t);
}

/* Both dates, when the records and the return differ in date: shown twice on the page. */
static void
doc_dates_note(FILE *out, const struct fb_doc *d)
{
	const struct fb_note *n = fb_doc_find_note(d, "dates_note");

	if (!n)
		return;
	fputs("<p class=\"note dates-differ\"><strong>", out);
	html_esc(out, n->text);
	fputs("</strong></p>\n", out);
}

/* The Bridge table's rows from start to end, one LA's: a card of beds by status and category. */
static void
doc_bridge_card(FILE *out, const struct recon_doc *v, size_t start, size_t end)
{
	static const struct { const char *bucket; size_t col; } submitted[] = {
		{ .bucket = "filled", .col = FB_RN_S_FILLED },
		{ .bucket = "vacant", .col = FB_RN_S_VACANT },
		{ .bucket = "unavailable", .col = FB_RN_S_UNAVAILABLE },
	};
	const struct fb_table *b = v->bridge, *t = v->rows, *dr = v->drivers;
	const char *code = html_cell_s(b, start, FB_RB_LA_CODE);
	size_t r = row_of(v, code), shown = 0;
	int pooled = b->pooled[start];
	const char *source = html_cell_s(t, r, FB_RN_DATE_SOURCE);
	char buf[FB_DOC_CELL_BUF];

	fprintf(out, "<div class=\"card%s\"", pooled ? " region" : "");
	html_la_attr(out, html_la_code(fb_table_cell(b, start, FB_RB_LA_CODE)));
	fputs("><h3>", out);
	if (!pooled)
		fprintf(out, "%s ", code);
	html_esc(out, html_cell_s(t, r, FB_RN_LA_NAME));
	fputs(", ", out);
	if (fb_table_cell(t, r, FB_RN_DATE)->kind == FB_CK_EMPTY)
		fputs("snapshots of several dates", out);
	else
		html_esc(out, fb_cell_format(fb_table_cell(t, r, FB_RN_DATE), buf));
	if (!pooled)
		fputs(strcmp(source, "return") == 0 ? " (the return's date)"
		      : strcmp(source, "records_date") == 0 ? " (--records-date)"
		      : " (latest snapshot)", out);
	fputs("</h3>\n", out);
	bridge_head(out);
	for (size_t i = start; i < end; i += FB_CAT_COUNT) {
		const char *status = html_cell_s(b, i, FB_RB_STATUS);
		size_t k;

		/* The no_record rows come last, a bucket each: they are columns here. */
		if (strcmp(html_cell_s(b, i, FB_RB_CATEGORY), "no_record") == 0)
			break;
		fputs("<tr><td>", out);
		html_esc(out, status);
		fputs("</td>", out);
		for (size_t c = 0; c < FB_CAT_COUNT && i + c < end; c++) {
			fputs("<td class=\"num\">", out);
			html_count(out, fb_table_cell(b, i + c, FB_RB_BEDS)->n);
			fputs("</td>", out);
		}
		for (k = 0; k < 3 && strcmp(submitted[k].bucket, status) != 0; k++)
			;
		if (k == 3) {
			fputs("<td class=\"num na\">" DASH "</td><td class=\"num na\">" DASH
			      "</td></tr>\n", out);
			continue;
		}
		fputs("<td class=\"num\">", out);
		for (size_t u = start; u < end; u++)
			if (strcmp(html_cell_s(b, u, FB_RB_CATEGORY), "no_record") == 0 &&
			    strcmp(html_cell_s(b, u, FB_RB_STATUS), status) == 0)
				html_count(out, fb_table_cell(b, u, FB_RB_BEDS)->n);
		fputs("</td><td class=\"num\">", out);
		count_or_dash(out, t, r, submitted[k].col);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
	/* The five largest drivers; JSON and the workbook have all of them. */
	for (size_t i = 0; dr && i < dr->nrows && shown < 5; i++) {
		if (strcmp(html_cell_s(dr, i, FB_RDV_LA_CODE), code) != 0)
			continue;
		fputs(shown++ ? "<li>" : "<p class=\"note\">Main drivers, largest first:</p>\n"
		      "<ol><li>", out);
		html_esc(out, html_cell_s(dr, i, FB_RDV_TEXT));
		fputs("</li>", out);
	}
	fputs(shown ? "</ol>\n" : "<p class=\"note\">No differences to explain.</p>\n", out);
	fputs("</div>\n", out);
}

/* The cards: the region's first, then each LA's, from the Bridge table's groups. */
static void
doc_bridges(FILE *out, const struct recon_doc *v)
{
	const struct fb_table *b = v->bridge;
	long n = note_count(v->d, "las_across_dates");

	fputs("<section class=\"bridges\">\n<h2>The bridge: how each bed was counted in the "
	      "return</h2>\n<p class=\"lead\">Rows: the bed's <code>ofsted_status</code>; "
	      "columns: its regional category. \"No bed record\" counts places in the return "
	      "that no bed accounts for (negative when the records count more).</p>\n"
	      "<div class=\"cards\">\n", out);
	for (int pass = 1; b && pass >= 0; pass--)
		for (size_t start = 0, end; start < b->nrows; start = end) {
			for (end = start; end < b->nrows &&
			     strcmp(html_cell_s(b, end, FB_RB_LA_CODE),
				    html_cell_s(b, start, FB_RB_LA_CODE)) == 0; end++)
				;
			if (b->pooled[start] == pass)
				doc_bridge_card(out, v, start, end);
		}
	fputs("</div>\n", out);
	if (n)
		fprintf(out, "<p class=\"note\">No bridge is drawn for the %ld LA%s whose records "
			"and return are from different dates.</p>\n", n, html_plural(n));
	fputs("</section>\n", out);
}

void
html_reconcile_page(FILE *out, const struct fb_doc *d)
{
	struct recon_doc v = { d, fb_doc_find_table(d, "Reconcile"), fb_doc_find_table(d, "Bridge"),
			       fb_doc_find_table(d, "Drivers"), 0 };
	const struct fb_note *kind = fb_doc_find_note(d, "return_kind");
	const struct fb_note *year = fb_doc_find_note(d, "return_year");
	const struct fb_cell *c;
	char buf[FB_DOC_CELL_BUF];

	v.region = v.rows->nrows - 1;
	html_page_open(out, d->title, d->subject);
	html_masthead_open(out, d->title, d->subject);
	html_meta_open(out, "Return");
	if (d->run && d->run->ninputs)
		html_esc(out, d->run->inputs[d->run->ninputs - 1].name);
	fprintf(out, " (%s%s", kind && strcmp(kind->text, "ofsted_published") == 0
		? "Ofsted's published data" : "simple return", year ? ", " : "");
	html_esc(out, year ? year->text : "");
	fputs(")</dd></div>\n", out);
	c = fb_table_cell(v.rows, v.region, FB_RN_DATE);
	html_meta(out, "Snapshot date", c->kind == FB_CK_EMPTY ? "several" : fb_cell_format(c, buf));
	if (note_count(d, "las_across_dates")) {
		c = fb_table_cell(v.rows, v.region, FB_RN_RETURN_DATE);
		html_meta(out, "Return's date", c->kind == FB_CK_EMPTY ? "several"
								 : fb_cell_format(c, buf));
	}
	html_masthead_close(out);
	doc_dates_note(out, d);
	doc_headline(out, &v);
	fputs("<section class=\"by-la\">\n<h2>By LA</h2>\n", out);
	doc_figure(out, &v);
	doc_recon_table(out, &v);
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].place == FB_NOTE_AFTER && !d->notes[i].key) {
			fputs("<p class=\"note\">", out);
			html_esc(out, d->notes[i].text);
			fputs("</p>\n", out);
		}
	doc_dates_note(out, d);
	fputs("</section>\n", out);
	doc_bridges(out, &v);
	html_inputs_section(out, d->run, 1);
	html_page_close(out);
}
