/*
 * tally.h: counts of beds per (LA, snapshot date), and their pooling.
 *
 * Counts are plain integers and only ever added, so tallies made from
 * separate parts of the input merge by adding (fb_counts_merge), in any
 * order, with the same result.  The region is pooled the same way: its
 * counts are the sum of its LAs' counts, never an average of their rates.
 */
#ifndef FOSTERBEDS_TALLY_H
#define FOSTERBEDS_TALLY_H

#include <stddef.h>

#include "fosterbeds/keymap.h"
#include "fosterbeds/standard.h"

/* la_code of a pooled row: every LA in the run, per date. */
#define FB_LA_ALL (-1)

/* Index of the beds with no ofsted_status in fb_counts.bridge. */
#define FB_OS_BLANK FB_OS_COUNT

struct fb_counts {
	long approved;          /* every bed */
	long filled, vacant, unavailable;           /* by status, all beds */
	long respite_emergency; /* bed_use respite or emergency */
	long ms_approved;       /* mainstream beds only ... */
	long ms_filled, ms_vacant, ms_unavailable;
	/*
	 * How the beds were counted in the Ofsted return: by ofsted_status (or
	 * FB_OS_BLANK), by mainstream (0) or respite/emergency (1), by status.
	 * Reconciliation reads its bridge and drivers from here.
	 */
	long bridge[FB_OS_COUNT + 1][2][FB_ST_COUNT];
	/*
	 * Why beds go unused, for `report --breakdown reasons`: unavailable beds
	 * by unavailable_reason and vacant beds by vacancy_reason, for mainstream
	 * (0) and respite/emergency (1) beds apart; after the codes come the
	 * beds with no reason recorded (FB_UR_COUNT, FB_VR_COUNT), then those
	 * whose reason is not one of the codes (the next index).
	 */
	long unavailable_by[2][FB_UR_COUNT + 2];
	long vacant_by[2][FB_VR_COUNT + 2];
};

/*
 * What the tally needs of a bed.  Codes are the standard's; FB_NONE when
 * blank; a reason may be FB_UNRECOGNISED (record.h).
 */
struct fb_tally_bed {
	int bed_use, status, ofsted_status, unavailable_reason, vacancy_reason;
};

void fb_counts_add(struct fb_counts *c, const struct fb_tally_bed *bed);
void fb_counts_merge(struct fb_counts *dst, const struct fb_counts *src);

/*
 * The counts of each (la_code, date) seen.  The map's key layout is the
 * tally's own: read the groups through fb_tally_ngroups() and
 * fb_tally_group(), never through the map.
 */
/*
 * Rows mostly come in runs of one (LA, date), so each LA code 0..999
 * remembers its last group and a row of it costs a compare, not a lookup.
 */
#define FB_TALLY_RECENT 1000

struct fb_tally {
	struct fb_keymap groups;  /* private: (la_code, date) -> its counts */
	struct {
		int date;
		size_t at;            /* the group's index + 1; 0: none yet */
	} recent[FB_TALLY_RECENT];  /* private: by la_code */
};

struct fb_tally_row {
	int la_code;              /* FB_LA_ALL for a pooled row */
	int date;                 /* days since 1970-01-01 */
	int nla;                  /* pooled rows: how many LAs were pooled */
	struct fb_counts counts;
};

void fb_tally_init(struct fb_tally *t);
void fb_tally_release(struct fb_tally *t);

void fb_tally_add(struct fb_tally *t, int la_code, int date, const struct fb_tally_bed *bed);

/*
 * Add each of src's groups into dst's, in the order src made them: a group
 * dst has not got is made then, so dst's order is as if src's beds had been
 * added to it one by one.
 */
void fb_tally_merge(struct fb_tally *dst, const struct fb_tally *src);

/* Reading the groups */

/* How many (la_code, date) groups t holds; no pooled ones. */
size_t fb_tally_ngroups(const struct fb_tally *t);

/*
 * Group i of t (i < fb_tally_ngroups(t)), in the order the groups were first
 * added, not sorted: sets *la_code and *date and returns its counts.  The
 * pointer is into t, valid until t is next added to, merged into or
 * released.
 */
const struct fb_counts *fb_tally_group(const struct fb_tally *t, size_t i, int *la_code,
				       int *date);

/*
 * The rows to report: one per (la_code, date), sorted by la_code then date,
 * then one pooled row per date (la_code FB_LA_ALL), sorted by date.  Sets
 * *rows to an array the caller frees, and returns its length.
 */
size_t fb_tally_rows(const struct fb_tally *t, struct fb_tally_row **rows);

#endif
