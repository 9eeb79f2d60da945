/*
 * html-findings.c: the validate page: findings, by rule and by file.
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

/* validate */

static void
code_get(const void *ctx, size_t r, struct count_row *out)
{
	const struct fb_findings *f = ctx;
	size_t seen = 0;

	for (int k = 0; k < FB_R_COUNT; k++) {
		if (!f->count[k] || seen++ != r)
			continue;
		snprintf(out->name, sizeof(out->name), "%s %s (%s)", fb_rules[k].code,
			 fb_rules[k].name, fb_severity_name(fb_rules[k].severity));
		out->n[0] = fb_rules[k].severity == FB_SEV_ERROR ? (long)f->count[k] : 0;
		out->n[1] = fb_rules[k].severity == FB_SEV_ERROR ? 0 : (long)f->count[k];
		return;
	}
}

struct by_file {
	const struct fb_run *run;
	const long *n;       /* errors, warnings per input, listed findings only */
	size_t *which;       /* inputs with findings */
};

static void
file_get(const void *ctx, size_t r, struct count_row *out)
{
	const struct by_file *b = ctx;
	size_t i = b->which[r];

	snprintf(out->name, sizeof(out->name), "%s", b->run->inputs[i].name);
	out->n[0] = b->n[2 * i];
	out->n[1] = b->n[2 * i + 1];
}

static void
findings_charts(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	long *n = fb_xcalloc(2 * run->ninputs + 1, sizeof(*n));
	size_t *which = fb_xcalloc(run->ninputs + 1, sizeof(*which)), nfiles = 0, ncodes = 0;
	struct by_file b = { run, n, which };
	struct count_chart codes = { "by-code", "Findings by code", 0, code_get, f };
	struct count_chart files = { "by-file", "Findings by file", 0, file_get, &b };

	for (int k = 0; k < FB_R_COUNT; k++)
		ncodes += f->count[k] != 0;
	for (size_t i = 0; i < f->n; i++)
		n[2 * f->items[i].file + (fb_rules[f->items[i].rule].severity != FB_SEV_ERROR)]++;
	for (size_t i = 0; i < run->ninputs; i++)
		if (n[2 * i] || n[2 * i + 1])
			which[nfiles++] = i;
	codes.n = ncodes;
	files.n = nfiles;
	html_figure_open(out, "chart-codes", codes.title, "Every finding, counted by the rule it "
		    "breaks; spec/bed-records.md says what each rule asks for.");
	html_legend(out, (const struct key[]){ { "", C_ERROR, NULL, "Errors: the row is left out" },
		{ "", C_WARNING, NULL, "Warnings: the row is used" } }, 2);
	html_count_chart(out, &codes);
	fputs("</figure>\n", out);
	html_figure_open(out, "chart-files", files.title, f->dropped ? "Counts the findings listed "
		    "below only (--max-findings 0 lists all)." : NULL);
	html_legend(out, NULL, 0);
	html_count_chart(out, &files);
	fputs("</figure>\n", out);
	free(n);
	free(which);
}

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

void
html_findings_table(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;

	fputs("<div class=\"table-wrap\"><table class=\"findings\">\n<thead><tr>"
	      "<th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Line</th>"
	      "<th scope=\"col\" class=\"num\">Excel row</th>"
	      "<th scope=\"col\">Severity</th><th scope=\"col\">Code</th>"
	      "<th scope=\"col\">Column</th><th scope=\"col\">Value</th>"
	      "<th scope=\"col\">What is wrong</th></tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < f->n; i++)
		finding_row(out, run, &f->items[i]);
	fputs("</tbody>\n</table></div>\n", out);
	if (f->dropped)
		fprintf(out, "<p class=\"note\">... and %zu more finding%s not listed "
			"(--max-findings 0 lists all).</p>\n", f->dropped, html_plural((long)f->dropped));
}

static void
findings_stats(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	long read, used, rejected;

	fb_run_totals(run, &read, &used, &rejected);
	fputs("<section class=\"region-headline summary\">\n", out);
	fprintf(out, "<div class=\"stat\" id=\"errors\" style=\"--c:%s\" data-value=\"%zu\">"
		"<p class=\"label\">Errors</p><p class=\"value\">%zu</p><p class=\"explain\">"
		"Rows with an error are left out of every report.</p></div>\n", C_ERROR,
		f->errors, f->errors);
	fprintf(out, "<div class=\"stat\" id=\"warnings\" style=\"--c:%s\" data-value=\"%zu\">"
		"<p class=\"label\">Warnings</p><p class=\"value\">%zu</p><p class=\"explain\">"
		"Worth a look; the rows are still used.</p></div>\n", C_WARNING, f->warnings,
		f->warnings);
	fprintf(out, "<div class=\"stat\" id=\"rows-used\" style=\"--c:%s\" data-value=\"%ld\">"
		"<p class=\"label\">Rows used</p><p class=\"value\">", C_FILLED, used);
	html_count(out, used);
	fputs("</p><p class=\"explain\">of ", out);
	html_count(out, read);
	fprintf(out, " read.</p></div>\n<div class=\"stat\" id=\"rows-rejected\" "
		"style=\"--c:#6a6a6a\" data-value=\"%ld\"><p class=\"label\">Rows rejected</p>"
		"<p class=\"value\">", rejected);
	html_count(out, rejected);
	fputs("</p><p class=\"explain\">Each counted under its first error's rule.</p></div>\n"
	      "</section>\n", out);
}

void
html_findings(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	char title[64];

	if (!f->errors && !f->warnings)
		snprintf(title, sizeof(title), "No problems found");
	else
		snprintf(title, sizeof(title), "%zu error%s, %zu warning%s", f->errors,
			 html_plural((long)f->errors), f->warnings, html_plural((long)f->warnings));
	html_page_open(out, "Bed-record check", title);
	html_masthead_open(out, "Bed-record check", title);
	snprintf(title, sizeof(title), "%zu", run->ninputs);
	html_meta(out, "Files", title);
	html_masthead_close(out);
	findings_stats(out, run);
	if (f->errors || f->warnings) {
		fputs("<section class=\"charts\">\n<h2>Where the problems are</h2>\n", out);
		findings_charts(out, run);
		fputs("</section>\n<section class=\"findings\">\n<h2>Findings</h2>\n"
		      "<p class=\"lead\">Lines are the lines a text editor shows (the header is "
		      "line 1); the Excel row and the column's letter (in brackets after its "
		      "name) are where Excel shows the value, since a value with a line break "
		      "inside quotes is one row there.</p>\n", out);
		html_findings_table(out, run);
		fputs("</section>\n", out);
	}
	html_inputs_section(out, run, 0);
	html_page_close(out);
}
