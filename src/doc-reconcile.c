/*
 * doc-reconcile.c: reconcile as a document: the bed records against the
 * return, per LA and for the region, with the bridge and the drivers.
 *
 * The one place the submitted percentages and the differences in points
 * are worked out, and the bridge laid out in long form: the writers and the
 * page only show them.
 */
#include "fosterbeds/doc.h"
#include "fosterbeds/doc-reconcile.h"

#include <stdio.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/standard.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"

static const struct fb_column columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	/* The region row's name may be --region-name's. */
	{ .name = "la_name", .title = "LA name", .brief = "Name", .kind = FB_CK_INPUT },
	{ .name = "submitted_approved", .brief = "Sub appr", .kind = FB_CK_COUNT },
	{ .name = "submitted_filled", .kind = FB_CK_COUNT },
	{ .name = "submitted_vacant", .kind = FB_CK_COUNT },
	{ .name = "submitted_unavailable", .kind = FB_CK_COUNT },
	{ .name = "submitted_filled_pct", .title = "Submitted filled (%)", .brief = "Sub fill%",
	  .kind = FB_CK_RATE },
	{ .name = "submitted_vacant_pct", .title = "Submitted vacant (%)", .brief = "Sub vac%",
	  .kind = FB_CK_RATE },
	{ .name = "submitted_unavailable_pct", .title = "Submitted unavailable (%)",
	  .brief = "Sub unav%", .kind = FB_CK_RATE },
	{ .name = "approved", .brief = "Approved", .kind = FB_CK_COUNT },
	{ .name = "filled", .kind = FB_CK_COUNT },
	{ .name = "vacant", .kind = FB_CK_COUNT },
	{ .name = "unavailable", .kind = FB_CK_COUNT },
	{ .name = "utilisation_incl_pct", .title = "Utilisation incl. respite (%)",
	  .brief = "Fill%", .kind = FB_CK_RATE },
	{ .name = "utilisation_excl_pct", .title = "Utilisation excl. respite (%)",
	  .brief = "Excl%", .kind = FB_CK_RATE },
	{ .name = "vacant_pct", .title = "Vacant (%)", .brief = "Vac%", .kind = FB_CK_RATE },
	{ .name = "unavailable_pct", .title = "Unavailable (%)", .brief = "Unav%",
	  .kind = FB_CK_RATE },
	{ .name = "filled_pp_diff", .title = "Filled, difference (pp)", .brief = "Fill pp",
	  .kind = FB_CK_PP },
	{ .name = "vacant_pp_diff", .title = "Vacant, difference (pp)", .brief = "Vac pp",
	  .kind = FB_CK_PP },
	{ .name = "unavailable_pp_diff", .title = "Unavailable, difference (pp)",
	  .brief = "Unav pp", .kind = FB_CK_PP },
	{ .name = "snapshot_date", .brief = "Date", .kind = FB_CK_DATE },
	{ .name = "return_date", .kind = FB_CK_DATE },
	{ .name = "date_source", .kind = FB_CK_TEXT },
	{ .name = "las_pooled", .title = "LAs pooled", .kind = FB_CK_COUNT },
	{ .name = "mainstream_approved", .kind = FB_CK_COUNT, .flags = FB_COL_PAGE_ONLY },
	{ .name = "mainstream_filled", .kind = FB_CK_COUNT, .flags = FB_COL_PAGE_ONLY },
};

_Static_assert(sizeof(columns) / sizeof(columns[0]) == FB_RN_COUNT, "a column per index");

/* The bridge in long form: what `reconcile --format csv --bridge` has always written. */
static const struct fb_column bridge_columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	{ .name = "ofsted_status", .title = "Ofsted status", .brief = "Counted in the return as",
	  .kind = FB_CK_TEXT },
	{ .name = "category", .title = "Category", .brief = "category", .kind = FB_CK_TEXT },
	{ .name = "beds", .title = "Beds", .brief = "beds", .kind = FB_CK_COUNT },
};

_Static_assert(sizeof(bridge_columns) / sizeof(bridge_columns[0]) == FB_RB_COUNT,
	       "a column per index");

