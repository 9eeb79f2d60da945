/*
 * profile-read.h: read a mapping profile (profile.h, spec/profiles.md) from
 * its file, with libinih.  Host side: it opens a file, so the core does not
 * link it.
 */
#ifndef FOSTERBEDS_PROFILE_READ_H
#define FOSTERBEDS_PROFILE_READ_H

#include <stddef.h>

#include "fosterbeds/profile.h"

/* Largest profile read, and longest line (libinih's line buffer, less its newline). */
#define FB_PROFILE_MAX_BYTES (1024 * 1024)
#define FB_PROFILE_MAX_LINE 198

/*
 * Read and check the whole profile at path.  Returns it (free with
 * fb_profile_free()), or NULL with the first problem in why as
 * "PATH:LINE: message" (or "PATH: message" when it has no one line: the
 * file could not be read, or the profile as a whole lacks something).
 * No data file is touched: a command reads its profile before its inputs.
 */
struct fb_profile *fb_profile_read_file(const char *path, char *why, size_t whylen);

/* The same from the len bytes at text, named path in messages (for tests). */
struct fb_profile *fb_profile_read_text(const char *path, const char *text, size_t len,
					char *why, size_t whylen);

#endif
