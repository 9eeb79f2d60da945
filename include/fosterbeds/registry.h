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
 * This is the one part of the run whose memory grows with the input, so it
 * is kept per household-date, not per bed: one 32-byte slot per (la_code,
 * snapshot_date, household_id) holds the household id (up to
 * FB_REGISTRY_ID_INLINE bytes), its filled count and up to four of its beds
 * with where each was first seen, in one half of a cache line, so a typical
 * row touches that one line.  Slots are kept in the order they were made,
 * and found through an open-addressing index of 4-byte entries kept at
 * most 3/4 full (1/2 with fb_registry_expect()): 37 to 40 bytes a household-date (see
 * spec/bed-records.md, Memory).  Past FB_REGISTRY_MAX_SLOTS household-dates
 * a run's new ones go to the maps below.
 *
 * What does not fit a slot is kept in exact maps (keymap.h), 150 to 250
 * bytes a bed:
 * - a household whose id is longer than FB_REGISTRY_ID_INLINE bytes, or of
 *   an (la_code, snapshot_date) pair past the 65,535th of the run, is kept
 *   there wholly (its beds and its filled count);
 * - a household's fifth bed and later ones, a bed_id that is not a whole
 *   number 0..254 written plainly ("0", "17", "254"; not "01", "+1",
 *   "255" or "A"), a bed more than 255 lines after the first bed its
 *   household's slot holds (or before it), and a bed in another file than
 *   that one each keep their own entry there, the slot only noting that
 *   the household has some.
 * Each bed is in exactly one place, and keys are compared in full (nothing
 * is decided by a hash or a filter), so two different beds are never taken
 * for one and a repeated bed always names its first copy.
 *
 * "First seen" is the first call's.  There is no merging of registries:
 * rows read apart (by several workers) are to be handed to one registry in
 * input order, block by block, so that the findings are those of one pass.
 */
#ifndef FOSTERBEDS_REGISTRY_H
#define FOSTERBEDS_REGISTRY_H

#include <stdint.h>

#include "fosterbeds/keymap.h"
#include "fosterbeds/record.h"

/* Household ids up to this many bytes are held in a slot. */
#define FB_REGISTRY_ID_INLINE 14

/* Beds a slot holds; later ones go to the overflow map. */
#define FB_REGISTRY_BEDS_INLINE 4

/* One household-date (registry.c). */
struct fb_registry_slot;

struct fb_registry_pair {
	int la, date;
};

/* The (la_code, snapshot_date) pair a code last met, and its group. */
struct fb_registry_lastgroup {
	int date;
	uint16_t group;   /* 0: none yet */
};

/*
 * Slots a run makes at most (the index's width); a household-date past
 * them is kept in the exact maps.  Tests lower fb_registry.max_slots.
 */
#define FB_REGISTRY_MAX_SLOTS ((1u << 26) - 1)

/* Where a bed or household was first seen. */
struct fb_seen {
	int file;
	long line;
	long filled;  /* households only: filled beds so far */
};

struct fb_registry {
	struct fb_registry_slot *slots;  /* in the order they were made */
	size_t slotcap;
	uint32_t nslots, max_slots;
	uint32_t *index;              /* cap entries, see registry.c */
	void *indexmem;
	uint32_t cap;
	struct fb_registry_pair *pairs;  /* by group: its (la_code, date) */
	size_t pairscap;
	struct fb_keymap groups;      /* (la_code, date) -> uint16_t group */
	struct fb_registry_lastgroup last[1000];  /* by la_code: a one-entry cache */
	struct fb_keymap beds;        /* overflow and long-id beds: key -> fb_seen */
	struct fb_keymap households;  /* long-id households: key -> fb_seen */
	char *key;                    /* scratch for building keys */
	size_t keycap;
	struct fb_seen seen;          /* what the last call returned */
};

void fb_registry_init(struct fb_registry *r);
void fb_registry_release(struct fb_registry *r);

/*
 * Remember bed, seen at (file, line).  Returns NULL when it is new, else
 * where the same bed was first seen (the new sighting is not remembered).
 * The pointer is valid until the next call on r.
 */
const struct fb_seen *fb_registry_bed(struct fb_registry *r, const struct fb_bed *bed,
				      int file, long line);

/*
 * Count a filled bed of bed's household, seen at (file, line).  Returns a
 * record whose filled is the household's count so far including this bed,
 * up to 255 (it stays there); its file and line are this call's.  The
 * pointer is valid until the next call on r.
 */
const struct fb_seen *fb_registry_filled(struct fb_registry *r, const struct fb_bed *bed,
					 int file, long line);

/*
 * fb_registry_bed() then, when the bed is new and filled, fb_registry_filled()
 * in one lookup: returns what fb_registry_bed() returns, and sets *filled to
 * the household's filled count so far with this bed (as
 * fb_registry_filled()'s filled), or 0 when the bed was not counted.
 */
const struct fb_seen *fb_registry_add(struct fb_registry *r, const struct fb_bed *bed, int file,
				      long line, long *filled);

/*
 * The hash of bed's household-date that fb_registry_add_hashed() and
 * fb_registry_prefetch() take.  It depends on bed alone (not on r), so any
 * thread may make it, ahead of the calls.
 */
uint64_t fb_registry_hash(const struct fb_bed *bed);

/*
 * fb_registry_hash(bed), the same value, when 16 bytes from bed->household
 * may be read (its bytes past household_len are not used): the id is read
 * as two words, with no copy.  ingest's rows have that room (fb_row.wide).
 */
uint64_t fb_registry_hash_wide(const struct fb_bed *bed);

/*
 * fb_registry_add() with h = fb_registry_hash(bed), made by the caller.
 * wide: 16 bytes from bed->household may be read (as for
 * fb_registry_hash_wide()), so its id is read as words, not copied.
 */
const struct fb_seen *fb_registry_add_hashed(struct fb_registry *r, const struct fb_bed *bed,
					     uint64_t h, int wide, int file, long line,
					     long *filled);

/*
 * A hint that the household-date of hash h is to be added soon: its index
 * entry is fetched into cache.  It changes nothing r does.
 */
void fb_registry_prefetch(const struct fb_registry *r, uint64_t h);

/*
 * Make room in the index for slots household-dates in all (up to
 * max_slots), so that it need not be rebuilt on the way there, each
 * rebuild costing a cache miss a household-date so far.  Only a hint:
 * past it the index grows as before.  The index is then half full at
 * slots; a hint too large costs 8 bytes of index a household-date hinted.
 */
void fb_registry_expect(struct fb_registry *r, size_t slots);

/* Filled beds a household may have before FB015 (over-limit) warns. */
#define FB_REGISTRY_LIMIT 3

#endif
