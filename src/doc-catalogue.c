/*
 * doc-catalogue.c: spec as a document: the standard's fields, their codes,
 * the regional categories and the rules, read from standard.c's tables.
 *
 * Each is a table of its own (sheets, pages, JSON members, a field's codes
 * nested in it in JSON).  CSV is one long table, a row per thing with its
 * kind, since a CSV file holds one table (csv_table, for CSV alone); the text form is a listing of its
 * own (FB_TEXT_LINES).  Nothing here comes from an input.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>

#include "fosterbeds/standard.h"

/* The CSV's one table: every field, code, category and rule, by kind. */
static const struct fb_column all_columns[] = {
	{ .name = "kind", .kind = FB_CK_TEXT },
	{ .name = "id", .kind = FB_CK_CODE },
	{ .name = "name", .kind = FB_CK_TEXT },
	{ .name = "field", .kind = FB_CK_TEXT },
	{ .name = "severity", .kind = FB_CK_TEXT },
	{ .name = "required", .kind = FB_CK_TEXT },
	{ .name = "meaning", .kind = FB_CK_TEXT },
	{ .name = "action", .kind = FB_CK_TEXT },
};

enum { A_KIND, A_ID, A_NAME, A_FIELD, A_SEVERITY, A_REQUIRED, A_MEANING, A_ACTION, A_COUNT };

_Static_assert(sizeof(all_columns) / sizeof(all_columns[0]) == A_COUNT, "a column per index");

/* The brief headings are the page's (the text form is its listing). */
static const struct fb_column field_columns[] = {
	{ .name = "name", .brief = "Field", .kind = FB_CK_CODE },
	{ .name = "required", .brief = "Required", .kind = FB_CK_TEXT },
	{ .name = "meaning", .brief = "Meaning", .kind = FB_CK_TEXT },
	{ .name = "example", .brief = "Example", .kind = FB_CK_TEXT },
};

static const struct fb_column code_columns[] = {
	{ .name = "field", .brief = "Field", .kind = FB_CK_CODE },
	{ .name = "code", .brief = "Code", .kind = FB_CK_CODE },
	{ .name = "meaning", .brief = "Meaning", .kind = FB_CK_TEXT },
};

static const struct fb_column category_columns[] = {
	{ .name = "name", .brief = "Category", .kind = FB_CK_CODE },
	{ .name = "meaning", .brief = "Meaning", .kind = FB_CK_TEXT },
};

static const struct fb_column rule_columns[] = {
	{ .name = "code", .brief = "Code", .kind = FB_CK_CODE },
	{ .name = "severity", .brief = "Severity", .kind = FB_CK_TEXT },
	{ .name = "name", .brief = "Rule", .kind = FB_CK_TEXT },
	{ .name = "summary", .brief = "Summary", .kind = FB_CK_TEXT },
	{ .name = "action", .title = "What to do", .brief = "What to do", .kind = FB_CK_TEXT },
};

static const struct fb_column line_columns[] = {
	{ .name = "line", .brief = "", .kind = FB_CK_TEXT },
};

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* "yes", "conditional", "no": whether a field must be filled in. */
static const char *const required_names[] = {
	[FB_REQUIRED] = "yes", [FB_CONDITIONAL] = "conditional", [FB_OPTIONAL] = "no",
};

/* The text form's word for the same. */
static const char *const presence_names[] = {
	[FB_REQUIRED] = "required", [FB_CONDITIONAL] = "conditional", [FB_OPTIONAL] = "optional",
};

/*
 * The standard's field tables: the bed record's, then the cost record's
 * (spec v1.2), listed one after the other everywhere.
 */
static const struct {
	const struct fb_field_def *f;
	int n;
} field_tables[] = {
	{ fb_fields, FB_F_COUNT },
	{ fb_cost_fields, FB_CF_COUNT },
};

#define NFIELDS (FB_F_COUNT + FB_CF_COUNT)

/* Field i of the bed and cost tables taken as one list. */
static const struct fb_field_def *
field(int i)
{
	return i < field_tables[0].n ? &field_tables[0].f[i] : &field_tables[1].f[i - field_tables[0].n];
}

/* A row of the cells given, in column order, NULL leaving a cell empty. */
static void
text_row(struct fb_doc *d, struct fb_table *t, const char *const *v)
{
	struct fb_cell *c = fb_table_row(t, 0);

	for (size_t i = 0; i < t->ncols; i++)
		if (v[i])
			fb_cell_text(d, &c[i], t->cols[i].kind, v[i]);
}

static void
all_rows(struct fb_doc *d, struct fb_table *t)
{
	for (int f = 0; f < NFIELDS; f++)
		text_row(d, t, (const char *const[A_COUNT]){
			[A_KIND] = "field", [A_ID] = field(f)->name,
			[A_NAME] = field(f)->name,
			[A_REQUIRED] = required_names[field(f)->presence],
			[A_MEANING] = field(f)->meaning });
	for (int f = 0; f < NFIELDS; f++)
		for (int c = 0; c < field(f)->ncodes; c++)
			text_row(d, t, (const char *const[A_COUNT]){
				[A_KIND] = "code", [A_ID] = field(f)->codes[c].name,
				[A_NAME] = field(f)->codes[c].name,
				[A_FIELD] = field(f)->name,
				[A_MEANING] = field(f)->codes[c].meaning });
	for (int c = 0; c < FB_CAT_COUNT; c++)
		text_row(d, t, (const char *const[A_COUNT]){
			[A_KIND] = "category", [A_ID] = fb_categories[c].name,
			[A_NAME] = fb_categories[c].name, [A_MEANING] = fb_categories[c].meaning });
	for (int r = 0; r < FB_R_COUNT; r++)
		text_row(d, t, (const char *const[A_COUNT]){
			[A_KIND] = "rule", [A_ID] = fb_rules[r].code, [A_NAME] = fb_rules[r].name,
			[A_SEVERITY] = fb_severity_name(fb_rules[r].severity),
			[A_MEANING] = fb_rules[r].summary, [A_ACTION] = fb_rules[r].action });
}

