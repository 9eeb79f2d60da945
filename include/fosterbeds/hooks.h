/*
 * hooks.h: what the core needs from its host, and nothing more.
 *
 * The core (libfosterbeds-core: ingest, the rules, the tallies, the
 * figures) depends on libcsv and the C library only, so that it can be built
 * wherever they can (a WebAssembly page, a test harness) and linked without
 * libxlsxwriter, jansson, nettle or iconv.  It never opens a file, never
 * prints and never exits.  What it lacks, the host supplies here:
 *
 *  - a byte source for each input (struct fb_source): the core reads through
 *    it and never calls fopen; fb_source_memory() reads a buffer;
 *  - a digest sink for each input (struct fb_digest_sink): sees every byte
 *    the core reads, once, in order, and spells their SHA-256;
 *  - a text decoder (struct fb_hooks.decode_1252) for Ofsted's
 *    Windows-1252 files;
 *  - an out-of-memory handler (struct fb_hooks.out_of_memory).
 *
 * The command-line tool's hooks (files, nettle, a Windows-1252 table, a
 * message and exit status 3) are in host.h.
 */
#ifndef FOSTERBEDS_HOOKS_H
#define FOSTERBEDS_HOOKS_H

#include <stddef.h>

/* A hex SHA-256: 64 lower-case hex digits and a NUL. */
#define FB_SHA256_HEX 65

/*
 * A byte source.  read() copies up to size bytes of the input, from where
 * the last call stopped, into buf and returns how many: 0 at the end of the
 * input, -1 on an error (errno set).  The core calls it until it returns 0
 * or -1, never again after.
 */
struct fb_source {
	long (*read)(void *ctx, void *buf, size_t size);
	void *ctx;
};

/* The state of a memory source; the bytes belong to the caller. */
struct fb_memory_source {
	const unsigned char *data;
	size_t len, at;
};

/* Make src read the len bytes at data, through m (which must outlive src's use). */
void fb_source_memory(struct fb_source *src, struct fb_memory_source *m, const void *data,
		      size_t len);

/*
 * A digest sink for one input.  update() is called with every byte read,
 * in order, each once; finish() is called once, only when the input was
 * read to its end, and writes the SHA-256 of those bytes as hex.  Either
 * may be NULL; without finish() the input's sha256 stays "".
 */
struct fb_digest_sink {
	void (*update)(void *ctx, const void *bytes, size_t len);
	void (*finish)(void *ctx, char hex[FB_SHA256_HEX]);
	void *ctx;
};

/*
 * Process-wide hooks.  Set them once, with fb_hooks_set(), before the core
 * is used and before any thread is started; the core only reads them.
 *
 * out_of_memory is called when an allocation fails and must not return
 * (longjmp out, or exit); NULL, or a handler that returns, ends the process
 * with abort().
 *
 * decode_1252 converts len bytes of Windows-1252 text to UTF-8: it returns a
 * buffer from malloc() holding the text, NUL-terminated, and sets *outlen
 * to its length without the NUL; or NULL when it cannot (a byte 1252 leaves
 * undefined, no converter), and the core keeps the bytes as they are.
 * NULL keeps every Ofsted file's bytes as they are.
 */
struct fb_hooks {
	void (*out_of_memory)(void);
	char *(*decode_1252)(const char *text, size_t len, size_t *outlen);
	/*
	 * thread_start runs fn(arg) on a thread of its own and returns a
	 * handle that thread_join() waits for (and frees), or NULL when it
	 * cannot start one; then, and when these hooks are NULL, the core
	 * runs fn itself.  fn touches nothing but what arg holds, so the core
	 * needs no lock: joining is the hand-over.  Whether a thread was used
	 * changes nothing in any result (ingest.h, blocks).
	 */
	void *(*thread_start)(void (*fn)(void *arg), void *arg);
	void (*thread_join)(void *handle);
};

/* Copy hooks (NULL clears them). */
void fb_hooks_set(const struct fb_hooks *hooks);

/* The hooks in force. */
const struct fb_hooks *fb_hooks_get(void);

#endif
