/*
 * html-costs.c: the costs page, from costs' document (doc-costs.c): per
 * placement type, a bar chart of each LA's latest change with the region's
 * marked, and the benchmark table (LA rows, the region's last); then the
 * method notes, the --beds upper bound when present, and the inputs.
 *
 * Every figure is a cell of the document, formatted by fb_cell_format();
 * the bars' lengths are the change cells (hundredths of a percent) scaled
 * by integer division.
 */
#include "html.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/figures.h"
#include "util.h"

/* One placement type's rows: indices into the costs table. */
struct rows {
	const struct fb_table *t;
	const size_t *idx;
	size_t n;
};

static const char *
cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct rows *s = ctx;
	const struct fb_cell *c = fb_table_cell(s->t, s->idx[r], i);

	*num = fb_cell_kind_numeric(c->kind);
	return fb_cell_format(c, buf);
}

static int
pooled(const void *ctx, size_t r)
{
	const struct rows *s = ctx;

	return s->t->pooled[s->idx[r]];
}

static const char *const shown[] = {
	"la_code", "la_name", "date", "placements", "average_weekly_cost",
	"weighted_weekly_cost", "additional_support_weekly_cost", "change_pct",
	"months_since_previous", "annualised_change_pct", "largest_change_pct",
	"largest_change_la",
};
static const char *const headings[] = {
	"LA", "Name", "Date", "Placed", "Average £/wk", "Weighted £/wk", "Support £/wk",
	"Change %", "Months", "Annualised %", "Largest LA change %", "By",
};
#define NSHOWN (sizeof(shown) / sizeof(shown[0]))
_Static_assert(NSHOWN == sizeof(headings) / sizeof(headings[0]), "a heading per column");

static void
benchmark(FILE *out, const struct rows *s)
{
	size_t cols[NSHOWN];
	struct table tab = { .cls = "costs", .headings = headings, .columns = cols,
			     .ncols = NSHOWN, .ntext = 3, .nrows = s->n, .cellf = cell,
			     .pooled = pooled, .ctx = s, .hide = NSHOWN,
			     .nowrap = 1u << 2 /* the date */ };

	for (size_t i = 0; i < NSHOWN; i++)
		cols[i] = fb_table_find_column(s->t, shown[i]);
	html_table(out, &tab);
}

#define BAR_H 24

/*
 * Each LA's latest change (its last row with one), a bar from a zero line,
 * and the region's latest change as a dashed line across them.
 */
