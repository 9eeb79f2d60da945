/*
 * util.h: small string and memory helpers shared by the modules.
 *
 * Internal to the tool (not under include/): nothing here is part of any
 * module's interface.  The allocation wrappers never return NULL: running out
 * of memory leaves nothing sensible to report, so they call the host's
 * out-of-memory handler (hooks.h), which does not return, as git's xmalloc
 * dies.
 */
#ifndef FOSTERBEDS_UTIL_H
#define FOSTERBEDS_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/hooks.h"

/*
 * Call the host's out-of-memory handler (hooks.h), or abort() without one:
 * for the rare library call that reports running out by its status.
 */
void fb_out_of_memory(void) __attribute__((noreturn));

void *fb_xmalloc(size_t size);
void *fb_xcalloc(size_t n, size_t size);
void *fb_xrealloc(void *p, size_t size);
char *fb_xstrdup(const char *s);
char *fb_xstrndup(const char *s, size_t len);

/*
 * Grow *buf (of *cap elements of size elem) so it holds at least need.
 * Inline because it runs for every field: the common case is one compare.
 */
void fb_grow_to(void **buf, size_t *cap, size_t need, size_t elem);

static inline void
fb_grow(void **buf, size_t *cap, size_t need, size_t elem)
{
	if (need > *cap)
		fb_grow_to(buf, cap, need, elem);
}

/*
 * The index of v among the n ascending ints at sorted, which hold it (the
 * last of equal ones): a binary search.
 */
size_t fb_sorted_index(const int *sorted, size_t n, int v);

/*
 * qsort() and memcpy() that take n == 0 with a null pointer, as an empty
 * array often is: C11 (7.1.4, 7.22.5) makes passing a null pointer
 * undefined behaviour even then, which UBSan reports.  Every sort and
 * every copy whose pointer may be null when empty goes through these.
 */
static inline void
fb_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static inline void *
fb_memcpy(void *dst, const void *src, size_t n)
{
	return n ? memcpy(dst, src, n) : dst;
}

/*
 * A function called several times a row whose call (saving registers,
 * the prologue) costs about what its body does, which the compiler will
 * not inline on its own: callgrind counts the difference.
 */
#if defined(__GNUC__) || defined(__clang__)
#define FB_ROW_INLINE inline __attribute__((always_inline))
#else
#define FB_ROW_INLINE inline
#endif

/*
 * Masks for reading the first n bytes of a value as whole words, where
 * more bytes may be read than are the value's: fb_keep(n) points at
 * FB_KEEP_MAX bytes, the first n (at most FB_KEEP_MAX) all ones and the
 * rest zero, so fb_word(v + k) & fb_word(fb_keep(n) + k) is the value's
 * bytes k to k + 7 with those past n cleared, whatever the byte order (the
 * mask is read as the value is).  A copy of n bytes to a zeroed buffer,
 * read back as words, stalls until the copy's stores land.
 */
#define FB_KEEP_MAX 24
extern const unsigned char fb_keep_table[2 * FB_KEEP_MAX];

static inline const unsigned char *
fb_keep(size_t n)
{
	return fb_keep_table + FB_KEEP_MAX - n;
}

/* The 8 bytes at p as a word, at any alignment. */
static inline uint64_t
fb_word(const void *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/*
 * The len bytes at a and b are the same: compared a word at a time, the
 * last word overlapping the one before, never reading past either.  A
 * code is at most 19 bytes and a date 10, so this is one to three compares
 * and no call; memcmp's call was 6% of the workers' time (profile, 10M rows).
 */
static inline int
fb_same_bytes(const char *a, const char *b, size_t len)
{
	uint64_t x, y;
	uint32_t u, v;

	if (len >= 8) {
		for (size_t i = 0; i + 8 < len; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + len - 8, 8);
		memcpy(&y, b + len - 8, 8);
		return x == y;
	}
	if (len >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return 0;
		memcpy(&u, a + len - 4, 4);
		memcpy(&v, b + len - 4, 4);
		return u == v;
	}
	return len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1]);
}

static inline char
fb_ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

void fb_trim_ends(const char **s, size_t *len);

/*
 * Move *s and *len past leading and trailing spaces and tabs.  Inline, as
 * the checker trims each of a row's values and almost none has any: the
 * loops cost 6% of a run's instructions.
 */
static inline void
fb_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	if (n && (p[0] == ' ' || p[0] == '\t' || p[n - 1] == ' ' || p[n - 1] == '\t'))
		fb_trim_ends(s, len);
}

/* 1 when s (NUL-terminated) equals the len bytes at t, ignoring ASCII case. */
int fb_strncaseeq(const char *s, const char *t, size_t len);

