/*
 * html-report.c: the report page: headline figures, charts per snapshot.
 */
#include "html.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/doc-report.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"
#include "util.h"

/*
 * The page reads every figure from report's document (fb_doc_report(),
 * doc-report.h): the rates, the respite/emergency beds the stacked bars
 * hatch, the headline's changes since the date before and the reasons'
 * shares are all cells, worked out there once.  What is left here is
 * order and geometry.
 */

static const struct fb_cell *
cell(const struct fb_table *t, size_t r, size_t i)
{
	return fb_table_cell(t, r, i);
}

/* FB_LA_ALL for a pooled row, else the code's number. */
static int
la_code_of(const struct fb_table *t, size_t r)
{
	return t->pooled[r] ? FB_LA_ALL : html_la_code(fb_table_cell(t, r, FB_RC_CODE));
}

static const char *
la_label_of(const struct fb_table *t, size_t r, char buf[16])
{
	return html_la_label(html_cell_s(t, r, FB_RC_NAME), la_code_of(t, r), buf);
}

/* One snapshot date: its LAs by utilisation, then its pooled row (rows of t). */
struct snap {
	const struct fb_table *t;      /* the figures */
	const struct fb_table *why;    /* the reasons, or NULL */
	size_t *v;
	size_t n;
	char date[FB_DATE_LEN + 1];
	size_t pool;
	const char *one;     /* the LA's name when there is one LA: no pooled row then */
};

/*
 * Highest utilisation first, compared as exact fractions of the counts (two
 * rates that round alike keep their order); no beds last; then by code.
 * Each element is a row's first cell, so the row is all the sort needs.
 */
static int
by_utilisation(const void *a, const void *b)
{
	const struct fb_cell *x = *(const struct fb_cell *const *)a;
	const struct fb_cell *y = *(const struct fb_cell *const *)b;
	long xa = x[FB_RC_APPROVED].n, ya = y[FB_RC_APPROVED].n;
	long long l = (long long)x[FB_RC_FILLED].n * ya;
	long long r = (long long)y[FB_RC_FILLED].n * xa;

	if (!xa != !ya)
		return xa ? -1 : 1;
	if (l != r)
		return l > r ? -1 : 1;
	return strcmp(x[FB_RC_CODE].s, y[FB_RC_CODE].s);
}

static void
snapshot(struct snap *s, size_t pool)
{
	const struct fb_table *t = s->t;
	const struct fb_cell **by = fb_xcalloc(t->nrows + 1, sizeof(*by));
	long date = cell(t, pool, FB_RC_DATE)->n;
	size_t n = 0;

	for (size_t i = 0; i < t->nrows; i++)
		if (!t->pooled[i] && cell(t, i, FB_RC_DATE)->n == date)
			by[n++] = cell(t, i, 0);
	qsort(by, n, sizeof(*by), by_utilisation);
	for (s->n = 0; s->n < n; s->n++)
		s->v[s->n] = (size_t)(by[s->n] - t->cells) / t->ncols;
	free(by);
	s->pool = pool;
	if (!s->one)
		s->v[s->n++] = pool;
	fb_date_format((int)date, s->date);
}

static int
snap_pooled(const void *ctx, size_t r)
{
	const struct snap *s = ctx;

	return s->t->pooled[s->v[r]];
}

static void
util_get(const void *ctx, size_t r, struct pair_row *out)
{
	const struct snap *s = ctx;

	out->name = la_label_of(s->t, s->v[r], out->buf);
	out->la_code = la_code_of(s->t, s->v[r]);
	out->v[0] = html_cell_n(s->t, s->v[r], FB_RC_INCL);
	out->v[1] = html_cell_n(s->t, s->v[r], FB_RC_EXCL);
}

static void
share_get(const void *ctx, size_t r, struct stack_row *out)
{
	const struct snap *s = ctx;
	const struct fb_table *t = s->t;
	size_t row = s->v[r];

	out->name = la_label_of(t, row, out->buf);
	out->la_code = la_code_of(t, row);
	out->den = html_cell_n(t, row, FB_RC_APPROVED);
	out->part[0][0] = html_cell_n(t, row, FB_RC_MS_FILLED);
	out->part[0][1] = html_cell_n(t, row, FB_RC_RE_FILLED);
	out->part[1][0] = html_cell_n(t, row, FB_RC_MS_VACANT);
	out->part[1][1] = html_cell_n(t, row, FB_RC_RE_VACANT);
	out->part[2][0] = html_cell_n(t, row, FB_RC_MS_UNAVAILABLE);
	out->part[2][1] = html_cell_n(t, row, FB_RC_RE_UNAVAILABLE);
}