static void
latest_chart(FILE *out, const struct rows *s, const char *type)
{
	const struct fb_table *t = s->t;
	size_t code = fb_table_find_column(t, "la_code"), name = fb_table_find_column(t, "la_name");
	size_t chg = fb_table_find_column(t, "change_pct");
	size_t *last = fb_xcalloc(s->n + 1, sizeof(*last)), nl = 0, region = s->n, longest = 6;
	long lo = 0, hi = 0, v;
	char buf[FB_DOC_CELL_BUF], lab[16], id[64], title[160];
	int lw, x0, w, h, rx = -1;   /* rx: the region's line, if drawn */

	for (size_t r = 0; r < s->n; r++) {
		size_t i = s->idx[r];
		const char *la = fb_table_cell(t, i, code)->s;

		if (fb_table_cell(t, i, chg)->kind == FB_CK_EMPTY)
			continue;
		if (t->pooled[i]) {
			region = r;
			continue;
		}
		if (nl > 0 && strcmp(fb_table_cell(t, s->idx[last[nl - 1]], code)->s, la) == 0)
			last[nl - 1] = r;
		else
			last[nl++] = r;
	}
	if (nl == 0) {
		free(last);
		return;
	}
	for (size_t k = 0; k <= nl; k++) {
		size_t r = k < nl ? last[k] : region;
		const char *nm;

		if (r == s->n)
			continue;
		v = fb_table_cell(t, s->idx[r], chg)->n;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
		nm = html_la_label(fb_table_cell(t, s->idx[r], name)->s,
				   html_la_code(fb_table_cell(t, s->idx[r], code)), lab);
		longest = strlen(nm) > longest ? strlen(nm) : longest;
	}
	lw = html_label_width(longest);
	w = VB_W - lw - 2 * LABEL_PAD - 70;
	h = TOP + (int)nl * BAR_H + 20;
	if (hi == lo)
		hi = lo + 1;
	x0 = lw + LABEL_PAD + (int)((-lo) * w / (hi - lo));
	snprintf(id, sizeof(id), "costs-change-%s", type);
	snprintf(title, sizeof(title), "Latest change in average weekly cost, %s, by LA", type);
	html_figure_open(out, "chart", title, "Each LA's change since its previous date, at its "
			 "latest date with one; the dashed line is the region's.");
	fputs("</figcaption>\n", out);
	html_svg_open(out, id, h, title);
	for (size_t k = 0; k < nl; k++) {
		size_t i = s->idx[last[k]];

		fputs(k ? "; " : "", out);
		html_esc(out, fb_cell_format(fb_table_cell(t, i, code), buf));
		fputs(" ", out);
		html_esc(out, fb_cell_format(fb_table_cell(t, i, chg), buf));
		fputs("%", out);
	}
	if (region < s->n) {
		fb_cell_format(fb_table_cell(t, s->idx[region], chg), buf);
		fputs("; the region ", out);
		html_esc(out, buf);
		fputs("%", out);
	}
	fputs("</desc>\n", out);
	if (region < s->n) {
		v = fb_table_cell(t, s->idx[region], chg)->n;
		rx = lw + LABEL_PAD + (int)((v - lo) * w / (hi - lo));
	}
	for (size_t k = 0; k < nl; k++) {
		size_t i = s->idx[last[k]];
		int y = TOP + (int)k * BAR_H, x, vx;

		v = fb_table_cell(t, i, chg)->n;
		x = lw + LABEL_PAD + (int)((v - lo) * w / (hi - lo));
		fprintf(out, "<g class=\"bar\"");
		html_la_attr(out, html_la_code(fb_table_cell(t, i, code)));
		fputs(">\n", out);
		html_text(out, lw, y + BAR_H / 2 + 5, "lab", "end",
			  html_la_label(fb_table_cell(t, i, name)->s,
					html_la_code(fb_table_cell(t, i, code)), lab));
		html_rect(out, x < x0 ? x : x0, y + 3, abs(x - x0), BAR_H - 6, C_FILLED);
		fb_cell_format(fb_table_cell(t, i, chg), buf);
		strcat(buf, "%");
		/*
		 * A value the region's line would cross moves right, past the
		 * line (its width guessed at 8 units a character, as the
		 * kit's charts do for wide fonts).
		 */
		vx = (x > x0 ? x : x0) + 4;
		if (rx >= 0 && rx >= vx - 3 && rx <= vx + (int)strlen(buf) * 8 + 3)
			vx = rx + 5;
		html_text(out, vx, y + BAR_H / 2 + 5, "val", "start", buf);
		fputs("</g>\n", out);
	}
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n",
		x0, TOP - 4, x0, TOP + (int)nl * BAR_H);
	if (region < s->n) {
		fb_cell_format(fb_table_cell(t, s->idx[region], chg), buf);
		fprintf(out, "<line class=\"region\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n", rx, TOP - 8, rx,
			TOP + (int)nl * BAR_H + 4);
		snprintf(title, sizeof(title), "region %s%%", buf);
		html_text(out, rx, TOP - 12, "val", "middle", title);
	}
	fputs("</svg>\n</figure>\n", out);
	free(last);
}

/*
 * Small multiples of the average weekly cost: the region's panel first,
 * then one per LA with the region's line dashed through it, on one axis
 * in pounds (the kit's money option).
 */
