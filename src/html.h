/*
 * html.h: what the HTML writer's files share (private to src/html*.c).
 *
 * The HTML writer is one self-contained page per document, to read, print
 * or email.  Self-contained means nothing is fetched: no script, no
 * external font, image or stylesheet, no url() at all (a
 * Content-Security-Policy says so too), so the page is the same offline, in
 * any browser and on paper.  The CSS is one <style> block with system fonts
 * (src/style.css, embedded at build time); the charts are inline SVG, each
 * with a <title> and a <desc> that lists its values.
 *
 * The files:
 *   html.c          escaping, the page and its masthead, headline figures,
 *                   tables, the inputs section, the generic page of any
 *                   document, and the writer itself (which page for which
 *                   document)
 *   html-chart.c    the SVG chart kit: paired bars, stacked bars, counts,
 *                   small multiples
 *   html-<doc>.c    one page per document whose page is not the generic one
 *
 * Every string that may have come from input (file names, region names,
 * finding values and messages) is written through html_esc(), and so, for
 * simplicity, is every other string.
 *
 * Geometry is integer: a bar's length is its count or its rate in tenths
 * (figures.h) scaled by integer division, and every figure shown is
 * fb_pct_format()'s, so the page agrees with the CSV to the digit.
 */
#ifndef FOSTERBEDS_HTML_H
#define FOSTERBEDS_HTML_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/writer.h"

/* Okabe-Ito (style.css uses the same): told apart with every common colour-vision deficiency. */
#define C_FILLED "#0072B2"
#define C_EXCL "#56B4E9"
#define C_VACANT "#E69F00"
#define C_UNAVAILABLE "#CC79A7"
#define C_SUBMITTED "#E69F00"
#define C_ERROR "#D55E00"
#define C_WARNING "#F0E442"

#define DASH "\xe2\x80\x93"   /* an en dash: a value that does not exist */

/* Every chart is 800 units wide: at A4 print width 14-unit text is about 9pt. */
#define VB_W 800
#define TOP 30          /* room above the first bar for the region markers */
#define PAIR_H 32       /* a row of two bars */
#define STACK_H 26      /* a row of one stacked bar */
#define COUNT_H 40      /* a row of the findings charts: name above, bar below */
#define GAP 14          /* between the LAs and the pooled rows */
#define LABEL_PAD 8

/* Text and page (html.c) */

/* Writes s with &, <, >, " and ' escaped: every piece of text goes out through here. */
void html_esc(FILE *out, const char *s);

/* v with commas between thousands, into buf; returns buf. */
const char *html_count_text(long v, char buf[FB_CELL_BUF]);
void html_count(FILE *out, long v);

/* A rate for reading: "62.8%", or a dash when it has no value (FB_PCT_NONE). */
void html_pct(FILE *out, long tenths);

/* A difference in percentage points, signed: "+6.0 pp", or a dash. */
void html_pp(FILE *out, long tenths);

/* "" for 1, else "s". */
const char *html_plural(long n);

/* The page's head, to <main>; name (or NULL) follows the title after a colon. */
void html_page_open(FILE *out, const char *title, const char *name);
/* The footer, and the end of the page. */
void html_page_close(FILE *out);

/*
 * The masthead: kicker above the name, then a <dl> of html_meta() terms
 * (html_meta_open() leaves the <dd> for the caller to fill and close with
 * "</dd></div>"); html_masthead_close() adds the standard and tool versions.
 */
void html_masthead_open(FILE *out, const char *kicker, const char *name);
void html_meta_open(FILE *out, const char *term);
void html_meta(FILE *out, const char *term, const char *value);
void html_masthead_close(FILE *out);

/* A headline figure; the caller writes its explanation, then html_stat_close(). */
void html_stat_open(FILE *out, const char *id, const char *colour, const char *label, long tenths);
void html_stat_close(FILE *out);

struct col_group {
	const char *label;
	int span;
};

