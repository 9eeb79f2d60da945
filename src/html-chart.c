/*
 * html-chart.c: the SVG chart kit of the HTML pages (html.h).
 *
 * Every chart is 800 units wide, rows of labelled bars; pooled rows are set
 * apart below a rule.  Each has a <title> and a <desc> listing its values,
 * so a screen reader and a test can read what the bars show.
 */
#include "html.h"

#include <limits.h>
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

/* Charts */

void
html_figure_open(FILE *out, const char *cls, const char *title, const char *note)
{
	fprintf(out, "<figure class=\"chart %s\">\n<figcaption><p class=\"t\">", cls);
	html_esc(out, title);
	fputs("</p>", out);
	if (note) {
		fputs("<p>", out);
		html_esc(out, note);
		fputs("</p>", out);
	}
}

/* The legend, and the end of the caption. */
void
html_legend(FILE *out, const struct key *k, size_t n)
{
	fputs("<ul class=\"legend\">", out);
	for (size_t i = 0; i < n; i++) {
		int line = strncmp(k[i].kind, "line", 4) == 0;

		fprintf(out, "<li><span class=\"sw %s\" style=\"%s:%s\"></span><span>", k[i].kind,
			line ? "border-color" : "background-color", k[i].colour);
		if (k[i].name)
			html_esc(out, k[i].name);
		html_esc(out, k[i].text);
		fputs("</span></li>", out);
	}
	fputs("</ul></figcaption>\n", out);
}

/* Opens the <svg> and its <desc>, which the caller fills and closes. */
void
html_svg_open(FILE *out, const char *id, int height, const char *title)
{
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		"aria-labelledby=\"%s-t %s-d\">\n<title id=\"%s-t\">", VB_W, height, VB_W, height,
		id, id, id);
	html_esc(out, title);
	fprintf(out, "</title>\n<desc id=\"%s-d\">", id);
}

void
html_text(FILE *out, int x, int y, const char *cls, const char *anchor, const char *s)
{
	fprintf(out, "<text class=\"%s\" x=\"%d\" y=\"%d\"%s%s%s>", cls, x, y,
		anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
	html_esc(out, s);
	fputs("</text>", out);
}

void
html_rect(FILE *out, int x, int y, int w, int h, const char *colour)
{
	if (w > 0)
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", x,
			y, w, h, colour);
}

/*
 * White diagonal stripes over a rectangle: respite/emergency beds.  Drawn
 * as clipped lines rather than a <pattern>, which would need url(); the
 * stripes keep a fixed phase so neighbouring segments line up.
 */
void
html_hatch(FILE *out, int x, int y, int w, int h)
{
	const int step = 5;
	int k = x - h - (((x - h) % step) + step) % step;

	if (w <= 0)
		return;
	fputs("<path class=\"hatch\" d=\"", out);
	for (; k < x + w; k += step) {
		int x0 = k, y0 = y + h, x1 = k + h, y1 = y;

		if (x0 < x) {
			y0 -= x - x0;
			x0 = x;
		}
		if (x1 > x + w) {
			y1 += x1 - (x + w);
			x1 = x + w;
		}
		if (x1 > x0)
			fprintf(out, "M%d %dL%d %d", x0, y0, x1, y1);
	}
	fputs("\"/>", out);
}

/* Gridlines at every quarter of a 0-100% scale, labelled below. */
static void
grid(FILE *out, int x, int w, int y0, int y1)
{
	char tick[8];

	for (int q = 0; q <= 4; q++) {
		int gx = x + w * q / 4;

		fprintf(out, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
			q ? "grid" : "axis", gx, y0, gx, y1);
		snprintf(tick, sizeof(tick), "%d%%", q * 25);
		html_text(out, gx, y1 + 17, "tick", "middle", tick);
	}
	fputc('\n', out);
}

/* The length of a rate of tenths on a 0-100% bar of width w. */
static int
bar_len(long tenths, int w)
{
	if (tenths == FB_PCT_NONE || tenths <= 0)
		return 0;
	return (int)((tenths > 1000 ? 1000 : tenths) * w / 1000);
}

/* An LA's name, or its code when the LA table does not know it, so no bar goes unlabelled. */
const char *
html_la_label(const char *name, int la_code, char buf[16])
{
	if ((name && *name) || la_code == FB_LA_ALL)
		return name ? name : "";
	snprintf(buf, 16, "LA %03d", la_code);
	return buf;
}

