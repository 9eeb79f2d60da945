/*
 * html-ofsted.c: the ofsted page: Ofsted's published figures.
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
#include "fosterbeds/standard.h"
#include "util.h"

struct ofsted_view {
	const struct fb_ofsted_report *rep;
	int years;           /* more than one year: name each row's */
	size_t *chart;       /* the rows drawn in the chart, by index */
};

static int
ofsted_pooled(const void *ctx, size_t r)
{
	return fb_ofsted_row_pooled(&((const struct ofsted_view *)ctx)->rep->rows[r]);
}

static int
ofsted_chart_pooled(const void *ctx, size_t r)
{
	const struct ofsted_view *view = ctx;

	return fb_ofsted_row_pooled(&view->rep->rows[view->chart[r]]);
}

static const char *
ofsted_cellf(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	return fb_ofsted_cell(&((const struct ofsted_view *)ctx)->rep->rows[r], i, buf, num);
}

/*
 * The chart draws authorities, joint services and each region as Ofsted
 * publishes it (its sum where the file has no region column): never the
 * differences, and not England, whose column counts independent agencies.
 */
static size_t
ofsted_chart_rows(const struct fb_ofsted_report *rep, size_t *idx)
{
	size_t n = 0;

	for (size_t r = 0; r < rep->nrows; r++) {
		enum fb_ofsted_kind k = rep->rows[r].kind;

		if (k == FB_OK_LA || k == FB_OK_JOINT || k == FB_OK_REGION_PUBLISHED ||
		    (k == FB_OK_REGION && (r + 1 == rep->nrows ||
					   rep->rows[r + 1].kind != FB_OK_REGION_PUBLISHED)))
			idx[n++] = r;
	}
	return n;
}

static void
ofsted_get(const void *ctx, size_t r, struct stack_row *out)
{
	const struct ofsted_view *view = ctx;
	const struct fb_ofsted_row *row = &view->rep->rows[view->chart[r]];
	const struct fb_la *la = fb_la_by_code(row->la_code);
	const char *name = row->name ? row->name : la ? la->name : "";
	char code[16];

	memset(out->part, 0, sizeof(out->part));
	out->la_code = row->la_code;
	out->name = name = html_la_label(name, row->la_code, code);
	if (view->years) {
		snprintf(out->buf, sizeof(out->buf), "%s %s", name, row->year);
		out->name = out->buf;
	} else if (name == code) {   /* code is about to go out of scope */
		snprintf(out->buf, sizeof(out->buf), "%s", code);
		out->name = out->buf;
	}
	out->den = row->v[FB_OM_APPROVED];
	for (int k = 0; k < 3; k++) {
		out->part[k][0] = row->v[FB_OM_FILLED + k];
		if (out->part[k][0] == FB_MISSING)
			out->den = 0;
	}
}

/* The notes of the sum, difference, joint and covered rows, as a list. */
static void
ofsted_notes(FILE *out, const struct fb_ofsted_report *rep, int years)
{
	int first = 1;

	for (size_t r = 0; r < rep->nrows; r++) {
		const struct fb_ofsted_row *row = &rep->rows[r];
		char buf[FB_CELL_BUF];
		int num;

		if (!row->note || row->kind == FB_OK_REGION_PUBLISHED)
			continue;
		if (first)
			fputs("<h3>Notes</h3>\n<ul class=\"notes ofsted-notes\">\n", out);
		first = 0;
		fprintf(out, "<li data-kind=\"%s\"><strong>", fb_ofsted_kind_names[row->kind]);
		html_esc(out, fb_ofsted_cell(row, 2, buf, &num));
		if (years) {
			fputc(' ', out);
			html_esc(out, row->year);
		}
		fputs("</strong>: ", out);
		html_esc(out, row->note);
		if (row->not_pooled) {
			fputs("; not in the sum: ", out);
			html_esc(out, row->not_pooled);
		}
		fputs("</li>\n", out);
	}
	if (!first)
		fputs("</ul>\n", out);
}