static const struct fb_column driver_columns[] = {
	{ .name = "la_code", .title = "LA code", .brief = "LA", .kind = FB_CK_CODE },
	{ .name = "beds", .kind = FB_CK_COUNT },
	{ .name = "text", .title = "Driver", .brief = "Main drivers, largest first",
	  .kind = FB_CK_TEXT },
};

_Static_assert(sizeof(driver_columns) / sizeof(driver_columns[0]) == FB_RDV_COUNT,
	       "a column per index");

/* How many drivers each row gets, largest first. */
#define DRIVERS 12

static const char *const bucket_name[FB_UA_COUNT] = { "filled", "vacant", "unavailable" };

/* A bridge row's label: the ofsted_status code, or "none" for records without one. */
static const char *
status_name(int ofsted_status)
{
	if (ofsted_status == FB_OS_BLANK)
		return "none";
	return fb_fields[FB_F_OFSTED_STATUS].codes[ofsted_status].name;
}

static void
code_cell(struct fb_doc *d, struct fb_cell *c, int la_code)
{
	char code[8];

	if (la_code == FB_LA_ALL) {
		fb_cell_text(d, c, FB_CK_CODE, "ALL");
		return;
	}
	snprintf(code, sizeof(code), "%03d", la_code);
	fb_cell_text(d, c, FB_CK_CODE, code);
}

/* A count that may be missing from the return: empty, never -1. */
static void
count_cell(struct fb_cell *c, long n)
{
	if (n != FB_MISSING)
		fb_cell_number(c, FB_CK_COUNT, n);
}

/* A share of two submitted counts, either of which may be missing. */
static long
sub_pct(long num, long den)
{
	return num == FB_MISSING || den == FB_MISSING ? FB_PCT_NONE : fb_pct_tenths(num, den);
}

/* Standardised minus submitted, in tenths of a point, from the unrounded fractions. */
static long
diff(const struct fb_recon_row *r, long std_num, long sub_num)
{
	if (!r->has_records || !r->has_return || sub_num == FB_MISSING ||
	    r->sub.approved == FB_MISSING)
		return FB_PCT_NONE;
	return fb_pp_diff_tenths(std_num, r->std.approved, sub_num, r->sub.approved);
}

