/*
 * trend.h: utilisation across snapshots, and the change since the last one.
 *
 * Built from a run's tally rows (one per LA and date, then the pooled ALL
 * rows): every row learns its LA's previous snapshot, so a change is always
 * against the same LA's (or the region's) own last figures, in percentage
 * points from the unrounded rates.  An LA missing from a snapshot that other
 * LAs have is FB029 and a gap: no row is invented for it, and its next change
 * is against the snapshot before the gap (the row names that date).  A
 * region row lists the LAs it pools; a change between region rows that pool
 * different LAs is flagged, because it mixes a change in utilisation with a
 * change in who is counted.
 */
#ifndef FOSTERBEDS_TREND_H
#define FOSTERBEDS_TREND_H

#include <stddef.h>

#include "fosterbeds/run.h"
#include "fosterbeds/tally.h"

struct fb_trend_row {
	const struct fb_tally_row *now;
	const struct fb_tally_row *prev;  /* the same LA's (or region's) last snapshot, or NULL */
	const int *las;                   /* region rows: the LA codes pooled, ascending */
	size_t nlas;
	int las_changed;                  /* region rows: pooled LAs differ from prev's */
};

struct fb_trend {
	struct fb_tally_row *rows;        /* from fb_tally_rows(): LAs by date, then ALL */
	struct fb_trend_row *t;           /* one per row, same order */
	size_t n;
	int *codes;                       /* storage for the region rows' LA lists */
	size_t ndates;
};

/*
 * Build the trend of run's tally, pushing FB029 for each LA missing from a
 * snapshot (at line 1 of the input the LA's records first came from).
 */
void fb_trend_build(struct fb_trend *tr, struct fb_run *run);
void fb_trend_release(struct fb_trend *tr);

/* Changes in tenths of a point, FB_PCT_NONE on a first snapshot or an empty rate. */
long fb_trend_change_incl(const struct fb_trend_row *r);
long fb_trend_change_excl(const struct fb_trend_row *r);
long fb_trend_change_vacant(const struct fb_trend_row *r);

#endif
