/*
 * html.c: the HTML writer (html.h): text, the page, tables, the inputs
 * section, the generic page of any document, and which page each document
 * gets.
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
#include "fosterbeds/profile.h"
#include "fosterbeds/standard.h"
#include "util.h"
#include "html-style.h"   /* html_style[]: src/style.css, made by tools/embed.py */

/* Text */

/* Every piece of text goes out through here. */
void
html_esc(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

/* s with commas between thousands when it is a whole number, else s itself. */
static const char *
grouped(const char *s, char buf[FB_CELL_BUF])
{
	size_t sign = s[0] == '-', digits = strlen(s) - sign;
	char *p = buf;

	if (digits < 4 || digits > 19 || strspn(s + sign, "0123456789") != digits)
		return s;
	if (sign)
		*p++ = '-';
	for (size_t i = 0; i < digits; i++) {
		if (i && (digits - i) % 3 == 0)
			*p++ = ',';
		*p++ = s[sign + i];
	}
	*p = '\0';
	return buf;
}

const char *
html_count_text(long v, char buf[FB_CELL_BUF])
{
	char raw[FB_CELL_BUF];

	snprintf(raw, sizeof(raw), "%ld", v);
	if (grouped(raw, buf) == raw)
		memcpy(buf, raw, sizeof(raw));
	return buf;
}

void
html_count(FILE *out, long v)
{
	char buf[FB_CELL_BUF];

	fputs(html_count_text(v, buf), out);
}

/* A rate for reading: "62.8%", or a dash when it has no value. */
void
html_pct(FILE *out, long tenths)
{
	char buf[FB_PCT_BUF];

	if (tenths == FB_PCT_NONE)
		fputs(DASH, out);
	else
		fprintf(out, "%s%%", fb_pct_format(tenths, buf));
}

/* A difference in percentage points, signed: "+6.0 pp". */
void
html_pp(FILE *out, long tenths)
{
	char buf[FB_PCT_BUF];

	if (tenths == FB_PCT_NONE)
		fputs(DASH, out);
	else
		fprintf(out, "%s%s pp", tenths > 0 ? "+" : "", fb_pct_format(tenths, buf));
}

const char *
html_plural(long n)
{
	return n == 1 ? "" : "s";
}

/* Page */

void
html_page_open(FILE *out, const char *title, const char *name)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"fosterbeds " FB_TOOL_VERSION "\">\n<title>", out);
	html_esc(out, title);
	if (name) {
		fputs(": ", out);
		html_esc(out, name);
	}
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", html_style);
}

void
html_page_close(FILE *out)
{
	fputs("<footer>Made by fosterbeds " FB_TOOL_VERSION " to the regional bed-record "
	      "standard " FB_SPEC_VERSION ". Nothing in this page was fetched from anywhere, "
	      "and no child's reference appears in it.</footer>\n</main>\n</body>\n</html>\n",
	      out);
}

void
html_masthead_open(FILE *out, const char *kicker, const char *name)
{
	fputs("<header class=\"masthead\">\n<p class=\"kicker\">", out);
	html_esc(out, kicker);
	fputs("</p>\n<h1>", out);
	html_esc(out, name);
	fputs("</h1>\n<dl class=\"meta\">\n", out);
}

void
html_meta_open(FILE *out, const char *term)
{
	fputs("<div><dt>", out);
	html_esc(out, term);
	fputs("</dt><dd>", out);
}

void
html_meta(FILE *out, const char *term, const char *value)
{
	html_meta_open(out, term);
	html_esc(out, value);
	fputs("</dd></div>\n", out);
}

void
html_masthead_close(FILE *out)
{
	html_meta(out, "Standard", "regional bed-record standard " FB_SPEC_VERSION);
	html_meta(out, "Tool", "fosterbeds " FB_TOOL_VERSION);
	fputs("</dl>\n</header>\n", out);
}

