/*
 * doc-costs.c: costs as a document: the placement cost benchmark
 * (spec/placement-costs.md), a row per LA, type and date, then the region
 * rows of each type.
 *
 * Every figure is costs.c's, already rounded once; here each only gets its
 * cell kind.
 */
#include "fosterbeds/doc.h"

#include <stdio.h>

#include "fosterbeds/costs.h"
#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"

/* The CSV columns, in its order; the brief headings are the text table's. */
static const struct fb_column columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	{ .name = "la_name", .title = "LA name", .brief = "Name", .kind = FB_CK_INPUT },
	{ .name = "placement_type", .brief = "Type", .kind = FB_CK_CODE },
	{ .name = "date", .brief = "Date", .kind = FB_CK_DATE },
	{ .name = "placements", .brief = "Placed", .kind = FB_CK_COUNT },
	{ .name = "average_weekly_cost", .title = "Average weekly cost (£)",
	  .brief = "Average £/wk", .kind = FB_CK_MONEY },
	{ .name = "weighted_weekly_cost", .title = "Placement-weighted weekly cost (£)",
	  .brief = "Weighted £/wk", .kind = FB_CK_MONEY },
	{ .name = "additional_support_weekly_cost",
	  .title = "Additional support weekly cost (£)", .brief = "Support £/wk",
	  .kind = FB_CK_MONEY },
	{ .name = "change_pct", .title = "Change since previous (%)", .brief = "Change%",
	  .kind = FB_CK_HUNDREDTHS },
	{ .name = "months_since_previous", .title = "Months since previous", .brief = "Months",
	  .kind = FB_CK_HUNDREDTHS },
	{ .name = "annualised_change_pct", .title = "Annualised change, linear (%)",
	  .brief = "Annual%", .kind = FB_CK_RATE },
	{ .name = "largest_change_pct", .title = "Largest LA change (%)", .brief = "Largest%",
	  .kind = FB_CK_HUNDREDTHS },
	{ .name = "largest_change_la", .title = "LA with the largest change", .brief = "By",
	  .kind = FB_CK_CODE },
};

enum { C_CODE, C_NAME, C_TYPE, C_DATE, C_PLACED, C_AVERAGE, C_WEIGHTED, C_SUPPORT, C_CHANGE,
       C_MONTHS, C_ANNUAL, C_LARGEST, C_LARGEST_LA, C_COUNT };

_Static_assert(sizeof(columns) / sizeof(columns[0]) == C_COUNT, "a column per index");

/* costs --beds: what a filled bed is worth, an upper bound. */
static const struct fb_column bed_columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	{ .name = "la_name", .title = "LA name", .brief = "Name", .kind = FB_CK_INPUT },
	{ .name = "cost_date", .brief = "Costs at", .kind = FB_CK_DATE },
	{ .name = "residential_weekly_cost", .title = "Residential weekly cost (£)",
	  .brief = "Resid £/wk", .kind = FB_CK_MONEY },
	{ .name = "in_house_fostering_weekly_cost",
	  .title = "In-house fostering weekly cost (£)", .brief = "In-house £/wk",
	  .kind = FB_CK_MONEY },
	{ .name = "weekly_cost_gap", .title = "Weekly cost gap (£)", .brief = "Gap £/wk",
	  .kind = FB_CK_MONEY },
	{ .name = "snapshot_date", .brief = "Beds at", .kind = FB_CK_DATE },
	{ .name = "vacant_mainstream_beds", .brief = "Vacant", .kind = FB_CK_COUNT },
	{ .name = "upper_bound_weekly_difference",
	  .title = "Weekly cost difference if every vacant mainstream bed took a child from "
		   "residential (£, upper bound)", .brief = "Upper bound £/wk",
	  .kind = FB_CK_MONEY },
	{ .name = "note", .brief = "Note", .kind = FB_CK_TEXT },
};

