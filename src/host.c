/*
 * host.c: the command-line tool's hooks for the core (hooks.h): files,
 * nettle's SHA-256 (on a thread of its own where it can be, digest.h),
 * Windows-1252 (a table), and the out-of-memory exit.
 */
#include "fosterbeds/host.h"

#include <errno.h>
#ifdef HAVE_THREADS
#include <pthread.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fosterbeds/digest.h"
#include "fosterbeds/limits.h"
#include "util.h"

_Static_assert(sizeof(((struct fb_input *)0)->sha256) == FB_SHA256_HEX,
	       "fb_input.sha256 holds a hex SHA-256");

static void
out_of_memory(void)
{
	fputs("fosterbeds: out of memory\n", stderr);
	exit(3);
}

/*
 * Windows-1252's bytes 0x80-0x9F, as Unicode code points; the five it
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are 0.  Every other byte
 * is the code point of the same value (ASCII, and Latin-1 from 0xA0).
 * A table rather than iconv, so the WebAssembly build (no iconv in WASI)
 * decodes exactly as the native one: test-host.c checks it against glibc's
 * iconv on all 256 bytes.
 */
static const unsigned short cp1252_high[32] = {
	[0x80 - 0x80] = 0x20AC,
	[0x82 - 0x80] = 0x201A,
	[0x83 - 0x80] = 0x0192,
	[0x84 - 0x80] = 0x201E,
	[0x85 - 0x80] = 0x2026,
	[0x86 - 0x80] = 0x2020,
	[0x87 - 0x80] = 0x2021,
	[0x88 - 0x80] = 0x02C6,
	[0x89 - 0x80] = 0x2030,
	[0x8A - 0x80] = 0x0160,
	[0x8B - 0x80] = 0x2039,
	[0x8C - 0x80] = 0x0152,
	[0x8E - 0x80] = 0x017D,
	[0x91 - 0x80] = 0x2018,
	[0x92 - 0x80] = 0x2019,
	[0x93 - 0x80] = 0x201C,
	[0x94 - 0x80] = 0x201D,
	[0x95 - 0x80] = 0x2022,
	[0x96 - 0x80] = 0x2013,
	[0x97 - 0x80] = 0x2014,
	[0x98 - 0x80] = 0x02DC,
	[0x99 - 0x80] = 0x2122,
	[0x9A - 0x80] = 0x0161,
	[0x9B - 0x80] = 0x203A,
	[0x9C - 0x80] = 0x0153,
	[0x9E - 0x80] = 0x017E,
	[0x9F - 0x80] = 0x0178,
};

/*
 * As glibc's iconv("UTF-8", "WINDOWS-1252") did before: a byte 1252 leaves
 * undefined fails the whole text, and the core then keeps the bytes.
 */