static void
util_figure(FILE *out, const struct snap *s)
{
	char id[32], title[128], incl[48], excl[48], buf[FB_PCT_BUF];
	struct pair_chart c = { id, title, "la-bar", { "including", "excluding" },
				{ C_FILLED, C_EXCL }, s->n, util_get, snap_pooled, s };
	const char *region = html_cell_s(s->t, s->pool, FB_RC_NAME);

	snprintf(id, sizeof(id), "util-%s", s->date);
	snprintf(title, sizeof(title), "Utilisation by LA on %s, including and excluding "
		 "respite/emergency beds", s->date);
	snprintf(incl, sizeof(incl), ", including: %s%%",
		 fb_pct_format(html_cell_n(s->t, s->pool, FB_RC_INCL), buf));
	snprintf(excl, sizeof(excl), ", excluding: %s%%",
		 fb_pct_format(html_cell_n(s->t, s->pool, FB_RC_EXCL), buf));
	html_figure_open(out, "chart-utilisation", title, "Filled beds as a share of approved beds, "
		    "highest first. Excluding leaves respite and emergency beds out of both "
		    "counts.");
	html_legend(out, (const struct key[]){
		{ "", C_FILLED, NULL, "Including respite/emergency" },
		{ "", C_EXCL, NULL, "Excluding respite/emergency" },
		{ "line", "#1b1b1b", region, incl },
		{ "line dash", "#1b1b1b", region, excl } }, s->one ? 2 : 4);
	html_pair_chart(out, &c);
	fputs("</figure>\n", out);
}

static void
share_figure(FILE *out, const struct snap *s)
{
	char id[32], title[128];
	struct stack_chart c = { id, title, "la-stack", s->n, share_get, snap_pooled, s };

	snprintf(id, sizeof(id), "share-%s", s->date);
	snprintf(title, sizeof(title), "Filled, vacant and unavailable beds by LA on %s, "
		 "%% of approved beds", s->date);
	html_figure_open(out, "chart-share", title, "Each bar is all of an LA's approved beds. "
		    "Respite and emergency beds are striped within the status they had.");
	html_stack_legend(out, 1);
	html_stack_chart(out, &c);
	fputs("</figure>\n", out);
}

/* Why beds go unused: one status, mainstream and respite/emergency beds apart */

/* A block of the reasons table: one status and group, a row per reason. */
struct reasons {
	const char *title, *colour;
	const struct fb_table *why;
	size_t ms, re;       /* the first rows of the mainstream and the respite block */
	size_t n;            /* reasons, "not_recorded" and "not_recognised" included */
};

/* The largest share, rounded up to a multiple of 10%, so short bars stay readable. */
static long
reasons_scale(const struct reasons *p)
{
	long max = 100;

	for (size_t i = 0; i < p->n; i++) {
		if (html_cell_n(p->why, p->ms + i, FB_XC_SHARE) > max)
			max = html_cell_n(p->why, p->ms + i, FB_XC_SHARE);
		if (html_cell_n(p->why, p->re + i, FB_XC_SHARE) > max)
			max = html_cell_n(p->why, p->re + i, FB_XC_SHARE);
	}
	return (max + 99) / 100 * 100;
}

