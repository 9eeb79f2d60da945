/*
 * doc-report.c: report as a document: the figures per LA and snapshot date,
 * the pooled rows, and with --breakdown reasons why beds go unused.
 *
 * The rates are figures.c's (fb_rates_compute) and the reasons' shares its
 * fb_reason_lines(): the one place a report's figures become cells.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>

#include "fosterbeds/doc-report.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"
#include "fosterbeds/standard.h"
#include "fosterbeds/tally.h"

/* spec/bed-records.md, "Report columns": these 16 in this order, then JSON's las_pooled. */
static const struct fb_column columns[] = {
	[FB_RC_CODE] = { .name = "la_code", .title = "LA code", .brief = "LA",
			 .kind = FB_CK_CODE },
	/* The pooled rows' name may be --region-name's. */
	[FB_RC_NAME] = { .name = "la_name", .title = "LA name", .brief = "Name",
			 .kind = FB_CK_INPUT },
	[FB_RC_DATE] = { .name = "snapshot_date", .brief = "Date", .kind = FB_CK_DATE },
	[FB_RC_APPROVED] = { .name = "approved", .brief = "Approved", .kind = FB_CK_COUNT },
	[FB_RC_FILLED] = { .name = "filled", .brief = "Filled", .kind = FB_CK_COUNT },
	[FB_RC_VACANT] = { .name = "vacant", .brief = "Vacant", .kind = FB_CK_COUNT },
	[FB_RC_UNAVAILABLE] = { .name = "unavailable", .brief = "Unavail",
				.kind = FB_CK_COUNT },
	[FB_RC_RESPITE] = { .name = "respite_emergency", .title = "Respite/emergency beds",
			    .brief = "Resp/em", .kind = FB_CK_COUNT },
	[FB_RC_MS_APPROVED] = { .name = "mainstream_approved", .brief = "MS appr",
				.kind = FB_CK_COUNT },
	[FB_RC_MS_FILLED] = { .name = "mainstream_filled", .brief = "MS fill",
			      .kind = FB_CK_COUNT },
	[FB_RC_MS_VACANT] = { .name = "mainstream_vacant", .brief = "MS vac",
			      .kind = FB_CK_COUNT },
	[FB_RC_MS_UNAVAILABLE] = { .name = "mainstream_unavailable", .brief = "MS unav",
				   .kind = FB_CK_COUNT },
	[FB_RC_INCL] = { .name = "utilisation_incl_pct", .title = "Utilisation incl. respite (%)",
			 .brief = "Util incl%", .kind = FB_CK_RATE },
	[FB_RC_EXCL] = { .name = "utilisation_excl_pct", .title = "Utilisation excl. respite (%)",
			 .brief = "Util excl%", .kind = FB_CK_RATE },
	[FB_RC_VACANT_PCT] = { .name = "vacant_pct", .brief = "Vacant%", .kind = FB_CK_RATE },
	[FB_RC_UNAVAILABLE_PCT] = { .name = "unavailable_pct", .brief = "Unavail%",
				    .kind = FB_CK_RATE },
	[FB_RC_NLA] = { .name = "las_pooled", .title = "LAs pooled", .kind = FB_CK_COUNT,
			.flags = FB_COL_JSON_ONLY | FB_COL_OMIT_EMPTY },
	/* The page's stacked bars hatch these within each status. */
	[FB_RC_RE_FILLED] = { .name = "respite_emergency_filled", .kind = FB_CK_COUNT,
			      .flags = FB_COL_PAGE_ONLY },
	[FB_RC_RE_VACANT] = { .name = "respite_emergency_vacant", .kind = FB_CK_COUNT,
			      .flags = FB_COL_PAGE_ONLY },
	[FB_RC_RE_UNAVAILABLE] = { .name = "respite_emergency_unavailable", .kind = FB_CK_COUNT,
				   .flags = FB_COL_PAGE_ONLY },
	/* The page's headline says how the region moved since the date before. */
	[FB_RC_INCL_CHANGE] = { .name = "utilisation_incl_pp_change", .kind = FB_CK_PP,
				.flags = FB_COL_PAGE_ONLY },
	[FB_RC_EXCL_CHANGE] = { .name = "utilisation_excl_pp_change", .kind = FB_CK_PP,
				.flags = FB_COL_PAGE_ONLY },
	[FB_RC_VACANT_CHANGE] = { .name = "vacant_pp_change", .kind = FB_CK_PP,
				  .flags = FB_COL_PAGE_ONLY },
	[FB_RC_UNAVAILABLE_CHANGE] = { .name = "unavailable_pp_change", .kind = FB_CK_PP,
				       .flags = FB_COL_PAGE_ONLY },
};