/*
 * A table of cells from the shared column functions: text columns (the
 * first ntext) to the left, numbers to the right, and pooled rows in a
 * tbody of their own so they stand apart however the rows are ordered.
 */
struct table {
	const char *cls;
	const char *const *headings;
	const size_t *columns;       /* which cells to show, by index */
	size_t ncols, ntext, nrows;
	const struct col_group *groups;  /* a heading row above, or NULL */
	size_t ngroups;
	const char *(*cellf)(const void *ctx, size_t r, size_t i, char *buf, int *num);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
	size_t hide;         /* a text column of the first group left out, or ncols */
	unsigned nowrap;     /* text columns (bit i: column i) kept on one line, e.g. dates */
};

void html_table(FILE *out, const struct table *t);

/* The rules of the rejected rows' first errors, "FB004 2, FB010 1", or a dash. */
void html_rejected_by(FILE *out, const long *by);

/* A warning that rows with errors were left out, with their rules; nothing when none were. */
void html_rejected_note(FILE *out, const struct fb_run *run);

/* Every input's rows read, used and rejected; summary: the findings' counts too. */
void html_inputs_section(FILE *out, const struct fb_run *run, int summary);

/* Charts (html-chart.c) */

/* A legend entry: kind is "", "hatch", "line" or "line dash". */
struct key {
	const char *kind;
	const char *colour;
	const char *name;    /* from input, or NULL: written before text */
	const char *text;
};

struct pair_row {
	const char *name;
	int la_code;
	long v[2];           /* tenths, FB_PCT_NONE when undefined */
	char buf[16];        /* room for a name the getter composes */
};

struct pair_chart {
	const char *id, *title, *row_class;
	const char *series[2], *colour[2];
	size_t n;            /* rows, pooled ones included */
	void (*get)(const void *ctx, size_t r, struct pair_row *out);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
};

struct stack_row {
	const char *name;
	int la_code;
	long den;            /* the whole bar; 0 or less when there is nothing to draw */
	long part[3][2];     /* filled, vacant, unavailable by mainstream, respite/emergency */
	char buf[96];        /* room for a name the getter composes */
};

struct stack_chart {
	const char *id, *title, *row_class;
	size_t n;
	void (*get)(const void *ctx, size_t r, struct stack_row *out);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
};

struct count_row {
	char name[160];
	long n[2];           /* errors, warnings */
};

struct count_chart {
	const char *id, *title;
	size_t n;
	void (*get)(const void *ctx, size_t r, struct count_row *out);
	const void *ctx;
};

/* A figure and its caption (note may be NULL); html_legend() ends the caption. */
void html_figure_open(FILE *out, const char *cls, const char *title, const char *note);
void html_legend(FILE *out, const struct key *k, size_t n);

/* Opens the <svg> and its <desc>, which the caller fills and closes. */
void html_svg_open(FILE *out, const char *id, int height, const char *title);
void html_text(FILE *out, int x, int y, const char *cls, const char *anchor, const char *s);
void html_rect(FILE *out, int x, int y, int w, int h, const char *colour);
/* White diagonal stripes over a rectangle: respite/emergency beds. */
void html_hatch(FILE *out, int x, int y, int w, int h);

/* An LA's name, or "LA 851" when the LA table does not know it, so no bar goes unlabelled. */
const char *html_la_label(const char *name, int la_code, char buf[16]);
/* The LA a code cell names ("851"), or FB_LA_ALL for any other cell ("ALL", empty). */
int html_la_code(const struct fb_cell *c);
/* The data-la attribute of a row: " data-la=\"851\"" or " data-la=\"ALL\"". */
void html_la_attr(FILE *out, int la_code);
/* The width of the label column for labels up to longest characters. */
int html_label_width(size_t longest);

/* Two rates per row on a 0-100% scale, with the region's lines through the LAs. */
void html_pair_chart(FILE *out, const struct pair_chart *c);
/* Filled, vacant and unavailable shares per row, respite/emergency hatched. */
void html_stack_chart(FILE *out, const struct stack_chart *c);
void html_stack_legend(FILE *out, int respite);
/* Errors and warnings per row, the name above each bar. */
void html_count_chart(FILE *out, const struct count_chart *c);

