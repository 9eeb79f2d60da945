/*
 * reconcile.c: pairing, pooling and explaining.
 */
#include "fosterbeds/reconcile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/classify.h"
#include "fosterbeds/date.h"
#include "fosterbeds/la.h"
#include "fosterbeds/ofsted.h"
#include "util.h"

void
fb_reconcile_release(struct fb_reconcile *rc)
{
	free(rc->rows);
	memset(rc, 0, sizeof(*rc));
}

/* The counts of la_code at date (or its latest date when date is FB_NO_DATE). */
static int
records_of(const struct fb_tally *t, int la_code, int *date, struct fb_counts *c)
{
	int found = 0, best = 0;

	for (size_t i = 0; i < fb_tally_ngroups(t); i++) {
		int code, at;
		const struct fb_counts *counts = fb_tally_group(t, i, &code, &at);

		if (code != la_code)
			continue;
		if (*date != FB_NO_DATE ? at != *date : found && at <= best)
			continue;
		best = at;
		*c = *counts;
		found = 1;
	}
	if (found)
		*date = best;
	return found;
}

static int
row_order(const void *a, const void *b)
{
	const struct fb_recon_row *x = a, *y = b;

	return (x->la_code > y->la_code) - (x->la_code < y->la_code);
}

static int
complete(const struct fb_submitted *s)
{
	return s->approved != FB_MISSING && s->filled != FB_MISSING && s->vacant != FB_MISSING &&
	       s->unavailable != FB_MISSING;
}

static int
int_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

size_t
fb_reconcile_dates(const struct fb_tally *tally, int la_code, int *dates, size_t max)
{
	int *all = fb_xcalloc(fb_tally_ngroups(tally) + 1, sizeof(*all));
	size_t n = 0, distinct = 0;

	for (size_t i = 0; i < fb_tally_ngroups(tally); i++) {
		int code, date;

		fb_tally_group(tally, i, &code, &date);
		if (la_code == FB_LA_ALL || code == la_code)
			all[n++] = date;
	}
	fb_qsort(all, n, sizeof(*all), int_order);
	for (size_t i = 0; i < n; i++) {
		if (i && all[i] == all[i - 1])
			continue;
		if (distinct < max)
			dates[distinct] = all[i];
		distinct++;
	}
	free(all);
	return distinct;
}

/* "2026-03-31, 2026-06-30 and 3 more": the dates of la_code's records. */
static void
dates_text(char *buf, size_t size, const struct fb_tally *tally, int la_code)
{
	int dates[4];
	size_t n = fb_reconcile_dates(tally, la_code, dates, 4), used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && i < 4; i++) {
		char d[FB_DATE_LEN + 1];

		fb_date_format(dates[i], d);
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i == 0 ? "" : i + 1 == n ? " and " : ", ", d);
		if (used >= size)
			return;
	}
	if (n > 4)
		snprintf(buf + used, size - used, " and %zu more", n - 4);
}

void
fb_reconcile_build(struct fb_reconcile *rc, const struct fb_tally *tally,
		   const struct fb_submission *sub, int records_date, int return_file,
		   struct fb_findings *out)
{
	struct fb_recon_row *rows = fb_xcalloc(fb_tally_ngroups(tally) + sub->n + 1,
					       sizeof(*rows));
	struct fb_recon_row *region;
	size_t n = 0;
	int mixed = 0, mixed_return = 0;
	long unrecorded = 0;

