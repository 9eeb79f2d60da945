/*
 * html-trend.c: the trend page: small multiples, one chart per LA.
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

/* trend: small multiples, one line chart per LA with the region's line in each */

#define SM_W 240
#define SM_H 150
#define SM_L 40    /* room for the y-axis labels */
#define SM_R 24    /* room for half the last date label */
#define SM_T 18    /* room for a value label above the highest point */
#define SM_B 34    /* room for the date labels: month, then year */
#define SM_TICK 11 /* the charts' tick font size, in viewBox units */

/*
 * What every small multiple shares: one y range, so the charts compare at a
 * glance, fitted to the data (a fixed 0-100% axis flattens the one- to
 * three-point changes that matter), and which dates are labelled.
 */
struct sm_axis {
	long lo, hi;       /* tenths of a percent, multiples of 5% */
	size_t ndates;
	size_t step;       /* label every step-th date, counting back from the latest */
	int days;          /* label the day too: two snapshots share a month */
	int region;        /* draw the region's line in the LAs' charts: more than one LA */
};

static int
sm_x(size_t k, size_t ndates)
{
	return ndates < 2 ? SM_L + (SM_W - SM_L - SM_R) / 2
			  : SM_L + (int)(k * (size_t)(SM_W - SM_L - SM_R) / (ndates - 1));
}

/* Utilisation in tenths of a percent to y; the axis's range fills the plot. */
static int
sm_y(const struct sm_axis *ax, long tenths)
{
	return SM_T + (int)((ax->hi - tenths) * (SM_H - SM_T - SM_B) / (ax->hi - ax->lo));
}

static int
sm_labelled(const struct sm_axis *ax, size_t k)
{
	return (ax->ndates - 1 - k) % ax->step == 0;
}

/*
 * A date label: "Sep" (or "15 Sep" when two snapshots share a month) on one
 * line, and the year under it where the year differs from the previous
 * label's, so the labels stay short enough to sit side by side.
 */
static void
sm_date(FILE *out, const struct sm_axis *ax, int x, int date, int *year)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					    "Aug", "Sep", "Oct", "Nov", "Dec" };
	char iso[FB_DATE_LEN + 1];
	int y, m, d, base = SM_H - SM_B;

	fb_date_format(date, iso);
	y = atoi(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8);
	fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x,
		base + 16);
	if (ax->days)
		fprintf(out, "%d ", d);
	fprintf(out, "%s</text>", months[(m + 11) % 12]);
	if (y != *year)
		fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
			"%d</text>", x, base + 29, y);
	*year = y;
}

/*
 * The range: the lowest and highest rate of any row, widened by a point
 * above and three below (room for a value label under the lowest point) and
 * out to multiples of 5%, at least 10 points tall.  The date labels: the
 * widest (a year) is guessed at 0.64 em a character (wide fonts such as
 * DejaVu Sans need that), and dates are skipped until labels 8 units apart fit.
 */
static void
sm_axis_fit(struct sm_axis *ax, const struct fb_trend *tr)
{
	long lo = 1000, hi = 0;
	int last_month = -1;
	size_t prev = (size_t)-1;
	int width, gap;

	for (size_t i = 0; i < tr->n; i++) {
		long v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);

		if (v == FB_PCT_NONE)
			continue;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	if (lo > hi)
		lo = hi = 500;
	lo = (lo - 30) < 0 ? 0 : (lo - 30) / 50 * 50;
	hi = (hi + 10) >= 1000 ? 1000 : (hi + 10 + 49) / 50 * 50;
	if (hi - lo < 100) {
		hi = lo + 100 > 1000 ? 1000 : lo + 100;
		lo = hi - 100;
	}
	ax->lo = lo;
	ax->hi = hi;
	ax->ndates = tr->ndates ? tr->ndates : 1;
	ax->days = 0;
	for (size_t i = 0; i < tr->n; i++) {
		char iso[FB_DATE_LEN + 1];
		int month;

		if (tr->rows[i].la_code != FB_LA_ALL)
			continue;
		fb_date_format(tr->rows[i].date, iso);
		month = atoi(iso) * 12 + atoi(iso + 5);
		if (prev != (size_t)-1 && month == last_month)
			ax->days = 1;
		last_month = month;
		prev = i;
	}
	width = (ax->days ? 6 : 4) * 64 * SM_TICK / 100;
	gap = ax->ndates < 2 ? SM_W : (SM_W - SM_L - SM_R) / (int)(ax->ndates - 1);
	ax->step = 1;
	while ((int)ax->step * gap < width + 8)
		ax->step++;
}