static const char *
reason_label(const char *reason, char *buf, size_t size)
{
	snprintf(buf, size, "%s", reason);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

/* Row r of the reasons, a respite/emergency one (hatched) when respite. */
static void
reason_bar(FILE *out, const struct fb_table *why, size_t r, int respite, int y, int px, int pw,
	   long scale, const char *colour)
{
	char buf[64], share[FB_PCT_BUF];
	long sh = html_cell_n(why, r, FB_XC_SHARE), beds = html_cell_n(why, r, FB_XC_BEDS);
	int w = sh == FB_PCT_NONE ? 0 : (int)(sh * pw / scale);

	html_rect(out, px, y, w, 12, colour);
	if (respite)
		html_hatch(out, px, y, w, 12);
	if (sh == FB_PCT_NONE)
		snprintf(buf, sizeof(buf), "%ld", beds);
	else
		snprintf(buf, sizeof(buf), "%ld (%s%%)", beds, fb_pct_format(sh, share));
	html_text(out, px + w + 5, y + 10, "val", NULL, buf);
}

static int
reasons_panel(FILE *out, const struct reasons *p, int y, int px, int pw)
{
	char buf[160], name[40], ms[FB_CELL_BUF], re[FB_CELL_BUF];
	long scale = reasons_scale(p);

	html_text(out, 0, y + 16, "head", NULL, p->title);
	snprintf(buf, sizeof(buf), "%s mainstream and %s respite/emergency beds; each bar is "
		 "a share of its group, scale 0-%ld%%",
		 html_count_text(html_cell_n(p->why, p->ms, FB_XC_GROUP_BEDS), ms),
		 html_count_text(html_cell_n(p->why, p->re, FB_XC_GROUP_BEDS), re), scale / 10);
	html_text(out, 0, y + 34, "sub", NULL, buf);
	y += 44;
	for (size_t i = 0; i < p->n; i++, y += PAIR_H) {
		const char *reason = html_cell_s(p->why, p->ms + i, FB_XC_REASON);

		fputs("<g class=\"reason\" data-reason=\"", out);
		html_esc(out, reason);
		fputs("\">", out);
		html_text(out, px - LABEL_PAD, y + 21, "lab", "end",
		     reason_label(reason, name, sizeof(name)));
		reason_bar(out, p->why, p->ms + i, 0, y + 3, px, pw, scale, p->colour);
		reason_bar(out, p->why, p->re + i, 1, y + 16, px, pw, scale, p->colour);
		fputs("</g>\n", out);
	}
	return y;
}

static void
reasons_desc(FILE *out, const struct reasons *p)
{
	char name[40], a[FB_PCT_BUF], b[FB_PCT_BUF];

	html_esc(out, p->title);
	fputs(", beds (share) for mainstream then respite/emergency beds: ", out);
	for (size_t i = 0; i < p->n; i++)
		fprintf(out, "%s %ld (%s%%), %ld (%s%%)%s",
			reason_label(html_cell_s(p->why, p->ms + i, FB_XC_REASON), name, sizeof(name)),
			html_cell_n(p->why, p->ms + i, FB_XC_BEDS),
			fb_pct_format(html_cell_n(p->why, p->ms + i, FB_XC_SHARE), a),
			html_cell_n(p->why, p->re + i, FB_XC_BEDS),
			fb_pct_format(html_cell_n(p->why, p->re + i, FB_XC_SHARE), b),
			i + 1 < p->n ? "; " : ". ");
}

static void
reasons_figure(FILE *out, const struct snap *s)
{
	const size_t nu = FB_UR_COUNT + 2, nv = FB_VR_COUNT + 2;
	/* The pooled row's reasons: unavailable then vacant, mainstream before respite. */
	size_t first = s->pool * FB_REASON_LINES;
	char id[32], title[128];
	struct reasons p[2];
	int px = html_label_width(19) + LABEL_PAD, y = 0;

	p[0] = (struct reasons){ "Unavailable beds by unavailable_reason", C_UNAVAILABLE, s->why,
				 first, first + nu, nu };
	p[1] = (struct reasons){ "Vacant beds by vacancy_reason", C_VACANT, s->why,
				 first + 2 * nu, first + 2 * nu + nv, nv };
	snprintf(id, sizeof(id), "reasons-%s", s->date);
	snprintf(title, sizeof(title), "Why beds go unused, %s, %s", s->one ? s->one : "region",
		 s->date);
	html_figure_open(out, "chart-reasons", title, s->one ? "'not recorded' counts beds whose "
		    "reason was left blank; 'not recognised' counts beds whose reason is not one "
		    "of the standard's codes (the values are in the findings)." : "All the LAs "
		    "pooled. 'not recorded' counts beds whose reason was left blank; 'not "
		    "recognised' counts beds whose reason is not one of the standard's codes (the "
		    "values are in the findings).");
	html_legend(out, (const struct key[]){ { "", "#7a7a7a", NULL, "Mainstream beds" },
		{ "hatch", "#7a7a7a", NULL, "Respite/emergency beds" } }, 2);
	html_svg_open(out, id, 2 * 44 + (int)(nu + nv) * PAIR_H + 20, title);
	reasons_desc(out, &p[0]);
	reasons_desc(out, &p[1]);
	fputs("</desc>\n", out);
	y = reasons_panel(out, &p[0], y, px, VB_W - px - 110);
	reasons_panel(out, &p[1], y + 16, px, VB_W - px - 110);
	fputs("</svg>\n</figure>\n", out);
}

static const char *const report_headings[] = {
	"LA", "Name", "Approved", "Filled", "Vacant", "Unavail\xc2\xad" "able", "Resp./ emerg.",
	"Approved", "Filled", "Incl. resp./ emerg.", "Excl. resp./ emerg.", "Vacant",
	"Unavail\xc2\xad" "able",
};
static const size_t report_shown[] = {
	FB_RC_CODE, FB_RC_NAME, FB_RC_APPROVED, FB_RC_FILLED, FB_RC_VACANT, FB_RC_UNAVAILABLE,
	FB_RC_RESPITE, FB_RC_MS_APPROVED, FB_RC_MS_FILLED, FB_RC_INCL, FB_RC_EXCL,
	FB_RC_VACANT_PCT, FB_RC_UNAVAILABLE_PCT,
};
static const struct col_group report_groups[] = {
	{ "", 2 }, { "All beds", 5 }, { "Mainstream beds", 2 }, { "Utilisation, %", 2 },
	{ "Of approved, %", 2 },
};

/* A cell as html_table() takes it: its text, and whether it is a number. */
static const char *
snap_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct snap *s = ctx;
	const struct fb_cell *c = cell(s->t, s->v[r], i);

	*num = fb_cell_kind_numeric(c->kind);
	return fb_cell_format(c, buf);
}