static void
row(struct fb_doc *d, struct fb_table *t, const char *region, const struct fb_recon_row *r)
{
	int pooled = r->la_code == FB_LA_ALL;
	struct fb_cell *c = fb_table_row(t, pooled);
	const struct fb_submitted *s = &r->sub;
	const struct fb_counts *n = &r->std;
	struct fb_rates rt;

	code_cell(d, &c[FB_RN_LA_CODE], r->la_code);
	if (pooled) {
		fb_cell_text(d, &c[FB_RN_LA_NAME], FB_CK_INPUT, region);
		fb_cell_number(&c[FB_RN_NLA], FB_CK_COUNT, r->nla);
		/* Pooling no LA (each on one side only, or at another date), it has no figures. */
		if (r->nla == 0)
			return;
		fb_cell_text(d, &c[FB_RN_DATE_SOURCE], FB_CK_TEXT,
			     r->date == FB_NO_DATE ? "mixed" : "");
	} else {
		const struct fb_la *la = fb_la_by_code(r->la_code);

		fb_cell_text(d, &c[FB_RN_LA_NAME], FB_CK_TEXT, la ? la->name : "");
		if (r->has_records)
			fb_cell_text(d, &c[FB_RN_DATE_SOURCE], FB_CK_TEXT,
				     r->date_source == FB_RD_OPTION ? "records_date"
				     : r->date_source == FB_RD_RETURN ? "return" : "latest");
	}
	if (r->date != FB_NO_DATE)
		fb_cell_number(&c[FB_RN_DATE], FB_CK_DATE, r->date);
	if (r->has_return && r->return_date != FB_NO_DATE)
		fb_cell_number(&c[FB_RN_RETURN_DATE], FB_CK_DATE, r->return_date);
	if (r->has_return) {
		count_cell(&c[FB_RN_S_APPROVED], s->approved);
		count_cell(&c[FB_RN_S_FILLED], s->filled);
		count_cell(&c[FB_RN_S_VACANT], s->vacant);
		count_cell(&c[FB_RN_S_UNAVAILABLE], s->unavailable);
		fb_cell_number(&c[FB_RN_S_FILLED_PCT], FB_CK_RATE, sub_pct(s->filled, s->approved));
		fb_cell_number(&c[FB_RN_S_VACANT_PCT], FB_CK_RATE, sub_pct(s->vacant, s->approved));
		fb_cell_number(&c[FB_RN_S_UNAVAILABLE_PCT], FB_CK_RATE,
			       sub_pct(s->unavailable, s->approved));
	}
	if (r->has_records) {
		fb_rates_compute(&rt, n);
		fb_cell_number(&c[FB_RN_APPROVED], FB_CK_COUNT, n->approved);
		fb_cell_number(&c[FB_RN_FILLED], FB_CK_COUNT, n->filled);
		fb_cell_number(&c[FB_RN_VACANT], FB_CK_COUNT, n->vacant);
		fb_cell_number(&c[FB_RN_UNAVAILABLE], FB_CK_COUNT, n->unavailable);
		fb_cell_number(&c[FB_RN_UTIL_INCL], FB_CK_RATE, rt.utilisation_incl);
		fb_cell_number(&c[FB_RN_UTIL_EXCL], FB_CK_RATE, rt.utilisation_excl);
		fb_cell_number(&c[FB_RN_VACANT_PCT], FB_CK_RATE, rt.vacant);
		fb_cell_number(&c[FB_RN_UNAVAILABLE_PCT], FB_CK_RATE, rt.unavailable);
		fb_cell_number(&c[FB_RN_MS_APPROVED], FB_CK_COUNT, n->ms_approved);
		fb_cell_number(&c[FB_RN_MS_FILLED], FB_CK_COUNT, n->ms_filled);
	}
	fb_cell_number(&c[FB_RN_FILLED_DIFF], FB_CK_PP, diff(r, n->filled, s->filled));
	fb_cell_number(&c[FB_RN_VACANT_DIFF], FB_CK_PP, diff(r, n->vacant, s->vacant));
	fb_cell_number(&c[FB_RN_UNAVAILABLE_DIFF], FB_CK_PP,
		       diff(r, n->unavailable, s->unavailable));
}

/* Whether a row gets a bridge and drivers: both sides, of one date. */
static int
explained(const struct fb_recon_row *r)
{
	return r->has_records && r->has_return && !r->cross_dated;
}

static void
bridge_line(struct fb_doc *d, struct fb_table *t, const struct fb_recon_row *r,
	    const char *status, const char *category, long beds)
{
	struct fb_cell *c = fb_table_row(t, r->la_code == FB_LA_ALL);

	code_cell(d, &c[FB_RB_LA_CODE], r->la_code);
	fb_cell_text(d, &c[FB_RB_STATUS], FB_CK_TEXT, status);
	fb_cell_text(d, &c[FB_RB_CATEGORY], FB_CK_TEXT, category);
	fb_cell_number(&c[FB_RB_BEDS], FB_CK_COUNT, beds);
}

/*
 * The 16 cells of the table (ofsted_status by category) always, the none
 * row's 4 when some records have no ofsted_status, then the places of each
 * bucket that no bed record accounts for (category no_record).
 */
static void
bridge(struct fb_doc *d, struct fb_table *t, const struct fb_recon_row *r)
{
	for (int o = 0; o <= FB_OS_COUNT; o++) {
		long any = 0;

		for (int c = 0; c < FB_CAT_COUNT; c++)
			any += fb_recon_bridge(r, o, (enum fb_category)c);
		if (o == FB_OS_BLANK && !any)
			continue;
		for (int c = 0; c < FB_CAT_COUNT; c++)
			bridge_line(d, t, r, status_name(o), fb_categories[c].name,
				    fb_recon_bridge(r, o, (enum fb_category)c));
	}
	for (int b = 0; b < FB_UA_COUNT; b++)
		bridge_line(d, t, r, bucket_name[b], "no_record",
			    fb_recon_unaccounted(r, (enum fb_unaccounted)b));
}

