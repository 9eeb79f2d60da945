/*
 * doc-ofsted.c: ofsted as a document: Ofsted's published figures per
 * authority, then each region's sum, Ofsted's own figure and the
 * difference (ofsted-pool.c pools them).
 *
 * The one place a row's shares of approved places are worked out from its
 * counts; the pooling and the notes that explain it are the rows' own.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>
#include <string.h>

#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/tally.h"

static const struct fb_column columns[] = {
	/* --year is checked to be YYYY-YY, so the year is the tool's text. */
	{ .name = "year", .brief = "Year", .kind = FB_CK_TEXT },
	{ .name = "la_code", .brief = "LA", .kind = FB_CK_CODE },
	{ .name = "la_name", .brief = "Name", .kind = FB_CK_TEXT },
	{ .name = "region", .kind = FB_CK_TEXT },
	{ .name = "approved", .brief = "Approved", .kind = FB_CK_COUNT },
	{ .name = "filled", .brief = "Filled", .kind = FB_CK_COUNT },
	{ .name = "vacant", .brief = "Vacant", .kind = FB_CK_COUNT },
	{ .name = "unavailable", .brief = "Unavail", .kind = FB_CK_COUNT },
	{ .name = "households", .brief = "Households", .kind = FB_CK_COUNT },
	{ .name = "short_break_households", .brief = "Short br", .kind = FB_CK_COUNT },
	{ .name = "emergency_households", .brief = "Emerg", .kind = FB_CK_COUNT },
	{ .name = "exemption_households", .brief = "Exempt", .kind = FB_CK_COUNT },
	{ .name = "filled_pct", .brief = "Filled%", .kind = FB_CK_RATE },
	{ .name = "vacant_pct", .brief = "Vacant%", .kind = FB_CK_RATE },
	{ .name = "unavailable_pct", .brief = "Unavail%", .kind = FB_CK_RATE },
	{ .name = "kind", .kind = FB_CK_CODE },
	{ .name = "las_in_area", .kind = FB_CK_COUNT },
	{ .name = "las_pooled", .kind = FB_CK_COUNT },
	/* Names the headings of the file that matched no LA, as read. */
	{ .name = "not_pooled", .kind = FB_CK_INPUT },
	{ .name = "covered_by", .kind = FB_CK_TEXT },
	{ .name = "note", .kind = FB_CK_TEXT },
};

enum { C_YEAR, C_CODE, C_NAME, C_REGION, C_MEASURES, C_FILLED_PCT = C_MEASURES + FB_OM_COUNT,
       C_VACANT_PCT, C_UNAVAILABLE_PCT, C_KIND, C_NLA, C_POOLED, C_NOT_POOLED, C_COVERED_BY,
       C_NOTE, C_COUNT };

_Static_assert(sizeof(columns) / sizeof(columns[0]) == C_COUNT, "a column per index");

/* The name a row shows: its own, or its authority's. */
static const char *
row_name(const struct fb_ofsted_row *r)
{
	const struct fb_la *la;

	if (r->name)
		return r->name;
	la = fb_la_by_code(r->la_code);
	return la ? la->name : "";
}

static int
sum_row(const struct fb_ofsted_row *r)
{
	return r->kind == FB_OK_REGION || r->kind == FB_OK_ENGLAND;
}

/* A string cell, left empty when there is no string. */
static void
text(struct fb_doc *d, struct fb_cell *c, enum fb_cell_kind kind, const char *s)
{
	if (s && *s)
		fb_cell_text(d, c, kind, s);
}

static void
row(struct fb_doc *d, struct fb_table *t, const struct fb_ofsted_row *r)
{
	struct fb_cell *c = fb_table_row(t, fb_ofsted_row_pooled(r));
	int diff = r->kind == FB_OK_REGION_DIFF || r->kind == FB_OK_ENGLAND_DIFF;
	char code[8];

	text(d, &c[C_YEAR], FB_CK_TEXT, r->year);
	if (r->la_code != FB_LA_ALL) {
		snprintf(code, sizeof(code), "%03d", r->la_code);
		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, code);
	}
	text(d, &c[C_NAME], FB_CK_TEXT, row_name(r));
	text(d, &c[C_REGION], FB_CK_TEXT, r->region);
	for (int m = 0; m < FB_OM_COUNT; m++)
		/* A difference may be negative, so it says which it knows. */
		if (diff ? (r->given & FB_OM_BIT(m)) != 0 : r->v[m] != FB_MISSING)
			fb_cell_number(&c[C_MEASURES + m], FB_CK_COUNT, r->v[m]);
	for (int k = 0; k < 3; k++)
		if (r->pct_num[k] != FB_MISSING && r->pct_den[k] != FB_MISSING)
			fb_cell_number(&c[C_FILLED_PCT + k], FB_CK_RATE,
				       fb_pct_tenths(r->pct_num[k], r->pct_den[k]));
	fb_cell_text(d, &c[C_KIND], FB_CK_CODE, fb_ofsted_kind_names[r->kind]);
	if (sum_row(r)) {
		fb_cell_number(&c[C_NLA], FB_CK_COUNT, r->nla);
		fb_cell_number(&c[C_POOLED], FB_CK_COUNT, r->pooled);
	}
	text(d, &c[C_NOT_POOLED], FB_CK_INPUT, r->not_pooled);
	text(d, &c[C_COVERED_BY], FB_CK_TEXT, r->covered_by);
	text(d, &c[C_NOTE], FB_CK_TEXT, r->note);
}