_Static_assert(sizeof(columns) / sizeof(columns[0]) == FB_RC_COUNT, "a column per index");

static const struct fb_column reason_columns[] = {
	[FB_XC_CODE] = { .name = "la_code", .title = "LA code", .brief = "LA",
			 .kind = FB_CK_CODE },
	[FB_XC_NAME] = { .name = "la_name", .title = "LA name", .brief = "Name",
			 .kind = FB_CK_INPUT },
	[FB_XC_DATE] = { .name = "snapshot_date", .brief = "Date", .kind = FB_CK_DATE },
	[FB_XC_STATUS] = { .name = "status", .brief = "Status", .kind = FB_CK_CODE },
	[FB_XC_GROUP] = { .name = "bed_group", .title = "Bed group", .brief = "Group",
			  .kind = FB_CK_CODE },
	[FB_XC_REASON] = { .name = "reason", .brief = "Reason", .kind = FB_CK_CODE },
	/* The text leaves out the reasons no bed has; the CSV lists every one. */
	[FB_XC_BEDS] = { .name = "beds", .brief = "Beds", .kind = FB_CK_COUNT,
			 .flags = FB_COL_SKIP_ZERO },
	[FB_XC_SHARE] = { .name = "share_pct", .title = "Share of group (%)",
			  .brief = "Share%", .kind = FB_CK_RATE },
	[FB_XC_GROUP_BEDS] = { .name = "group_beds", .kind = FB_CK_COUNT,
			       .flags = FB_COL_PAGE_ONLY },
};

_Static_assert(sizeof(reason_columns) / sizeof(reason_columns[0]) == FB_XC_COUNT,
	       "a column per index");

_Static_assert((int)FB_XC_CODE == (int)FB_RC_CODE && (int)FB_XC_NAME == (int)FB_RC_NAME &&
	       (int)FB_XC_DATE == (int)FB_RC_DATE,
	       "both tables start with the same three columns");

/* The la_code, la_name and snapshot_date cells both tables start with. */
static void
key(struct fb_doc *d, struct fb_cell *c, const char *region, const struct fb_tally_row *row)
{
	char code[8];

	if (row->la_code == FB_LA_ALL) {
		fb_cell_text(d, &c[FB_RC_CODE], FB_CK_CODE, "ALL");
		fb_cell_text(d, &c[FB_RC_NAME], FB_CK_INPUT, region);
	} else {
		const struct fb_la *la = fb_la_by_code(row->la_code);

		snprintf(code, sizeof(code), "%03d", row->la_code);
		fb_cell_text(d, &c[FB_RC_CODE], FB_CK_CODE, code);
		if (la)
			fb_cell_text(d, &c[FB_RC_NAME], FB_CK_TEXT, la->name);
	}
	fb_cell_number(&c[FB_RC_DATE], FB_CK_DATE, row->date);
}

/*
 * A row, and prev the row before it when both are ALL rows (the region on
 * the date before), else NULL.
 */
