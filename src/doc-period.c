/*
 * doc-period.c: report --period as a document: bed-nights per LA and pooled.
 *
 * The one place the period's utilisation is worked out from its bed-nights.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>

#include "fosterbeds/date.h"
#include "fosterbeds/episodes.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"
#include "fosterbeds/tally.h"

static const struct fb_column columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	/* The pooled row's name may be --region-name's. */
	{ .name = "la_name", .title = "LA name", .brief = "Name", .kind = FB_CK_INPUT },
	{ .name = "period_start", .kind = FB_CK_DATE },
	{ .name = "period_end", .kind = FB_CK_DATE },
	{ .name = "approved_bed_nights", .brief = "Approved", .kind = FB_CK_COUNT },
	{ .name = "filled_bed_nights", .brief = "Filled", .kind = FB_CK_COUNT },
	{ .name = "vacant_bed_nights", .brief = "Vacant", .kind = FB_CK_COUNT },
	{ .name = "unavailable_bed_nights", .brief = "Unavail", .kind = FB_CK_COUNT },
	{ .name = "mainstream_approved_bed_nights", .brief = "MS appr", .kind = FB_CK_COUNT },
	{ .name = "mainstream_filled_bed_nights", .brief = "MS fill", .kind = FB_CK_COUNT },
	{ .name = "utilisation_incl_pct", .title = "Utilisation incl. respite (%)",
	  .brief = "Util incl%", .kind = FB_CK_RATE },
	{ .name = "utilisation_excl_pct", .title = "Utilisation excl. respite (%)",
	  .brief = "Util excl%", .kind = FB_CK_RATE },
	{ .name = "las_pooled", .title = "LAs pooled", .kind = FB_CK_COUNT },
};

enum { C_CODE, C_NAME, C_FROM, C_TO, C_APPROVED, C_FILLED, C_VACANT, C_UNAVAILABLE,
       C_MS_APPROVED, C_MS_FILLED, C_INCL, C_EXCL, C_NLA, C_COUNT };

_Static_assert(sizeof(columns) / sizeof(columns[0]) == C_COUNT, "a column per index");

static void
row(struct fb_doc *d, struct fb_table *t, const struct fb_period *period, const char *region,
    const struct fb_nights_row *r)
{
	int pooled = r->la_code == FB_LA_ALL;
	struct fb_cell *c = fb_table_row(t, pooled);
	const struct fb_nights *n = &r->n;
	char code[8];

	if (pooled) {
		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, "ALL");
		fb_cell_text(d, &c[C_NAME], FB_CK_INPUT, region);
		fb_cell_number(&c[C_NLA], FB_CK_COUNT, r->nla);
	} else {
		const struct fb_la *la = fb_la_by_code(r->la_code);

		snprintf(code, sizeof(code), "%03d", r->la_code);
		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, code);
		fb_cell_text(d, &c[C_NAME], FB_CK_TEXT, la ? la->name : "");
	}
	fb_cell_number(&c[C_FROM], FB_CK_DATE, period->from);
	fb_cell_number(&c[C_TO], FB_CK_DATE, period->to);
	fb_cell_number(&c[C_APPROVED], FB_CK_COUNT, n->approved);
	fb_cell_number(&c[C_FILLED], FB_CK_COUNT, n->filled);
	fb_cell_number(&c[C_VACANT], FB_CK_COUNT, n->vacant);
	fb_cell_number(&c[C_UNAVAILABLE], FB_CK_COUNT, n->unavailable);
	fb_cell_number(&c[C_MS_APPROVED], FB_CK_COUNT, n->ms_approved);
	fb_cell_number(&c[C_MS_FILLED], FB_CK_COUNT, n->ms_filled);
	fb_cell_number(&c[C_INCL], FB_CK_RATE, fb_pct_tenths(n->filled, n->approved));
	fb_cell_number(&c[C_EXCL], FB_CK_RATE, fb_pct_tenths(n->ms_filled, n->ms_approved));
}

void
fb_doc_period(struct fb_doc *d, const struct fb_run *run, const struct fb_period *period,
	      const char *region_name, const struct fb_nights_row *rows, size_t nrows)
{
	char from[FB_DATE_LEN + 1], to[FB_DATE_LEN + 1], title[128];
	struct fb_table *t;

	fb_doc_init(d, "report --period", run);
	fb_date_format(period->from, from);
	fb_date_format(period->to, to);
	snprintf(title, sizeof(title), "Foster-bed utilisation in bed-nights, %s to %s", from, to);
	fb_doc_set_title(d, title, region_name);
	fb_doc_note(d, FB_NOTE_DATA, "region_name", "%s", region_name);
	fb_doc_note(d, FB_NOTE_INTRO, "bed_nights", "Each date counts one night for each bed "
		    "whose episode covers it; the ALL row sums the LAs' bed-nights, then "
		    "divides.");
	t = fb_doc_table(d, "Summary", columns, C_COUNT, "(no bed-nights in the period)");
	for (size_t i = 0; i < nrows; i++)
		row(d, t, period, region_name, &rows[i]);
	if (run)
		fb_doc_note_totals(d, "Episodes");
	fb_doc_note_ms(d);
	fb_doc_note(d, FB_NOTE_DEFINE, "approved_bed_nights", "Nights a bed was approved in "
		    "the period: approved = filled + vacant + unavailable.");
	/* Not fb_doc_define_incl(): this one has no "all", and its output is a contract. */
	fb_doc_note(d, FB_NOTE_DEFINE, "utilisation_incl_pct", "Filled bed-nights as a share "
		    "of approved bed-nights, respite and emergency beds included.");
	fb_doc_define_excl(d, "bed-nights");
	fb_doc_note(d, FB_NOTE_DEFINE, "las_pooled", "On the region's row (la_code ALL): how "
		    "many LAs its bed-nights add up.");
	fb_doc_run_tables(d, run);
}
