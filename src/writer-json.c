/*
 * writer-json.c: JSON for other programs, with the run's metadata.
 *
 * Every document opens with the same block: tool and spec version, each
 * input's rows read, used and rejected (by rule), and the findings counted
 * by rule, so a result can always be traced to what produced it.  Rates
 * are numbers with one decimal, or null when undefined.
 */
#include "fosterbeds/writer.h"

#include <string.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"

static void
str(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void
by_rule(FILE *out, const long *counts, const size_t *scounts)
{
	int first = 1;

	fputc('{', out);
	for (int r = 0; r < FB_R_COUNT; r++) {
		long n = counts ? counts[r] : (long)scounts[r];

		if (!n)
			continue;
		fprintf(out, "%s\"%s\": %ld", first ? "" : ", ", fb_rules[r].code, n);
		first = 0;
	}
	fputc('}', out);
}

static void
metadata(FILE *out, const struct fb_run *run)
{
	long read, used, rejected;

	fb_run_totals(run, &read, &used, &rejected);
	fprintf(out, "  \"tool\": \"fosterbeds\",\n  \"tool_version\": \"%s\",\n"
		"  \"spec_version\": \"%s\",\n", FB_TOOL_VERSION, FB_SPEC_VERSION);
	fputs("  \"inputs\": [", out);
	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];

		fputs(i ? ",\n    {" : "\n    {", out);
		fputs("\"name\": ", out);
		str(out, in->name);
		fprintf(out, ", \"bytes\": %lld, \"rows_read\": %ld, \"rows_used\": %ld, "
			"\"rows_rejected\": %ld, \"rejected_by\": ", in->size, in->rows_read,
			in->rows_used, in->rows_rejected);
		by_rule(out, in->rejected_by, NULL);
		fputs(", \"error\": ", out);
		if (in->error)
			str(out, strerror(in->error));
		else
			fputs("null", out);
		fputc('}', out);
	}
	fputs(run->ninputs ? "\n  ],\n" : "],\n", out);
	fprintf(out, "  \"rows_read\": %ld,\n  \"rows_used\": %ld,\n  \"rows_rejected\": %ld,\n",
		read, used, rejected);
	fprintf(out, "  \"errors\": %zu,\n  \"warnings\": %zu,\n  \"findings_by_code\": ",
		run->findings.errors, run->findings.warnings);
	by_rule(out, NULL, run->findings.count);
	fputs(",\n", out);
}

static void
findings(FILE *out, const struct fb_run *run)
{
	fputs("{\n", out);
	metadata(out, run);
	fprintf(out, "  \"findings_not_listed\": %zu,\n  \"findings\": [", run->findings.dropped);
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct fb_finding *f = &run->findings.items[i];
		const struct fb_rule_def *r = &fb_rules[f->rule];

		fputs(i ? ",\n    {\"file\": " : "\n    {\"file\": ", out);
		str(out, run->inputs[f->file].name);
		fprintf(out, ", \"line\": %ld, \"severity\": \"%s\", \"code\": \"%s\", "
			"\"rule\": \"%s\", \"column\": ", f->line,
			fb_severity_name(r->severity), r->code, r->name);
		if (f->column)
			str(out, f->column);
		else
			fputs("null", out);
		fputs(", \"value\": ", out);
		if (f->value)
			str(out, f->value);
		else
			fputs("null", out);
		fputs(", \"message\": ", out);
		str(out, f->message);
		fputc('}', out);
	}
	fputs(run->findings.n ? "\n  ]\n}\n" : "]\n}\n", out);
}

static void
report(FILE *out, const struct fb_report *rep)
{
	char buf[FB_CELL_BUF];
	int num;

	fputs("{\n", out);
	metadata(out, rep->run);
	fputs("  \"region_name\": ", out);
	str(out, rep->region_name);
	fputs(",\n  \"pooling\": \"rows with la_code ALL sum the counts of every LA for "
	      "that date, then divide; they are never averages of LA rates\",\n", out);
	fputs("  \"rows\": [", out);
	for (size_t r = 0; r < rep->nrows; r++) {
		fputs(r ? ",\n    {" : "\n    {", out);
		for (size_t i = 0; i < fb_report_ncolumns; i++) {
			const char *v = fb_report_cell(rep, &rep->rows[r], i, buf, &num);

			fprintf(out, "%s\"%s\": ", i ? ", " : "", fb_report_columns[i]);
			if (num)
				fputs(v, out);
			else if (!*v && i > 2)
				fputs("null", out);
			else
				str(out, v);
		}
		if (rep->rows[r].la_code == FB_LA_ALL)
			fprintf(out, ", \"las_pooled\": %d", rep->rows[r].nla);
		fputc('}', out);
	}
	fputs(rep->nrows ? "\n  ]\n}\n" : "]\n}\n", out);
}

static void
codes(FILE *out, int f)
{
	fputs("[", out);
	for (int c = 0; c < fb_fields[f].ncodes; c++) {
		fputs(c ? ", {\"code\": " : "{\"code\": ", out);
		str(out, fb_fields[f].codes[c].name);
		fputs(", \"meaning\": ", out);
		str(out, fb_fields[f].codes[c].meaning);
		fputc('}', out);
	}
	fputs("]", out);
}

static void
catalogue(FILE *out)
{
	static const char *const presence[] = { "yes", "conditional", "no" };

	fprintf(out, "{\n  \"tool\": \"fosterbeds\",\n  \"tool_version\": \"%s\",\n"
		"  \"spec_version\": \"%s\",\n  \"fields\": [", FB_TOOL_VERSION, FB_SPEC_VERSION);
	for (int f = 0; f < FB_F_COUNT; f++) {
		fputs(f ? ",\n    {\"name\": " : "\n    {\"name\": ", out);
		str(out, fb_fields[f].name);
		fprintf(out, ", \"required\": \"%s\", \"meaning\": ",
			presence[fb_fields[f].presence]);
		str(out, fb_fields[f].meaning);
		fputs(", \"example\": ", out);
		str(out, fb_fields[f].example);
		fputs(", \"codes\": ", out);
		codes(out, f);
		fputc('}', out);
	}
	fputs("\n  ],\n  \"categories\": [", out);
	for (int c = 0; c < FB_CAT_COUNT; c++) {
		fputs(c ? ",\n    {\"name\": " : "\n    {\"name\": ", out);
		str(out, fb_categories[c].name);
		fputs(", \"meaning\": ", out);
		str(out, fb_categories[c].meaning);
		fputc('}', out);
	}
	fputs("\n  ],\n  \"rules\": [", out);
	for (int r = 0; r < FB_R_COUNT; r++) {
		fprintf(out, "%s{\"code\": \"%s\", \"severity\": \"%s\", \"name\": \"%s\", "
			"\"summary\": ", r ? ",\n    " : "\n    ", fb_rules[r].code,
			fb_severity_name(fb_rules[r].severity), fb_rules[r].name);
		str(out, fb_rules[r].summary);
		fputs(", \"action\": ", out);
		str(out, fb_rules[r].action);
		fputc('}', out);
	}
	fputs("\n  ]\n}\n", out);
}

const struct fb_writer fb_writer_json = { "json", findings, report, catalogue };