static void
row(struct fb_doc *d, struct fb_table *t, const char *region, const struct fb_tally_row *tr,
    const struct fb_tally_row *prev)
{
	const struct fb_counts *n = &tr->counts, *p = prev ? &prev->counts : NULL;
	struct fb_cell *c = fb_table_row(t, tr->la_code == FB_LA_ALL);
	struct fb_rates r;

	key(d, c, region, tr);
	fb_rates_compute(&r, n);
	fb_cell_number(&c[FB_RC_APPROVED], FB_CK_COUNT, n->approved);
	fb_cell_number(&c[FB_RC_FILLED], FB_CK_COUNT, n->filled);
	fb_cell_number(&c[FB_RC_VACANT], FB_CK_COUNT, n->vacant);
	fb_cell_number(&c[FB_RC_UNAVAILABLE], FB_CK_COUNT, n->unavailable);
	fb_cell_number(&c[FB_RC_RESPITE], FB_CK_COUNT, n->respite_emergency);
	fb_cell_number(&c[FB_RC_MS_APPROVED], FB_CK_COUNT, n->ms_approved);
	fb_cell_number(&c[FB_RC_MS_FILLED], FB_CK_COUNT, n->ms_filled);
	fb_cell_number(&c[FB_RC_MS_VACANT], FB_CK_COUNT, n->ms_vacant);
	fb_cell_number(&c[FB_RC_MS_UNAVAILABLE], FB_CK_COUNT, n->ms_unavailable);
	fb_cell_number(&c[FB_RC_INCL], FB_CK_RATE, r.utilisation_incl);
	fb_cell_number(&c[FB_RC_EXCL], FB_CK_RATE, r.utilisation_excl);
	fb_cell_number(&c[FB_RC_VACANT_PCT], FB_CK_RATE, r.vacant);
	fb_cell_number(&c[FB_RC_UNAVAILABLE_PCT], FB_CK_RATE, r.unavailable);
	if (tr->la_code == FB_LA_ALL)
		fb_cell_number(&c[FB_RC_NLA], FB_CK_COUNT, tr->nla);
	fb_cell_number(&c[FB_RC_RE_FILLED], FB_CK_COUNT, n->filled - n->ms_filled);
	fb_cell_number(&c[FB_RC_RE_VACANT], FB_CK_COUNT, n->vacant - n->ms_vacant);
	fb_cell_number(&c[FB_RC_RE_UNAVAILABLE], FB_CK_COUNT,
		       n->unavailable - n->ms_unavailable);
	if (!p)
		return;
	/* From the counts, not from the rounded rates (figures.h). */
	fb_cell_number(&c[FB_RC_INCL_CHANGE], FB_CK_PP,
		       fb_pp_diff_tenths(n->filled, n->approved, p->filled, p->approved));
	fb_cell_number(&c[FB_RC_EXCL_CHANGE], FB_CK_PP,
		       fb_pp_diff_tenths(n->ms_filled, n->ms_approved, p->ms_filled,
					 p->ms_approved));
	fb_cell_number(&c[FB_RC_VACANT_CHANGE], FB_CK_PP,
		       fb_pp_diff_tenths(n->vacant, n->approved, p->vacant, p->approved));
	fb_cell_number(&c[FB_RC_UNAVAILABLE_CHANGE], FB_CK_PP,
		       fb_pp_diff_tenths(n->unavailable, n->approved, p->unavailable,
					 p->approved));
}

/* A row's FB_REASON_LINES reasons, in fb_reason_lines()'s order. */
static void
reasons(struct fb_doc *d, struct fb_table *t, const char *region, const struct fb_tally_row *tr)
{
	struct fb_reason_line lines[FB_REASON_LINES];
	size_t n = fb_reason_lines(&tr->counts, lines);

	for (size_t k = 0; k < n; k++) {
		struct fb_cell *c = fb_table_row(t, tr->la_code == FB_LA_ALL);

		key(d, c, region, tr);
		fb_cell_text(d, &c[FB_XC_STATUS], FB_CK_CODE,
			     fb_fields[FB_F_STATUS].codes[lines[k].status].name);
		fb_cell_text(d, &c[FB_XC_GROUP], FB_CK_CODE, fb_group_name(lines[k].group));
		fb_cell_text(d, &c[FB_XC_REASON], FB_CK_CODE, lines[k].reason);
		fb_cell_number(&c[FB_XC_BEDS], FB_CK_COUNT, lines[k].beds);
		fb_cell_number(&c[FB_XC_SHARE], FB_CK_RATE, lines[k].share);
		fb_cell_number(&c[FB_XC_GROUP_BEDS], FB_CK_COUNT, lines[k].group_beds);
	}
}

