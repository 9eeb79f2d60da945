/*
 * writer-text.c: text for a person at a terminal ("text" and "table").
 *
 * Findings read like compiler messages (FILE:LINE: error FB004: ...), so
 * editors and grep can jump to them.  Reports are aligned columns with the
 * pooled region rows set apart below a rule.
 */
#include "fosterbeds/writer.h"

#include <string.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"

static void
rejected_by(FILE *out, const long *by)
{
	const char *sep = " (";

	for (int r = 0; r < FB_R_COUNT; r++) {
		if (!by[r])
			continue;
		fprintf(out, "%s%s %ld", sep, fb_rules[r].code, by[r]);
		sep = ", ";
	}
	if (sep[0] == ',')
		fputc(')', out);
}

static void
inputs(FILE *out, const struct fb_run *run)
{
	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];

		if (in->error) {
			fprintf(out, "  %s: could not be read: %s\n", in->name, strerror(in->error));
			continue;
		}
		fprintf(out, "  %s: %ld row%s read, %ld used, %ld rejected", in->name,
			in->rows_read, in->rows_read == 1 ? "" : "s", in->rows_used,
			in->rows_rejected);
		rejected_by(out, in->rejected_by);
		fputc('\n', out);
	}
}

void
fb_finding_line(FILE *out, const struct fb_run *run, const struct fb_finding *f)
{
	fprintf(out, "%s:%ld: %s %s: %s\n", run->inputs[f->file].name, f->line,
		fb_severity_name(fb_rules[f->rule].severity), fb_rules[f->rule].code,
		f->message);
}

static void
findings(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;

	for (size_t i = 0; i < f->n; i++)
		fb_finding_line(out, run, &f->items[i]);
	if (f->dropped)
		fprintf(out, "... and %zu more finding%s not listed (--max-findings 0 lists all)\n",
			f->dropped, f->dropped == 1 ? "" : "s");
	if (f->n || f->dropped)
		fputc('\n', out);
	if (f->errors || f->warnings) {
		fputs("Findings by code:\n", out);
		for (int r = 0; r < FB_R_COUNT; r++)
			if (f->count[r])
				fprintf(out, "  %s  %-7s  %-22s %zu\n", fb_rules[r].code,
					fb_severity_name(fb_rules[r].severity), fb_rules[r].name,
					f->count[r]);
	}
	fputs("Inputs:\n", out);
	inputs(out, run);
	fprintf(out, "%zu error%s, %zu warning%s\n", f->errors, f->errors == 1 ? "" : "s",
		f->warnings, f->warnings == 1 ? "" : "s");
}

/* Column headings for the table, beside fb_report_columns. */
static const char *const headings[] = {
	"LA", "Name", "Date", "Approved", "Filled", "Vacant", "Unavail", "Resp/em",
	"MS appr", "MS fill", "MS vac", "MS unav", "Util incl%", "Util excl%",
	"Vacant%", "Unavail%",
};

static void
report(FILE *out, const struct fb_report *rep)
{
	size_t width[32];
	char buf[FB_CELL_BUF];
	int num, ruled = 0;
	long read, used, rejected;
	long by[FB_R_COUNT] = { 0 };

	for (size_t i = 0; i < fb_report_ncolumns; i++)
		width[i] = strlen(headings[i]);
	for (size_t r = 0; r < rep->nrows; r++)
		for (size_t i = 0; i < fb_report_ncolumns; i++) {
			size_t w = strlen(fb_report_cell(rep, &rep->rows[r], i, buf, &num));

			if (w > width[i])
				width[i] = w;
		}

	fprintf(out, "Foster-bed utilisation: %s\n", rep->region_name);
	fputs("Rows marked ALL pool every LA's counts for that date (sums, then rates; "
	      "never averages of LA rates).\n\n", out);
	for (size_t i = 0; i < fb_report_ncolumns; i++)
		fprintf(out, i < 3 ? "%-*s%s" : "%*s%s", (int)width[i], headings[i],
			i + 1 < fb_report_ncolumns ? "  " : "\n");
	for (size_t r = 0; r < rep->nrows; r++) {
		if (rep->rows[r].la_code == FB_LA_ALL && !ruled) {
			size_t total = 0;

			for (size_t i = 0; i < fb_report_ncolumns; i++)
				total += width[i] + 2;
			for (size_t k = 0; k + 2 < total; k++)
				fputc('-', out);
			fputc('\n', out);
			ruled = 1;
		}
		for (size_t i = 0; i < fb_report_ncolumns; i++)
			fprintf(out, i < 3 ? "%-*s%s" : "%*s%s", (int)width[i],
				fb_report_cell(rep, &rep->rows[r], i, buf, &num),
				i + 1 < fb_report_ncolumns ? "  " : "\n");
	}
	if (rep->nrows == 0)
		fputs("(no usable rows)\n", out);

	fb_run_totals(rep->run, &read, &used, &rejected);
	for (size_t i = 0; i < rep->run->ninputs; i++)
		for (int k = 0; k < FB_R_COUNT; k++)
			by[k] += rep->run->inputs[i].rejected_by[k];
	fprintf(out, "\nRows: %ld read, %ld used, %ld rejected", read, used, rejected);
	rejected_by(out, by);
	fputs("\nMS = mainstream beds only; Util excl% leaves respite and emergency beds "
	      "out of both counts.\n", out);
}

static void
catalogue(FILE *out)
{
	static const char *const presence[] = { "required", "conditional", "optional" };

	fprintf(out, "Regional bed-record standard %s\n\nFields:\n", FB_SPEC_VERSION);
	for (int f = 0; f < FB_F_COUNT; f++) {
		fprintf(out, "  %-19s %-11s  %s\n", fb_fields[f].name,
			presence[fb_fields[f].presence], fb_fields[f].meaning);
		for (int c = 0; c < fb_fields[f].ncodes; c++)
			fprintf(out, "    %-19s %s\n", fb_fields[f].codes[c].name,
				fb_fields[f].codes[c].meaning);
	}
	fputs("\nCategories (one per bed):\n", out);
	for (int c = 0; c < FB_CAT_COUNT; c++)
		fprintf(out, "  %-19s %s\n", fb_categories[c].name, fb_categories[c].meaning);
	fputs("\nRules:\n", out);
	for (int r = 0; r < FB_R_COUNT; r++)
		fprintf(out, "  %s  %-7s  %-22s %s; %s\n", fb_rules[r].code,
			fb_severity_name(fb_rules[r].severity), fb_rules[r].name,
			fb_rules[r].summary, fb_rules[r].action);
}

const struct fb_writer fb_writer_text = { "text", findings, report, catalogue };