int
html_la_code(const struct fb_cell *c)
{
	int code;

	if (c->kind != FB_CK_CODE || !c->s || fb_la_code_parse(c->s, strlen(c->s), &code) != 0)
		return FB_LA_ALL;
	return code;
}

void
html_la_attr(FILE *out, int la_code)
{
	if (la_code == FB_LA_ALL)
		fputs(" data-la=\"ALL\"", out);
	else
		fprintf(out, " data-la=\"%03d\"", la_code);
}

/*
 * Label widths are guessed from the longest name, at about 8.2 units a
 * character of 14-unit text (wide system fonts such as DejaVu Sans need
 * that), so a short name leaves no wide margin and a long one is not cut.
 */
/* A label's length for html_label_width(): pooled rows are bold, about an eighth wider. */
static size_t
label_chars(const char *name, int pooled)
{
	size_t len = strlen(name);

	return pooled ? len + (len + 7) / 8 : len;
}

int
html_label_width(size_t longest)
{
	int w = (int)longest * 82 / 10;

	return w < 110 ? 110 : w > 300 ? 300 : w;
}

/* How many times the rows switch from LAs to pooled rows. */
static int
nbreaks(int (*pooled)(const void *, size_t), const void *ctx, size_t n)
{
	int breaks = 0, was = 0;

	for (size_t r = 0; r < n; r++) {
		int p = pooled(ctx, r);

		breaks += p && !was && r > 0;
		was = p;
	}
	return breaks;
}

static void
separator(FILE *out, int y)
{
	fprintf(out, "<line class=\"sep\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", y, VB_W, y);
}

/* Paired bars: two rates per row, on a 0-100% scale */

static void
pair_desc(FILE *out, const struct pair_chart *c)
{
	char a[FB_PCT_BUF], b[FB_PCT_BUF];

	html_esc(out, c->title);
	fprintf(out, ". Per row, %s then %s, in percent: ", c->series[0], c->series[1]);
	for (size_t r = 0; r < c->n; r++) {
		struct pair_row p;

		c->get(c->ctx, r, &p);
		html_esc(out, p.name);
		fprintf(out, " %s, %s%s", p.v[0] == FB_PCT_NONE ? "none" : fb_pct_format(p.v[0], a),
			p.v[1] == FB_PCT_NONE ? "none" : fb_pct_format(p.v[1], b),
			r + 1 < c->n ? "; " : ".");
	}
	fputs("</desc>\n", out);
}

/* A row's label and bars, in a group per row for tests and styling. */
static void
pair_bars(FILE *out, const struct pair_chart *c, const struct pair_row *p, int y, int px, int pw)
{
	int pooled = p->la_code == FB_LA_ALL;

	fprintf(out, "<g class=\"%s\"", pooled ? "region-bar" : c->row_class);
	html_la_attr(out, p->la_code);
	fputc('>', out);
	html_text(out, px - LABEL_PAD, y + 21, pooled ? "lab pooled" : "lab", "end", p->name);
	for (int k = 0; k < 2; k++)
		html_rect(out, px, y + 3 + k * 13, bar_len(p->v[k], pw), 12, c->colour[k]);
	fputs("</g>\n", out);
}

/* The x of the region's lines through the LA rows, left to right; n is 0 without them. */
struct marks {
	int x[2];
	int n;
};

/*
 * The values beside the bars.  A value the region's line would cross moves
 * right, past the line: its width is guessed at 8 units a character of
 * 12.5-unit text (wide fonts such as DejaVu Sans need that).
 */
static void
pair_values(FILE *out, const struct pair_row *p, int y, int px, int pw, const struct marks *m)
{
	char buf[FB_PCT_BUF], label[FB_PCT_BUF + 1];

	for (int k = 0; k < 2; k++) {
		int by = y + 3 + k * 13, w = bar_len(p->v[k], pw), x = px + w + 5, width;

		if (p->v[k] == FB_PCT_NONE) {
			html_text(out, px + 4, by + 10, "val", NULL, DASH);
			continue;
		}
		snprintf(label, sizeof(label), "%s%%", fb_pct_format(p->v[k], buf));
		width = (int)strlen(label) * 8;
		for (int i = 0; i < m->n; i++)
			if (m->x[i] >= x - 3 && m->x[i] <= x + width + 3)
				x = m->x[i] + 5;
		html_text(out, x, by + 10, "val", NULL, label);
	}
}