enum { B_CODE, B_NAME, B_COST_DATE, B_RESID, B_IN_HOUSE, B_GAP, B_SNAPSHOT, B_VACANT, B_BOUND,
       B_NOTE, B_COUNT };

_Static_assert(sizeof(bed_columns) / sizeof(bed_columns[0]) == B_COUNT, "a column per index");

static void
money(struct fb_cell *c, long long pence)
{
	if (pence != FB_MONEY_NONE)
		fb_cell_number(c, FB_CK_MONEY, (long)pence);
}

static void
figure(struct fb_cell *c, enum fb_cell_kind kind, long n)
{
	if (n != FB_COST_NO_FIGURE)
		fb_cell_number(c, kind, n);
}

static void
row(struct fb_doc *d, struct fb_table *t, const char *region, const struct fb_cost_row *r)
{
	int pooled = r->la_code == FB_LA_ALL;
	struct fb_cell *c = fb_table_row(t, pooled);
	char buf[12];

	if (pooled) {
		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, "ALL");
		fb_cell_text(d, &c[C_NAME], FB_CK_INPUT, region);
	} else {
		const struct fb_la *la = fb_la_by_code(r->la_code);

		snprintf(buf, sizeof(buf), "%03d", r->la_code);
		fb_cell_text(d, &c[C_CODE], FB_CK_CODE, buf);
		fb_cell_text(d, &c[C_NAME], FB_CK_TEXT, la ? la->name : "");
	}
	fb_cell_text(d, &c[C_TYPE], FB_CK_CODE,
		     fb_cost_fields[FB_CF_PLACEMENT_TYPE].codes[r->type].name);
	fb_cell_number(&c[C_DATE], FB_CK_DATE, r->date);
	if (r->placements >= 0)
		fb_cell_number(&c[C_PLACED], FB_CK_COUNT, r->placements);
	money(&c[C_AVERAGE], r->average);
	money(&c[C_WEIGHTED], r->weighted);
	money(&c[C_SUPPORT], r->support);
	figure(&c[C_CHANGE], FB_CK_HUNDREDTHS, r->change);
	figure(&c[C_MONTHS], FB_CK_HUNDREDTHS, r->months);
	figure(&c[C_ANNUAL], FB_CK_RATE, r->annualised);
	figure(&c[C_LARGEST], FB_CK_HUNDREDTHS, r->largest);
	if (pooled && r->largest_la >= 0 && r->largest != FB_COST_NO_FIGURE) {
		snprintf(buf, sizeof(buf), "%03d", r->largest_la);
		fb_cell_text(d, &c[C_LARGEST_LA], FB_CK_CODE, buf);
	}
}

static void
bed_rows(struct fb_doc *d, const char *region, const struct fb_bed_value *bv)
{
	struct fb_table *t = fb_doc_table(d, "What a filled bed is worth", bed_columns, B_COUNT,
					  "No LA.");

	t->key = "bed_value";
	t->intro = "Weekly cost difference if every vacant mainstream bed took a child from "
		   "residential: an UPPER BOUND that assumes every such child could be matched "
		   "(the region's step-across work shows the real figure is much lower).";
	for (size_t i = 0; i < bv->n; i++) {
		const struct fb_bed_value_row *r = &bv->rows[i];
		int pooled = r->la_code == FB_LA_ALL;
		struct fb_cell *c = fb_table_row(t, pooled);
		char buf[12];

		if (pooled) {
			fb_cell_text(d, &c[B_CODE], FB_CK_CODE, "ALL");
			fb_cell_text(d, &c[B_NAME], FB_CK_INPUT, region);
		} else {
			const struct fb_la *la = fb_la_by_code(r->la_code);

			snprintf(buf, sizeof(buf), "%03d", r->la_code);
			fb_cell_text(d, &c[B_CODE], FB_CK_CODE, buf);
			fb_cell_text(d, &c[B_NAME], FB_CK_TEXT, la ? la->name : "");
		}
		if (r->cost_date != FB_NO_DATE)
			fb_cell_number(&c[B_COST_DATE], FB_CK_DATE, r->cost_date);
		money(&c[B_RESID], r->residential);
		money(&c[B_IN_HOUSE], r->in_house);
		money(&c[B_GAP], r->gap);
		if (r->snapshot != FB_NO_DATE)
			fb_cell_number(&c[B_SNAPSHOT], FB_CK_DATE, r->snapshot);
		if (r->vacant >= 0)
			fb_cell_number(&c[B_VACANT], FB_CK_COUNT, r->vacant);
		money(&c[B_BOUND], r->bound);
		if (r->note)
			fb_cell_text(d, &c[B_NOTE], FB_CK_TEXT, r->note);
		else if (pooled) {
			char note[96];

			snprintf(note, sizeof(note), "the sum over the %zu LA%s with both costs "
				 "and bed records", r->nlas, r->nlas == 1 ? "" : "s");
			fb_cell_text(d, &c[B_NOTE], FB_CK_TEXT, note);
		}
	}
}

