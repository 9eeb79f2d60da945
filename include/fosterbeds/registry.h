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

/* Filled beds a household may have before FB015 (over-limit) warns. */
#define FB_REGISTRY_LIMIT 3

/*
 * What fb_registry_merge() found that neither part could see alone.
 * duplicate(ctx, first, later): a bed src first saw at later that dst had
 * already seen at first (FB011 on later's row).  over_limit(ctx, household,
 * file, line): a household whose filled beds, dst's and src's together,
 * went over FB_REGISTRY_LIMIT at src's bed at (file, line) (FB015 there).
 * Either may be NULL; the pointers are valid only during the call.
 */
struct fb_registry_merge_fns {
	void (*duplicate)(void *ctx, const struct fb_seen *first, const struct fb_seen *later);
	void (*over_limit)(void *ctx, const struct fb_seen *household, int file, long line);
	void *ctx;
};

/*
 * Fold src, the registry of rows read after all of dst's (the next chunk of
 * a file, the next input), into dst, so dst is what one registry reading
 * both in order would be: every bed where it was first seen, every
 * household's filled beds added up.  The rules across the parts are
 * reported through fns, in src's order: each bed of src that dst already
 * had, and each household that only the two parts together take over the
 * limit.  What src itself reported stays the caller's to judge: a later
 * copy, within src, of a bed dst had (src named src's first copy), or a
 * household src alone took over the limit (the whole would have warned at
 * an earlier row when dst had filled beds of it too).  src is unchanged.
 */
void fb_registry_merge(struct fb_registry *dst, const struct fb_registry *src,
		       const struct fb_registry_merge_fns *fns);

#endif
