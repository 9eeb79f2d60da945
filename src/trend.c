/*
 * trend.c: previous snapshots, gaps and pooled sets.
 */
#include "fosterbeds/trend.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "util.h"

static int
has_date(const struct fb_tally_row *rows, size_t n, int d)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].date == d)
			return 1;
	return 0;
}

void
fb_trend_build(struct fb_trend *tr, struct fb_run *run)
{
	int *dates;
	size_t ndates = 0, ncodes = 0;

	memset(tr, 0, sizeof(*tr));
	tr->n = fb_tally_rows(&run->tally, &tr->rows);
	tr->t = fb_xcalloc(tr->n + 1, sizeof(*tr->t));
	tr->codes = fb_xcalloc(tr->n + 1, sizeof(*tr->codes));
	/* The pooled rows are exactly the run's dates, in order. */
	dates = fb_xcalloc(tr->n + 1, sizeof(*dates));
	for (size_t i = 0; i < tr->n; i++)
		if (tr->rows[i].la_code == FB_LA_ALL)
			dates[ndates++] = tr->rows[i].date;
	tr->ndates = ndates;

	for (size_t i = 0; i < tr->n; i++) {
		struct fb_trend_row *r = &tr->t[i];

		r->now = &tr->rows[i];
		if (i > 0 && tr->rows[i - 1].la_code == r->now->la_code)
			r->prev = &tr->rows[i - 1];
	}

	/* Gaps: a date of the run that an LA lacks, between or around its own. */
	for (size_t i = 0; i < tr->n;) {
		int la = tr->rows[i].la_code;
		size_t j = i;

		while (j < tr->n && tr->rows[j].la_code == la)
			j++;
		for (size_t d = 0; la != FB_LA_ALL && d < ndates; d++) {
			char date[FB_DATE_LEN + 1];
			int file = run->la_first_file[la] >= 0 ? run->la_first_file[la] : 0;

			if (has_date(tr->rows + i, j - i, dates[d]))
				continue;
			fb_date_format(dates[d], date);
			fb_findings_add(&run->findings, FB_R_MISSING_SNAPSHOT, file, 1, "la_code", NULL,
					"LA %03d has no records for snapshot %s, which other LAs "
					"have; its trend has a gap there (no figures, never zeros)",
					la, date);
		}
		i = j;
	}

	/* Region rows: the LAs each pools, and whether the set moved. */
	for (size_t i = 0; i < tr->n; i++) {
		struct fb_trend_row *r = &tr->t[i];

		if (r->now->la_code != FB_LA_ALL)
			continue;
		r->las = tr->codes + ncodes;
		for (size_t k = 0; k < tr->n; k++)
			if (tr->rows[k].la_code != FB_LA_ALL && tr->rows[k].date == r->now->date)
				tr->codes[ncodes++] = tr->rows[k].la_code;
		r->nlas = (size_t)(tr->codes + ncodes - r->las);
		if (i > 0 && tr->t[i - 1].now->la_code == FB_LA_ALL) {
			const struct fb_trend_row *p = &tr->t[i - 1];

			/* No LA pooled: las may be null, which memcmp() may not take. */
			r->las_changed = p->nlas != r->nlas ||
					 (r->nlas && memcmp(p->las, r->las,
							    r->nlas * sizeof(*r->las)) != 0);
		}
	}
	free(dates);
}

void
fb_trend_release(struct fb_trend *tr)
{
	free(tr->rows);
	free(tr->t);
	free(tr->codes);
	memset(tr, 0, sizeof(*tr));
}

long
fb_trend_change_incl(const struct fb_trend_row *r)
{
	if (!r->prev)
		return FB_PCT_NONE;
	return fb_pp_diff_tenths(r->now->counts.filled, r->now->counts.approved,
				 r->prev->counts.filled, r->prev->counts.approved);
}

long
fb_trend_change_excl(const struct fb_trend_row *r)
{
	if (!r->prev)
		return FB_PCT_NONE;
	return fb_pp_diff_tenths(r->now->counts.ms_filled, r->now->counts.ms_approved,
				 r->prev->counts.ms_filled, r->prev->counts.ms_approved);
}

long
fb_trend_change_vacant(const struct fb_trend_row *r)
{
	if (!r->prev)
		return FB_PCT_NONE;
	return fb_pp_diff_tenths(r->now->counts.vacant, r->now->counts.approved,
				 r->prev->counts.vacant, r->prev->counts.approved);
}