/* Where region_marks() draws its lines. */
static void
marks_of(struct marks *m, const struct pair_row *region, int px, int pw)
{
	m->n = 0;
	for (int k = 0; k < 2; k++)
		if (region->v[k] != FB_PCT_NONE)
			m->x[m->n++] = px + bar_len(region->v[k], pw);
	if (m->n == 2 && m->x[0] > m->x[1]) {
		int t = m->x[0];

		m->x[0] = m->x[1];
		m->x[1] = t;
	}
}

/* Lines through the LA rows at the pooled row's two values. */
static void
region_marks(FILE *out, const struct pair_row *region, int px, int pw, int y1)
{
	char buf[FB_PCT_BUF], label[FB_PCT_BUF + 1];
	int lo = region->v[0] <= region->v[1] ? 0 : 1;

	for (int k = 0; k < 2; k++) {
		int x = px + bar_len(region->v[k], pw);

		if (region->v[k] == FB_PCT_NONE)
			continue;
		fprintf(out, "<line class=\"mark%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
			k ? " dash" : "", x, TOP - 12, x, y1);
		snprintf(label, sizeof(label), "%s%%", fb_pct_format(region->v[k], buf));
		html_text(out, k == lo ? x - 4 : x + 4, TOP - 16, "val", k == lo ? "end" : "start", label);
	}
	fputc('\n', out);
}

/* Every row, bars or values (m: the region's lines); returns the top of the pooled rows. */
static int
pair_rows(FILE *out, const struct pair_chart *c, int px, int pw, const struct marks *m)
{
	static const struct marks none = { { 0, 0 }, 0 };
	struct pair_row p;
	int y = TOP, was = 0, ylas = TOP;

	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &p);
		if (c->pooled(c->ctx, r) && !was && r > 0) {
			ylas = y;
			if (!m)
				separator(out, y + GAP / 2);
			y += GAP;
		}
		was = c->pooled(c->ctx, r);
		if (m)
			pair_values(out, &p, y, px, pw, was ? &none : m);
		else
			pair_bars(out, c, &p, y, px, pw);
		y += PAIR_H;
	}
	return ylas;
}

void
html_pair_chart(FILE *out, const struct pair_chart *c)
{
	size_t longest = 0, npooled = 0;
	struct pair_row p, region = { 0 };
	struct marks marks;
	int breaks = nbreaks(c->pooled, c->ctx, c->n), px, pw, ylas;

	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &p);
		if (label_chars(p.name, c->pooled(c->ctx, r)) > longest)
			longest = label_chars(p.name, c->pooled(c->ctx, r));
		if (p.la_code == FB_LA_ALL && npooled++ == 0)
			region = p;
	}
	px = html_label_width(longest) + LABEL_PAD;
	pw = VB_W - px - 62;
	html_svg_open(out, c->id, TOP + (int)c->n * PAIR_H + breaks * GAP + 26, c->title);
	pair_desc(out, c);
	grid(out, px, pw, TOP - 6, TOP + (int)c->n * PAIR_H + breaks * GAP);
	ylas = pair_rows(out, c, px, pw, NULL);
	marks.n = 0;
	if (npooled == 1 && ylas > TOP) {
		region_marks(out, &region, px, pw, ylas);
		marks_of(&marks, &region, px, pw);
	}
	fputs("<g class=\"values\">", out);
	pair_rows(out, c, px, pw, &marks);
	fputs("</g>\n</svg>\n", out);
}

/* 100% stacked bars: filled, vacant, unavailable */

static const char *const stack_colour[3] = { C_FILLED, C_VACANT, C_UNAVAILABLE };

static long
stack_share(const struct stack_row *s, int k)
{
	return fb_pct_tenths(s->part[k][0] + s->part[k][1], s->den);
}

static void
stack_desc(FILE *out, const struct stack_chart *c)
{
	char buf[FB_PCT_BUF];
	struct stack_row s;

	html_esc(out, c->title);
	fputs(". Per row, the shares filled, vacant and unavailable, in percent: ", out);
	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &s);
		html_esc(out, s.name);
		if (s.den <= 0)
			fputs(" not known", out);
		for (int k = 0; k < 3 && s.den > 0; k++)
			fprintf(out, "%s%s", k ? ", " : " ", fb_pct_format(stack_share(&s, k), buf));
		fputs(r + 1 < c->n ? "; " : ".", out);
	}
	fputs("</desc>\n", out);
}

