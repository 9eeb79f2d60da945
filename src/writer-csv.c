/*
 * writer-csv.c: RFC 4180 CSV, for Excel and for other programs.
 *
 * A value is quoted only when it must be (a comma, quote, CR or LF in it).
 * Text that came from the input (file names, values in findings) and starts
 * with =, +, -, @, a tab or a CR is written with a leading apostrophe, so
 * Excel shows it as text and never runs it as a formula.  Numbers the tool
 * computes are never prefixed: a negative difference stays a number.
 */
#include "fosterbeds/writer.h"

#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"

static void
cell(FILE *out, const char *s, int from_input)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		fputc('"', out);
	if (from_input && strchr("=+-@\t\r", s[0]) && s[0])
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

static void
sep(FILE *out, int last)
{
	fputc(last ? '\n' : ',', out);
}

/*
 * A header row, then nrows rows of ncols cells from cellf.  Only the text in
 * column user_col can come from the user (a region name), so only it is
 * guarded against formulas; -1 for none.
 */
static void
table(FILE *out, const char *const *columns, size_t ncols, size_t nrows, int user_col,
      const char *(*cellf)(const void *ctx, size_t r, size_t i, char *buf), const void *ctx)
{
	char buf[FB_CELL_BUF];

	for (size_t i = 0; i < ncols; i++) {
		fputs(columns[i], out);
		sep(out, i + 1 == ncols);
	}
	for (size_t r = 0; r < nrows; r++) {
		for (size_t i = 0; i < ncols; i++) {
			cell(out, cellf(ctx, r, i, buf), (int)i == user_col);
			sep(out, i + 1 == ncols);
		}
	}
}

static void
findings(FILE *out, const struct fb_run *run)
{
	fputs("file,line,excel_row,severity,code,rule,column,excel_column,value,message\n", out);
	for (size_t i = 0; i < run->findings.n; i++) {
		const struct fb_finding *f = &run->findings.items[i];
		const struct fb_rule_def *r = &fb_rules[f->rule];
		char letters[FB_COLUMN_LETTERS];

		cell(out, run->inputs[f->file].name, 1);
		fprintf(out, ",%ld,", f->line);
		if (f->row > 0)
			fprintf(out, "%ld", f->row);
		fprintf(out, ",%s,%s,%s,", fb_severity_name(r->severity), r->code, r->name);
		cell(out, f->column ? f->column : "", 1);
		fprintf(out, ",%s,", fb_column_letters(letters, f->col));
		cell(out, f->value ? f->value : "", 1);
		sep(out, 0);
		cell(out, f->message, 1);
		sep(out, 1);
	}
}

static void
catalogue_row(FILE *out, const char *kind, const char *id, const char *name,
	      const char *field, const char *severity, const char *required,
	      const char *meaning, const char *action)
{
	const char *v[] = { kind, id, name, field, severity, required, meaning, action };

	for (size_t i = 0; i < 8; i++) {
		cell(out, v[i] ? v[i] : "", 0);
		sep(out, i == 7);
	}
}

static const char *
presence_name(enum fb_presence p)
{
	return p == FB_REQUIRED ? "yes" : p == FB_CONDITIONAL ? "conditional" : "no";
}

static void
catalogue(FILE *out)
{
	fputs("kind,id,name,field,severity,required,meaning,action\n", out);
	for (int f = 0; f < FB_F_COUNT; f++)
		catalogue_row(out, "field", fb_fields[f].name, fb_fields[f].name, NULL, NULL,
			      presence_name(fb_fields[f].presence), fb_fields[f].meaning, NULL);
	for (int f = 0; f < FB_F_COUNT; f++)
		for (int c = 0; c < fb_fields[f].ncodes; c++)
			catalogue_row(out, "code", fb_fields[f].codes[c].name,
				      fb_fields[f].codes[c].name, fb_fields[f].name, NULL, NULL,
				      fb_fields[f].codes[c].meaning, NULL);
	for (int c = 0; c < FB_CAT_COUNT; c++)
		catalogue_row(out, "category", fb_categories[c].name, fb_categories[c].name,
			      NULL, NULL, NULL, fb_categories[c].meaning, NULL);
	for (int r = 0; r < FB_R_COUNT; r++)
		catalogue_row(out, "rule", fb_rules[r].code, fb_rules[r].name, NULL,
			      fb_severity_name(fb_rules[r].severity), NULL, fb_rules[r].summary,
			      fb_rules[r].action);
}

static const char *
recon_cell(const void *ctx, size_t r, size_t i, char *buf)
{
	const struct fb_recon_report *rep = ctx;
	int num;

	return fb_recon_cell(rep, &rep->rc->rows[r], i, buf, &num);
}

static void
reconcile(FILE *out, const struct fb_recon_report *rep)
{
	table(out, fb_recon_columns, fb_recon_ncolumns, rep->rc->n, 1, recon_cell, rep);
}

static void
bridge(FILE *out, const struct fb_recon_report *rep)
{
	static const char *const ua[FB_UA_COUNT] = { "filled", "vacant", "unavailable" };
	char buf[FB_CELL_BUF];
	int num;

	fputs("la_code,ofsted_status,category,beds\n", out);
	for (size_t r = 0; r < rep->rc->n; r++) {
		const struct fb_recon_row *row = &rep->rc->rows[r];
		const char *code;

		/* Across dates no bridge is drawn; stderr says so (cmd-reconcile.c). */
		if (!row->has_records || !row->has_return || row->cross_dated)
			continue;
		code = fb_recon_cell(rep, row, 0, buf, &num);

		for (int o = 0; o <= FB_OS_COUNT; o++) {
			long any = 0;

			for (int c = 0; c < FB_CAT_COUNT; c++)
				any += fb_recon_bridge(row, o, (enum fb_category)c);
			/* Beds with no ofsted_status get rows only when there are some. */
			if (o == FB_OS_BLANK && !any)
				continue;
			for (int c = 0; c < FB_CAT_COUNT; c++)
				fprintf(out, "%s,%s,%s,%ld\n", code, fb_bridge_status_name(o),
					fb_categories[c].name,
					fb_recon_bridge(row, o, (enum fb_category)c));
		}
		for (int b = 0; b < FB_UA_COUNT; b++)
			fprintf(out, "%s,%s,no_record,%ld\n", code, ua[b],
				fb_recon_unaccounted(row, (enum fb_unaccounted)b));
	}
}

/*
 * Any document: its table csv_table (a CSV file holds one: the first,
 * unless the document says), headed by the columns' machine names, leaving
 * out the columns for JSON or the page only.  Only input text is guarded against
 * formulas.
 */
static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	const struct fb_table *t = d->csv_table < d->ntables ? &d->tables[d->csv_table] : NULL;
	char buf[FB_DOC_CELL_BUF];
	size_t last = 0;

	for (size_t i = 0; t && i < t->ncols; i++)
		if (!(t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY)))
			last = i;
	for (size_t i = 0; t && i < t->ncols; i++) {
		if (t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY))
			continue;
		fputs(t->cols[i].name, out);
		sep(out, i == last);
	}
	for (size_t r = 0; t && r < t->nrows; r++)
		for (size_t i = 0; i < t->ncols; i++) {
			const struct fb_cell *c = fb_table_cell(t, r, i);

			if (t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY))
				continue;
			cell(out, fb_cell_format(c, buf), c->kind == FB_CK_INPUT);
			sep(out, i == last);
		}
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_csv = {
	.name = "csv", .write = write_doc, .findings = findings,
	.catalogue = catalogue, .reconcile = reconcile, .bridge = bridge,
};
