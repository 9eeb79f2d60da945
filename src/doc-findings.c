/*
 * doc-findings.c: validate as a document: every finding listed, a summary
 * by code, and each input's rows; and the same Findings and Inputs tables
 * for the workbook of every other document of a run (fb_doc_run_tables()).
 *
 * The findings carry no child_ref and no value from a personal column
 * (findings.h), and nothing else from the input but file names goes in.
 * The text form reads like a compiler's messages, so editors and grep can
 * jump to a line: it is a table of lines of its own (FB_TEXT_LINES), and
 * the typed tables are for the other formats.  JSON's metadata already
 * holds the summary and the inputs, so there they are left out.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>
#include <string.h>

#include "fosterbeds/filter.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/run.h"
#include "fosterbeds/standard.h"

static const struct fb_column finding_columns[] = {
	{ .name = "file", .kind = FB_CK_INPUT },
	{ .name = "line", .kind = FB_CK_COUNT },
	{ .name = "excel_row", .kind = FB_CK_COUNT },
	{ .name = "severity", .kind = FB_CK_TEXT },
	{ .name = "code", .kind = FB_CK_CODE },
	{ .name = "rule", .kind = FB_CK_TEXT },
	{ .name = "column", .kind = FB_CK_INPUT },
	{ .name = "excel_column", .kind = FB_CK_CODE },
	/* The value as found (made visible, never child_ref's) and a message that may echo it. */
	{ .name = "value", .kind = FB_CK_INPUT },
	{ .name = "message", .kind = FB_CK_INPUT },
};

enum { F_FILE, F_LINE, F_ROW, F_SEVERITY, F_CODE, F_RULE, F_COLUMN, F_LETTERS, F_VALUE,
       F_MESSAGE, F_COUNT };

_Static_assert(sizeof(finding_columns) / sizeof(finding_columns[0]) == F_COUNT,
	       "a column per index");

static const struct fb_column code_columns[] = {
	{ .name = "code", .kind = FB_CK_CODE },
	{ .name = "severity", .kind = FB_CK_TEXT },
	{ .name = "rule", .kind = FB_CK_TEXT },
	{ .name = "findings", .kind = FB_CK_COUNT },
	{ .name = "what_to_do", .kind = FB_CK_TEXT },
};

enum { S_CODE, S_SEVERITY, S_RULE, S_FINDINGS, S_ACTION, S_COUNT };

_Static_assert(sizeof(code_columns) / sizeof(code_columns[0]) == S_COUNT,
	       "a column per index");

/*
 * A run read through a profile has one more column, the rows the profile
 * dropped (FB040), so read = used + rejected + dropped + outside the filter
 * adds up; without one the table is as it always was (input_columns).
 */
static const struct fb_column profile_input_columns[] = {
	{ .name = "name", .kind = FB_CK_INPUT },
	{ .name = "role", .kind = FB_CK_TEXT },
	{ .name = "bytes", .kind = FB_CK_COUNT },
	{ .name = "rows_read", .kind = FB_CK_COUNT },
	{ .name = "rows_used", .kind = FB_CK_COUNT },
	{ .name = "rows_rejected", .kind = FB_CK_COUNT },
	{ .name = "rows_dropped_by_profile", .kind = FB_CK_COUNT },
	{ .name = "rows_outside_filter", .kind = FB_CK_COUNT },
	{ .name = "rejected_by", .kind = FB_CK_TEXT },
	{ .name = "error", .kind = FB_CK_TEXT },
};

static const struct fb_column input_columns[] = {
	{ .name = "name", .kind = FB_CK_INPUT },
	{ .name = "role", .kind = FB_CK_TEXT },
	{ .name = "bytes", .kind = FB_CK_COUNT },
	{ .name = "rows_read", .kind = FB_CK_COUNT },
	{ .name = "rows_used", .kind = FB_CK_COUNT },
	{ .name = "rows_rejected", .kind = FB_CK_COUNT },
	{ .name = "rows_outside_filter", .kind = FB_CK_COUNT },
	{ .name = "rejected_by", .kind = FB_CK_TEXT },
	{ .name = "error", .kind = FB_CK_TEXT },
};

/* Indexes into profile_input_columns; icol() maps them to the table at hand. */
enum { I_NAME, I_ROLE, I_BYTES, I_READ, I_USED, I_REJECTED, I_DROPPED, I_OUTSIDE, I_BY,
       I_ERROR, I_COUNT };

_Static_assert(sizeof(profile_input_columns) / sizeof(profile_input_columns[0]) == I_COUNT,
	       "a column per index");
_Static_assert(sizeof(input_columns) / sizeof(input_columns[0]) == I_COUNT - 1,
	       "every column but I_DROPPED");

