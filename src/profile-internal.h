/*
 * profile-internal.h: what the mapping profile's files share (private to
 * src/profile*.c; the contract is include/fosterbeds/profile.h).
 *
 * The files:
 *   profile.c         the model: built one INI entry at a time, checked as
 *                     a whole, and the lookups on it below
 *   profile-map.c     reading an input: the header matched to the
 *                     profile's columns, each row's values mapped
 *   profile-expand.c  a household row expanded into beds, and the date
 *                     forms a profile reads
 */
#ifndef FOSTERBEDS_PROFILE_INTERNAL_H
#define FOSTERBEDS_PROFILE_INTERNAL_H

#include <stddef.h>

#include "fosterbeds/ingest.h"
#include "fosterbeds/profile.h"

/* profile.c */

/*
 * s (len bytes) ASCII case folded, spaces and tabs removed, into out (size
 * bytes, always terminated): how aliases compare.  Returns its length.
 */
size_t fb_profile_squash(const char *s, size_t len, char *out, size_t size);

/*
 * The first of c's local values at or after index from that is s (len
 * bytes, compared without case), or NULL.  One local value may have several
 * entries (a value that sets this column and others).
 */
const struct fb_profile_value *fb_profile_value_of(const struct fb_profile_column *c,
						   const char *s, size_t len, size_t from);

/* 1 when some local value of p sets field (set FIELD CODE), else 0. */
int fb_profile_set_anywhere(const struct fb_profile *p, int field);

/* profile-map.c */

/*
 * A row dropped as the profile says: counted, and the first one's reason
 * (fmt with a and b) kept, for the one FB040 fb_profile_input_end() gives.
 */
void fb_profile_dropped(struct fb_profile_input *in, long line, const char *fmt, const char *a,
			const char *b);

/* profile-expand.c */

/*
 * The household row local, already mapped into std, as one standard row per
 * bed its counts give, each passed to fn; or rejected (FB041, passed to fn
 * once) or dropped (no places: drop is called).
 */
void fb_profile_expand(struct fb_profile_input *in, const struct fb_row *local, struct fb_row *std,
		       fb_row_fn fn, void (*drop)(void *), void *ctx);

#endif /* FOSTERBEDS_PROFILE_INTERNAL_H */