/* x of a running count on the bar, never past its end. */
static int
stack_x(long cum, const struct stack_row *s, int px, int pw)
{
	return px + (int)((cum > s->den ? s->den : cum) * pw / s->den);
}

/* The segments of one status, mainstream then hatched respite/emergency. */
static long
stack_segment(FILE *out, const struct stack_row *s, int k, long cum, int y, int px, int pw)
{
	char buf[FB_PCT_BUF], cls[8];
	int x0 = stack_x(cum, s, px, pw);
	int x1 = stack_x(cum + s->part[k][0], s, px, pw);
	int x2 = stack_x(cum + s->part[k][0] + s->part[k][1], s, px, pw);

	html_rect(out, x0, y, x1 - x0, 18, stack_colour[k]);
	html_rect(out, x1, y, x2 - x1, 18, stack_colour[k]);
	html_hatch(out, x1, y, x2 - x1, 18);
	/* A label needs about 32 units; the table has every value anyway. */
	if (x2 - x0 >= 32) {
		snprintf(cls, sizeof(cls), "on on%d", k);
		html_text(out, x0 + 4, y + 14, cls, NULL, fb_pct_format(stack_share(s, k), buf));
	}
	return cum + s->part[k][0] + s->part[k][1];
}

static void
stack_row(FILE *out, const struct stack_chart *c, const struct stack_row *s, int y, int px,
	  int pw)
{
	int pooled = s->la_code == FB_LA_ALL;
	long cum = 0;

	fprintf(out, "<g class=\"%s\"", pooled ? "region-bar" : c->row_class);
	html_la_attr(out, s->la_code);
	fputc('>', out);
	html_text(out, px - LABEL_PAD, y + 18, pooled ? "lab pooled" : "lab", "end", s->name);
	if (s->den <= 0) {
		html_text(out, px + 4, y + 17, "val", NULL, "not known (suppressed or not given)");
	} else {
		for (int k = 0; k < 3; k++)
			cum = stack_segment(out, s, k, cum, y + 4, px, pw);
		fprintf(out, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\"/>",
			px, y + 4, pw);
	}
	fputs("</g>\n", out);
}

void
html_stack_chart(FILE *out, const struct stack_chart *c)
{
	int breaks = nbreaks(c->pooled, c->ctx, c->n), y = 8, was = 0, px, pw;
	int plot_h = (int)c->n * STACK_H + breaks * GAP;
	size_t longest = 0;
	struct stack_row s;

	for (size_t r = 0; r < c->n; r++) {
		size_t len;

		c->get(c->ctx, r, &s);
		len = label_chars(s.name, c->pooled(c->ctx, r));
		if (len > longest)
			longest = len;
	}
	px = html_label_width(longest) + LABEL_PAD;
	pw = VB_W - px - 24;   /* room for half the "100%" tick */
	html_svg_open(out, c->id, 8 + plot_h + 28, c->title);
	stack_desc(out, c);
	grid(out, px, pw, 4, 8 + plot_h + 2);
	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &s);
		if (c->pooled(c->ctx, r) && !was && r > 0) {
			separator(out, y + GAP / 2);
			y += GAP;
		}
		was = c->pooled(c->ctx, r);
		stack_row(out, c, &s, y, px, pw);
		y += STACK_H;
	}
	fputs("</svg>\n", out);
}

void
html_stack_legend(FILE *out, int respite)
{
	const struct key k[4] = {
		{ "", C_FILLED, NULL, "Filled" },
		{ "", C_VACANT, NULL, "Vacant" },
		{ "", C_UNAVAILABLE, NULL, "Unavailable" },
		{ "hatch", "#7a7a7a", NULL, "Striped: respite/emergency beds of that status" },
	};

	html_legend(out, k, respite ? 4 : 3);
}

/* Counts of findings: errors and warnings, name above each bar */

static void
count_value(char *buf, size_t size, const long n[2])
{
	if (n[0] && n[1])
		snprintf(buf, size, "%ld error%s, %ld warning%s", n[0], html_plural(n[0]), n[1],
			 html_plural(n[1]));
	else if (n[1])
		snprintf(buf, size, "%ld warning%s", n[1], html_plural(n[1]));
	else
		snprintf(buf, size, "%ld error%s", n[0], html_plural(n[0]));
}