/* The page's headline figures (HTML alone: the other formats have them in their metadata). */
static const struct fb_column total_columns[] = {
	{ .name = "errors", .kind = FB_CK_COUNT },
	{ .name = "warnings", .kind = FB_CK_COUNT },
	{ .name = "rows_read", .kind = FB_CK_COUNT },
	{ .name = "rows_used", .kind = FB_CK_COUNT },
	{ .name = "rows_rejected", .kind = FB_CK_COUNT },
	{ .name = "findings_not_listed", .kind = FB_CK_COUNT },
};

enum { T_ERRORS, T_WARNINGS, T_READ, T_USED, T_REJECTED, T_UNLISTED, T_COUNT };

_Static_assert(sizeof(total_columns) / sizeof(total_columns[0]) == T_COUNT,
	       "a column per index");

/* The findings listed, by file (HTML alone, for its chart). */
static const struct fb_column file_columns[] = {
	{ .name = "file", .kind = FB_CK_INPUT },
	{ .name = "errors", .kind = FB_CK_COUNT },
	{ .name = "warnings", .kind = FB_CK_COUNT },
};

static const struct fb_column line_columns[] = {
	{ .name = "line", .brief = "", .kind = FB_CK_TEXT },
};

/* Room for any filter's description: every LA code. */
#define WHAT_SIZE (64 + 1000 * 4)

/* " (FB004 1, FB011 2)", or "" when no row was rejected; into buf. */
static const char *
rejected_by(const long *by, char *buf, size_t size, int parens)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int r = 0; r < FB_R_COUNT && n < size; r++)
		if (by[r])
			n += (size_t)snprintf(buf + n, size - n, "%s%s %ld",
					      n ? ", " : parens ? " (" : "", fb_rules[r].code,
					      by[r]);
	if (n && parens && n + 1 < size)
		buf[n] = ')', buf[n + 1] = '\0';
	return buf;
}

static void
finding_row(struct fb_doc *d, struct fb_table *t, const struct fb_run *run,
	    const struct fb_finding *f)
{
	const struct fb_rule_def *r = &fb_rules[f->rule];
	struct fb_cell *c = fb_table_row(t, 0);
	char letters[FB_COLUMN_LETTERS];

	fb_cell_text(d, &c[F_FILE], FB_CK_INPUT, run->inputs[f->file].name);
	fb_cell_number(&c[F_LINE], FB_CK_COUNT, f->line);
	if (f->row > 0)
		fb_cell_number(&c[F_ROW], FB_CK_COUNT, f->row);
	fb_cell_text(d, &c[F_SEVERITY], FB_CK_TEXT, fb_severity_name(r->severity));
	fb_cell_text(d, &c[F_CODE], FB_CK_CODE, r->code);
	fb_cell_text(d, &c[F_RULE], FB_CK_TEXT, r->name);
	if (f->column)
		fb_cell_text(d, &c[F_COLUMN], FB_CK_INPUT, f->column);
	if (f->col >= 0)
		fb_cell_text(d, &c[F_LETTERS], FB_CK_CODE, fb_column_letters(letters, f->col));
	if (f->value)
		fb_cell_text(d, &c[F_VALUE], FB_CK_INPUT, f->value);
	fb_cell_text(d, &c[F_MESSAGE], FB_CK_INPUT, f->message);
}

/* "FILE:LINE (row R, column C): severity CODE: message", where Excel shows it. */
static void
finding_line(struct fb_doc *d, struct fb_table *t, const struct fb_run *run,
	     const struct fb_finding *f)
{
	const struct fb_rule_def *r = &fb_rules[f->rule];
	char where[64 + FB_COLUMN_LETTERS], letters[FB_COLUMN_LETTERS];

	where[0] = '\0';
	if (f->row > 0 && f->col >= 0)
		snprintf(where, sizeof(where), " (row %ld, column %s)", f->row,
			 fb_column_letters(letters, f->col));
	else if (f->row > 0)
		snprintf(where, sizeof(where), " (row %ld)", f->row);
	fb_table_line(d, t, "%s:%ld%s: %s %s: %s", run->inputs[f->file].name, f->line, where,
		      fb_severity_name(r->severity), r->code, f->message);
}