static void
snap_table(FILE *out, const struct snap *s)
{
	struct table t = { "report", report_headings, report_shown, 13, 2, s->n, report_groups,
			   5, snap_cell, snap_pooled, s, 13, 0 };

	fprintf(out, "<h3>Counts and rates on %s</h3>\n", s->date);
	html_table(out, &t);
}

static void
snapshot_section(FILE *out, const struct snap *s, int latest)
{
	fprintf(out, "<section class=\"snapshot%s\" id=\"snapshot-%s\" data-date=\"%s\">\n"
		"<h2>Snapshot %s%s</h2>\n", latest ? " first" : "", s->date, s->date, s->date,
		latest ? " (latest)" : "");
	if (s->one)
		fputs("<p class=\"lead\">One LA: these are its own counts.</p>\n", out);
	else
		fprintf(out, "<p class=\"lead\">%zu LA%s, highest utilisation first; the last row "
			"pools their counts.</p>\n", s->n - 1, html_plural((long)s->n - 1));
	util_figure(out, s);
	share_figure(out, s);
	snap_table(out, s);
	if (s->why)
		reasons_figure(out, s);
	fputs("</section>\n", out);
}

/* The four headline figures: the rate, its numerator and denominator, its change. */
static const struct {
	const char *id, *colour, *label, *text;
	size_t rate, num, den, change;   /* columns (doc-report.h) */
} headline_figures[] = {
	{ "region-util-incl", C_FILLED, "Utilisation, including respite/emergency",
	  " approved beds had a child living in them.",
	  FB_RC_INCL, FB_RC_FILLED, FB_RC_APPROVED, FB_RC_INCL_CHANGE },
	{ "region-util-excl", C_EXCL, "Utilisation, excluding respite/emergency",
	  " mainstream beds were filled; respite and emergency beds are left out.",
	  FB_RC_EXCL, FB_RC_MS_FILLED, FB_RC_MS_APPROVED, FB_RC_EXCL_CHANGE },
	{ "region-vacant", C_VACANT, "Vacant",
	  " approved beds were free and could take a child now.",
	  FB_RC_VACANT_PCT, FB_RC_VACANT, FB_RC_APPROVED, FB_RC_VACANT_CHANGE },
	{ "region-unavailable", C_UNAVAILABLE, "Unavailable",
	  " approved beds could not be used now: a carer's break, an investigation and "
	  "the like.",
	  FB_RC_UNAVAILABLE_PCT, FB_RC_UNAVAILABLE, FB_RC_APPROVED, FB_RC_UNAVAILABLE_CHANGE },
};

/* Row now's headline figures; prev is the pooled row of the date before, or no row (nrows). */
static void
headline_stats(FILE *out, const struct fb_table *t, size_t now, size_t prev)
{
	char date[FB_DATE_LEN + 1];

	for (size_t i = 0; i < sizeof(headline_figures) / sizeof(headline_figures[0]); i++) {
		html_stat_open(out, headline_figures[i].id, headline_figures[i].colour,
			  headline_figures[i].label, html_cell_n(t, now, headline_figures[i].rate));
		html_count(out, html_cell_n(t, now, headline_figures[i].num));
		fputs(" of ", out);
		html_count(out, html_cell_n(t, now, headline_figures[i].den));
		fputs(headline_figures[i].text, out);
		if (prev < t->nrows) {
			/* The change since the previous snapshot ends the explanation. */
			fb_date_format((int)cell(t, prev, FB_RC_DATE)->n, date);
			fputs("</p><p class=\"change\">", out);
			html_pp(out, html_cell_n(t, now, headline_figures[i].change));
			fprintf(out, " since %s", date);
		}
		html_stat_close(out);
	}
}