/* The one region the rows sum, or NULL when they sum several (or none). */
static const char *
one_region(const struct fb_ofsted_rows *rows)
{
	const char *region = NULL;

	for (size_t i = 0; i < rows->n; i++) {
		if (rows->v[i].kind != FB_OK_REGION)
			continue;
		if (region && strcmp(region, rows->v[i].region) != 0)
			return NULL;
		region = rows->v[i].region;
	}
	return region;
}

/*
 * The notes of the sum, difference, joint and covered rows, for the text
 * table to list after it ("  2018-19 South East: pools ..."); the published
 * rows' notes only say what they are.
 */
static void
row_notes(struct fb_doc *d, const struct fb_ofsted_rows *rows)
{
	int first = 1;

	for (size_t i = 0; i < rows->n; i++) {
		const struct fb_ofsted_row *r = &rows->v[i];

		if (!r->note || r->kind == FB_OK_REGION_PUBLISHED)
			continue;
		if (first) {
			/* A note is one line (doc.h): the blank line before is a note too. */
			fb_doc_note(d, FB_NOTE_AFTER, NULL, "%s", "");
			fb_doc_note(d, FB_NOTE_AFTER, NULL, "Notes:");
		}
		first = 0;
		fb_doc_note(d, FB_NOTE_AFTER, NULL, "  %s%s%s: %s%s%s", r->year,
			    r->year[0] ? " " : "", row_name(r), r->note,
			    r->not_pooled ? "; not in the sum: " : "",
			    r->not_pooled ? r->not_pooled : "");
	}
}

void
fb_doc_ofsted(struct fb_doc *d, const struct fb_run *run, const struct fb_ofsted_rows *rows)
{
	const char *region = one_region(rows);
	long missing = rows->missing;
	struct fb_table *t;

	fb_doc_init(d, "ofsted", run);
	fb_doc_set_title(d, "Ofsted's published fostering data",
			 region ? region : "Local authorities in England");
	fb_doc_note(d, FB_NOTE_NUMBER, "missing_cells", "%ld", missing);
	fb_doc_note(d, FB_NOTE_DATA, "note", "suppressed ('..') and blank cells are left "
		    "empty (null), never read as 0; a sum row (kind region or england) adds "
		    "the authorities that give each measure, and is followed by Ofsted's own "
		    "figure and Ofsted's minus the sum");
	/* Two lines, as the text table is read at a terminal. */
	fb_doc_note(d, FB_NOTE_INTRO, NULL, "Per authority; then each region: the sum of its "
		    "authorities, Ofsted's own figure,");
	fb_doc_note(d, FB_NOTE_INTRO, NULL, "and Ofsted minus the sum (notes below say why "
		    "they differ).");
	t = fb_doc_table(d, "Ofsted", columns, C_COUNT, "(no authorities read)");
	for (size_t i = 0; i < rows->n; i++)
		row(d, t, &rows->v[i]);
	fb_doc_note(d, FB_NOTE_AFTER, NULL, "%ld cell%s suppressed ('..') or blank %s left "
		    "empty, never read as 0; a sum row adds the authorities that give each "
		    "measure.", missing, missing == 1 ? "" : "s", missing == 1 ? "is" : "are");
	row_notes(d, rows);
	fb_doc_note(d, FB_NOTE_DEFINE, "Ofsted", "Ofsted's published fostering figures: one "
		    "row per authority and joint fostering service, then for each region (in "
		    "bold) the sum of its authorities, Ofsted's own figure and Ofsted's minus "
		    "the sum, and the same for England; the kind column says which.");
	fb_doc_note(d, FB_NOTE_DEFINE, "empty cells", "A suppressed ('..') or blank cell "
		    "stays empty, never 0 (%ld such cell%s here); a sum row adds the authorities "
		    "that give each measure, and not_pooled names those that do not.", missing,
		    missing == 1 ? "" : "s");
	fb_doc_note(d, FB_NOTE_DEFINE, "note", "Why a region's sum differs from Ofsted's "
		    "figure (suppressed authorities, headings that match no LA, rounding to 5), "
		    "and which joint service publishes an authority's places.");
	fb_doc_note(d, FB_NOTE_DEFINE, "Findings", "The Findings sheet lists every finding "
		    "with the authority it concerns in its column field (FB025: places that do "
		    "not balance by more than Ofsted's rounding to 5 explains).");
	fb_doc_note(d, FB_NOTE_DEFINE, "filled_pct, vacant_pct, unavailable_pct", "Filled, "
		    "vacant and not available places as shares of approved places.");
	fb_doc_run_tables(d, run);
}