	memset(rc, 0, sizeof(*rc));
	rc->records_date = records_date;
	/* Every LA of the return, then every LA only in the records. */
	for (size_t i = 0; i < sub->n; i++) {
		struct fb_recon_row *r = &rows[n];
		int any = FB_NO_DATE;
		struct fb_counts scratch;

		/*
		 * Ofsted's published file covers all of England: its authorities
		 * with no records are said once, not one row and warning each.
		 */
		if (sub->published && !records_of(tally, sub->rows[i].la_code, &any, &scratch)) {
			unrecorded++;
			continue;
		}
		n++;
		r->la_code = sub->rows[i].la_code;
		r->has_return = 1;
		r->sub = sub->rows[i];
		/* A simple return was checked as it was read. */
		if (sub->published)
			fb_published_balance_check(out, return_file, r->sub.line, r->sub.col,
						   fb_la_by_code(r->la_code)->name, r->la_code,
						   r->sub.approved, r->sub.filled,
						   r->sub.vacant, r->sub.unavailable);
		r->return_date = r->sub.date;
		r->date = records_date != FB_NO_DATE ? records_date : r->return_date;
		r->date_source = records_date != FB_NO_DATE ? FB_RD_OPTION
			       : r->return_date != FB_NO_DATE ? FB_RD_RETURN : FB_RD_LATEST;
		any = FB_NO_DATE;
		if (!records_of(tally, r->la_code, &any, &scratch)) {
			r->date = FB_NO_DATE;
			fb_findings_add(out, FB_R_ONE_SIDE_ONLY, return_file,
					r->sub.line ? r->sub.line : 1, "la_code", NULL,
					"LA %03d is in the return but has no bed records; its "
					"row is left out of the region", r->la_code);
			continue;
		}
		r->has_records = records_of(tally, r->la_code, &r->date, &r->std);
		if (!r->has_records) {
			char want[FB_DATE_LEN + 1], have[80];

			fb_date_format(r->date, want);
			dates_text(have, sizeof(have), tally, r->la_code);
			if (records_date != FB_NO_DATE)
				fb_findings_add(out, FB_R_DATE_MISMATCH, return_file,
						r->sub.line ? r->sub.line : 1, NULL, NULL,
						"LA %03d has no bed records dated %s (--records-date); "
						"its records are dated %s; its row is left out of the "
						"region", r->la_code, want, have);
			else
				fb_findings_add(out, FB_R_DATE_MISMATCH, return_file,
						r->sub.line ? r->sub.line : 1,
						sub->published ? NULL : "snapshot_date", NULL,
						"LA %03d: the return counts at %s but the bed records "
						"are dated %s; its row is left out of the region (give "
						"the records of %s, or --records-date DATE to compare "
						"across dates)", r->la_code, want, have, want);
			r->date = FB_NO_DATE;
			rc->mismatched++;
			continue;
		}
		/* An undated return row compared at --records-date has nothing to differ from. */
		r->cross_dated = r->return_date != FB_NO_DATE && r->return_date != r->date;
		rc->cross_dated += r->cross_dated;
	}
	for (size_t i = 0; i < fb_tally_ngroups(tally); i++) {
		size_t j;
		int code, date;
		struct fb_recon_row *r;

		fb_tally_group(tally, i, &code, &date);
		for (j = 0; j < n; j++)
			if (rows[j].la_code == code)
				break;
		if (j < n)
			continue;
		r = &rows[n++];
		r->la_code = code;
		r->return_date = FB_NO_DATE;
		/* At --records-date when it has it, so the rows shown share one date. */
		r->date = records_date;
		r->date_source = FB_RD_OPTION;
		r->has_records = records_date != FB_NO_DATE &&
				 records_of(tally, r->la_code, &r->date, &r->std);
		if (!r->has_records) {
			r->date = FB_NO_DATE;
			r->date_source = FB_RD_LATEST;
			r->has_records = records_of(tally, r->la_code, &r->date, &r->std);
		}
		r->sub = (struct fb_submitted){
			.la_code = code, .date = FB_NO_DATE,
			.approved = FB_MISSING, .filled = FB_MISSING,
			.vacant = FB_MISSING, .unavailable = FB_MISSING, .col = -1,
		};
		fb_findings_add(out, FB_R_ONE_SIDE_ONLY, return_file, 1, "la_code", NULL,
				"LA %03d has bed records but no row in the return; its row is "
				"left out of the region", r->la_code);
	}
	if (unrecorded)
		fb_findings_add(out, FB_R_ONE_SIDE_ONLY, return_file, 1, NULL, NULL,
				"%ld authorit%s in Ofsted's published file %s no bed records; "
				"%s not shown", unrecorded, unrecorded == 1 ? "y" : "ies",
				unrecorded == 1 ? "has" : "have", unrecorded == 1 ? "it is" : "they are");
	fb_qsort(rows, n, sizeof(*rows), row_order);

	region = &rows[n];
	region->la_code = FB_LA_ALL;
	region->has_records = region->has_return = 1;
	region->sub = (struct fb_submitted){ .la_code = FB_LA_ALL, .date = FB_NO_DATE, .col = -1 };
	region->date = region->return_date = FB_NO_DATE;
	for (size_t i = 0; i < n; i++) {
		const struct fb_recon_row *r = &rows[i];

		if (!r->has_records || !r->has_return || !complete(&r->sub)) {
			rc->left_out++;
			continue;
		}
		if (region->nla == 0) {
			region->date = r->date;
			region->return_date = r->return_date;
		} else {
			mixed |= region->date != r->date;
			mixed_return |= region->return_date != r->return_date;
		}
		region->cross_dated |= r->cross_dated;
		region->nla++;
		region->sub.approved += r->sub.approved;
		region->sub.filled += r->sub.filled;
		region->sub.vacant += r->sub.vacant;
		region->sub.unavailable += r->sub.unavailable;
		fb_counts_merge(&region->std, &r->std);
	}
	/* Pooling nothing, it has neither side: no figures, no bridge. */
	region->has_records = region->has_return = region->nla > 0;
	if (mixed)
		region->date = FB_NO_DATE;
	if (mixed_return)
		region->return_date = FB_NO_DATE;
	rc->rows = rows;
	rc->n = n + 1;
}

