/*
 * html-report.c: the report page: headline figures, charts per snapshot.
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

/* report */

/* One snapshot date: its LAs by utilisation, then its pooled row. */
struct snap {
	const struct fb_report *rep;
	const struct fb_tally_row **v;
	size_t n;
	char date[FB_DATE_LEN + 1];
	const struct fb_tally_row *pool;
	const char *one;     /* the LA's name when there is one LA: no pooled row then */
};

/* Highest utilisation first, compared as exact fractions; no beds last. */
static int
by_utilisation(const void *a, const void *b)
{
	const struct fb_tally_row *x = *(const struct fb_tally_row *const *)a;
	const struct fb_tally_row *y = *(const struct fb_tally_row *const *)b;
	long long l = (long long)x->counts.filled * y->counts.approved;
	long long r = (long long)y->counts.filled * x->counts.approved;

	if (!x->counts.approved != !y->counts.approved)
		return x->counts.approved ? -1 : 1;
	if (l != r)
		return l > r ? -1 : 1;
	return (x->la_code > y->la_code) - (x->la_code < y->la_code);
}

static void
snapshot(struct snap *s, const struct fb_tally_row *pool)
{
	const struct fb_report *rep = s->rep;

	s->n = 0;
	for (size_t i = 0; i < rep->nrows; i++)
		if (rep->rows[i].la_code != FB_LA_ALL && rep->rows[i].date == pool->date)
			s->v[s->n++] = &rep->rows[i];
	qsort(s->v, s->n, sizeof(*s->v), by_utilisation);
	s->pool = pool;
	if (!s->one)
		s->v[s->n++] = pool;
	fb_date_format(pool->date, s->date);
}

static int
snap_pooled(const void *ctx, size_t r)
{
	return ((const struct snap *)ctx)->v[r]->la_code == FB_LA_ALL;
}

static void
util_get(const void *ctx, size_t r, struct pair_row *out)
{
	const struct snap *s = ctx;
	struct fb_rates rt;

	fb_rates_compute(&rt, &s->v[r]->counts);
	out->name = html_la_label(fb_report_la_name(s->rep, s->v[r]), s->v[r]->la_code, out->buf);
	out->la_code = s->v[r]->la_code;
	out->v[0] = rt.utilisation_incl;
	out->v[1] = rt.utilisation_excl;
}

static void
share_get(const void *ctx, size_t r, struct stack_row *out)
{
	const struct snap *s = ctx;
	const struct fb_counts *c = &s->v[r]->counts;

	out->name = html_la_label(fb_report_la_name(s->rep, s->v[r]), s->v[r]->la_code, out->buf);
	out->la_code = s->v[r]->la_code;
	out->den = c->approved;
	out->part[0][0] = c->ms_filled;
	out->part[0][1] = c->filled - c->ms_filled;
	out->part[1][0] = c->ms_vacant;
	out->part[1][1] = c->vacant - c->ms_vacant;
	out->part[2][0] = c->ms_unavailable;
	out->part[2][1] = c->unavailable - c->ms_unavailable;
}