static const char *const ofsted_headings[] = {
	"Year", "LA", "Name", "Approved", "Filled", "Vacant", "Unavail.", "All", "Short break",
	"Emerg.", "Exempt.", "Filled", "Vacant", "Unavail.",
};
static const size_t ofsted_shown[] = { 0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };
static const struct col_group ofsted_groups[] = {
	{ "", 3 }, { "Places", 4 }, { "Households", 4 }, { "% of approved places", 3 },
};

/* The distinct years, and the one region named when only one is. */
static int
ofsted_masthead(FILE *out, const struct fb_ofsted_report *rep)
{
	const char *years[8], *region = NULL;
	size_t ny = 0, nregions = 0;

	for (size_t r = 0; r < rep->nrows; r++) {
		size_t k = 0;

		while (k < ny && strcmp(years[k], rep->rows[r].year) != 0)
			k++;
		if (k == ny && ny < 8 && rep->rows[r].year[0])
			years[ny++] = rep->rows[r].year;
		if (rep->rows[r].kind == FB_OK_REGION && (!region ||
							  strcmp(region, rep->rows[r].region)))
			region = rep->rows[r].region, nregions++;
	}
	html_masthead_open(out, "Ofsted's published fostering data",
		      nregions == 1 ? region : "Local authorities in England");
	html_meta_open(out, ny > 1 ? "Years" : "Year");
	for (size_t k = 0; k < ny; k++) {
		fputs(k ? ", " : "", out);
		html_esc(out, years[k]);
	}
	if (!ny)
		fputs("not known", out);
	fputs("</dd></div>\n", out);
	html_masthead_close(out);
	return ny > 1;
}

void
html_ofsted(FILE *out, const struct fb_ofsted_report *rep)
{
	struct ofsted_view view = { rep, 0, fb_xcalloc(rep->nrows + 1, sizeof(size_t)) };
	struct stack_chart c = { "ofsted-share", "Filled, vacant and unavailable places by "
				 "authority, % of approved places", "la-bar", 0,
				 ofsted_get, ofsted_chart_pooled, &view };
	struct table t = { "ofsted", ofsted_headings, ofsted_shown, 14, 3, rep->nrows,
			   ofsted_groups, 4, ofsted_cellf, ofsted_pooled, &view, 0 };

	c.n = ofsted_chart_rows(rep, view.chart);
	html_page_open(out, "Ofsted's published fostering data", NULL);
	view.years = ofsted_masthead(out, rep);
	t.hide = view.years ? t.ncols : 0;   /* one year: the masthead names it */
	fputs("<section class=\"by-la\">\n<h2>By authority</h2>\n", out);
	if (!rep->nrows) {
		fputs("<p class=\"warn\">No authorities were read.</p>\n", out);
	} else {
		html_figure_open(out, "chart-ofsted", c.title, "As Ofsted published them. The shares "
			    "do not always add to 100% (counts are rounded to the nearest 5, and "
			    "places do not always balance): a gap is left white, and no bar runs "
			    "past 100%. Region rows, set apart below, are Ofsted's own region "
			    "figures.");
		html_stack_legend(out, 0);
		html_stack_chart(out, &c);
		fputs("</figure>\n", out);
		fputs("<p class=\"lead\">Each region has three rows: the sum of its "
		      "authorities (each measure adds the authorities that give it), Ofsted's "
		      "own figure for the region, and Ofsted's minus the sum. The notes say "
		      "which authorities are not in a sum and why the two differ.</p>\n", out);
		html_table(out, &t);
		ofsted_notes(out, rep, view.years);
	}
	fprintf(out, "<p class=\"note\">%ld cell%s suppressed ('..') or blank %s left empty, "
		"never read as 0.</p>\n</section>\n", rep->missing, html_plural(rep->missing),
		rep->missing == 1 ? "is" : "are");
	if (rep->run->findings.n) {
		fputs("<section class=\"findings\">\n<h2>Findings</h2>\n<p class=\"lead\">"
		      "Each finding names its authority (the Column).</p>\n", out);
		html_findings_table(out, rep->run);
		fputs("</section>\n", out);
	}
	html_inputs_section(out, rep->run, 1);
	html_page_close(out);
	free(view.chart);
}
