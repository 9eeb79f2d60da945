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
 * Memory grows with the episodes and the beds: see struct fb_episodes.
 */
#ifndef FOSTERBEDS_EPISODES_H
#define FOSTERBEDS_EPISODES_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/record.h"

/* status_to of an episode that has not ended. */
#define FB_EP_OPEN INT_MAX

/* A period of dates, both inclusive, as days since 1970-01-01. */
struct fb_period {
	int from, to;
};

/*
 * An episode that fb_episodes_check_across() rejected (FB031), for the run's
 * counts per file.
 */
struct fb_episode {
	unsigned file;
	unsigned line;
	signed char rejected;    /* FB_R_EPISODE_OVERLAP */
};

/*
 * The usable episodes and their beds, kept until the rules across a bed's
 * episodes have run.  Memory: 12 bytes an episode (struct fb_ep in
 * episodes.c: both dates, bed_use, status, the line as a step from the
 * episode before, the same bed's previous episode) and 4 bytes per 256
 * episodes, plus 16 bytes at every 256th episode, at each change of file and
 * wherever the line moves back or by 1024 or more; for each distinct bed, an entry of its latest
 * episode (4 bytes) and its key with the key's length (la_code in 2 bytes,
 * household_id after its length, bed_id; a length under 128 takes a byte),
 * rounded up to a multiple of 4 (20 bytes for a 10-character household_id
 * and a 1-character bed_id), and 5 bytes a slot for 4/3 to 8/3 slots a bed;
 * after fb_episodes_check_across(), 12 bytes for each episode it rejected.
 * Arrays grow by half.  spec/bed-episodes.md "Memory" has the measurements.
 *
 * n and items are for the run's counts per file: until
 * fb_episodes_check_across(), n is the number of usable episodes added and
 * items is NULL; after it, items[0..n) are the episodes it rejected, in
 * input order.
 */
struct fb_episodes {
	struct fb_ep *ep;        /* the usable episodes, in input order */
	size_t count, cap;
	struct fb_ep_mark *mark; /* file and line where an episode's step cannot say */
	size_t nmark, markcap;
	uint32_t *block;         /* the mark of every 256th episode, its index in mark */
	size_t blockcap;
	unsigned last_file, last_line;
	int unordered;           /* an episode came before the one added before it */
	unsigned char *arena;    /* the beds in first-seen order: episode, key */
	size_t arena_len, arena_cap;
	uint32_t *slot;          /* a bed's offset in arena / 4 */
	unsigned char *tag;      /* 0: the slot is empty; else 0x80 | 7 bits of hash */
	size_t nslot, nbed;
	size_t last_bed;         /* the last bed added to, offset + 1; 0: none */
	unsigned char *key;      /* scratch */
	size_t keycap;
	size_t n;
	struct fb_episode *items;
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

/*
 * Remember a usable episode of bed, from bed->date to to, at (file, line).
 * The dates are real dates (years 1900..9999, date.h), to may be
 * FB_EP_OPEN; line is at most UINT_MAX.  The 4,294,967,295th episode (48
 * GiB of them) stops the run as out of memory (hooks.h).
 */
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
