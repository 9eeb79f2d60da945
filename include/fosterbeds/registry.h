/*
 * registry.h: what the run remembers about beds across rows and files.
 *
 * Two rules need rows other than the one being checked: a bed must appear
 * once per (la_code, snapshot_date, household_id, bed_id), and a household
 * with more than three filled beds is above the usual fostering limit.  The
 * registry remembers each bed and each household's filled beds so those
 * rules can be checked as rows stream past, in input order, across every
 * input of the run (one LA's beds may be split over files).
 *
 * This is the one part of the run whose memory grows with the input: about
 * 150 bytes per bed (bench/bench.sh measures it).  Keys are compared in
 * full, so two different beds are never taken for one.
 */
#ifndef FOSTERBEDS_REGISTRY_H
#define FOSTERBEDS_REGISTRY_H

#include "fosterbeds/keymap.h"
#include "fosterbeds/record.h"

struct fb_registry {
	struct fb_keymap beds;        /* bed key -> where first seen */
	struct fb_keymap households;  /* household key -> filled beds */
	char *key;                    /* scratch for building keys */
	size_t keycap;
};

/* Where a bed or household was first seen. */
struct fb_seen {
	int file;
	long line;
	long filled;  /* households only: filled beds so far */
};

void fb_registry_init(struct fb_registry *r);
void fb_registry_release(struct fb_registry *r);

/*
 * Remember bed, seen at (file, line).  Returns NULL when it is new, else
 * where the same bed was first seen (the new sighting is not remembered).
 */
const struct fb_seen *fb_registry_bed(struct fb_registry *r, const struct fb_bed *bed,
				      int file, long line);

/*
 * Count a filled bed of bed's household, seen at (file, line).  Returns the
 * household's record, whose filled is the count so far including this bed.
 */
const struct fb_seen *fb_registry_filled(struct fb_registry *r, const struct fb_bed *bed,
					 int file, long line);

#endif