void
html_count_chart(FILE *out, const struct count_chart *c)
{
	char value[64];
	struct count_row cr;
	long max = 1;
	int pw = VB_W - 170;

	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &cr);
		if (cr.n[0] + cr.n[1] > max)
			max = cr.n[0] + cr.n[1];
	}
	html_svg_open(out, c->id, (int)c->n * COUNT_H + 6, c->title);
	html_esc(out, c->title);
	fputs(": ", out);
	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &cr);
		count_value(value, sizeof(value), cr.n);
		html_esc(out, cr.name);
		fprintf(out, " %s%s", value, r + 1 < c->n ? "; " : ".");
	}
	fputs("</desc>\n", out);
	for (size_t r = 0; r < c->n; r++) {
		int y = (int)r * COUNT_H, we, ww;

		c->get(c->ctx, r, &cr);
		we = (int)(cr.n[0] * pw / max);
		ww = (int)(cr.n[1] * pw / max);
		count_value(value, sizeof(value), cr.n);
		fputs("<g class=\"count-bar\">", out);
		html_text(out, 0, y + 15, "lab", NULL, cr.name);
		html_rect(out, 0, y + 21, we, 14, C_ERROR);
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\" "
			"stroke=\"#8a7a00\" stroke-width=\".8\"/>", we, y + 21, ww, C_WARNING);
		html_text(out, we + ww + 6, y + 32, "val", NULL, value);
		fputs("</g>\n", out);
	}
	fputs("</svg>\n", out);
}

/* Small multiples: one line chart per panel, every panel on one axis */

#define SM_W 240
#define SM_H 150
#define SM_L 40    /* room for the y-axis labels */
#define SM_R 24    /* room for half the last date label */
#define SM_T 18    /* room for a value label above the highest point */
#define SM_B 34    /* room for the date labels: month, then year */
#define SM_TICK 11 /* the charts' tick font size, in viewBox units */

static int
sm_x(const struct sm_chart *c, size_t k)
{
	return c->ndates < 2 ? SM_L + (SM_W - SM_L - SM_R) / 2
			     : SM_L + (int)(k * (size_t)(SM_W - SM_L - SM_R) / (c->ndates - 1));
}

/* A rate in tenths of a percent to y; the axis's range fills the plot. */
static int
sm_y(const struct sm_chart *c, long tenths)
{
	return SM_T + (int)((c->hi - tenths) * (SM_H - SM_T - SM_B) / (c->hi - c->lo));
}

static int
sm_labelled(const struct sm_chart *c, size_t k)
{
	return (c->ndates - 1 - k) % c->step == 0;
}

/* The index of date among the chart's dates: how many come before it. */
static size_t
sm_index(const struct sm_chart *c, int date)
{
	size_t k = 0;

	while (k < c->ndates && c->dates[k] < date)
		k++;
	return k;
}

/*
 * A date label: "Sep" (or "15 Sep" when two dates share a month) on one
 * line, and the year under it where the year differs from the previous
 * label's, so the labels stay short enough to sit side by side.
 */
static void
sm_date(FILE *out, const struct sm_chart *c, int x, int date, int *year)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					    "Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, m, d, base = SM_H - SM_B;

	fb_date_civil(date, &y, &m, &d);
	fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x,
		base + 16);
	if (c->days)
		fprintf(out, "%d ", d);
	fprintf(out, "%s</text>", months[(m + 11) % 12]);
	if (y != *year)
		fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
			"%d</text>", x, base + 29, y);
	*year = y;
}

static void
sm_extent(const struct sm_point *p, size_t n, long *lo, long *hi)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i].v == FB_PCT_NONE)
			continue;
		*lo = p[i].v < *lo ? p[i].v : *lo;
		*hi = p[i].v > *hi ? p[i].v : *hi;
	}
}

/* A value as a label: a rate "62.8", or for money pence as whole pounds "1,355". */
static const char *
sm_value(const struct sm_chart *c, long v, char *buf)
{
	if (c->money)
		return html_count_text((v + (v < 0 ? -50 : 50)) / 100, buf);
	return fb_pct_format(v, buf);
}

