/*
 * code-index.h: the one-compare guess of fb_code_lookup_indexed()
 * (standard.h), inline for the checker, which looks up five codes a row:
 * their calls cost about what the guesses do.
 */
#ifndef FOSTERBEDS_CODE_INDEX_H
#define FOSTERBEDS_CODE_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "fosterbeds/standard.h"
#include "util.h"

_Static_assert(FB_CODE_WIDE <= FB_KEEP_MAX, "a code is read through fb_keep()");

/* Where a value of len bytes (at least one) goes in a struct fb_code_index. */
static inline unsigned
fb_code_hash(const char *value, size_t len)
{
	return (unsigned)(len * 7 + (unsigned char)value[0] +
			  5u * (unsigned char)value[len - 1]) & 63;
}

/*
 * The code the len (at least one) bytes at value spell exactly, when it is
 * the one x guesses for them; else FB_NONE, and fb_code_lookup() decides.
 * readable as for fb_code_lookup_indexed().
 */
static FB_ROW_INLINE int
fb_code_guess(const struct fb_code_index *x, const char *value, size_t len, size_t readable)
{
	int c = x->at[fb_code_hash(value, len)];

	if (readable >= FB_CODE_WIDE && len <= FB_CODE_WIDE) {
		/*
		 * The value's first FB_CODE_WIDE bytes, those past len cleared,
		 * against the guess and its NULs: three words, and the length,
		 * compared whole.  Values are spread over the codes, so a
		 * compare's length depending on the value's mispredicted.
		 */
		const unsigned char *k = fb_keep(len);
		uint64_t diff = (fb_word(value) & fb_word(k)) ^ fb_word(x->name[c]);

		diff |= (fb_word(value + 8) & fb_word(k + 8)) ^ fb_word(x->name[c] + 8);
		diff |= (fb_word(value + 16) & fb_word(k + 16)) ^ fb_word(x->name[c] + 16);
		if (!diff && x->len[c] == len)
			return c;
	} else if (x->len[c] == len && fb_same_bytes(x->name[c], value, len)) {
		return c;
	}
	return FB_NONE;
}

#endif
