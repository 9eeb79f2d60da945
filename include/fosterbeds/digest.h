/*
 * digest.h: SHA-256 of an input's bytes, as lower-case hex.
 *
 * What a manifest (manifest.h) records of each input, so a later run can
 * tell whether the file is still the one that was read.  The hash is
 * nettle's (Debian nettle-dev); this module only feeds it and spells the
 * result.  It belongs to the command-line layer (host.h feeds the core's
 * digest sink from it): the core never links nettle.  Hashing runs alongside reading, never as a second pass: standard
 * input cannot be read twice.
 *
 * A hex digest is FB_SHA256_HEX bytes: 64 hex digits and a NUL.
 */
#ifndef FOSTERBEDS_DIGEST_H
#define FOSTERBEDS_DIGEST_H

#include <stddef.h>
#include <stdio.h>

#include <nettle/sha2.h>

#include "fosterbeds/hooks.h"   /* FB_SHA256_HEX */

_Static_assert(FB_SHA256_HEX == 2 * SHA256_DIGEST_SIZE + 1, "hex SHA-256 with its NUL");

struct fb_digest {
	struct sha256_ctx ctx;
};

/* Streaming */

void fb_digest_init(struct fb_digest *d);
void fb_digest_update(struct fb_digest *d, const void *data, size_t len);

/* Finish: the digest of every byte fed, as hex.  d is then ready for new data. */
void fb_digest_hex(struct fb_digest *d, char hex[FB_SHA256_HEX]);

/* Whole inputs */

/* The digest of len bytes at data. */
void fb_digest_buffer(const void *data, size_t len, char hex[FB_SHA256_HEX]);

/*
 * Read in to its end, setting hex to the digest of its bytes and *bytes to
 * their number.  Returns 0, or -1 on a read error (errno set; hex and
 * *bytes untouched).
 */
int fb_digest_stream(FILE *in, char hex[FB_SHA256_HEX], long long *bytes);

/* 1 when s is 64 lower-case hex digits and nothing else. */
int fb_digest_is_hex(const char *s);

#endif