/*
 * The range: the lowest and highest value of any panel (or the reference),
 * widened by a point above and three below (room for a value label under
 * the lowest point) and out to multiples of 5%, at least 10 points tall.
 * The date labels: the widest (a year) is guessed at 0.64 em a character
 * (wide fonts such as DejaVu Sans need that), and dates are skipped until
 * labels 8 units apart fit.
 */
void
html_sm_fit(struct sm_chart *c, const struct sm_panel *p, size_t n)
{
	long lo = c->money ? LONG_MAX : 1000, hi = c->money ? LONG_MIN : 0;
	int width, gap;

	for (size_t i = 0; i < n; i++)
		sm_extent(p[i].pts, p[i].n, &lo, &hi);
	if (c->ref)
		sm_extent(c->ref, c->nref, &lo, &hi);
	if (c->money) {
		/* Pence, out to whole 100 pounds (1,000 when the range is wide), room below. */
		long q = lo > hi ? 10000 : hi - lo > 500000 ? 100000 : 10000;

		if (lo > hi)
			lo = hi = 0;
		lo = (lo - q / 4) < 0 ? 0 : (lo - q / 4) / q * q;
		hi = (hi + q - 1) / q * q;
		if (hi - lo < 2 * q)
			hi = lo + 2 * q;
	} else {
		if (lo > hi)
			lo = hi = 500;
		lo = (lo - 30) < 0 ? 0 : (lo - 30) / 50 * 50;
		hi = (hi + 10) >= 1000 ? 1000 : (hi + 10 + 49) / 50 * 50;
		if (hi - lo < 100) {
			hi = lo + 100 > 1000 ? 1000 : lo + 100;
			lo = hi - 100;
		}
	}
	c->lo = lo;
	c->hi = hi;
	c->days = 0;
	for (size_t k = 1; k < c->ndates; k++) {
		char a[FB_DATE_LEN + 1], b[FB_DATE_LEN + 1];

		fb_date_format(c->dates[k - 1], a);
		fb_date_format(c->dates[k], b);
		if (strncmp(a, b, 7) == 0)
			c->days = 1;
	}
	width = (c->days ? 6 : 4) * 64 * SM_TICK / 100;
	/* Every step-th date labelled: the least step whose labels do not touch. */
	gap = c->ndates < 2 ? SM_W : (SM_W - SM_L - SM_R) / (int)(c->ndates - 1);
	if (gap > 0)
		c->step = (size_t)((width + 8 + gap - 1) / gap);
	else   /* dates closer than a unit apart (hundreds of them) */
		c->step = ((size_t)(width + 8) * (c->ndates - 1) + (SM_W - SM_L - SM_R) - 1) /
			  (SM_W - SM_L - SM_R);
	if (c->step < 1)
		c->step = 1;
}

/*
 * One series as polylines, broken at a gap (a date with no value), so a
 * missing quarter is never drawn as if the line went straight through it.
 */
static void
sm_polyline(FILE *out, const struct sm_chart *c, const struct sm_point *p, size_t n,
	    const char *cls)
{
	size_t last = (size_t)-1;

	for (size_t i = 0; i < n; i++) {
		size_t k = sm_index(c, p[i].date);

		if (p[i].v == FB_PCT_NONE)
			continue;
		if (last == (size_t)-1 || k != last + 1)
			fprintf(out, "%s<polyline class=\"%s\" points=\"",
				last == (size_t)-1 ? "" : "\"/>", cls);
		else
			fputc(' ', out);
		fprintf(out, "%d,%d", sm_x(c, k), sm_y(c, p[i].v));
		last = k;
	}
	if (last != (size_t)-1)
		fputs("\"/>", out);
}

/* A value at the first or last date leans inwards, clear of the y-axis labels. */
static const char *
sm_anchor(const struct sm_chart *c, size_t k)
{
	if (c->ndates < 2)
		return "middle";
	return k == 0 ? "start" : k + 1 == c->ndates ? "end" : "middle";
}

/*
 * Whether a value's label goes under its point: when the reference line
 * passes at or above the point there, so the dashed line never crosses it,
 * and the point sits high enough for the label to clear the date labels.
 */