/* The snapshot index of date among the run's dates. */
static size_t
date_index(const struct fb_trend *tr, int date)
{
	size_t k = 0;

	for (size_t i = 0; i < tr->n; i++)
		if (tr->rows[i].la_code == FB_LA_ALL && tr->rows[i].date < date)
			k++;
	return k;
}

/*
 * One series as polylines, broken at a gap (a snapshot the LA lacks), so a
 * missing quarter is never drawn as if the line went straight through it.
 */
static void
polyline(FILE *out, const struct fb_trend *tr, const struct sm_axis *ax, size_t from, size_t to,
	 const char *cls)
{
	size_t last = (size_t)-1;

	for (size_t i = from; i < to; i++) {
		long v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
		size_t k = date_index(tr, tr->rows[i].date);

		if (v == FB_PCT_NONE)
			continue;
		if (last == (size_t)-1 || k != last + 1)
			fprintf(out, "%s<polyline class=\"%s\" points=\"",
				last == (size_t)-1 ? "" : "\"/>", cls);
		else
			fputc(' ', out);
		fprintf(out, "%d,%d", sm_x(k, tr->ndates), sm_y(ax, v));
		last = k;
	}
	if (last != (size_t)-1)
		fputs("\"/>", out);
}

/* A value at the first or last date leans inwards, clear of the y-axis labels. */
static const char *
edge_anchor(size_t k, size_t ndates)
{
	if (ndates < 2)
		return "middle";
	return k == 0 ? "start" : k + 1 == ndates ? "end" : "middle";
}

/*
 * Whether row i's value label goes under its point: when the region's line
 * passes at or above the point there, so the dashed line never crosses it,
 * and the point sits high enough for the label to clear the date labels.
 */
static int
below(const struct fb_trend *tr, const struct sm_axis *ax, size_t i, size_t region)
{
	long v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
	long r;

	if (i == region || region >= tr->n)
		return 0;
	r = fb_pct_tenths(tr->rows[region].counts.filled, tr->rows[region].counts.approved);
	return r != FB_PCT_NONE && sm_y(ax, r) <= sm_y(ax, v) + 4 &&
	       sm_y(ax, v) <= SM_H - SM_B - 12;
}

/* The y-axis: gridlines at the range's ends, and its middle when that is a whole percent. */
static void
sm_grid(FILE *out, const struct sm_axis *ax)
{
	long mid = (ax->lo + ax->hi) / 2;

	for (int g = 0; g < 3; g++) {
		long v = g == 0 ? ax->lo : g == 1 ? mid : ax->hi;

		if (g == 1 && mid % 10)
			continue;
		fprintf(out, "<line class=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
			"<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%ld%%</text>",
			g ? "grid" : "axis", SM_L, SM_W - SM_R + 8, sm_y(ax, v), sm_y(ax, v),
			SM_L - 4, sm_y(ax, v) + 4, v / 10);
	}
}

static void
small_multiple(FILE *out, const struct fb_trend_report *rep, const struct sm_axis *ax,
	       size_t from, size_t to, size_t region_from)
{
	const struct fb_trend *tr = rep->trend;
	char namebuf[FB_CELL_BUF], codebuf[FB_CELL_BUF], date[FB_DATE_LEN + 1];
	int num, la = tr->rows[from].la_code;
	const char *name = fb_trend_cell(rep, &tr->t[from], 1, namebuf, &num);
	const char *code = fb_trend_cell(rep, &tr->t[from], 0, codebuf, &num);
	long v;
	int year = 0;

	fprintf(out, "<li><figure><figcaption>%s ", la == FB_LA_ALL ? "" : code);
	html_esc(out, name);
	fprintf(out, "</figcaption>\n<svg class=\"la-trend\" data-la=\"%s\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"tr%s-t tr%s-d\"><title id=\"tr%s-t\">Utilisation "
		"including respite/emergency: ", code, SM_W, SM_H, code, code, code);
	html_esc(out, *name ? name : code);
	fprintf(out, "</title><desc id=\"tr%s-d\">", code);
	for (size_t i = from; i < to; i++) {
		char val[FB_PCT_BUF];

		fb_date_format(tr->rows[i].date, date);
		v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
		fprintf(out, "%s%s: %s%%", i > from ? "; " : "", date, fb_pct_format(v, val));
	}
	fprintf(out, ". The axis runs from %ld%% to %ld%%%s.</desc>\n", ax->lo / 10, ax->hi / 10,
		la == FB_LA_ALL || !ax->region ? "" : "; the dashed line is the region");
	sm_grid(out, ax);
	if (la != FB_LA_ALL && ax->region)
		polyline(out, tr, ax, region_from, tr->n, "trend-region");
	polyline(out, tr, ax, from, to, la == FB_LA_ALL ? "trend-la region" : "trend-la");
	for (size_t i = from; i < to; i++) {
		char val[FB_PCT_BUF];
		size_t k = date_index(tr, tr->rows[i].date);

		v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
		if (v == FB_PCT_NONE)
			continue;
		fprintf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>", sm_x(k, tr->ndates),
			sm_y(ax, v), C_FILLED);
		if (sm_labelled(ax, k))
			fprintf(out, "<text class=\"val\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s"
				"</text>", sm_x(k, tr->ndates),
				sm_y(ax, v) + (ax->region && below(tr, ax, i, region_from + k) ? 15 : -6),
				edge_anchor(k, tr->ndates), fb_pct_format(v, val));
	}
	for (size_t k = 0, i = region_from; i < tr->n; i++, k++)
		if (sm_labelled(ax, k))
			sm_date(out, ax, sm_x(k, tr->ndates), tr->rows[i].date, &year);
	fputs("</svg></figure></li>\n", out);
}

