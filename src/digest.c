/*
 * digest.c: SHA-256 through nettle.
 */
#include "fosterbeds/digest.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "util.h"

void
fb_digest_init(struct fb_digest *d)
{
	sha256_init(&d->ctx);
}

void
fb_digest_update(struct fb_digest *d, const void *data, size_t len)
{
	if (len)
		sha256_update(&d->ctx, len, data);
}

void
fb_digest_hex(struct fb_digest *d, char hex[FB_SHA256_HEX])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t raw[SHA256_DIGEST_SIZE];

	sha256_digest(&d->ctx, sizeof(raw), raw);   /* also resets ctx */
	for (size_t i = 0; i < sizeof(raw); i++) {
		hex[2 * i] = digits[raw[i] >> 4];
		hex[2 * i + 1] = digits[raw[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void
fb_digest_buffer(const void *data, size_t len, char hex[FB_SHA256_HEX])
{
	struct fb_digest d;

	fb_digest_init(&d);
	fb_digest_update(&d, data, len);
	fb_digest_hex(&d, hex);
}

int
fb_digest_stream(FILE *in, char hex[FB_SHA256_HEX], long long *bytes)
{
	enum { CHUNK = 65536 };
	unsigned char *buf = fb_xmalloc(CHUNK);
	struct fb_digest d;
	long long total = 0;
	size_t n;

	fb_digest_init(&d);
	while ((n = fread(buf, 1, CHUNK, in)) > 0) {
		fb_digest_update(&d, buf, n);
		total += (long long)n;
	}
	free(buf);
	if (ferror(in)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	fb_digest_hex(&d, hex);
	*bytes = total;
	return 0;
}

int
fb_digest_is_hex(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 2 * SHA256_DIGEST_SIZE;
}
