/*
 * host.c: the command-line tool's hooks for the core (hooks.h): files,
 * nettle's SHA-256, iconv's Windows-1252, and the out-of-memory exit.
 */
#include "fosterbeds/host.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

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

/* Bytes 1252 leaves undefined make iconv fail: the core then keeps the bytes. */
static char *
decode_1252(const char *data, size_t len, size_t *outlen)
{
	size_t cap = len * 3 + 1, left = cap - 1, inleft = len;
	char *out, *o, *in = (char *)data;
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");

	if (cd == (iconv_t)-1)
		return NULL;
	out = o = fb_xmalloc(cap);
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

static const struct fb_hooks host_hooks = {
	.out_of_memory = out_of_memory,
	.decode_1252 = decode_1252,
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
	fb_digest_update(ctx, bytes, len);
}

static void
digest_finish(void *ctx, char hex[FB_SHA256_HEX])
{
	fb_digest_hex(ctx, hex);
}

int
fb_run_read(struct fb_run *run, const char *name, FILE *in)
{
	struct fb_digest digest;
	struct fb_digest_sink sink = { digest_update, digest_finish, &digest };
	struct fb_source src;

	fb_digest_init(&digest);
	fb_source_file(&src, in);
	return fb_run_read_source(run, name, &src, &sink);
}

int
fb_run_read_path(struct fb_run *run, const char *path)
{
	FILE *in;
	int rc, saved;

	if (strcmp(path, "-") == 0)
		return fb_run_read(run, path, stdin);
	in = fopen(path, "rb");
	if (!in) {
		saved = errno;
		fb_run_add_input(run, path, "records")->error = saved;
		errno = saved;
		return -1;
	}
	rc = fb_run_read(run, path, in);
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
