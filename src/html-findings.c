/*
 * html-findings.c: the validate page: findings, by rule and by file.
 *
 * html_findings_page() writes it from the document (doc-findings.c): the
 * headline figures from its Totals, the charts from its Summary by code and
 * Findings by file, the list from its Findings, each by column name.
 * html_findings_table() lists a run's findings for a page whose document
 * carries none of its own (ofsted's: the run's findings are metadata there,
 * like its inputs).
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

static void
finding_row(FILE *out, const struct fb_run *run, const struct fb_finding *f)
{
	const struct fb_rule_def *r = &fb_rules[f->rule];

	fputs("<tr><td><code>", out);
	html_esc(out, run->inputs[f->file].name);
	fprintf(out, "</code></td><td class=\"num\">%ld</td><td class=\"num\">", f->line);
	if (f->row > 0)
		fprintf(out, "%ld", f->row);
	fprintf(out, "</td><td class=\"sev-%s\">", fb_severity_name(r->severity));
	html_esc(out, fb_severity_name(r->severity));
	fprintf(out, "</td><td>%s</td><td>", r->code);
	if (f->column)
		html_esc(out, f->column);
	if (f->col >= 0) {
		char letters[FB_COLUMN_LETTERS];

		fprintf(out, " (%s)", fb_column_letters(letters, f->col));
	}
	fputs("</td><td>", out);
	if (f->value) {
		fputs("<code>", out);
		html_esc(out, f->value);
		fputs("</code>", out);
	}
	fputs("</td><td>", out);
	html_esc(out, f->message);
	fputs("</td></tr>\n", out);
}

/* The findings table's head, the same for a run's findings and the document's. */
static void
findings_table_open(FILE *out)
{
	fputs("<div class=\"table-wrap\"><table class=\"findings\">\n<thead><tr>"
	      "<th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Line</th>"
	      "<th scope=\"col\" class=\"num\">Excel row</th>"
	      "<th scope=\"col\">Severity</th><th scope=\"col\">Code</th>"
	      "<th scope=\"col\">Column</th><th scope=\"col\">Value</th>"
	      "<th scope=\"col\">What is wrong</th></tr></thead>\n<tbody>\n", out);
}

static void
findings_table_close(FILE *out)
{
	fputs("</tbody>\n</table></div>\n", out);
}

void
html_findings_table(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;

	findings_table_open(out);
	for (size_t i = 0; i < f->n; i++)
		finding_row(out, run, &f->items[i]);
	findings_table_close(out);
	if (f->dropped)
		fprintf(out, "<p class=\"note\">... and %zu more finding%s not listed "
			"(--max-findings 0 lists all).</p>\n", f->dropped, html_plural((long)f->dropped));
}

/* The validate document's page, from its typed cells (doc-findings.c). */

/* Row r's cell in the column called name; an empty cell when there is none. */
static const struct fb_cell *
cell(const struct fb_table *t, size_t r, const char *name)
{
	static const struct fb_cell none = { .kind = FB_CK_EMPTY };
	size_t i;

	if (!t || r >= t->nrows || (i = fb_table_find_column(t, name)) == t->ncols)
		return &none;
	return fb_table_cell(t, r, i);
}

static long
count(const struct fb_table *t, size_t r, const char *name)
{
	const struct fb_cell *c = cell(t, r, name);

	return c->kind == FB_CK_COUNT ? c->n : 0;
}

static const char *
text(const struct fb_table *t, size_t r, const char *name)
{
	const struct fb_cell *c = cell(t, r, name);

	/* The text kinds hold their own string (doc.h); numbers are read with count(). */
	return c->s ? c->s : "";
}

static void
doc_code_get(const void *ctx, size_t r, struct count_row *out)
{
	const struct fb_table *t = ctx;
	int error = strcmp(text(t, r, "severity"), "error") == 0;

	snprintf(out->name, sizeof(out->name), "%s %s (%s)", text(t, r, "code"),
		 text(t, r, "rule"), text(t, r, "severity"));
	out->n[0] = error ? count(t, r, "findings") : 0;
	out->n[1] = error ? 0 : count(t, r, "findings");
}

static void
doc_file_get(const void *ctx, size_t r, struct count_row *out)
{
	const struct fb_table *t = ctx;

	snprintf(out->name, sizeof(out->name), "%s", text(t, r, "file"));
	out->n[0] = count(t, r, "errors");
	out->n[1] = count(t, r, "warnings");
}

static void
doc_charts(FILE *out, const struct fb_doc *d, long unlisted)
{
	const struct fb_table *by_code = fb_doc_find_table(d, "Summary by code");
	const struct fb_table *by_file = fb_doc_find_table(d, "Findings by file");
	struct count_chart codes = { "by-code", "Findings by code", by_code ? by_code->nrows : 0,
				     doc_code_get, by_code };
	struct count_chart files = { "by-file", "Findings by file", by_file ? by_file->nrows : 0,
				     doc_file_get, by_file };

	html_figure_open(out, "chart-codes", codes.title, "Every finding, counted by the rule it "
		    "breaks; spec/bed-records.md says what each rule asks for.");
	html_legend(out, (const struct key[]){ { "", C_ERROR, NULL, "Errors: the row is left out" },
		{ "", C_WARNING, NULL, "Warnings: the row is used" } }, 2);
	html_count_chart(out, &codes);
	fputs("</figure>\n", out);
	html_figure_open(out, "chart-files", files.title, unlisted ? "Counts the findings listed "
		    "below only (--max-findings 0 lists all)." : NULL);
	html_legend(out, NULL, 0);
	html_count_chart(out, &files);
	fputs("</figure>\n", out);
}