static void
util_figure(FILE *out, const struct snap *s)
{
	const struct fb_tally_row *pool = s->pool;
	char id[32], title[128], incl[48], excl[48], buf[FB_PCT_BUF];
	struct fb_rates rt;
	struct pair_chart c = { id, title, "la-bar", { "including", "excluding" },
				{ C_FILLED, C_EXCL }, s->n, util_get, snap_pooled, s };

	fb_rates_compute(&rt, &pool->counts);
	snprintf(id, sizeof(id), "util-%s", s->date);
	snprintf(title, sizeof(title), "Utilisation by LA on %s, including and excluding "
		 "respite/emergency beds", s->date);
	snprintf(incl, sizeof(incl), ", including: %s%%", fb_pct_format(rt.utilisation_incl, buf));
	snprintf(excl, sizeof(excl), ", excluding: %s%%", fb_pct_format(rt.utilisation_excl, buf));
	html_figure_open(out, "chart-utilisation", title, "Filled beds as a share of approved beds, "
		    "highest first. Excluding leaves respite and emergency beds out of both "
		    "counts.");
	html_legend(out, (const struct key[]){
		{ "", C_FILLED, NULL, "Including respite/emergency" },
		{ "", C_EXCL, NULL, "Excluding respite/emergency" },
		{ "line", "#1b1b1b", s->rep->region_name, incl },
		{ "line dash", "#1b1b1b", s->rep->region_name, excl } }, s->one ? 2 : 4);
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

struct reasons {
	const char *title, *colour;
	const struct fb_reason_line *ms, *re;
	size_t n;            /* reasons, "not_recorded" and "not_recognised" included */
};

/* The largest share, rounded up to a multiple of 10%, so short bars stay readable. */
static long
reasons_scale(const struct reasons *p)
{
	long max = 100;

	for (size_t i = 0; i < p->n; i++) {
		if (p->ms[i].share > max)
			max = p->ms[i].share;
		if (p->re[i].share > max)
			max = p->re[i].share;
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

static void
reason_bar(FILE *out, const struct fb_reason_line *l, int y, int px, int pw, long scale,
	   const char *colour)
{
	char buf[64], share[FB_PCT_BUF];
	int w = l->share == FB_PCT_NONE ? 0 : (int)(l->share * pw / scale);

	html_rect(out, px, y, w, 12, colour);
	if (l->group)
		html_hatch(out, px, y, w, 12);
	if (l->share == FB_PCT_NONE)
		snprintf(buf, sizeof(buf), "%ld", l->beds);
	else
		snprintf(buf, sizeof(buf), "%ld (%s%%)", l->beds, fb_pct_format(l->share, share));
	html_text(out, px + w + 5, y + 10, "val", NULL, buf);
}

static int
reasons_panel(FILE *out, const struct reasons *p, int y, int px, int pw)
{
	char buf[160], name[40], ms[FB_CELL_BUF], re[FB_CELL_BUF];
	long scale = reasons_scale(p);

	html_text(out, 0, y + 16, "head", NULL, p->title);
	snprintf(buf, sizeof(buf), "%s mainstream and %s respite/emergency beds; each bar is "
		 "a share of its group, scale 0-%ld%%", html_count_text(p->ms[0].group_beds, ms),
		 html_count_text(p->re[0].group_beds, re), scale / 10);
	html_text(out, 0, y + 34, "sub", NULL, buf);
	y += 44;
	for (size_t i = 0; i < p->n; i++, y += PAIR_H) {
		fputs("<g class=\"reason\" data-reason=\"", out);
		html_esc(out, p->ms[i].reason);
		fputs("\">", out);
		html_text(out, px - LABEL_PAD, y + 21, "lab", "end",
		     reason_label(p->ms[i].reason, name, sizeof(name)));
		reason_bar(out, &p->ms[i], y + 3, px, pw, scale, p->colour);
		reason_bar(out, &p->re[i], y + 16, px, pw, scale, p->colour);
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
			reason_label(p->ms[i].reason, name, sizeof(name)), p->ms[i].beds,
			fb_pct_format(p->ms[i].share, a), p->re[i].beds,
			fb_pct_format(p->re[i].share, b), i + 1 < p->n ? "; " : ". ");
}

static void
reasons_figure(FILE *out, const struct snap *s)
{
	struct fb_reason_line lines[FB_REASON_LINES];
	const size_t nu = FB_UR_COUNT + 2, nv = FB_VR_COUNT + 2;
	char id[32], title[128];
	struct reasons p[2];
	int px = html_label_width(19) + LABEL_PAD, y = 0;

	/* fb_reason_lines() gives unavailable then vacant, mainstream before respite. */
	fb_reason_lines(&s->pool->counts, lines);
	p[0] = (struct reasons){ "Unavailable beds by unavailable_reason", C_UNAVAILABLE, lines,
				 lines + nu, nu };
	p[1] = (struct reasons){ "Vacant beds by vacancy_reason", C_VACANT, lines + 2 * nu,
				 lines + 2 * nu + nv, nv };
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
static const size_t report_shown[] = { 0, 1, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15 };
static const struct col_group report_groups[] = {
	{ "", 2 }, { "All beds", 5 }, { "Mainstream beds", 2 }, { "Utilisation, %", 2 },
	{ "Of approved, %", 2 },
};

static const char *
snap_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct snap *s = ctx;

	return fb_report_cell(s->rep, s->v[r], i, buf, num);
}

static void
snap_table(FILE *out, const struct snap *s)
{
	struct table t = { "report", report_headings, report_shown, 13, 2, s->n, report_groups,
			   5, snap_cell, snap_pooled, s, 13 };

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
	if (s->rep->breakdown)
		reasons_figure(out, s);
	fputs("</section>\n", out);
}

/* The change since the previous snapshot, ending the explanation. */
static void
since(FILE *out, const struct fb_tally_row *prev, long num, long den, long pnum, long pden)
{
	char date[FB_DATE_LEN + 1];

	if (!prev)
		return;
	fb_date_format(prev->date, date);
	fputs("</p><p class=\"change\">", out);
	html_pp(out, fb_pp_diff_tenths(num, den, pnum, pden));
	fprintf(out, " since %s", date);
}

/* The four headline figures, each a numerator and denominator of the counts. */
static const struct {
	const char *id, *colour, *label, *text;
	size_t num, den;   /* offsets of the counts in struct fb_counts */
} headline_figures[] = {
	{ "region-util-incl", C_FILLED, "Utilisation, including respite/emergency",
	  " approved beds had a child living in them.",
	  offsetof(struct fb_counts, filled), offsetof(struct fb_counts, approved) },
	{ "region-util-excl", C_EXCL, "Utilisation, excluding respite/emergency",
	  " mainstream beds were filled; respite and emergency beds are left out.",
	  offsetof(struct fb_counts, ms_filled), offsetof(struct fb_counts, ms_approved) },
	{ "region-vacant", C_VACANT, "Vacant",
	  " approved beds were free and could take a child now.",
	  offsetof(struct fb_counts, vacant), offsetof(struct fb_counts, approved) },
	{ "region-unavailable", C_UNAVAILABLE, "Unavailable",
	  " approved beds could not be used now: a carer's break, an investigation and "
	  "the like.",
	  offsetof(struct fb_counts, unavailable), offsetof(struct fb_counts, approved) },
};

static long
field(const struct fb_counts *c, size_t off)
{
	return *(const long *)((const char *)c + off);
}

static void
headline_stats(FILE *out, const struct fb_counts *c, const struct fb_tally_row *prev)
{
	const struct fb_counts *p = prev ? &prev->counts : c;

	for (size_t i = 0; i < sizeof(headline_figures) / sizeof(headline_figures[0]); i++) {
		long num = field(c, headline_figures[i].num), den = field(c, headline_figures[i].den);

		html_stat_open(out, headline_figures[i].id, headline_figures[i].colour,
			  headline_figures[i].label, fb_pct_tenths(num, den));
		html_count(out, num);
		fputs(" of ", out);
		html_count(out, den);
		fputs(headline_figures[i].text, out);
		since(out, prev, num, den, field(p, headline_figures[i].num),
		      field(p, headline_figures[i].den));
		html_stat_close(out);
	}
}

/* One LA's name (or code) when the report's rows are all of one LA, else NULL. */
static const char *
one_la(const struct fb_report *rep, size_t first, char buf[16])
{
	for (size_t i = 1; i < first; i++)
		if (rep->rows[i].la_code != rep->rows[0].la_code)
			return NULL;
	return first ? html_la_label(fb_report_la_name(rep, &rep->rows[0]), rep->rows[0].la_code, buf)
		     : NULL;
}

static void
headline(FILE *out, const struct fb_report *rep, const char *one, const struct fb_tally_row *now,
	 const struct fb_tally_row *prev)
{
	char date[FB_DATE_LEN + 1];

	fb_date_format(now->date, date);
	fputs("<section class=\"headline\">\n<h2>", out);
	html_esc(out, one ? one : rep->region_name);
	fprintf(out, " on %s</h2>\n", date);
	if (one)
		fputs("<p class=\"lead\">One LA: these are its own counts.</p>\n", out);
	else
		fprintf(out, "<p class=\"lead\">%d LA%s pooled: their counts are added, then "
			"divided, never averaged.</p>\n", now->nla, html_plural(now->nla));
	fprintf(out, "<div class=\"region-headline\" data-date=\"%s\">\n", date);
	headline_stats(out, &now->counts, prev);
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
snapshot_dates(FILE *out, const struct fb_report *rep, size_t first)
{
	char date[FB_DATE_LEN + 1];

	html_meta_open(out, first + 1 < rep->nrows ? "Snapshot dates" : "Snapshot date");
	for (size_t i = first; i < rep->nrows; i++) {
		fb_date_format(rep->rows[i].date, date);
		fprintf(out, "%s%s", i > first ? ", " : "", date);
	}
	fputs("</dd></div>\n", out);
}

void
html_report(FILE *out, const struct fb_report *rep)
{
	struct snap s = { rep, NULL, 0, "", NULL, NULL };
	size_t first = rep->nrows;   /* the pooled rows come last, by date */
	char code[16];
	const char *title;

	while (first > 0 && rep->rows[first - 1].la_code == FB_LA_ALL)
		first--;
	s.one = one_la(rep, first, code);
	title = s.one ? s.one : rep->region_name;
	html_page_open(out, "Foster-bed utilisation", title);
	html_masthead_open(out, "Foster-bed utilisation", title);
	if (first < rep->nrows)
		snapshot_dates(out, rep, first);
	html_masthead_close(out);
	html_rejected_note(out, rep->run);
	if (first == rep->nrows) {
		fputs("<p class=\"warn\">No usable rows: there is nothing to report.</p>\n", out);
	} else {
		headline(out, rep, s.one, &rep->rows[rep->nrows - 1],
			 rep->nrows - first > 1 ? &rep->rows[rep->nrows - 2] : NULL);
		s.v = fb_xcalloc(rep->nrows, sizeof(*s.v));
		for (size_t i = rep->nrows; i-- > first;) {
			snapshot(&s, &rep->rows[i]);
			snapshot_section(out, &s, i == rep->nrows - 1);
		}
		free(s.v);
	}
	definitions(out);
	html_inputs_section(out, rep->run, 1);
	html_page_close(out);
}