/* A headline figure; the caller writes its explanation, then html_stat_close(). */
void
html_stat_open(FILE *out, const char *id, const char *colour, const char *label, long tenths)
{
	char buf[FB_PCT_BUF];

	fprintf(out, "<div class=\"stat\" id=\"%s\" style=\"--c:%s\" data-value=\"%s\">"
		"<p class=\"label\">", id, colour, fb_pct_format(tenths, buf));
	html_esc(out, label);
	fputs("</p><p class=\"value\">", out);
	if (tenths == FB_PCT_NONE)
		fputs(DASH, out);
	else
		fprintf(out, "%s<small>%%</small>", buf);
	fputs("</p><p class=\"explain\">", out);
}

void
html_stat_close(FILE *out)
{
	fputs("</p></div>\n", out);
}

/* Tables */

static void
table_head(FILE *out, const struct table *t)
{
	fputs("<thead>\n", out);
	if (t->groups) {
		fputs("<tr class=\"groups\">", out);
		for (size_t g = 0; g < t->ngroups; g++) {
			fprintf(out, "<th colspan=\"%d\" scope=\"colgroup\">",
				t->groups[g].span - (g == 0 && t->hide < t->ncols));
			html_esc(out, t->groups[g].label);
			fputs("</th>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("<tr>", out);
	for (size_t i = 0; i < t->ncols; i++) {
		if (i == t->hide)
			continue;
		fputs(i < t->ntext ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">", out);
		html_esc(out, t->headings[i]);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n", out);
}

static void
table_row(FILE *out, const struct table *t, size_t r, int pooled)
{
	char buf[FB_CELL_BUF], group[FB_CELL_BUF];
	int num;

	fputs(pooled ? "<tr class=\"region\">" : "<tr>", out);
	for (size_t i = 0; i < t->ncols; i++) {
		const char *v;

		if (i == t->hide)
			continue;
		v = t->cellf(t->ctx, r, t->columns[i], buf, &num);
		if (i < t->ntext) {
			fputs(i < 32 && (t->nowrap >> i & 1) ? "<td class=\"nowrap\">" : "<td>", out);
			html_esc(out, v);
		} else if (!*v) {
			fputs("<td class=\"num na\">" DASH, out);
		} else {
			fputs("<td class=\"num\">", out);
			html_esc(out, num ? grouped(v, group) : v);
		}
		fputs("</td>", out);
	}
	fputs("</tr>\n", out);
}

void
html_table(FILE *out, const struct table *t)
{
	int was = 0;

	fprintf(out, "<div class=\"table-wrap\"><table class=\"%s\">\n", t->cls);
	table_head(out, t);
	fputs("<tbody>\n", out);
	for (size_t r = 0; r < t->nrows; r++) {
		int p = t->pooled(t->ctx, r);

		if (p != was)
			fputs(p ? "</tbody>\n<tbody class=\"pooled\">\n" : "</tbody>\n<tbody>\n",
			      out);
		table_row(out, t, r, p);
		was = p;
	}
	fputs("</tbody>\n</table></div>\n", out);
}

/* Inputs, shared by every page */

void
html_rejected_by(FILE *out, const long *by)
{
	const char *sep = "";

	for (int r = 0; r < FB_R_COUNT; r++) {
		if (!by[r])
			continue;
		fprintf(out, "%s%s %ld", sep, fb_rules[r].code, by[r]);
		sep = ", ";
	}
	if (!*sep)
		fputs(DASH, out);
}

/*
 * One input's row; through a profile (profiled), also the rows it dropped;
 * with a filter (filtered), also the rows set aside.
 */
static void
input_row(FILE *out, const struct fb_input *in, int profiled, int filtered)
{
	fputs("<tr><td><code>", out);
	html_esc(out, in->name);
	fputs("</code></td><td>", out);
	html_esc(out, in->role);
	if (in->error) {
		fprintf(out, "</td><td colspan=\"%d\">could not be read: ",
			4 + profiled + filtered);
		html_esc(out, strerror(in->error));
		fputs("</td></tr>\n", out);
		return;
	}
	fputs("</td><td class=\"num\">", out);
	html_count(out, in->rows_read);
	fputs("</td><td class=\"num\">", out);
	html_count(out, in->rows_used);
	fputs("</td><td class=\"num\">", out);
	html_count(out, in->rows_rejected);
	if (profiled) {
		fputs("</td><td class=\"num\">", out);
		html_count(out, in->rows_dropped);
	}
	if (filtered) {
		fputs("</td><td class=\"num\">", out);
		html_count(out, in->rows_outside_filter);
	}
	fputs("</td><td>", out);
	html_rejected_by(out, in->rejected_by);
	fputs("</td></tr>\n", out);
}

static void
findings_summary(FILE *out, const struct fb_findings *f)
{
	const char *sep = " (";

	fprintf(out, "<p class=\"note\">Findings while reading: %zu error%s, %zu warning%s",
		f->errors, html_plural((long)f->errors), f->warnings, html_plural((long)f->warnings));
	for (int r = 0; r < FB_R_COUNT; r++) {
		if (!f->count[r])
			continue;
		fprintf(out, "%s%s %zu", sep, fb_rules[r].code, f->count[r]);
		sep = ", ";
	}
	fputs(*sep == ',' ? ")." : ".", out);
	if (f->errors || f->warnings)
		fputs(" Standard error lists the first of them; <code>fosterbeds validate</code> "
		      "lists every finding in the bed records.", out);
	fputs("</p>\n", out);
}

/* A warning that rows with errors were left out, with their rules; nothing when none were. */
void
html_rejected_note(FILE *out, const struct fb_run *run)
{
	long read, used, rejected, by[FB_R_COUNT] = { 0 };

	fb_run_totals(run, &read, &used, &rejected);
	if (!rejected)
		return;
	for (size_t i = 0; i < run->ninputs; i++)
		for (int k = 0; k < FB_R_COUNT; k++)
			by[k] += run->inputs[i].rejected_by[k];
	fputs("<p class=\"warn\">", out);
	html_count(out, rejected);
	fprintf(out, " row%s with errors %s left out (", html_plural(rejected),
		rejected == 1 ? "was" : "were");
	html_rejected_by(out, by);
	fputs("). <code>fosterbeds validate</code> lists them.</p>\n", out);
}

void
html_inputs_section(FILE *out, const struct fb_run *run, int summary)
{
	long read, used, rejected, dropped = 0;
	int filtered = run->filter.active, profiled = run->profile != NULL;

	fb_run_totals(run, &read, &used, &rejected);
	for (size_t i = 0; i < run->ninputs; i++)
		dropped += run->inputs[i].rows_dropped;
	fputs("<section class=\"inputs\">\n<h2>Inputs</h2>\n<div class=\"table-wrap\">"
	      "<table class=\"inputs\">\n<thead><tr><th scope=\"col\">File</th>"
	      "<th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Rows read</th>"
	      "<th scope=\"col\" class=\"num\">Used</th><th scope=\"col\" class=\"num\">Rejected"
	      "</th>", out);
	if (profiled)
		fputs("<th scope=\"col\" class=\"num\">Dropped by the profile</th>", out);
	if (filtered)
		fputs("<th scope=\"col\" class=\"num\">Outside the filter</th>", out);
	fputs("<th scope=\"col\">Rejected, by the rule of the first error</th></tr>"
	      "</thead>\n<tbody>\n", out);
	for (size_t i = 0; i < run->ninputs; i++)
		input_row(out, &run->inputs[i], profiled, filtered);
	fputs("</tbody>\n<tfoot><tr><td>Total</td><td></td><td class=\"num\">", out);
	html_count(out, read);
	fputs("</td><td class=\"num\">", out);
	html_count(out, used);
	fputs("</td><td class=\"num\">", out);
	html_count(out, rejected);
	if (profiled) {
		fputs("</td><td class=\"num\">", out);
		html_count(out, dropped);
	}
	if (filtered) {
		fputs("</td><td class=\"num\">", out);
		html_count(out, fb_run_outside_filter(run));
	}
	fputs("</td><td></td></tr></tfoot>\n</table></div>\n", out);
	/* The system and LA the profile names (spec/profiles.md), as the text report says. */
	if (profiled) {
		const struct fb_profile *p = run->profile;

		fputs("<p class=\"note profile\">Read through the mapping profile <code>", out);
		html_esc(out, p->path);
		fputs("</code> (", out);
		html_esc(out, p->system ? p->system : "system not named");
		if (p->la) {
			fputs(", for ", out);
			html_esc(out, p->la);
		}
		fputs("): ", out);
		html_count(out, dropped);
		fprintf(out, " row%s the profile says %s dropped (FB040).</p>\n",
			html_plural(dropped), dropped == 1 ? "is not a bed was" : "are not beds were");
	}
	if (filtered) {
		char what[64 + 1000 * 4];

		fputs("<p class=\"note\">Filter <code>", out);
		html_esc(out, fb_filter_describe(&run->filter, what, sizeof(what)));
		fputs("</code>: rows of other LAs were set aside before any check, and are "
		      "not in the figures.</p>\n", out);
	}
	if (summary)
		findings_summary(out, &run->findings);
	fputs("</section>\n", out);
}

static void
doc_cell(FILE *out, const struct fb_cell *c)
{
	char buf[FB_DOC_CELL_BUF];

	switch (c->kind) {
	case FB_CK_EMPTY:
		fputs("<td class=\"num na\">" DASH, out);
		break;
	case FB_CK_COUNT:
		fputs("<td class=\"num\">", out);
		html_count(out, c->n);
		break;
	case FB_CK_RATE:
		fputs("<td class=\"num\">", out);
		html_pct(out, c->n);
		break;
	case FB_CK_PP:
		fputs("<td class=\"num\">", out);
		html_pp(out, c->n);
		break;
	case FB_CK_MONEY:
		fputs("<td class=\"num\">&pound;", out);
		html_esc(out, fb_cell_format(c, buf));
		break;
	default:
		fputs("<td>", out);
		html_esc(out, fb_cell_format(c, buf));
	}
	fputs("</td>", out);
}

/*
 * The columns a person reads (those with a brief heading, not for JSON
 * alone), pooled rows apart.
 */
long
html_cell_n(const struct fb_table *t, size_t r, size_t i)
{
	const struct fb_cell *c = fb_table_cell(t, r, i);

	return c->kind == FB_CK_EMPTY ? FB_PCT_NONE : c->n;
}

const char *
html_cell_s(const struct fb_table *t, size_t r, size_t i)
{
	const char *s = fb_table_cell(t, r, i)->s;

	return s ? s : "";
}

void
html_doc_table(FILE *out, const struct fb_table *t)
{
	int was = 0;

	fputs("<div class=\"table-wrap\"><table class=\"figures\">\n<thead>\n<tr>", out);
	for (size_t i = 0; i < t->ncols; i++) {
		if (!t->cols[i].brief || (t->cols[i].flags & FB_COL_JSON_ONLY))
			continue;
		fputs(fb_cell_kind_numeric(t->cols[i].kind) ? "<th scope=\"col\" class=\"num\">"
							    : "<th scope=\"col\">", out);
		html_esc(out, t->cols[i].title ? t->cols[i].title : t->cols[i].brief);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->pooled[r] != was)
			fputs(t->pooled[r] ? "</tbody>\n<tbody class=\"pooled\">\n"
					   : "</tbody>\n<tbody>\n", out);
		was = t->pooled[r];
		fputs(was ? "<tr class=\"region\">" : "<tr>", out);
		for (size_t i = 0; i < t->ncols; i++)
			if (t->cols[i].brief && !(t->cols[i].flags & FB_COL_JSON_ONLY))
				doc_cell(out, fb_table_cell(t, r, i));
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table></div>\n", out);
}

void
html_doc_notes(FILE *out, const struct fb_doc *d, enum fb_note_place place)
{
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].place == place) {
			fputs("<p class=\"note\">", out);
			html_esc(out, d->notes[i].text);
			fputs("</p>\n", out);
		}
}

/* What the columns mean: the document's FB_NOTE_DEFINE notes, titled as the columns are. */
void
html_doc_definitions(FILE *out, const struct fb_doc *d)
{
	int defined = 0;

	for (size_t i = 0; i < d->nnotes; i++) {
		const struct fb_note *n = &d->notes[i];
		char buf[FB_CELL_BUF];

		if (n->place != FB_NOTE_DEFINE)
			continue;
		if (!defined++)
			fputs("<section class=\"definitions\">\n<h2>What the columns mean</h2>\n"
			      "<dl>\n", out);
		fputs("<div><dt>", out);
		/* The person's title when the column has one, else its machine name. */
		snprintf(buf, sizeof(buf), "%s", n->key);
		for (size_t t = 0; t < d->ntables; t++) {
			const struct fb_table *tb = &d->tables[t];
			size_t c = fb_table_find_column(tb, n->key);

			if (c < tb->ncols && tb->cols[c].title)
				snprintf(buf, sizeof(buf), "%s", tb->cols[c].title);
		}
		html_esc(out, buf);
		fputs("</dt><dd>", out);
		html_esc(out, n->text);
		fputs("</dd></div>\n", out);
	}
	if (defined)
		fputs("</dl>\n</section>\n", out);
}

/*
 * Which documents have a page of their own (html.h); the rest get the
 * generic one.
 */
static const struct {
	const char *command;
	html_page_fn *page;
} pages[] = {
	{ .command = "ofsted", .page = html_ofsted_page },
	{ .command = "trend", .page = html_trend_page },
	{ .command = "costs", .page = html_costs_page },
	{ .command = "reconcile", .page = html_reconcile_page },
	{ .command = "report", .page = html_report_page },
	{ .command = "validate", .page = html_findings_page },
	{ .command = NULL, .page = NULL },
};

static html_page_fn *
page_of(const struct fb_doc *d)
{
	for (size_t i = 0; pages[i].command; i++)
		if (strcmp(pages[i].command, d->command) == 0)
			return pages[i].page;
	return NULL;
}

static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	html_page_fn *page = page_of(d);

	if (page) {
		page(out, d);
		return fb_writer_stream_result(out, e);
	}
	html_page_open(out, d->title, d->subject);
	html_masthead_open(out, d->title, d->subject ? d->subject : d->title);
	html_masthead_close(out);
	html_doc_notes(out, d, FB_NOTE_INTRO);
	for (size_t t = 0; t < d->ntables; t++) {
		if (!fb_table_shown(&d->tables[t], FB_HIDE_HTML))
			continue;
		fputs("<section class=\"figures\">\n<h2>", out);
		html_esc(out, d->tables[t].name);
		fputs("</h2>\n", out);
		if (d->tables[t].nrows || !d->tables[t].empty) {
			html_doc_table(out, &d->tables[t]);
		} else {
			fputs("<p class=\"note\">", out);
			html_esc(out, d->tables[t].empty);
			fputs("</p>\n", out);
		}
		fputs("</section>\n", out);
	}
	html_doc_notes(out, d, FB_NOTE_AFTER);
	html_doc_definitions(out, d);
	if (d->run)
		html_inputs_section(out, d->run, 1);
	html_page_close(out);
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_html = {
	.name = "html", .write = write_doc,
};