static void
cost_lines(FILE *out, const struct rows *s, const char *type)
{
	const struct fb_table *t = s->t;
	size_t code = fb_table_find_column(t, "la_code"), name = fb_table_find_column(t, "la_name");
	size_t date = fb_table_find_column(t, "date"), avg = fb_table_find_column(t, "average_weekly_cost");
	struct sm_point *pts = fb_xcalloc(s->n + 1, sizeof(*pts));
	struct sm_panel *panels = fb_xcalloc(s->n + 1, sizeof(*panels));
	int *dates = fb_xcalloc(s->n + 1, sizeof(*dates));
	char what[96], stem[64];
	struct sm_chart c = { .what = what, .ref_name = "the region", .money = 1, .stem = stem };
	size_t np = 0, region = s->n;

	snprintf(what, sizeof(what), "Average weekly cost, %s", type);
	snprintf(stem, sizeof(stem), "cost-%s-", type);
	for (size_t r = 0; r < s->n; r++) {
		const struct fb_cell *v = fb_table_cell(t, s->idx[r], avg);
		size_t k = 0;

		pts[r].date = (int)fb_table_cell(t, s->idx[r], date)->n;
		pts[r].v = v->kind == FB_CK_EMPTY ? FB_PCT_NONE : v->n;
		if (t->pooled[s->idx[r]] && region == s->n)
			region = r;
		while (k < c.ndates && dates[k] < pts[r].date)
			k++;
		if (k < c.ndates && dates[k] == pts[r].date)
			continue;
		memmove(dates + k + 1, dates + k, (c.ndates - k) * sizeof(*dates));
		dates[k] = pts[r].date;
		c.ndates++;
	}
	c.dates = dates;
	if (region < s->n) {
		panels[np++] = (struct sm_panel){ .id = "ALL", .label = "",
			.name = fb_table_cell(t, s->idx[region], name)->s, .pts = pts + region,
			.n = s->n - region, .ref = 1 };
		c.ref = pts + region;
		c.nref = s->n - region;
	}
	for (size_t i = 0; i < region;) {
		const char *la = fb_table_cell(t, s->idx[i], code)->s;
		size_t j = i;

		while (j < region && strcmp(fb_table_cell(t, s->idx[j], code)->s, la) == 0)
			j++;
		panels[np++] = (struct sm_panel){ .id = la, .label = la,
			.name = fb_table_cell(t, s->idx[i], name)->s, .pts = pts + i, .n = j - i };
		i = j;
	}
	html_sm_fit(&c, panels, np);
	fprintf(out, "<h3>Average weekly cost by date</h3>\n<p>One small chart per LA, the "
		"region's line dashed in each; every chart's axis runs from \xc2\xa3%ld to "
		"\xc2\xa3%ld a week; a gap in a line is a date the LA has no cost for.", c.lo / 100,
		c.hi / 100);
	if (c.step > 1)
		fprintf(out, " One date in %zu is labelled; the table has them all.", c.step);
	fputs("</p>\n<ul class=\"multiples\">\n", out);
	for (size_t k = 0; k < np; k++)
		html_sm_panel(out, &c, &panels[k]);
	fputs("</ul>\n", out);
	free(pts);
	free(panels);
	free(dates);
}

void
html_costs_page(FILE *out, const struct fb_doc *d)
{
	const struct fb_table *t = fb_doc_find_table(d, "Costs");
	const struct fb_table *beds = fb_doc_find_table(d, "What a filled bed is worth");
	size_t type = fb_table_find_column(t, "placement_type");
	size_t *idx = fb_xcalloc(t->nrows + 1, sizeof(*idx));

	html_page_open(out, d->title, d->subject);
	html_masthead_open(out, d->title, d->subject ? d->subject : d->title);
	html_masthead_close(out);
	html_rejected_note(out, d->run);
	html_doc_notes(out, d, FB_NOTE_INTRO);
	/* The types in their first appearance's order, each type's rows in the table's order. */
	for (size_t r = 0; r < t->nrows; r++) {
		const char *ty = fb_table_cell(t, r, type)->s;
		struct rows s = { .t = t, .idx = idx };
		int seen = 0;

		for (size_t q = 0; q < r && !seen; q++)
			seen = strcmp(fb_table_cell(t, q, type)->s, ty) == 0;
		if (seen)
			continue;
		for (size_t q = r; q < t->nrows; q++)
			if (strcmp(fb_table_cell(t, q, type)->s, ty) == 0)
				idx[s.n++] = q;
		fputs("<section>\n<h2>Placement type: ", out);
		html_esc(out, ty);
		fputs("</h2>\n", out);
		cost_lines(out, &s, ty);
		latest_chart(out, &s, ty);
		benchmark(out, &s);
		fputs("</section>\n", out);
	}
	if (t->nrows == 0)
		fputs("<section>\n<p>No cost rows.</p>\n</section>\n", out);
	fputs("<section>\n<h2>How the figures are worked</h2>\n", out);
	html_doc_notes(out, d, FB_NOTE_AFTER);
	fputs("</section>\n", out);
	html_doc_definitions(out, d);
	if (beds) {
		fputs("<section>\n<h2>What a filled bed is worth</h2>\n", out);
		/* The document's own wording: the figure is an upper bound, never a saving. */
		if (beds->intro) {
			fputs("<p class=\"note\">", out);
			html_esc(out, beds->intro);
			fputs("</p>\n", out);
		}
		html_doc_table(out, beds);
		fputs("</section>\n", out);
	}
	html_inputs_section(out, d->run, 0);
	html_page_close(out);
	free(idx);
}