/* One LA's name (or code) when the report's rows are all of one LA, else NULL. */
static const char *
one_la(const struct fb_table *t, size_t first, char buf[16])
{
	for (size_t i = 1; i < first; i++)
		if (strcmp(html_cell_s(t, i, FB_RC_CODE), html_cell_s(t, 0, FB_RC_CODE)) != 0)
			return NULL;
	return first ? la_label_of(t, 0, buf) : NULL;
}

static void
headline(FILE *out, const struct fb_table *t, const char *one, size_t now, size_t prev)
{
	char date[FB_DATE_LEN + 1];
	long nla = html_cell_n(t, now, FB_RC_NLA);

	fb_date_format((int)cell(t, now, FB_RC_DATE)->n, date);
	fputs("<section class=\"headline\">\n<h2>", out);
	html_esc(out, one ? one : html_cell_s(t, now, FB_RC_NAME));
	fprintf(out, " on %s</h2>\n", date);
	if (one)
		fputs("<p class=\"lead\">One LA: these are its own counts.</p>\n", out);
	else
		fprintf(out, "<p class=\"lead\">%ld LA%s pooled: their counts are added, then "
			"divided, never averaged.</p>\n", nla, html_plural(nla));
	fprintf(out, "<div class=\"region-headline\" data-date=\"%s\">\n", date);
	headline_stats(out, t, now, prev);
	fputs("</div>\n</section>\n", out);
}

static void
definitions(FILE *out)
{
	fputs("<section class=\"definitions\">\n<h2>How the figures are counted</h2>\n"
	      "<dl class=\"defs\">\n"
	      "<dt>Approved</dt><dd>Every approved fostering place on the snapshot date, one bed "
	      "record each.</dd>\n"
	      "<dt>Utilisation, including respite/emergency</dt><dd>Filled beds divided by "
	      "approved beds.</dd>\n"
	      "<dt>Utilisation, excluding respite/emergency</dt><dd>Filled mainstream beds divided "
	      "by approved mainstream beds: respite and emergency beds are left out of both.</dd>\n"
	      "<dt>Vacant and unavailable</dt><dd>Vacant beds are free and could take a child now; "
	      "unavailable beds exist but cannot be used now. Both are shares of approved "
	      "beds.</dd>\n"
	      "<dt>The region row</dt><dd>The LAs' counts added together, then divided: never an "
	      "average of LA rates. Rates are rounded half away from zero to one decimal.</dd>\n"
	      "</dl>\n</section>\n", out);
}

static void
snapshot_dates(FILE *out, const struct fb_table *t, size_t first)
{
	char date[FB_DATE_LEN + 1];

	html_meta_open(out, first + 1 < t->nrows ? "Snapshot dates" : "Snapshot date");
	for (size_t i = first; i < t->nrows; i++) {
		fb_date_format((int)cell(t, i, FB_RC_DATE)->n, date);
		fprintf(out, "%s%s", i > first ? ", " : "", date);
	}
	fputs("</dd></div>\n", out);
}

/* report's page (html.c's pages[]): d is fb_doc_report()'s. */
void
html_report_page(FILE *out, const struct fb_doc *d)
{
	const struct fb_table *t = &d->tables[FB_REPORT_TABLE];
	/* Without --breakdown the next table is the run's, for the workbook alone. */
	struct snap s = { t, d->ntables > FB_REASONS_TABLE &&
			  fb_table_shown(&d->tables[FB_REASONS_TABLE], FB_HIDE_HTML)
			  ? &d->tables[FB_REASONS_TABLE] : NULL, NULL, 0, "", 0, NULL };
	size_t first = t->nrows;   /* the pooled rows come last, by date */
	char code[16];
	const char *title;

	while (first > 0 && t->pooled[first - 1])
		first--;
	s.one = one_la(t, first, code);
	title = s.one ? s.one : d->subject;
	html_page_open(out, "Foster-bed utilisation", title);
	html_masthead_open(out, "Foster-bed utilisation", title);
	if (first < t->nrows)
		snapshot_dates(out, t, first);
	html_masthead_close(out);
	html_rejected_note(out, d->run);
	if (first == t->nrows) {
		fputs("<p class=\"warn\">No usable rows: there is nothing to report.</p>\n", out);
	} else {
		headline(out, t, s.one, t->nrows - 1,
			 t->nrows - first > 1 ? t->nrows - 2 : t->nrows);
		s.v = fb_xcalloc(t->nrows, sizeof(*s.v));
		for (size_t i = t->nrows; i-- > first;) {
			snapshot(&s, i);
			snapshot_section(out, &s, i == t->nrows - 1);
		}
		free(s.v);
	}
	definitions(out);
	html_inputs_section(out, d->run, 1);
	html_page_close(out);
}
