/*
 * ingest-split.c: the quote-free fast path's line splitter (ingest-split.h).
 */
#include "ingest-split.h"

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
	sp->nfields = nfields;
}

/* libcsv drops spaces and tabs around an unquoted value: such a value is libcsv's. */
static int
padded(const unsigned char *s, size_t from, size_t to)
{
	return to > from && (s[from] == ' ' || s[from] == '\t' ||
			     s[to - 1] == ' ' || s[to - 1] == '\t');
}

size_t
fb_split_line(const struct fb_split *sp, const char *line, size_t len, char *buf, size_t *off)
{
	const unsigned char *s = (const unsigned char *)line;
	size_t n = 0, from = 0;

	/* Only separators (an empty line too): a blank row, counted by libcsv's path. */
	if (len < sp->nfields)
		return 0;
	for (size_t i = 0; i < len; i++) {
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