static void
doc_finding_row(FILE *out, const struct fb_table *t, size_t r)
{
	const char *sev = text(t, r, "severity");

	fputs("<tr><td><code>", out);
	html_esc(out, text(t, r, "file"));
	fprintf(out, "</code></td><td class=\"num\">%ld</td><td class=\"num\">",
		count(t, r, "line"));
	if (cell(t, r, "excel_row")->kind == FB_CK_COUNT)
		fprintf(out, "%ld", count(t, r, "excel_row"));
	fprintf(out, "</td><td class=\"sev-%s\">", sev);
	html_esc(out, sev);
	fputs("</td><td>", out);
	html_esc(out, text(t, r, "code"));
	fputs("</td><td>", out);
	html_esc(out, text(t, r, "column"));
	if (*text(t, r, "excel_column")) {
		fputs(" (", out);
		html_esc(out, text(t, r, "excel_column"));
		fputc(')', out);
	}
	fputs("</td><td>", out);
	if (cell(t, r, "value")->kind != FB_CK_EMPTY) {
		fputs("<code>", out);
		html_esc(out, text(t, r, "value"));
		fputs("</code>", out);
	}
	fputs("</td><td>", out);
	html_esc(out, text(t, r, "message"));
	fputs("</td></tr>\n", out);
}

static void
doc_findings_table(FILE *out, const struct fb_table *t, long unlisted)
{
	findings_table_open(out);
	for (size_t r = 0; t && r < t->nrows; r++)
		doc_finding_row(out, t, r);
	findings_table_close(out);
	if (unlisted)
		fprintf(out, "<p class=\"note\">... and %ld more finding%s not listed "
			"(--max-findings 0 lists all).</p>\n", unlisted, html_plural(unlisted));
}

static void
doc_stat(FILE *out, const char *id, const char *colour, const char *label, long v)
{
	fprintf(out, "<div class=\"stat\" id=\"%s\" style=\"--c:%s\" data-value=\"%ld\">"
		"<p class=\"label\">%s</p><p class=\"value\">", id, colour, v, label);
}

static void
doc_stats(FILE *out, const struct fb_table *t)
{
	long read = count(t, 0, "rows_read"), used = count(t, 0, "rows_used");
	long rejected = count(t, 0, "rows_rejected");

	fputs("<section class=\"region-headline summary\">\n", out);
	doc_stat(out, "errors", C_ERROR, "Errors", count(t, 0, "errors"));
	fprintf(out, "%ld</p><p class=\"explain\">Rows with an error are left out of every "
		"report.</p></div>\n", count(t, 0, "errors"));
	doc_stat(out, "warnings", C_WARNING, "Warnings", count(t, 0, "warnings"));
	fprintf(out, "%ld</p><p class=\"explain\">Worth a look; the rows are still used.</p>"
		"</div>\n", count(t, 0, "warnings"));
	doc_stat(out, "rows-used", C_FILLED, "Rows used", used);
	html_count(out, used);
	fputs("</p><p class=\"explain\">of ", out);
	html_count(out, read);
	fputs(" read.</p></div>\n", out);
	doc_stat(out, "rows-rejected", "#6a6a6a", "Rows rejected", rejected);
	html_count(out, rejected);
	fputs("</p><p class=\"explain\">Each counted under its first error's rule.</p></div>\n"
	      "</section>\n", out);
}

void
html_findings_page(FILE *out, const struct fb_doc *d)
{
	const struct fb_table *tot = fb_doc_find_table(d, "Totals");
	long errors = count(tot, 0, "errors"), warnings = count(tot, 0, "warnings");
	long unlisted = count(tot, 0, "findings_not_listed");
	const struct fb_table *inputs = fb_doc_find_table(d, "Inputs");
	char title[64];

	if (!errors && !warnings)
		snprintf(title, sizeof(title), "No problems found");
	else
		snprintf(title, sizeof(title), "%ld error%s, %ld warning%s", errors,
			 html_plural(errors), warnings, html_plural(warnings));
	html_page_open(out, "Bed-record check", title);
	html_masthead_open(out, "Bed-record check", title);
	snprintf(title, sizeof(title), "%zu", inputs ? inputs->nrows : 0);
	html_meta(out, "Files", title);
	html_masthead_close(out);
	doc_stats(out, tot);
	if (errors || warnings) {
		fputs("<section class=\"charts\">\n<h2>Where the problems are</h2>\n", out);
		doc_charts(out, d, unlisted);
		fputs("</section>\n<section class=\"findings\">\n<h2>Findings</h2>\n"
		      "<p class=\"lead\">Lines are the lines a text editor shows (the header is "
		      "line 1); the Excel row and the column's letter (in brackets after its "
		      "name) are where Excel shows the value, since a value with a line break "
		      "inside quotes is one row there.</p>\n", out);
		doc_findings_table(out, fb_doc_find_table(d, "Findings"), unlisted);
		fputs("</section>\n", out);
	}
	/* Each input's rows, as every page shows them: the run's metadata. */
	if (d->run)
		html_inputs_section(out, d->run, 0);
	html_page_close(out);
}