static const char *
trend_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct fb_trend_report *rep = ctx;

	return fb_trend_cell(rep, &rep->trend->t[r], i, buf, num);
}

static int
trend_pooled(const void *ctx, size_t r)
{
	return ((const struct fb_trend_report *)ctx)->trend->t[r].now->la_code == FB_LA_ALL;
}

static const char *const trend_headings[] = {
	"LA", "Name", "Date", "Approved", "Incl %", "Excl %", "Vacant %", "Unavail %",
	"Incl pp", "Excl pp", "Vacant pp", "Since", "Note",
};
static const size_t trend_shown[] = { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15 };

void
html_trend(FILE *out, const struct fb_trend_report *rep)
{
	const struct fb_trend *tr = rep->trend;
	struct table t = { "trend", trend_headings, trend_shown, 13, 3, tr->n, NULL, 0,
			   trend_cell, trend_pooled, rep, 13 };
	size_t region_from = tr->n;
	struct sm_axis ax;
	char namebuf[FB_CELL_BUF], code[16];
	const char *name, *title = rep->region_name;
	int num, one = 1;

	while (region_from > 0 && tr->rows[region_from - 1].la_code == FB_LA_ALL)
		region_from--;
	sm_axis_fit(&ax, tr);
	for (size_t i = 1; i < region_from && one; i++)
		one = tr->rows[i].la_code == tr->rows[0].la_code;
	ax.region = !one;
	if (one && region_from) {
		name = fb_trend_cell(rep, &tr->t[0], 1, namebuf, &num);
		title = html_la_label(name, tr->rows[0].la_code, code);
	}
	html_page_open(out, "Foster-bed utilisation over time", title);
	html_masthead_open(out, "Foster-bed utilisation over time", title);
	html_masthead_close(out);
	html_rejected_note(out, rep->run);
	fputs("<section>\n<h2>Utilisation including respite/emergency, by snapshot</h2>\n"
	      "<p>", out);
	fputs(one ? "A gap in the line is a snapshot the LA has no records for, never a zero."
		  : "One small chart per LA, the region's line dashed in each; a gap in a line "
		  "is a snapshot the LA has no records for, never a zero.", out);
	fprintf(out, " Every chart's vertical axis runs from %ld%% to %ld%%%s.", ax.lo / 10,
		ax.hi / 10, ax.lo ? ", not from zero, so that a change of a point or two shows" : "");
	if (ax.step > 1)
		fprintf(out, " One date in %zu is labelled, counting back from the latest; the "
			"table below has them all.", ax.step);
	fputs("</p>\n<ul class=\"multiples\">\n", out);
	/* One LA: the region's chart would be its own again. */
	if (region_from < tr->n && (!one || !region_from))
		small_multiple(out, rep, &ax, region_from, tr->n, region_from);
	for (size_t i = 0; i < region_from;) {
		size_t j = i;

		while (j < region_from && tr->rows[j].la_code == tr->rows[i].la_code)
			j++;
		small_multiple(out, rep, &ax, i, j, region_from);
		i = j;
	}
	fputs("</ul>\n</section>\n<section>\n<h2>Figures and changes</h2>\n<p>pp = the change "
	      "in percentage points since the same LA's previous snapshot (Since).</p>\n", out);
	html_table(out, &t);
	fputs("</section>\n", out);
	html_inputs_section(out, rep->run, 1);
	html_page_close(out);
}

/* Any document: its tables, with its notes around them */