static int
sm_below(const struct sm_chart *c, const struct sm_point *p)
{
	for (size_t i = 0; i < c->nref; i++)
		if (c->ref[i].date == p->date)
			return c->ref[i].v != FB_PCT_NONE &&
			       sm_y(c, c->ref[i].v) <= sm_y(c, p->v) + 4 &&
			       sm_y(c, p->v) <= SM_H - SM_B - 12;
	return 0;
}

/* The y-axis: gridlines at the range's ends, and its middle when that is a whole percent. */
static void
sm_grid(FILE *out, const struct sm_chart *c)
{
	long mid = (c->lo + c->hi) / 2;

	for (int g = 0; g < 3; g++) {
		long v = g == 0 ? c->lo : g == 1 ? mid : c->hi;

		if (g == 1 && mid % (c->money ? 100 : 10))
			continue;
		fprintf(out, "<line class=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
			"<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">",
			g ? "grid" : "axis", SM_L, SM_W - SM_R + 8, sm_y(c, v), sm_y(c, v),
			SM_L - 4, sm_y(c, v) + 4);
		/* Whole pounds, bare: "£1,500" would not fit left of the axis; the caption names the unit. */
		if (c->money)
			fprintf(out, "%ld</text>", v / 100);
		else
			fprintf(out, "%ld%%</text>", v / 10);
	}
}

void
html_sm_panel(FILE *out, const struct sm_chart *c, const struct sm_panel *p)
{
	int year = 0, ref = c->ref && !p->ref;
	const char *stem = c->stem ? c->stem : "tr";

	fputs("<li><figure><figcaption>", out);
	html_esc(out, p->label);
	fputc(' ', out);
	html_esc(out, p->name);
	fputs("</figcaption>\n<svg class=\"la-trend\" data-la=\"", out);
	html_esc(out, p->id);
	fprintf(out, "\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s", SM_W, SM_H, stem);
	html_esc(out, p->id);
	fprintf(out, "-t %s", stem);
	html_esc(out, p->id);
	fprintf(out, "-d\"><title id=\"%s", stem);
	html_esc(out, p->id);
	fputs("-t\">", out);
	html_esc(out, c->what);
	fputs(": ", out);
	html_esc(out, *p->name ? p->name : p->id);
	fprintf(out, "</title><desc id=\"%s", stem);
	html_esc(out, p->id);
	fputs("-d\">", out);
	for (size_t i = 0; i < p->n; i++) {
		char date[FB_DATE_LEN + 1], val[FB_CELL_BUF];
		struct fb_cell m = { .kind = FB_CK_MONEY, .n = p->pts[i].v };

		fb_date_format(p->pts[i].date, date);
		if (c->money)
			fprintf(out, "%s%s: %s", i ? "; " : "", date, p->pts[i].v == FB_PCT_NONE ?
				"none" : fb_cell_format(&m, val));
		else
			fprintf(out, "%s%s: %s%%", i ? "; " : "", date,
				fb_pct_format(p->pts[i].v, val));
	}
	if (c->money)
		fprintf(out, ". The axis runs from %ld to %ld pounds a week", c->lo / 100,
			c->hi / 100);
	else
		fprintf(out, ". The axis runs from %ld%% to %ld%%", c->lo / 10, c->hi / 10);
	if (ref) {
		fputs("; the dashed line is ", out);
		html_esc(out, c->ref_name);
	}
	fputs(".</desc>\n", out);
	sm_grid(out, c);
	if (ref)
		sm_polyline(out, c, c->ref, c->nref, "trend-region");
	sm_polyline(out, c, p->pts, p->n, p->ref ? "trend-la region" : "trend-la");
	for (size_t i = 0; i < p->n; i++) {
		char val[FB_CELL_BUF];
		size_t k = sm_index(c, p->pts[i].date);
		long v = p->pts[i].v;

		if (v == FB_PCT_NONE)
			continue;
		fprintf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>", sm_x(c, k),
			sm_y(c, v), C_FILLED);
		if (sm_labelled(c, k))
			fprintf(out, "<text class=\"val\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s"
				"</text>", sm_x(c, k),
				sm_y(c, v) + (ref && sm_below(c, &p->pts[i]) ? 15 : -6),
				sm_anchor(c, k), sm_value(c, v, val));
	}
	for (size_t k = 0; k < c->ndates; k++)
		if (sm_labelled(c, k))
			sm_date(out, c, sm_x(c, k), c->dates[k], &year);
	fputs("</svg></figure></li>\n", out);
}
