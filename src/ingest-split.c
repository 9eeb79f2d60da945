/*
 * ingest-split.c: the quote-free fast path's line splitter (ingest-split.h).
 */
#include "ingest-split.h"

#include <stdint.h>
#include <string.h>

void
fb_split_init(struct fb_split *sp, int delim, size_t nfields)
{
	memset(sp->kind, FB_SPLIT_PLAIN, sizeof(sp->kind));
	for (int c = 0x80; c < 0x100; c++)
		sp->kind[c] = FB_SPLIT_DECLINE;
	sp->kind['"'] = FB_SPLIT_DECLINE;
	sp->kind['\r'] = FB_SPLIT_DECLINE;
	sp->kind['\n'] = FB_SPLIT_DECLINE;
	sp->kind[(unsigned char)delim] = FB_SPLIT_SEP;
	sp->delim = (unsigned char)delim;
	sp->nfields = nfields;
}

/* libcsv drops spaces and tabs around an unquoted value: such a value is libcsv's. */
static int
padded(const unsigned char *s, size_t from, size_t to)
{
	return to > from && (s[from] == ' ' || s[from] == '\t' ||
			     s[to - 1] == ' ' || s[to - 1] == '\t');
}

/*
 * Eight bytes at a time where the byte order lets a bit's index name its
 * byte (little-endian: x86, ARM as run, WebAssembly); byte by byte elsewhere.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__GNUC__) || defined(__clang__))
#define SPLIT_WORDS 1
#define ONES 0x0101010101010101ull
#define LOW7 0x7f7f7f7f7f7f7f7full

/* The top bit of each byte of w equal to c, and no other bit (no carries across bytes). */
static inline uint64_t
bytes_equal(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return ~(((x & LOW7) + LOW7) | x | LOW7);
}
#else
#define SPLIT_WORDS 0
#endif

size_t
fb_split_line(const struct fb_split *sp, const char *line, size_t len, char *buf, size_t *off)
{
	const unsigned char *s = (const unsigned char *)line;
	size_t n = 0, from = 0, i = 0;

	/* Only separators (an empty line too): a blank row, counted by libcsv's path. */
	if (len < sp->nfields)
		return 0;
#if SPLIT_WORDS
	for (; i + 8 <= len; i += 8) {
		uint64_t w, sep;

		memcpy(&w, s + i, 8);
		memcpy(buf + i, &w, 8);
		if ((w & ~LOW7) | bytes_equal(w, '"') | bytes_equal(w, '\r') |
		    bytes_equal(w, '\n'))
			return 0;
		for (sep = bytes_equal(w, sp->delim); sep; sep &= sep - 1) {
			size_t at = i + ((size_t)__builtin_ctzll(sep) >> 3);

			if (n + 1 == sp->nfields || padded(s, from, at))
				return 0;
			off[n++] = from;
			buf[at] = '\0';
			from = at + 1;
		}
	}
#endif
	for (; i < len; i++) {
		unsigned char k = sp->kind[s[i]];

		buf[i] = (char)s[i];
		if (k == FB_SPLIT_PLAIN)
			continue;
		if (k == FB_SPLIT_DECLINE || n + 1 == sp->nfields || padded(s, from, i))
			return 0;
		off[n++] = from;
		buf[i] = '\0';
		from = i + 1;
	}
	if (n + 1 != sp->nfields || padded(s, from, len))
		return 0;
	off[n++] = from;
	buf[len] = '\0';
	return n;
}
