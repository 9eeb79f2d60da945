/*
 * ingest-split.h: ingest.c's fast path, private to the core.
 *
 * Most lines of a bed-record file are plain: no carriage return, ASCII
 * only, no value with spaces around it, quotes (if any) only around whole
 * values with no quote inside, as many values as the header has.  libcsv
 * reads such a line byte by byte through a callback per value;
 * fb_split_line() cuts it in one pass.  libcsv stays the definition of
 * correct: the splitter declines every line whose values
 * libcsv might read otherwise, and ingest.c gives those to libcsv, so each
 * row, line number and finding is the same either way (tests/fuzz/
 * fuzz-split.c compares the two on any bytes).
 */
#ifndef FOSTERBEDS_INGEST_SPLIT_H
#define FOSTERBEDS_INGEST_SPLIT_H

#include <stddef.h>

#include "fosterbeds/ingest.h"

/* What the splitter needs to know of a file: built once its header is read. */
struct fb_split {
	size_t nfields;            /* the header's values: a line must have as many */
	unsigned char delim;
	unsigned char kind[256];   /* FB_SPLIT_* of each byte */
	int popcnt;                /* 1: the CPU's popcount instruction is used (x86-64);
				      a test may clear it to try the other way */
};

enum {
	FB_SPLIT_PLAIN,            /* copied as it is */
	FB_SPLIT_SEP,              /* the separator: ends a value */
	FB_SPLIT_QUOTE,            /* a double quote: the line has quoted values */
	FB_SPLIT_DECLINE,          /* a byte libcsv must read: CR, LF, >= 0x80 */
};

/* A splitter for lines of nfields (> 0) values separated by delim (',', ';' or tab). */
void fb_split_init(struct fb_split *sp, int delim, size_t nfields);

/*
 * Cut the len bytes at line (a line without its LF) into values as libcsv
 * would in strict mode, or decline.  buf has room for len + FB_SPLIT_SLACK
 * bytes and off for sp->nfields + FB_SPLIT_SLACK entries, as both are
 * written a word at a time.  On success returns sp->nfields: buf holds
 * the values one after another, each ended by a NUL, off[i] the offset of
 * value i in buf and off[sp->nfields] the bytes used.  A value is plain or quoted whole
 * ("...", the quotes dropped).  Returns 0, buf scribbled on and off
 * undefined, when the line is not one libcsv reads the same way for sure:
 * it holds a CR, LF or a byte >= 0x80, a quote other than around a whole
 * value (an escaped "", text after a closing quote, an unclosed one), a
 * value starting or ending with a space or tab (libcsv trims those; inside
 * quotes too, to keep the rule one), another number of values, or no
 * value with any text (a blank row, which ingest counts, not passes on).
 */
size_t fb_split_line(const struct fb_split *sp, const char *line, size_t len, char *buf,
		     size_t *off);

#define FB_SPLIT_SLACK 16

/*
 * How ingest.c reads, for tests: fb_ingest_options_init() sets what
 * fb_ingest() does (the fast path on); fb_ingest_set_fast(o, 0) sends
 * every byte through libcsv, so a test can compare the two.
 */
struct fb_ingest_options {
	int fast;
	const struct fb_ingest_blocks *blocks;  /* NULL: no blocks */
};

void fb_ingest_options_init(struct fb_ingest_options *o);
void fb_ingest_set_fast(struct fb_ingest_options *o, int on);

/*
 * fb_ingest() (chooser NULL) or fb_ingest_choosing() (schema ignored)
 * read as o says.
 */
int fb_ingest_with(const struct fb_ingest_options *o, const struct fb_source *in,
		   const struct fb_schema *schema, const struct fb_schema_chooser *chooser,
		   int file, struct fb_findings *out, fb_row_fn fn, void *ctx, long long *bytes,
		   const struct fb_ingest_tap *tap);

#endif
