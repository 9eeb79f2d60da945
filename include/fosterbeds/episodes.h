/*
 * episodes.h: bed-status episodes (spec/bed-episodes.md) and bed-nights.
 *
 * An episode says a bed held one bed_use and status on every date from
 * status_from to status_to, both inclusive (status_to blank: it still
 * does).  The rules that need only the row are record.h's, read through
 * the episode schema (ingest.h), plus status_to's date and FB030
 * (status_from after status_to).  The rest need every episode of a bed, so
 * the episodes are remembered per bed (la_code, household_id, bed_id) and
 * judged once every input is read, by fb_episodes_check_across():
 *
 *  - FB031, two episodes of one bed sharing a date: both are rejected
 *    (neither is counted), and the finding names both lines;
 *  - FB032, with a period: dates inside the period between two of a bed's
 *    counted episodes that no episode covers; the bed is not counted on
 *    those nights.  Dates before a bed's first episode or after its last
 *    are not gaps (the bed was not yet approved, or no longer is).
 *
 * Bed-nights over a period FROM..TO: each date of the period counts one
 * night for each counted episode that covers it, so an episode gives
 * min(to, TO) - max(from, FROM) + 1 nights when that is positive, else
 * none (an episode entirely outside the period is ignored).
 *
 * Memory grows with the episodes: about 48 bytes each, plus the bed keys.
 */
#ifndef FOSTERBEDS_EPISODES_H
#define FOSTERBEDS_EPISODES_H

#include <limits.h>
#include <stddef.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/keymap.h"
#include "fosterbeds/record.h"

/* status_to of an episode that has not ended. */
#define FB_EP_OPEN INT_MAX

/* A period of dates, both inclusive, as days since 1970-01-01. */
struct fb_period {
	int from, to;
};

/*
 * One usable episode, 28 bytes: the run keeps every one until the rules
 * across a bed's episodes have run, so its size is the run's memory per
 * episode (besides the bed's entry in beds).  A line fits 32 bits because a
 * stream is at most FB_MAX_STREAM bytes (limits.h); the codes are small.
 */
struct fb_episode {
	int from, to;            /* to is FB_EP_OPEN when status_to is blank */
	unsigned file;
	unsigned line;
	unsigned next;           /* the same bed's next episode, index + 1; 0 ends */
	short la_code;
	signed char bed_use, status;
	signed char rejected;    /* FB_NONE, or the rule that rejected it after the rows */
};

struct fb_episodes {
	struct fb_keymap beds;   /* bed key -> its first and last episode, index + 1 */
	struct fb_episode *items;  /* in input order */
	size_t n, cap;
	char *key;
	size_t keycap;
};

void fb_episodes_init(struct fb_episodes *e);
void fb_episodes_release(struct fb_episodes *e);

/*
 * Check one episode row (read with fb_episode_schema()): every one-row rule
 * of record.h, status_to (blank, or a real date: FB006) and FB030.  Fills
 * *bed (bed->date is status_from) and *to.  Returns FB_NONE when the row can
 * be used, else its first error's rule.
 */
int fb_episode_row_check(struct fb_checker *c, const struct fb_row *row,
			 struct fb_bed *bed, int *to);

/* Remember a usable episode of bed, from bed->date to to, at (file, line). */
void fb_episodes_add(struct fb_episodes *e, const struct fb_bed *bed, int to, int file,
		     long line);

/*
 * The rules across a bed's episodes, after every input: FB031 always, and
 * FB032 when period is not NULL.  Sets rejected on each overlapping
 * episode.  names[file] names each input, for a finding that points into
 * another file.
 */
void fb_episodes_check_across(struct fb_episodes *e, const struct fb_period *period,
			      struct fb_findings *out, const char *const *names);

/* The nights from..to (to may be FB_EP_OPEN) gives inside period; 0 if none. */
long fb_span_nights(int from, int to, const struct fb_period *period);

/* Bed-nights over a period, by the standard's statuses. */
struct fb_nights {
	long approved, filled, vacant, unavailable;
	long ms_approved, ms_filled;   /* mainstream beds only */
};

struct fb_nights_row {
	int la_code;                   /* FB_LA_ALL (tally.h) for the pooled row */
	int nla;                       /* pooled row: LAs pooled */
	struct fb_nights n;
};

/*
 * Bed-nights of the counted episodes over period: one row per LA with at
 * least one approved bed-night, by la_code, then one pooled row (la_code
 * FB_LA_ALL) summing them, when there is any LA row.  Sets *rows to an
 * array the caller frees; returns its length.
 */
size_t fb_episodes_bed_nights(const struct fb_episodes *e, const struct fb_period *period,
			      struct fb_nights_row **rows);

#endif