/*
 * Small multiples: one small line chart per panel, every panel on the same
 * dates and the same vertical axis, fitted to the values (a fixed 0-100%
 * axis flattens changes of a point or two), so they compare at a glance; a
 * reference line (a region's) may run dashed through each.  A value is a
 * rate in tenths of a percent; a date with no value is a gap in the line,
 * never a zero.  The page writes the <ul class="multiples"> around them.
 */
struct sm_point {
	int date;            /* days since 1970-01-01: one of the chart's dates */
	long v;              /* tenths of a percent, or FB_PCT_NONE */
};

struct sm_panel {
	const char *id;      /* the svg's data-la and the stem of its ids: "851", "ALL" */
	const char *label;   /* before the name in the caption ("851"), or "" */
	const char *name;    /* the caption's name (may come from input), or "": id names it */
	const struct sm_point *pts;   /* ascending dates */
	size_t n;
	int ref;             /* 1: the reference series itself, drawn as such, without the line */
};

struct sm_chart {
	const char *what;    /* what the values are: each panel's title, before its name */
	const int *dates;    /* the horizontal axis: every date, ascending */
	size_t ndates;
	const struct sm_point *ref;   /* the reference line, or NULL */
	size_t nref;
	const char *ref_name;         /* the text alternative's name for it: "the region" */
	int money;           /* 1: values are pence, the axis in pounds; 0: tenths of a percent */
	const char *stem;    /* the ids' prefix, or NULL: "tr" (two charts of one LA on a page) */
	/* Set by html_sm_fit(). */
	long lo, hi;         /* the shared vertical axis, tenths, multiples of 5% */
	size_t step;         /* one date in step is labelled, counting back from the latest */
	int days;            /* the day is labelled too: two dates share a month */
};

/* Fit c's axis to the values of the n panels and the reference line, and pick the labels. */
void html_sm_fit(struct sm_chart *c, const struct sm_panel *p, size_t n);
/* One panel, an <li>: caption, chart, and a <desc> listing every value. */
void html_sm_panel(FILE *out, const struct sm_chart *c, const struct sm_panel *p);

/* The pages (html-<doc>.c) */

/* Any document on the generic page's pieces: a table, the notes of one place, the definitions. */
void html_doc_table(FILE *out, const struct fb_table *t);
void html_doc_notes(FILE *out, const struct fb_doc *d, enum fb_note_place place);
void html_doc_definitions(FILE *out, const struct fb_doc *d);

/*
 * A page's reading of a cell it shows itself: html_cell_n() its number (a
 * count, or a rate or difference in tenths), FB_PCT_NONE when it is empty,
 * so html_pct() and html_pp() show a dash; html_cell_s() its text, "" when
 * it has none (a number's cell, an empty one).
 */
long html_cell_n(const struct fb_table *t, size_t r, size_t i);
const char *html_cell_s(const struct fb_table *t, size_t r, size_t i);

/* Every finding of run as a table (html-findings.c), for pages that list them. */
void html_findings_table(FILE *out, const struct fb_run *run);

/*
 * A document's own page: html.c's table pages[] names, for each
 * fb_doc.command, the function that writes it; a document with none gets
 * the generic page.
 */
typedef void html_page_fn(FILE *out, const struct fb_doc *d);

/* ofsted's page (html-ofsted.c). */
html_page_fn html_ofsted_page;

/* trend (html-trend.c): small multiples of utilisation, then the table. */
html_page_fn html_trend_page;
/* report (fb_doc_report(), html-report.c). */
html_page_fn html_report_page;
/* validate (html-findings.c). */
html_page_fn html_findings_page;

/* reconcile (doc-reconcile.c): the region's headline, the chart, the table, the bridge cards. */
html_page_fn html_reconcile_page;

/* costs (doc-costs.c): per placement type, the latest change by LA and the benchmark table. */
html_page_fn html_costs_page;

#endif