long
fb_recon_bridge(const struct fb_recon_row *r, int ofsted_status, enum fb_category cat)
{
	long n = 0;

	for (int u = 0; u < 2; u++)
		for (int st = 0; st < FB_ST_COUNT; st++)
			if (fb_classify(u ? FB_USE_RESPITE : FB_USE_MAINSTREAM, st) == cat)
				n += r->std.bridge[ofsted_status][u][st];
	return n;
}

long
fb_recon_unaccounted(const struct fb_recon_row *r, enum fb_unaccounted bucket)
{
	static const int os[FB_UA_COUNT] = {
		[FB_UA_FILLED] = FB_OS_FILLED,
		[FB_UA_VACANT] = FB_OS_VACANT,
		[FB_UA_UNAVAILABLE] = FB_OS_UNAVAILABLE,
	};
	long submitted = bucket == FB_UA_FILLED ? r->sub.filled
		       : bucket == FB_UA_VACANT ? r->sub.vacant : r->sub.unavailable;
	long counted = 0;

	if (!r->has_records || !r->has_return || r->cross_dated || submitted == FB_MISSING)
		return 0;
	for (int u = 0; u < 2; u++)
		for (int st = 0; st < FB_ST_COUNT; st++)
			counted += r->std.bridge[os[bucket]][u][st];
	return submitted - counted;
}

static const char *const status_word[FB_ST_COUNT] = {
	[FB_ST_FILLED] = "filled",
	[FB_ST_VACANT] = "vacant",
	[FB_ST_UNAVAILABLE] = "unavailable",
};
/* By the bridge's second index: mainstream (0) or respite/emergency (1). */
static const char *const use_word[2] = { "mainstream", "respite/emergency" };

static void
add(struct fb_driver *all, size_t *n, int overlay, long beds, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void
add(struct fb_driver *all, size_t *n, int overlay, long beds, const char *fmt, ...)
{
	va_list ap;

	if (beds == 0)
		return;
	all[*n].beds = beds < 0 ? -beds : beds;
	all[*n].overlay = overlay;
	va_start(ap, fmt);
	vsnprintf(all[*n].text, sizeof(all[*n].text), fmt, ap);
	va_end(ap);
	(*n)++;
}

static int
driver_order(const void *a, const void *b)
{
	const struct fb_driver *x = a, *y = b;

	if (x->overlay != y->overlay)
		return x->overlay - y->overlay;
	if (x->beds != y->beds)
		return x->beds < y->beds ? 1 : -1;
	return strcmp(x->text, y->text);
}

size_t
fb_recon_drivers(const struct fb_recon_row *r, struct fb_driver *out, size_t max)
{
	struct fb_driver all[64];
	size_t n = 0;

	/* Across dates, a bed's status then says nothing about a place counted now. */
	if (!r->has_records || !r->has_return || r->cross_dated)
		return 0;
	for (int u = 0; u < 2; u++) {
		for (int st = 0; st < FB_ST_COUNT; st++) {
			for (int o = 0; o < FB_OS_COUNT; o++) {
				long beds = r->std.bridge[o][u][st];
				const char *s = beds == 1 ? "" : "s";

				if (o == FB_OS_NOT_COUNTED)
					add(all, &n, 0, beds, "%ld %s %s bed%s %s left out of the Ofsted "
					    "return", beds, status_word[st], use_word[u], s,
					    beds == 1 ? "was" : "were");
				else if (o != st)
					add(all, &n, 0, beds, "%ld %s %s bed%s %s counted as %s in the "
					    "Ofsted return", beds, status_word[st], use_word[u], s,
					    beds == 1 ? "was" : "were", status_word[o]);
				else if (u == 1)
					add(all, &n, 1, beds, "%ld %s respite/emergency bed%s %s counted "
					    "among the %s places in the Ofsted return; the standard "
					    "keeps them apart from mainstream places", beds, status_word[st],
					    s, beds == 1 ? "was" : "were", status_word[o]);
			}
		}
		for (int st = 0; st < FB_ST_COUNT; st++) {
			long beds = r->std.bridge[FB_OS_BLANK][u][st];

			add(all, &n, 0, beds, "%ld %s %s bed record%s %s no ofsted_status, so how "
			    "%s counted is unknown", beds, status_word[st], use_word[u],
			    beds == 1 ? "" : "s", beds == 1 ? "has" : "have",
			    beds == 1 ? "it was" : "they were");
		}
	}
	for (int b = 0; b < FB_UA_COUNT; b++) {
		long d = fb_recon_unaccounted(r, (enum fb_unaccounted)b);

		if (d > 0)
			add(all, &n, 0, d, "%ld place%s in the return (%s) %s no bed record", d,
			    d == 1 ? "" : "s", status_word[b], d == 1 ? "has" : "have");
		else
			add(all, &n, 0, d, "the return has %ld fewer %s places than the bed records "
			    "say were counted %s", -d, status_word[b], status_word[b]);
	}
	fb_qsort(all, n, sizeof(all[0]), driver_order);
	if (n > max)
		n = max;
	fb_memcpy(out, all, n * sizeof(*out));
	return n;
}