static void
code_rows(struct fb_doc *d, struct fb_table *t, const struct fb_findings *f)
{
	for (int r = 0; r < FB_R_COUNT; r++) {
		struct fb_cell *c;

		if (!f->count[r])
			continue;
		c = fb_table_row(t, 0);
		fb_cell_text(d, &c[S_CODE], FB_CK_CODE, fb_rules[r].code);
		fb_cell_text(d, &c[S_SEVERITY], FB_CK_TEXT, fb_severity_name(fb_rules[r].severity));
		fb_cell_text(d, &c[S_RULE], FB_CK_TEXT, fb_rules[r].name);
		fb_cell_number(&c[S_FINDINGS], FB_CK_COUNT, (long)f->count[r]);
		fb_cell_text(d, &c[S_ACTION], FB_CK_TEXT, fb_rules[r].action);
	}
}

/* Column i (an I_* index) in the Inputs table of a run with (profile) or without a profile. */
static size_t
icol(size_t i, int profile)
{
	return !profile && i > I_DROPPED ? i - 1 : i;
}

static void
input_rows(struct fb_doc *d, struct fb_table *t, const struct fb_run *run)
{
	char by[FB_R_COUNT * 32];
	int p = run->profile != NULL;

	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];
		struct fb_cell *c = fb_table_row(t, 0);

		fb_cell_text(d, &c[I_NAME], FB_CK_INPUT, in->name);
		fb_cell_text(d, &c[I_ROLE], FB_CK_TEXT, in->role);
		fb_cell_number(&c[I_BYTES], FB_CK_COUNT, (long)in->size);
		fb_cell_number(&c[I_READ], FB_CK_COUNT, in->rows_read);
		fb_cell_number(&c[I_USED], FB_CK_COUNT, in->rows_used);
		fb_cell_number(&c[I_REJECTED], FB_CK_COUNT, in->rows_rejected);
		if (p)
			fb_cell_number(&c[I_DROPPED], FB_CK_COUNT, in->rows_dropped);
		fb_cell_number(&c[icol(I_OUTSIDE, p)], FB_CK_COUNT, in->rows_outside_filter);
		if (rejected_by(in->rejected_by, by, sizeof(by), 0)[0])
			fb_cell_text(d, &c[icol(I_BY, p)], FB_CK_TEXT, by);
		if (in->error)
			fb_cell_text(d, &c[icol(I_ERROR, p)], FB_CK_TEXT, fb_strerror(in->error));
	}
}

/* The Findings table: every finding the run kept, in its order. */
static struct fb_table *
findings_table(struct fb_doc *d, const struct fb_run *run)
{
	struct fb_table *t = fb_doc_table(d, "Findings", finding_columns, F_COUNT, NULL);

	for (size_t i = 0; i < run->findings.n; i++)
		finding_row(d, t, run, &run->findings.items[i]);
	return t;
}

/* The Inputs table: a row per input. */
static struct fb_table *
inputs_table(struct fb_doc *d, const struct fb_run *run)
{
	struct fb_table *t = run->profile
		? fb_doc_table(d, "Inputs", profile_input_columns, I_COUNT, NULL)
		: fb_doc_table(d, "Inputs", input_columns, I_COUNT - 1, NULL);

	input_rows(d, t, run);
	return t;
}

static void
totals(struct fb_table *t, const struct fb_run *run)
{
	struct fb_cell *c = fb_table_row(t, 0);
	long read, used, rejected;

	fb_run_totals(run, &read, &used, &rejected);
	fb_cell_number(&c[T_ERRORS], FB_CK_COUNT, (long)run->findings.errors);
	fb_cell_number(&c[T_WARNINGS], FB_CK_COUNT, (long)run->findings.warnings);
	fb_cell_number(&c[T_READ], FB_CK_COUNT, read);
	fb_cell_number(&c[T_USED], FB_CK_COUNT, used);
	fb_cell_number(&c[T_REJECTED], FB_CK_COUNT, rejected);
	fb_cell_number(&c[T_UNLISTED], FB_CK_COUNT, (long)run->findings.dropped);
}

/* Each input with a finding listed: its errors and warnings among those listed. */
static void
file_rows(struct fb_doc *d, struct fb_table *t, const struct fb_run *run)
{
	for (size_t i = 0; i < run->ninputs; i++) {
		long n[2] = { 0, 0 };
		struct fb_cell *c;

		for (size_t k = 0; k < run->findings.n; k++)
			if (run->findings.items[k].file == (int)i)
				n[fb_rules[run->findings.items[k].rule].severity != FB_SEV_ERROR]++;
		if (!n[0] && !n[1])
			continue;
		c = fb_table_row(t, 0);
		fb_cell_text(d, &c[0], FB_CK_INPUT, run->inputs[i].name);
		fb_cell_number(&c[1], FB_CK_COUNT, n[0]);
		fb_cell_number(&c[2], FB_CK_COUNT, n[1]);
	}
}

/*
 * The text form: every finding, how many were not listed, then (after a
 * blank line, when anything was listed) the findings by code, each input's
 * rows, and the totals.
 */
