/*
 * doc-trend.c: trend as a document: each snapshot's figures and the change
 * since the same LA's (or the region's) previous one.
 *
 * The rates are figures.c's (fb_rates_compute) and the changes trend.c's:
 * nothing is worked out again here, only given its kind.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>

#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"
#include "fosterbeds/tally.h"
#include "fosterbeds/trend.h"

/* The brief headings are the text table's; the pooled rows' LAs are listed after it. */
static const struct fb_column columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	/* The pooled rows' name may be --region-name's. */
	{ .name = "la_name", .title = "LA name", .brief = "Name", .kind = FB_CK_INPUT },
	{ .name = "snapshot_date", .brief = "Date", .kind = FB_CK_DATE },
	{ .name = "approved", .brief = "Approved", .kind = FB_CK_COUNT },
	{ .name = "filled", .kind = FB_CK_COUNT },
	{ .name = "utilisation_incl_pct", .title = "Utilisation incl. respite (%)",
	  .brief = "Util incl%", .kind = FB_CK_RATE },
	{ .name = "utilisation_excl_pct", .title = "Utilisation excl. respite (%)",
	  .brief = "Util excl%", .kind = FB_CK_RATE },
	{ .name = "vacant_pct", .brief = "Vacant%", .kind = FB_CK_RATE },
	{ .name = "unavailable_pct", .brief = "Unavail%", .kind = FB_CK_RATE },
	{ .name = "utilisation_incl_pp_change", .title = "Utilisation incl. respite, change (pp)",
	  .brief = "Incl pp", .kind = FB_CK_PP },
	{ .name = "utilisation_excl_pp_change", .title = "Utilisation excl. respite, change (pp)",
	  .brief = "Excl pp", .kind = FB_CK_PP },
	{ .name = "vacant_pp_change", .brief = "Vac pp", .kind = FB_CK_PP },
	{ .name = "previous_snapshot_date", .brief = "Since", .kind = FB_CK_DATE },
	{ .name = "las_pooled", .title = "LAs pooled", .kind = FB_CK_COUNT },
	{ .name = "pooled_la_codes", .title = "Pooled LA codes", .kind = FB_CK_CODES },
	{ .name = "change_note", .kind = FB_CK_TEXT },
	/* change_note as a flag, for programs (spec/trend.md). */
	{ .name = "pools_different_las", .kind = FB_CK_FLAG, .flags = FB_COL_JSON_ONLY },
};

enum { C_CODE, C_NAME, C_DATE, C_APPROVED, C_FILLED, C_INCL, C_EXCL, C_VACANT, C_UNAVAILABLE,
       C_INCL_CHANGE, C_EXCL_CHANGE, C_VACANT_CHANGE, C_PREV, C_NLA, C_LAS, C_NOTE, C_CHANGED,
       C_COUNT };

_Static_assert(sizeof(columns) / sizeof(columns[0]) == C_COUNT, "a column per index");