static char *
decode_1252(const char *data, size_t len, size_t *outlen)
{
	const unsigned char *in = (const unsigned char *)data;
	char *out = fb_xmalloc(len * 3 + 1), *o = out;

	for (size_t i = 0; i < len; i++) {
		unsigned cp = in[i];

		if (cp >= 0x80 && cp < 0xA0 && !(cp = cp1252_high[cp - 0x80])) {
			free(out);
			return NULL;
		}
		if (cp < 0x80) {
			*o++ = (char)cp;
		} else if (cp < 0x800) {
			*o++ = (char)(0xC0 | cp >> 6);
			*o++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*o++ = (char)(0xE0 | cp >> 12);
			*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*o++ = (char)(0x80 | (cp & 0x3F));
		}
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

#ifdef HAVE_THREADS
struct thread {
	pthread_t id;
	void (*fn)(void *);
	void *arg;
};

static void *
thread_main(void *vt)
{
	struct thread *t = vt;

	t->fn(t->arg);
	return NULL;
}

static void *
thread_start(void (*fn)(void *), void *arg)
{
	struct thread *t = malloc(sizeof(*t));

	if (!t)
		return NULL;
	t->fn = fn;
	t->arg = arg;
	if (pthread_create(&t->id, NULL, thread_main, t) != 0) {
		free(t);
		return NULL;
	}
	return t;
}

static void
thread_join(void *vt)
{
	struct thread *t = vt;

	pthread_join(t->id, NULL);
	free(t);
}
#endif

static const struct fb_hooks host_hooks = {
	.out_of_memory = out_of_memory,
	.decode_1252 = decode_1252,
#ifdef HAVE_THREADS
	.thread_start = thread_start,
	.thread_join = thread_join,
#endif
};

const struct fb_hooks *
fb_host_hooks(void)
{
	return &host_hooks;
}

void
fb_host_install(void)
{
	fb_hooks_set(&host_hooks);
}

static long
file_read(void *ctx, void *buf, size_t size)
{
	FILE *in = ctx;
	size_t n = fread(buf, 1, size, in);

	if (n == 0 && ferror(in)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return (long)n;
}

void
fb_source_file(struct fb_source *src, FILE *in)
{
	*src = (struct fb_source){ file_read, in };
}

static void
digest_update(void *ctx, const void *bytes, size_t len)
{
	fb_digest_async_update(ctx, bytes, len);
}

static void
digest_finish(void *ctx, char hex[FB_SHA256_HEX])
{
	fb_digest_async_hex(ctx, hex);
}

/* Read in, hashing it only when hash is set (its sha256 then stays ""). */
static int
read_stream(struct fb_run *run, const char *name, FILE *in, int hash)
{
	struct fb_digest_async digest;
	struct fb_digest_sink sink = { digest_update, digest_finish, &digest };
	struct fb_source src;
	int rc, saved;

	fb_source_file(&src, in);
	if (!hash)
		return fb_run_read_source(run, name, &src, NULL);
	fb_digest_async_init(&digest);
	rc = fb_run_read_source(run, name, &src, &sink);
	/* A failed read never finished the digest: its thread stops here. */
	saved = errno;
	fb_digest_async_release(&digest);
	errno = saved;
	return rc;
}

int
fb_run_read(struct fb_run *run, const char *name, FILE *in)
{
	return read_stream(run, name, in, 1);
}

int
fb_run_read_path(struct fb_run *run, const char *path, int hash)
{
	struct stat st;
	FILE *in;
	int rc, saved;

	if (strcmp(path, "-") == 0)
		return read_stream(run, path, stdin, hash);
	in = fopen(path, "rb");
	if (!in) {
		saved = errno;
		fb_run_add_input(run, path, "records")->error = saved;
		errno = saved;
		return -1;
	}
	if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode))
		fb_run_expect_size(run, (long long)st.st_size);
	rc = read_stream(run, path, in, hash);
	saved = errno;
	fclose(in);
	errno = saved;
	return rc;
}

void
fb_input_set_content(struct fb_input *input, const void *data, size_t len)
{
	input->size = (long long)len;
	fb_digest_buffer(data, len, input->sha256);
}

int
fb_read_all(FILE *in, size_t limit, char **data, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char *buf = fb_xmalloc(cap);
	int text_with_nul = -1;

	/* One byte past the limit tells a file of the limit from a larger one. */
	while ((got = fread(buf + n, 1, cap - n, in)) > 0) {
		/* UTF-16 and workbooks have NULs, and messages of their own. */
		if (text_with_nul < 0)
			text_with_nul = fb_utf16_start((unsigned char *)buf, got) ||
					fb_workbook_start((unsigned char *)buf, got);
		/* Refused at once: /dev/zero is never read to its end. */
		if (!text_with_nul && memchr(buf + n, 0, got)) {
			free(buf);
			errno = FB_E_NOT_TEXT;
			return -1;
		}
		n += got;
		if (n > limit) {
			free(buf);
			errno = limit >= (size_t)FB_MAX_STREAM ? FB_E_STREAM_SIZE : FB_E_WHOLE_SIZE;
			return -1;
		}
		if (n == cap)
			buf = fb_xrealloc(buf, cap *= 2);
	}
	if (ferror(in)) {
		free(buf);
		return -1;
	}
	*data = buf;
	*len = n;
	return 0;
}