/* The text form: fields each with its codes, the categories, the rules. */
static void
text_lines(struct fb_doc *d, struct fb_table *t)
{
	fb_table_line(d, t, "%s", d->title);
	fb_table_line(d, t, "%s", "");
	fb_table_line(d, t, "Fields:");
	for (int f = 0; f < FB_F_COUNT; f++) {
		fb_table_line(d, t, "  %-19s %-11s  %s", fb_fields[f].name,
			      presence_names[fb_fields[f].presence], fb_fields[f].meaning);
		for (int c = 0; c < fb_fields[f].ncodes; c++)
			fb_table_line(d, t, "    %-19s %s", fb_fields[f].codes[c].name,
				      fb_fields[f].codes[c].meaning);
	}
	fb_table_line(d, t, "%s", "");
	fb_table_line(d, t, "Cost record fields (spec/placement-costs.md):");
	for (int f = 0; f < FB_CF_COUNT; f++) {
		fb_table_line(d, t, "  %-19s %-11s  %s", fb_cost_fields[f].name,
			      presence_names[fb_cost_fields[f].presence], fb_cost_fields[f].meaning);
		for (int c = 0; c < fb_cost_fields[f].ncodes; c++)
			fb_table_line(d, t, "    %-19s %s", fb_cost_fields[f].codes[c].name,
				      fb_cost_fields[f].codes[c].meaning);
	}
	fb_table_line(d, t, "%s", "");
	fb_table_line(d, t, "Categories (one per bed):");
	for (int c = 0; c < FB_CAT_COUNT; c++)
		fb_table_line(d, t, "  %-19s %s", fb_categories[c].name, fb_categories[c].meaning);
	fb_table_line(d, t, "%s", "");
	fb_table_line(d, t, "Rules:");
	for (int r = 0; r < FB_R_COUNT; r++)
		fb_table_line(d, t, "  %s  %-7s  %-22s %s; %s", fb_rules[r].code,
			      fb_severity_name(fb_rules[r].severity), fb_rules[r].name,
			      fb_rules[r].summary, fb_rules[r].action);
}

void
fb_doc_catalogue(struct fb_doc *d)
{
	char title[64];
	struct fb_table *t;

	fb_doc_init(d, "spec", NULL);
	snprintf(title, sizeof(title), "Regional bed-record standard %s", FB_SPEC_VERSION);
	fb_doc_set_title(d, title, NULL);
	fb_doc_note(d, FB_NOTE_DATA, "tool", "fosterbeds");
	fb_doc_note(d, FB_NOTE_DATA, "tool_version", "%s", FB_TOOL_VERSION);
	fb_doc_note(d, FB_NOTE_DATA, "spec_version", "%s", FB_SPEC_VERSION);

	/* First, so that JSON nests each field's codes in it. */
	t = fb_doc_table(d, "Fields", field_columns, NCOLS(field_columns), NULL);
	t->key = "fields";
	t->hide = FB_HIDE_TEXT;
	for (int f = 0; f < NFIELDS; f++)
		text_row(d, t, (const char *const[]){ field(f)->name,
			 required_names[field(f)->presence], field(f)->meaning,
			 field(f)->example });

	/* In JSON, each field's codes are in the field, as "codes". */
	t = fb_doc_table(d, "Codes", code_columns, NCOLS(code_columns), NULL);
	t->nest = 1;
	t->member = "codes";
	t->hide = FB_HIDE_TEXT;
	for (int f = 0; f < NFIELDS; f++)
		for (int c = 0; c < field(f)->ncodes; c++)
			text_row(d, t, (const char *const[]){ field(f)->name,
				 field(f)->codes[c].name, field(f)->codes[c].meaning });

	t = fb_doc_table(d, "Categories", category_columns, NCOLS(category_columns), NULL);
	t->key = "categories";
	t->hide = FB_HIDE_TEXT;
	for (int c = 0; c < FB_CAT_COUNT; c++)
		text_row(d, t, (const char *const[]){ fb_categories[c].name,
			 fb_categories[c].meaning });

	t = fb_doc_table(d, "Rules", rule_columns, NCOLS(rule_columns), NULL);
	t->key = "rules";
	t->hide = FB_HIDE_TEXT;
	for (int r = 0; r < FB_R_COUNT; r++)
		text_row(d, t, (const char *const[]){ fb_rules[r].code,
			 fb_severity_name(fb_rules[r].severity), fb_rules[r].name,
			 fb_rules[r].summary, fb_rules[r].action });

	/* CSV's one table, for CSV alone. */
	d->csv_table = d->ntables;
	t = fb_doc_table(d, "Catalogue", all_columns, A_COUNT, NULL);
	t->hide = FB_HIDE_TEXT | FB_HIDE_JSON | FB_HIDE_XLSX | FB_HIDE_HTML;
	all_rows(d, t);

	t = fb_doc_table(d, "Text", line_columns, 1, NULL);
	t->hide = FB_TEXT_ONLY;
	t->text = FB_TEXT_LINES;
	text_lines(d, t);
}