void
fb_doc_costs(struct fb_doc *d, const struct fb_run *run, const struct fb_cost_table *ct,
	     const struct fb_bed_value *bv, const char *region_name)
{
	struct fb_table *t;

	fb_doc_init(d, "costs", run);
	fb_doc_set_title(d, "Placement cost benchmark: average weekly cost by LA and "
			 "placement type", region_name);
	t = fb_doc_table(d, "Costs", columns, C_COUNT, "No cost rows.");
	for (size_t i = 0; i < ct->n; i++)
		row(d, t, region_name, &ct->rows[i]);
	if (bv)
		bed_rows(d, region_name, bv);

	/* Which LAs each region row pools, and who was left out. */
	for (size_t i = 0; i < ct->n; i++) {
		const struct fb_cost_row *r = &ct->rows[i];
		char date[FB_DATE_LEN + 1], list[1000 * 4 + 1];
		size_t n = 0;

		if (r->la_code != FB_LA_ALL || r->nleft == 0)
			continue;
		for (size_t k = 0; k < r->nleft && n + 5 < sizeof(list); k++)
			n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%03d", k ? ", " : "",
					      r->left[k]);
		fb_date_format(r->date, date);
		fb_doc_note(d, FB_NOTE_AFTER, NULL, "The %s region row at %s pools %zu LA%s: "
			    "those with a cost at both this date and the previous one; left out: "
			    "%s (FB047).",
			    fb_cost_fields[FB_CF_PLACEMENT_TYPE].codes[r->type].name, date,
			    r->nlas, r->nlas == 1 ? "" : "s", list);
	}
	fb_doc_note(d, FB_NOTE_AFTER, "method",
		    "Region rows: average_weekly_cost is the mean of the pooled LAs' averages "
		    "(each LA counts once); weighted_weekly_cost weights them by placements "
		    "and is empty unless every pooled LA gives placements. change_pct compares "
		    "the same LAs at both dates. annualised_change_pct = change_pct x 12 / "
		    "months_since_previous (linear, not compounded), worked from the unrounded "
		    "change and months, so it can differ from one worked from the rounded "
		    "figures shown (6.53%% over 4 months is 19.6%%, not 19.5%%); it is empty "
		    "when the previous date is 12 or more months back. Every figure is worked "
		    "in whole pence and rounded once, an exact half away from zero.");
	fb_doc_note(d, FB_NOTE_DEFINE, "change_pct", "%s", "100 x (cost - previous cost) / previous cost, "
		      "previous being the same LA's (or the same pooled LAs') cost for the same "
		      "placement type at the previous date");
	fb_doc_note(d, FB_NOTE_DEFINE, "months_since_previous", "%s", "whole calendar months when both dates "
		      "fall on the same day of the month, else days / (365.25 / 12)");
}
