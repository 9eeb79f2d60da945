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
	sp->kind['"'] = FB_SPLIT_QUOTE;
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

/*
 * A line holding a double quote: each value either plain, as above, or
 * quoted whole ("...", no quote inside, so no "" escape), the quotes
 * dropped.  A byte other than the separator after a closing quote, or a
 * quoted value padded inside its quotes, is libcsv's to read.  Values are
 * packed into buf one after another, each ended by a NUL.
 */
static size_t
split_quoted(const struct fb_split *sp, const unsigned char *s, size_t len, char *buf,
	     size_t *off)
{
	size_t n = 0, i = 0, w = 0;
	int nonblank = 0;

	for (;;) {
		size_t from, to;

		if (n == sp->nfields)
			return 0;
		off[n] = w;
		if (i < len && s[i] == '"') {
			const unsigned char *q = memchr(s + i + 1, '"', len - i - 1);

			if (!q)
				return 0;
			from = i + 1;
			to = (size_t)(q - s);
			i = to + 1;
			if (i < len && s[i] != sp->delim)
				return 0;
			/* Inside quotes only a separator may be other than plain. */
			for (size_t k = from; k < to; k++)
				if (sp->kind[s[k]] == FB_SPLIT_DECLINE)
					return 0;
		} else {
			from = i;
			while (i < len && sp->kind[s[i]] == FB_SPLIT_PLAIN)
				i++;
			if (i < len && s[i] != sp->delim)
				return 0;
			to = i;
		}
		if (padded(s, from, to))
			return 0;
		memcpy(buf + w, s + from, to - from);
		w += to - from;
		buf[w++] = '\0';
		nonblank |= to > from;
		n++;
		if (i == len)
			break;
		i++;
	}
	/* No value at all (""," ",...): a blank row, libcsv's to count. */
	if (n != sp->nfields || !nonblank)
		return 0;
	off[n] = w;
	return n;
}

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
		if ((w & ~LOW7) | bytes_equal(w, '\r') | bytes_equal(w, '\n'))
			return 0;
		if (bytes_equal(w, '"'))
			return split_quoted(sp, s, len, buf, off);
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
		if (k == FB_SPLIT_QUOTE)
			return split_quoted(sp, s, len, buf, off);
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
	off[n] = len + 1;
	return n;
}