static void
text_lines(struct fb_doc *d, struct fb_table *t, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	char by[FB_R_COUNT * 32], what[WHAT_SIZE];

	for (size_t i = 0; i < f->n; i++)
		finding_line(d, t, run, &f->items[i]);
	if (f->dropped)
		fb_table_line(d, t, "... and %zu more finding%s not listed (--max-findings 0 "
			      "lists all)", f->dropped, f->dropped == 1 ? "" : "s");
	if (f->n || f->dropped)
		fb_table_line(d, t, "%s", "");
	if (f->errors || f->warnings) {
		fb_table_line(d, t, "Findings by code:");
		for (int r = 0; r < FB_R_COUNT; r++)
			if (f->count[r])
				fb_table_line(d, t, "  %s  %-7s  %-22s %zu", fb_rules[r].code,
					      fb_severity_name(fb_rules[r].severity),
					      fb_rules[r].name, f->count[r]);
	}
	if (run->filter.active)
		fb_table_line(d, t, "Inputs (filter %s):",
			      fb_filter_describe(&run->filter, what, sizeof(what)));
	else
		fb_table_line(d, t, "Inputs:");
	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];
		char outside[64] = "", dropped[64] = "";

		if (in->error) {
			fb_table_line(d, t, "  %s: could not be read: %s", in->name,
				      fb_strerror(in->error));
			continue;
		}
		if (run->filter.active)
			snprintf(outside, sizeof(outside), ", %ld outside the filter",
				 in->rows_outside_filter);
		/* Like the rules' counts, only when there are any. */
		if (in->rows_dropped)
			snprintf(dropped, sizeof(dropped), ", %ld dropped by the profile",
				 in->rows_dropped);
		fb_table_line(d, t, "  %s: %ld row%s read, %ld used, %ld rejected%s%s%s", in->name,
			      in->rows_read, in->rows_read == 1 ? "" : "s", in->rows_used,
			      in->rows_rejected, rejected_by(in->rejected_by, by, sizeof(by), 1),
			      dropped, outside);
	}
	fb_table_line(d, t, "%zu error%s, %zu warning%s", f->errors, f->errors == 1 ? "" : "s",
		      f->warnings, f->warnings == 1 ? "" : "s");
}

void
fb_doc_findings(struct fb_doc *d, const struct fb_run *run)
{
	struct fb_table *t;

	fb_doc_init(d, "validate", run);
	/* No title: the text form is the listing alone, as a compiler's is. */
	t = findings_table(d, run);
	t->key = "findings";
	t->hide = FB_HIDE_TEXT;

	t = fb_doc_table(d, "Summary by code", code_columns, S_COUNT, NULL);
	t->hide = FB_HIDE_TEXT | FB_HIDE_JSON;
	code_rows(d, t, &run->findings);

	t = inputs_table(d, run);
	t->hide = FB_HIDE_TEXT | FB_HIDE_JSON;

	t = fb_doc_table(d, "Totals", total_columns, T_COUNT, NULL);
	t->hide = FB_HIDE_TEXT | FB_HIDE_JSON | FB_HIDE_XLSX;
	totals(t, run);

	t = fb_doc_table(d, "Findings by file", file_columns, 3, NULL);
	t->hide = FB_HIDE_TEXT | FB_HIDE_JSON | FB_HIDE_XLSX;
	file_rows(d, t, run);

	t = fb_doc_table(d, "Text", line_columns, 1, NULL);
	t->hide = FB_TEXT_ONLY;
	t->text = FB_TEXT_LINES;
	text_lines(d, t, run);

	fb_doc_note(d, FB_NOTE_DEFINE, "Findings", "One row per finding: the file, the line a "
		    "text editor shows (the header is line 1), the rule broken, the column and "
		    "value, and what is wrong. A row with an error is left out of every figure; a "
		    "warning is not.");
	fb_doc_note(d, FB_NOTE_DEFINE, "Summary by code", "How many findings each rule raised, "
		    "and what to do about them.");
	/* The workbook's Notes say it in words already (the writer's own note). */
	fb_doc_note(d, FB_NOTE_JSON_NUMBER, "findings_not_listed", "%zu", run->findings.dropped);
}

void
fb_doc_run_tables(struct fb_doc *d, const struct fb_run *run)
{
	/* Text, JSON and HTML say the run's findings and inputs their own way. */
	const unsigned hide = FB_HIDE_TEXT | FB_HIDE_JSON | FB_HIDE_HTML;

	if (!run)
		return;
	findings_table(d, run)->hide = hide;
	inputs_table(d, run)->hide = hide;
}