static void
row(struct fb_doc *d, struct fb_table *t, const char *region, const struct fb_trend_row *tr)
{
	const struct fb_tally_row *now = tr->now;
	int pooled = now->la_code == FB_LA_ALL;
	struct fb_cell *c = fb_table_row(t, pooled);
	struct fb_rates r;
	char buf[8];

	if (pooled) {
		/* Every English LA's code fits (4 bytes each); las_pooled says how many. */
		char *codes = fb_doc_strdup_size(d, 4 * tr->nlas + 1);
		size_t n = 0;

		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, "ALL");
		fb_cell_text(d, &c[C_NAME], FB_CK_INPUT, region);
		fb_cell_number(&c[C_NLA], FB_CK_COUNT, (long)tr->nlas);
		for (size_t k = 0; k < tr->nlas; k++)
			n += (size_t)snprintf(codes + n, 4 * tr->nlas + 1 - n, "%s%03d",
					      k ? " " : "", tr->las[k]);
		c[C_LAS] = (struct fb_cell){ .kind = FB_CK_CODES, .s = codes };
		if (tr->las_changed)
			fb_cell_text(d, &c[C_NOTE], FB_CK_TEXT,
				     "pools different LAs from the previous snapshot");
		fb_cell_number(&c[C_CHANGED], FB_CK_FLAG, tr->las_changed);
	} else {
		const struct fb_la *la = fb_la_by_code(now->la_code);

		snprintf(buf, sizeof(buf), "%03d", now->la_code);
		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, buf);
		fb_cell_text(d, &c[C_NAME], FB_CK_TEXT, la ? la->name : "");
	}
	fb_rates_compute(&r, &now->counts);
	fb_cell_number(&c[C_DATE], FB_CK_DATE, now->date);
	fb_cell_number(&c[C_APPROVED], FB_CK_COUNT, now->counts.approved);
	fb_cell_number(&c[C_FILLED], FB_CK_COUNT, now->counts.filled);
	fb_cell_number(&c[C_INCL], FB_CK_RATE, r.utilisation_incl);
	fb_cell_number(&c[C_EXCL], FB_CK_RATE, r.utilisation_excl);
	fb_cell_number(&c[C_VACANT], FB_CK_RATE, r.vacant);
	fb_cell_number(&c[C_UNAVAILABLE], FB_CK_RATE, r.unavailable);
	fb_cell_number(&c[C_INCL_CHANGE], FB_CK_PP, fb_trend_change_incl(tr));
	fb_cell_number(&c[C_EXCL_CHANGE], FB_CK_PP, fb_trend_change_excl(tr));
	fb_cell_number(&c[C_VACANT_CHANGE], FB_CK_PP, fb_trend_change_vacant(tr));
	if (tr->prev)
		fb_cell_number(&c[C_PREV], FB_CK_DATE, tr->prev->date);
}

/*
 * Which LAs a region row pools, in words after the table (text), since the
 * list is too long for a column.
 */
static void
pooled_note(struct fb_doc *d, const struct fb_table *t, size_t r)
{
	char date[FB_DOC_CELL_BUF];
	const struct fb_cell *n = fb_table_cell(t, r, C_NLA);

	fb_doc_note(d, FB_NOTE_AFTER, NULL, "ALL %s pools %ld LA%s: %s%s",
		    fb_cell_format(fb_table_cell(t, r, C_DATE), date), n->n, n->n == 1 ? "" : "s",
		    fb_table_cell(t, r, C_LAS)->s,
		    fb_table_cell(t, r, C_CHANGED)->n ? " (not the same LAs as the previous "
		    "snapshot: its change mixes who is counted with how full beds are)" : "");
}

void
fb_doc_trend(struct fb_doc *d, const struct fb_run *run, const struct fb_trend *tr,
	     const char *region_name)
{
	struct fb_table *t;

	fb_doc_init(d, "trend", run);
	fb_doc_set_title(d, "Foster-bed utilisation over time", region_name);
	fb_doc_note(d, FB_NOTE_DATA, "region_name", "%s", region_name);
	fb_doc_note(d, FB_NOTE_DATA, "changes", "percentage points since the same LA's (or "
		    "the region's) previous snapshot, from unrounded rates; null on a first "
		    "snapshot");
	fb_doc_note(d, FB_NOTE_INTRO, NULL, "pp = change in percentage points since the same "
		    "LA's previous snapshot (the date under Since).");
	t = fb_doc_table(d, "Trend", columns, C_COUNT, "(no usable rows)");
	for (size_t i = 0; i < tr->n; i++)
		row(d, t, region_name, &tr->t[i]);
	for (size_t r = 0; r < t->nrows; r++)
		if (t->pooled[r])
			pooled_note(d, t, r);
	fb_doc_define_incl(d, "beds", NULL);
	fb_doc_define_excl(d, "beds");
	fb_doc_note(d, FB_NOTE_DEFINE, "utilisation_incl_pp_change", "The change in "
		    "percentage points since the row's previous snapshot (previous_snapshot_date), "
		    "from the unrounded rates; blank on a first snapshot.");
	fb_doc_note(d, FB_NOTE_DEFINE, "pooled_la_codes", "On a region row: the LAs it adds "
		    "up. A change between region rows that pool different LAs mixes who is "
		    "counted with how full beds are (change_note says so).");
	fb_doc_run_tables(d, run);
}