/*
 * Levenshtein distance between a (alen bytes) and b (blen bytes), ignoring
 * ASCII case; any distance above max is returned as max + 1, so a search
 * for near misses stops early.  For short strings (names and codes): at
 * most 64 bytes of b are compared, longer ones are max + 1.
 */
size_t fb_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max);

/*
 * The one line counter of the CSV readers (ingest.c, ofsted.c), which see a
 * file through libcsv's callbacks with CSV_REPALL_NL.  libcsv does not count
 * lines, so they do, as a text editor numbers them: LF, CRLF and a lone CR
 * each end one line, blank lines included.  Call fb_csv_lines_field() from
 * the field callback with the value's bytes (a quoted value's line breaks
 * are in them), and fb_csv_lines_end() from the end callback with its
 * terminator.  A CRLF arrives as a record ended by CR and then an empty one
 * ended by LF: the LF is not counted again.
 */
struct fb_csv_lines {
	long line;        /* the line the parser is on, from 1 */
	long start;       /* the line the current record began on */
	int in_record;    /* a field of the current record has arrived */
	int last_cr;      /* the last record ended with a CR */
};

void fb_csv_lines_init(struct fb_csv_lines *l);

/*
 * A field of len bytes at s has arrived: the record begins at l->line if
 * this is its first field.  Returns how many line breaks the value holds,
 * now added to l->line: Excel shows such a record as one row, so rows after
 * it are that many fewer than lines (fb_findings_map_lines()).
 */
long fb_csv_lines_field(struct fb_csv_lines *l, const char *s, size_t len);

/* The current record has ended with c (libcsv's end callback's argument). */
void fb_csv_lines_end(struct fb_csv_lines *l, int c);

/* The line a finding about the current record belongs on: where it began, else here. */
static inline long
fb_csv_lines_here(const struct fb_csv_lines *l)
{
	return l->in_record ? l->start : l->line;
}

/*
 * Text that grows as it is written, as git's strbuf: s is NUL-ended once
 * anything is added (NULL before), n its length; free(s) when done.
 */
struct fb_strbuf {
	char *s;
	size_t n, cap;
};

/* Append printf-style text to b. */
void fb_strbuf_addf(struct fb_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fb_strbuf_vaddf(struct fb_strbuf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/*
 * Write a refusal's reason into why (whylen bytes; nothing when 0), for
 * functions that answer with a message for their caller to show.  Returns
 * -1, so a refusal is one statement: return fb_why(why, whylen, "...").
 */
int fb_why(char *why, size_t whylen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* FNV-1a over len bytes, continuing from h (start with FB_HASH_INIT). */
#define FB_HASH_INIT 14695981039346656037ull
unsigned long long fb_hash(unsigned long long h, const void *p, size_t len);

/*
 * Length of the well-formed UTF-8 sequence at s (at most len bytes, len > 0):
 * 1 for ASCII, 2..4 for a valid multi-byte sequence, 0 when the bytes are not
 * UTF-8 (overlong forms and surrogates included).
 */
size_t fb_utf8_seq(const unsigned char *s, size_t len);

/*
 * csv_parse() over all len bytes of s with a parser made with CSV_STRICT.
 * Strict mode stops at malformed quoting: a character after a closing quote
 * other than a comma or a line end ("H1"x), or a double quote inside an
 * unquoted value (ab"c).  Without it libcsv keeps the value open, so a stray
 * character after a closing quote runs the row into the next one.  At each
 * such byte bad(ctx, quoted) is called (quoted: the value had opened with a
 * quote), the byte is dropped and parsing carries on, so the row ends where
 * it ends; the caller decides what the row is worth.  Returns 0, or -1 when
 * libcsv failed otherwise (out of memory).  The tool's one call of
 * csv_parse(), whose result it checks; its callers (ingest.c, ofsted.c)
 * check this result, and csv_init()'s and csv_fini()'s.
 */
struct csv_parser;

/*
 * csv_init() with the tool's block size: libcsv grows a value's buffer by
 * its block size at a time, by default 128 bytes, so a value of a few MB
 * was thousands of reallocs, each a copy under AddressSanitizer (quadratic:
 * sanitizer runs timed out on files the plain build read in 0.4 s).  With
 * FB_CSV_BLOCK a value of the longest a record may be (FB_MAX_RECORD,
 * limits.h) takes 16.  Every parser is made here.  Returns csv_init()'s
 * result.
 */
#define FB_CSV_BLOCK ((size_t)1 << 20)
int fb_csv_init(struct csv_parser *p, unsigned char options);

int fb_csv_parse_strict(struct csv_parser *p, const void *s, size_t len,
			void (*field)(void *, size_t, void *), void (*end)(int, void *),
			void (*bad)(void *, int quoted), void *ctx);

#endif