void
fb_doc_report(struct fb_doc *d, const struct fb_run *run, const struct fb_tally_row *rows,
	      size_t nrows, const char *region_name, int breakdown)
{
	struct fb_table *t;

	fb_doc_init(d, "report", run);
	fb_doc_set_title(d, "Foster-bed utilisation", region_name);
	fb_doc_note(d, FB_NOTE_DATA, "region_name", "%s", region_name);
	fb_doc_note(d, FB_NOTE_DATA, "pooling", "rows with la_code ALL sum the counts of every "
		    "LA for that date, then divide; they are never averages of LA rates");
	fb_doc_note(d, FB_NOTE_INTRO, NULL, "Rows marked ALL pool every LA's counts for that "
		    "date (sums, then rates; never averages of LA rates).");
	t = fb_doc_table(d, "Summary", columns, FB_RC_COUNT, "(no usable rows)");
	for (size_t i = 0; i < nrows; i++)
		row(d, t, region_name, &rows[i],
		    i && rows[i].la_code == FB_LA_ALL && rows[i - 1].la_code == FB_LA_ALL
		    ? &rows[i - 1] : NULL);
	if (breakdown) {
		t = fb_doc_table(d, "Reasons", reason_columns, FB_XC_COUNT, NULL);
		t->intro = "Why beds go unused: unavailable beds by unavailable_reason, vacant "
			   "beds by vacancy_reason,\nmainstream and respite/emergency apart; "
			   "shares are of that status's beds in that group\n"
			   "(reasons no bed has are left out here; --format csv lists them all).";
		t->nest = 3;
		t->member = "reasons";
		for (size_t i = 0; i < nrows; i++)
			reasons(d, t, region_name, &rows[i]);
		/* A CSV file holds one table: with the breakdown, this one. */
		d->csv_table = FB_REASONS_TABLE;
	}
	if (run)
		fb_doc_note_totals(d, "Rows");
	fb_doc_note_ms(d);
	fb_doc_note(d, FB_NOTE_DEFINE, "Summary", "One row per LA and snapshot date, then one "
		    "row per date for the region (la_code ALL, in bold).");
	fb_doc_note(d, FB_NOTE_DEFINE, "region rows", "A region row (%s) adds up the counts of "
		    "every LA on that date, then divides: it is never an average of the LAs' "
		    "percentages, so every bed weighs the same.", region_name);
	fb_doc_note(d, FB_NOTE_DEFINE, "counts", "Numbers of beds. approved = filled + vacant "
		    "+ unavailable; approved = mainstream_approved + respite_emergency.");
	fb_doc_define_incl(d, "beds", "Ofsted's \"proportion of places filled\"");
	fb_doc_define_excl(d, "beds");
	fb_doc_note(d, FB_NOTE_DEFINE, "vacant_pct", "Vacant beds as a share of all approved "
		    "beds.");
	fb_doc_note(d, FB_NOTE_DEFINE, "unavailable_pct", "Unavailable (not available) beds as "
		    "a share of all approved beds.");
	if (breakdown)
		fb_doc_note(d, FB_NOTE_DEFINE, "Reasons", "Unavailable beds by unavailable_reason "
			    "and vacant beds by vacancy_reason, mainstream and respite/emergency "
			    "beds apart; share_pct is the reason's share of the beds of that status "
			    "in that group; not_recorded counts vacant beds given no reason; "
			    "not_recognised counts beds whose reason is not one of the standard's "
			    "codes (the values are in the findings).");
	fb_doc_note(d, FB_NOTE_DEFINE, "rejected rows", "Rows with errors are left out of every "
		    "figure; the Findings sheet says which and why.");
	fb_doc_run_tables(d, run);
}
