/*
 * digest.h: SHA-256 of an input's bytes, as lower-case hex.
 *
 * What a manifest (manifest.h) records of each input, so a later run can
 * tell whether the file is still the one that was read.  The hash is
 * nettle's (Debian nettle-dev); this module only feeds it and spells the
 * result.  It belongs to the command-line layer (host.h feeds the core's
 * digest sink from it): the core never links nettle.  Hashing runs alongside
 * reading, never as a second pass: standard input cannot be read twice.
 * Where the build has threads (meson -Dthreads, HAVE_THREADS) and the
 * machine a second core, a large input is hashed on a thread of its own
 * (struct fb_digest_async), so the hash costs its reader a copy of each
 * chunk rather than the hash itself.
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

/*
 * Hashing beside the reader
 *
 * fb_digest_async_update() takes the bytes as fb_digest_update() does; once
 * an input has passed its first FB_DIGEST_SLOT bytes, they are copied into
 * a ring of FB_DIGEST_SLOTS buffers of that size and hashed on a thread
 * started for the input, when the build has threads and the machine more
 * than one core; else (or when the thread cannot be started) they are
 * hashed at once, as fb_digest_update() does.  The digest is the same
 * either way.  The caller owns the struct, which must stay where it is
 * while it is in use; one thread (the reader's) calls its functions.
 *
 *	struct fb_digest_async a;
 *
 *	fb_digest_async_init(&a);
 *	while (...)
 *		fb_digest_async_update(&a, chunk, n);
 *	fb_digest_async_hex(&a, hex);        (only when the input was read whole)
 *	fb_digest_async_release(&a);         (always: stops and frees the thread)
 */
enum { FB_DIGEST_SLOTS = 8, FB_DIGEST_SLOT = 65536 };

struct fb_digest_worker;   /* digest.c: the thread, its ring and their lock */

struct fb_digest_async {
	struct fb_digest d;             /* the thread's while it runs */
	struct fb_digest_worker *w;     /* NULL: hashed here */
	long long fed;                  /* bytes given so far */
	int alone;                      /* no thread for this input: hash here */
};

void fb_digest_async_init(struct fb_digest_async *a);
void fb_digest_async_update(struct fb_digest_async *a, const void *data, size_t len);

/* Wait for every byte fed to be hashed, and set hex to their digest. */
void fb_digest_async_hex(struct fb_digest_async *a, char hex[FB_SHA256_HEX]);

/* Stop the thread, if any (what it has not hashed is dropped), and free it. */
void fb_digest_async_release(struct fb_digest_async *a);

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
