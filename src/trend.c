/*
 * trend.c: previous snapshots, gaps and pooled sets.
 */
#include "fosterbeds/trend.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "util.h"

/*
 * Every loop here is linear in the rows (or n log n): the rows come sorted
 * by LA then date and the pooled dates ascending, so a region's trend over
 * thousands of snapshots stays as quick as over a few (bench/scaling.sh).
 */
void
fb_trend_build(struct fb_trend *tr, struct fb_run *run)
{
	int *dates;
	size_t ndates = 0, *start, *filled;

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

	/*
	 * Gaps: a date of the run that an LA lacks, between or around its own.
	 * The LA's rows and the run's dates both ascend: walk them together.
	 */
	for (size_t i = 0; i < tr->n;) {
		int la = tr->rows[i].la_code;
		size_t j = i, k = i;

		while (j < tr->n && tr->rows[j].la_code == la)
			j++;
		for (size_t d = 0; la != FB_LA_ALL && d < ndates; d++) {
			char date[FB_DATE_LEN + 1];
			int file = run->la_first_file[la] >= 0 ? run->la_first_file[la] : 0;

			while (k < j && tr->rows[k].date < dates[d])
				k++;
			if (k < j && tr->rows[k].date == dates[d])
				continue;
			fb_date_format(dates[d], date);
			fb_findings_add(&run->findings, FB_R_MISSING_SNAPSHOT, file, 1, "la_code", NULL,
					"LA %03d has no records for snapshot %s, which other LAs "
					"have; its trend has a gap there (no figures, never zeros)",
					la, date);
		}
		i = j;
	}

	/*
	 * Region rows: the LAs each pools, and whether the set moved.  The
	 * lists are laid out in tr->codes date by date: count each date's LAs,
	 * then place the rows, which come LA by LA, so each list ascends.
	 */
	start = fb_xcalloc(ndates + 1, sizeof(*start));
	filled = fb_xcalloc(ndates + 1, sizeof(*filled));
	for (size_t k = 0; k < tr->n; k++)
		if (tr->rows[k].la_code != FB_LA_ALL)
			start[fb_sorted_index(dates, ndates, tr->rows[k].date) + 1]++;
	for (size_t d = 0; d < ndates; d++)
		start[d + 1] += start[d];
	for (size_t k = 0; k < tr->n; k++) {
		size_t d;

		if (tr->rows[k].la_code == FB_LA_ALL)
			continue;
		d = fb_sorted_index(dates, ndates, tr->rows[k].date);
		tr->codes[start[d] + filled[d]++] = tr->rows[k].la_code;
	}
	for (size_t i = 0, d = 0; i < tr->n; i++) {
		struct fb_trend_row *r = &tr->t[i];

		if (r->now->la_code != FB_LA_ALL)
			continue;
		r->las = tr->codes + start[d];
		r->nlas = filled[d++];
		if (i > 0 && tr->t[i - 1].now->la_code == FB_LA_ALL) {
			const struct fb_trend_row *p = &tr->t[i - 1];

			/* No LA pooled: las may be null, which memcmp() may not take. */
			r->las_changed = p->nlas != r->nlas ||
					 (r->nlas && memcmp(p->las, r->las,
							    r->nlas * sizeof(*r->las)) != 0);
		}
	}
	free(start);
	free(filled);
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
