/*
 * html-trend.c: the trend page, from trend's document (doc-trend.c): small
 * multiples of utilisation, one chart per LA with the region's line dashed
 * in each (html-chart.c draws them), then the figures and changes.
 */
#include "html.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/figures.h"
#include "util.h"

static const char *
cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct fb_cell *c = fb_table_cell(ctx, r, i);

	*num = fb_cell_kind_numeric(c->kind);
	return fb_cell_format(c, buf);
}

static int
pooled(const void *ctx, size_t r)
{
	return ((const struct fb_table *)ctx)->pooled[r];
}

/* The table under the charts: these columns, under these headings. */
static const char *const shown[] = {
	"la_code", "la_name", "snapshot_date", "approved", "utilisation_incl_pct",
	"utilisation_excl_pct", "vacant_pct", "unavailable_pct", "utilisation_incl_pp_change",
	"utilisation_excl_pp_change", "vacant_pp_change", "previous_snapshot_date", "change_note",
};
static const char *const headings[] = {
	"LA", "Name", "Date", "Approved", "Incl %", "Excl %", "Vacant %", "Unavail %",
	"Incl pp", "Excl pp", "Vacant pp", "Since", "Note",
};
#define NSHOWN (sizeof(shown) / sizeof(shown[0]))
_Static_assert(NSHOWN == sizeof(headings) / sizeof(headings[0]), "a heading per column");

static void
figures(FILE *out, const struct fb_table *t)
{
	size_t cols[NSHOWN];
	struct table tab = { .cls = "trend", .headings = headings, .columns = cols,
			     .ncols = NSHOWN, .ntext = 3, .nrows = t->nrows, .cellf = cell,
			     .pooled = pooled, .ctx = t, .hide = NSHOWN };

	for (size_t i = 0; i < NSHOWN; i++)
		cols[i] = fb_table_find_column(t, shown[i]);
	fputs("<section>\n<h2>Figures and changes</h2>\n<p>pp = the change in percentage points "
	      "since the same LA's previous snapshot (Since).</p>\n", out);
	html_table(out, &tab);
	fputs("</section>\n", out);
}

/*
 * The charts' explanation: whether there are several LAs, the shared axis,
 * and which dates are labelled.
 */
static void
explain(FILE *out, const struct sm_chart *c, int one)
{
	fputs("<section>\n<h2>Utilisation including respite/emergency, by snapshot</h2>\n"
	      "<p>", out);
	fputs(one ? "A gap in the line is a snapshot the LA has no records for, never a zero."
		  : "One small chart per LA, the region's line dashed in each; a gap in a line "
		  "is a snapshot the LA has no records for, never a zero.", out);
	fprintf(out, " Every chart's vertical axis runs from %ld%% to %ld%%%s.", c->lo / 10,
		c->hi / 10, c->lo ? ", not from zero, so that a change of a point or two shows" : "");
	if (c->step > 1)
		fprintf(out, " One date in %zu is labelled, counting back from the latest; the "
			"table below has them all.", c->step);
	fputs("</p>\n<ul class=\"multiples\">\n", out);
}

/*
 * The rows are each LA's snapshots by date, then the region's, one per
 * date of the run: the region's panel first, then one per LA.  With one LA
 * the region's line would be the LA's own, so it is neither drawn through
 * the LA's chart nor given a chart, and the page is titled by the LA.
 */
void
html_trend_page(FILE *out, const struct fb_doc *d)
{
	const struct fb_table *t = &d->tables[0];
	size_t code = fb_table_find_column(t, "la_code"), name = fb_table_find_column(t, "la_name");
	size_t date = fb_table_find_column(t, "snapshot_date"), incl = fb_table_find_column(t, "utilisation_incl_pct");
	size_t n = t->nrows, region = n, np = 0;
	struct sm_point *pts = fb_xcalloc(n + 1, sizeof(*pts));
	struct sm_panel *panels = fb_xcalloc(n + 1, sizeof(*panels));
	int *dates = fb_xcalloc(n + 1, sizeof(*dates));
	struct sm_chart c = { .what = "Utilisation including respite/emergency",
			      .ref_name = "the region" };
	const char *title = d->subject;
	char label[16];
	int one = 1;

	while (region > 0 && t->pooled[region - 1])
		region--;
	for (size_t r = 0; r < n; r++) {
		const struct fb_cell *v = fb_table_cell(t, r, incl);

		pts[r].date = (int)fb_table_cell(t, r, date)->n;
		pts[r].v = v->kind == FB_CK_EMPTY ? FB_PCT_NONE : v->n;
		if (r >= region)
			dates[c.ndates++] = pts[r].date;
	}
	if (region < n)
		panels[np++] = (struct sm_panel){ .id = fb_table_cell(t, region, code)->s,
			.label = "", .name = fb_table_cell(t, region, name)->s,
			.pts = pts + region, .n = n - region, .ref = 1 };
	for (size_t i = 0; i < region;) {
		const char *la = fb_table_cell(t, i, code)->s;
		size_t j = i;

		while (j < region && strcmp(fb_table_cell(t, j, code)->s, la) == 0)
			j++;
		panels[np++] = (struct sm_panel){ .id = la, .label = la,
			.name = fb_table_cell(t, i, name)->s, .pts = pts + i, .n = j - i };
		i = j;
	}
	one = np - (region < n) <= 1;
	c.dates = dates;
	if (!one) {
		c.ref = pts + region;
		c.nref = n - region;
	}
	html_sm_fit(&c, panels, np);
	if (one && region)
		title = html_la_label(fb_table_cell(t, 0, name)->s,
				      html_la_code(fb_table_cell(t, 0, code)), label);

	html_page_open(out, d->title, title);
	html_masthead_open(out, d->title, title);
	html_masthead_close(out);
	html_rejected_note(out, d->run);
	explain(out, &c, one);
	for (size_t p = 0; p < np; p++)
		if (!one || !panels[p].ref || !region)
			html_sm_panel(out, &c, &panels[p]);
	fputs("</ul>\n</section>\n", out);
	figures(out, t);
	html_inputs_section(out, d->run, 1);
	html_page_close(out);
	free(pts);
	free(panels);
	free(dates);
}