static void
drivers(struct fb_doc *d, struct fb_table *t, const struct fb_recon_row *r)
{
	struct fb_driver dr[DRIVERS];
	size_t n = fb_recon_drivers(r, dr, DRIVERS);

	for (size_t i = 0; i < n; i++) {
		struct fb_cell *c = fb_table_row(t, r->la_code == FB_LA_ALL);

		code_cell(d, &c[FB_RDV_LA_CODE], r->la_code);
		fb_cell_number(&c[FB_RDV_BEDS], FB_CK_COUNT, dr[i].beds);
		fb_cell_text(d, &c[FB_RDV_TEXT], FB_CK_TEXT, dr[i].text);
	}
}

/* The note every output carries when some LA's records and return are of different dates. */
static void
dates_note(struct fb_doc *d, const struct fb_reconcile *rc)
{
	char records[FB_DATE_LEN + 1], ret[FB_DATE_LEN + 1] = "";
	int compared = 0, several = 0, first = FB_NO_DATE;

	for (size_t i = 0; i + 1 < rc->n; i++) {
		const struct fb_recon_row *r = &rc->rows[i];

		compared += r->has_records && r->has_return;
		if (!r->cross_dated)
			continue;
		several |= first != FB_NO_DATE && r->return_date != first;
		first = r->return_date;
	}
	fb_date_format(rc->records_date, records);
	if (first != FB_NO_DATE)
		fb_date_format(first, ret);
	fb_doc_note(d, FB_NOTE_AFTER, "dates_note", "The two sides are from different dates: "
		    "the bed records are of %s (--records-date) and the return counts at %s. The "
		    "differences mix change over time with counting choices, so no bridge or "
		    "drivers are drawn%s", records, several ? "several other dates" : ret,
		    compared > rc->cross_dated ? " for the LAs compared across dates." : ".");
}

/* "The ALL row pools the 2 LAs present in both ...; 1 LA ... is left out." */
static void
pooling_note(struct fb_doc *d, const struct fb_reconcile *rc)
{
	const struct fb_recon_row *region = &rc->rows[rc->n - 1];
	int other = rc->left_out - rc->mismatched;
	char one[160] = "", two[160] = "";

	if (other)
		snprintf(one, sizeof(one), "; %d LA%s on one side only or with counts missing %s "
			 "left out", other, other == 1 ? "" : "s", other == 1 ? "is" : "are");
	if (rc->mismatched)
		snprintf(two, sizeof(two), "; %d LA%s whose records lack the return's date %s "
			 "left out (FB033)", rc->mismatched, rc->mismatched == 1 ? "" : "s",
			 rc->mismatched == 1 ? "is" : "are");
	fb_doc_note(d, FB_NOTE_AFTER, NULL, "The ALL row pools the %d LA%s present in both the "
		    "records and the return%s%s.", region->nla, region->nla == 1 ? "" : "s", one,
		    two);
}

void
fb_doc_reconcile(struct fb_doc *d, const struct fb_run *run, const struct fb_submission *sub,
		 const struct fb_reconcile *rc, const char *region_name, unsigned flags)
{
	const struct fb_recon_row *region = &rc->rows[rc->n - 1];
	const char *title = rc->cross_dated
			    ? "Bed records against the Ofsted return, from different dates"
			    : "Bed records against the Ofsted return";
	const char *return_name = run && run->ninputs ? run->inputs[run->ninputs - 1].name : "";
	struct fb_table *t;

	fb_doc_init(d, flags & FB_DOC_RECON_BRIDGE ? "reconcile --bridge" : "reconcile", run);
	fb_doc_set_title(d, title, region_name);
	fb_doc_note(d, FB_NOTE_DATA, "title", "%s", title);
	fb_doc_note(d, FB_NOTE_INTRO, NULL, "Return: %s (%s%s%s)", return_name,
		    sub->published ? "Ofsted's published data" : "simple return",
		    sub->year[0] ? ", " : "", sub->year);
	fb_doc_note(d, FB_NOTE_DATA, "return_kind", "%s",
		    sub->published ? "ofsted_published" : "simple");
	if (sub->year[0])
		fb_doc_note(d, FB_NOTE_DATA, "return_year", "%s", sub->year);
	fb_doc_note(d, FB_NOTE_NUMBER, "return_missing_cells", "%ld", (long)sub->missing);
	fb_doc_note(d, FB_NOTE_DATA, "region_name", "%s", region_name);
	fb_doc_note(d, FB_NOTE_NUMBER, "region_pools", "%ld", (long)region->nla);
	fb_doc_note(d, FB_NOTE_NUMBER, "region_leaves_out", "%ld", (long)rc->left_out);
	fb_doc_note(d, FB_NOTE_NUMBER, "las_across_dates", "%ld", (long)rc->cross_dated);
	fb_doc_note(d, FB_NOTE_DATA, "pooling", "the ALL row sums the counts of the LAs present "
		    "in both the records and the return, then divides; differences are "
		    "standardised minus submitted, in percentage points, from unrounded rates");
	if (!(flags & FB_DOC_RECON_BRIDGE)) {
		fb_doc_note(d, FB_NOTE_INTRO, NULL, "Sub = as submitted; Fill%%, Vac%%, Unav%% = "
			    "standardised from the bed records (Excl%% leaves respite/emergency "
			    "beds out);");
		fb_doc_note(d, FB_NOTE_INTRO, NULL, "pp = standardised minus submitted, in "
			    "percentage points.");
		t = fb_doc_table(d, "Reconcile", columns, FB_RN_COUNT, NULL);
		for (size_t i = 0; i < rc->n; i++)
			row(d, t, region_name, &rc->rows[i]);
	}
	t = fb_doc_table(d, "Bridge", bridge_columns, FB_RB_COUNT,
			 "(no LA compared at one date: no bridge)");
	t->text = FB_TEXT_CROSSTAB;
	if (!(flags & FB_DOC_RECON_BRIDGE)) {
		/* JSON: in each row of the first table, as before. */
		t->nest = 1;
		t->member = "bridge";
	}
	for (size_t i = 0; i < rc->n; i++)
		if (explained(&rc->rows[i]))
			bridge(d, t, &rc->rows[i]);
	if (!(flags & FB_DOC_RECON_BRIDGE)) {
		t = fb_doc_table(d, "Drivers", driver_columns, FB_RDV_COUNT, "(no drivers)");
		t->nest = 1;
		t->member = "drivers";
		for (size_t i = 0; i < rc->n; i++)
			if (explained(&rc->rows[i]))
				drivers(d, t, &rc->rows[i]);
	}
	fb_doc_run_tables(d, run);
	if (!(flags & FB_DOC_RECON_BRIDGE)) {
		pooling_note(d, rc);
		if (sub->missing)
			fb_doc_note(d, FB_NOTE_AFTER, NULL, "The return has %ld suppressed or blank "
				    "cell%s, left empty.", sub->missing, sub->missing == 1 ? "" : "s");
	}
	if (rc->cross_dated)
		dates_note(d, rc);
	fb_doc_note(d, FB_NOTE_DEFINE, "bridge", "For each LA and the region compared at one "
		    "date: beds by how they were counted in the return (ofsted_status; none when "
		    "the record does not say) against their regional category; the no_record rows "
		    "are places in the return that no bed record accounts for (negative when the "
		    "records count more). LAs whose records and return are of different dates are "
		    "left out.");
	if (flags & FB_DOC_RECON_BRIDGE)
		return;
	fb_doc_note(d, FB_NOTE_DEFINE, "submitted_approved", "The counts as submitted in the "
		    "return (%s), and their percentages of submitted_approved.", sub->published
		    ? "Ofsted's published file" : "a simple return");
	fb_doc_note(d, FB_NOTE_DEFINE, "approved", "approved to unavailable_pct: standardised "
		    "from the bed records, counted as `fosterbeds report` counts them.");
	fb_doc_note(d, FB_NOTE_DEFINE, "filled_pp_diff", "Standardised minus submitted, in "
		    "percentage points, from the unrounded rates (and likewise vacant_pp_diff, "
		    "unavailable_pp_diff).");
	fb_doc_note(d, FB_NOTE_DEFINE, "text", "Drivers: why the two sides differ, in words, largest "
		    "first (at most %d a row): first what moves the filled, vacant and unavailable "
		    "differences, then the respite/emergency beds the return counted under their "
		    "own status.", DRIVERS);
}
