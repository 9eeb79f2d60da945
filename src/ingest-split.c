/*
 * ingest-split.c: the quote-free fast path's line splitter (ingest-split.h).
 *
 * A line is read a word (16 or 8 bytes, see below) at a time.  Each word
 * gives four masks, a bit for each separator, each double quote, each
 * byte libcsv must read (CR, LF, >= 0x80) and each space or tab.  Until
 * the first quote, the values end at the separators: the word is copied
 * with NULs for them, the values' starts come from the separators' mask,
 * and padding (a space or tab beside a separator or the line's ends) from
 * the masks together, with no branch a value.  From the first quote on,
 * separators and quotes are taken in order, as events, by a small state
 * machine, and bytes are copied each to its place less the quotes before
 * it.  Either way the values are packed one after another as libcsv packs
 * them.
 */
#include "ingest-split.h"

#include <stdint.h>
#include <string.h>

#include "util.h"

/* libcsv drops spaces and tabs around a value: such a value is libcsv's. */
static int
padded(const unsigned char *s, size_t from, size_t to)
{
	return to > from && (s[from] == ' ' || s[from] == '\t' ||
			     s[to - 1] == ' ' || s[to - 1] == '\t');
}

/*
 * A word's events: bit BIT(k) set in a mask when byte k of the word is
 * one.  Words are SPLIT_WORD bytes: sixteen, compared at once, where the
 * compiler has SSE2 (every x86-64); else eight, read as a number where the
 * byte order lets a bit's index name its byte (little-endian: ARM as run,
 * WebAssembly), else by the kind table a byte at a time.  The masks mean
 * the same each way; tests/test-split-ways.c builds each way (FB_SPLIT_WAY)
 * and compares them.
 */
struct masks {
	uint64_t sep, quote, decline, space;   /* space: ' ' or tab */
};

#ifndef FB_SPLIT_WAY
#if defined(__SSE2__)
#define FB_SPLIT_WAY 16
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__GNUC__) || defined(__clang__))
#define FB_SPLIT_WAY 8
#else
#define FB_SPLIT_WAY 1
#endif
#endif

#if FB_SPLIT_WAY == 16
#include <emmintrin.h>

#define SPLIT_WORD 16
#define BIT(k) ((uint64_t)1 << (k))
#define BYTE_OF(bit) (bit)
#define STEP 1

static inline void
word_masks(const struct fb_split *sp, const unsigned char *b, struct masks *m)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)b);

	m->sep = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)sp->delim)));
	m->quote = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
	m->decline = (uint64_t)(_mm_movemask_epi8(v) |
				_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))) |
				_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
	m->space = (uint64_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
							     _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
}

/* The word b to dst, each separator (sep, its mask) as a NUL. */
static inline void
copy_cut(unsigned char *dst, const unsigned char *b, uint64_t sep, unsigned char delim)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)b);

	(void)sep;
	v = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)delim)), v);
	_mm_storeu_si128((__m128i *)(void *)dst, v);
}
#elif FB_SPLIT_WAY == 8
#define SPLIT_WORD 8
#define BIT(k) ((uint64_t)0x80 << (8 * (k)))
#define BYTE_OF(bit) ((bit) >> 3)
#define STEP 8
#define ONES 0x0101010101010101ull
#define LOW7 0x7f7f7f7f7f7f7f7full

/* The top bit of each byte of w equal to c, and no other bit (no carries across bytes). */
static inline uint64_t
bytes_equal(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return ~(((x & LOW7) + LOW7) | x | LOW7);
}

static inline void
word_masks(const struct fb_split *sp, const unsigned char *b, struct masks *m)
{
	uint64_t w;

	memcpy(&w, b, 8);
	m->sep = bytes_equal(w, sp->delim);
	m->quote = bytes_equal(w, '"');
	m->decline = (w & ~LOW7) | bytes_equal(w, '\r') | bytes_equal(w, '\n');
	m->space = bytes_equal(w, ' ') | bytes_equal(w, '\t');
}

static inline void
copy_cut(unsigned char *dst, const unsigned char *b, uint64_t sep, unsigned char delim)
{
	uint64_t w;

	(void)delim;
	memcpy(&w, b, 8);
	w &= ~((sep >> 7) * 0xff);
	memcpy(dst, &w, 8);
}
#else
#define SPLIT_WORD 8
#define BIT(k) ((uint64_t)1 << (k))
#define BYTE_OF(bit) (bit)
#define STEP 1

static inline void
word_masks(const struct fb_split *sp, const unsigned char *b, struct masks *m)
{
	m->sep = m->quote = m->decline = m->space = 0;
	for (int k = 0; k < SPLIT_WORD; k++) {
		switch (sp->kind[b[k]]) {
		case FB_SPLIT_SEP: m->sep |= BIT(k); break;
		case FB_SPLIT_QUOTE: m->quote |= BIT(k); break;
		case FB_SPLIT_DECLINE: m->decline |= BIT(k); break;
		}
		if (b[k] == ' ' || b[k] == '\t')
			m->space |= BIT(k);
	}
}

static inline void
copy_cut(unsigned char *dst, const unsigned char *b, uint64_t sep, unsigned char delim)
{
	(void)sep;
	for (int k = 0; k < SPLIT_WORD; k++)
		dst[k] = b[k] == delim ? 0 : b[k];
}
#endif

_Static_assert(SPLIT_WORD <= FB_SPLIT_SLACK, "a word's copy fits buf's slack");

/* The index of the lowest set bit of x (not 0). */
static inline unsigned
lowest(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned k = 0;

	while (!(x & 1)) {
		x >>= 1;
		k++;
	}
	return k;
#endif
}

/* Where a value is, as the splitter reads on. */
enum { UNQUOTED, IN_QUOTES, CLOSED };

struct cut {
	size_t n;        /* values ended */
	size_t from;     /* the value's first byte in the line (its quote, if quoted) */
	size_t start;    /* ... in buf */
	size_t close;    /* a quoted value's closing quote in the line */
	size_t shift;    /* quotes so far: a byte at i goes to buf[i - shift] */
	int state;
	int nonblank;
};

/* End the value at the separator (or the line's end) at: 0 to decline. */
static inline int
end_value(const struct fb_split *sp, const unsigned char *s, char *buf, size_t *off,
	  struct cut *c, size_t at)
{
	size_t end = at - c->shift;

	if (c->state == CLOSED) {
		if (at != c->close + 1 || padded(s, c->from + 1, c->close))
			return 0;
	} else if (padded(s, c->from, at)) {
		return 0;
	}
	if (c->n == sp->nfields)
		return 0;
	off[c->n++] = c->start;
	buf[end] = '\0';
	c->nonblank |= end > c->start;
	c->from = at + 1;
	c->start = end + 1;
	c->state = UNQUOTED;
	return 1;
}

/*
 * The r (< SPLIT_WORD) bytes at s into a zeroed word, by fixed-size
 * copies (a load each; a copy of r bytes would be a call a line).
 */
static inline void
tail_copy(unsigned char *tail, const unsigned char *s, size_t r)
{
	if (r >= 8) {
		memcpy(tail, s, 8);
		memcpy(tail + r - 8, s + r - 8, 8);
	} else if (r >= 4) {
		memcpy(tail, s, 4);
		memcpy(tail + r - 4, s + r - 4, 4);
	} else if (r > 0) {
		tail[0] = s[0];
		tail[r / 2] = s[r / 2];
		tail[r - 1] = s[r - 1];
	}
}

/*
 * Or'd into a mask before lowest(), which has no answer for 0: a mask with
 * no bit left then gives 63, whose offset is written past the values and
 * never read.
 */
#define HIGH ((uint64_t)1 << 63)

/*
 * The set bits of x, without a branch or a call: plain x86-64 has no
 * popcount instruction, and the builtin is then a call (7% of the time).
 * Nearly every x86-64 has the instruction, though, and with it the cut of
 * a line takes 3% fewer instructions: there the line is cut by a copy of
 * the splitter built to use it (hw set), chosen once by fb_split_init().
 */
#if FB_SPLIT_WAY == 16 && defined(__x86_64__) && !defined(__POPCNT__) && \
    (defined(__GNUC__) || defined(__clang__))
#define SPLIT_POPCNT 1
#else
#define SPLIT_POPCNT 0
#endif

static FB_ROW_INLINE unsigned
ones(uint64_t x, int hw)
{
#if defined(__POPCNT__) || defined(__wasm__)
	(void)hw;
	return (unsigned)__builtin_popcountll(x);
#else
#if SPLIT_POPCNT
	if (hw)
		return (unsigned)__builtin_popcountll(x);
#else
	(void)hw;
#endif
	x = x - (x >> 1 & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + (x >> 2 & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* The cut of a line's words before its first quote. */
struct plain {
	size_t seps;           /* separators so far */
	uint64_t sep_before;   /* the byte before the word, as its bit 0: a separator */
	uint64_t space_before; /* ... a space or tab (not separating) */
	uint64_t pad;          /* a value with a space or tab at either end */
};

/*
 * The word at i (m, its masks, bytes past the line's end clear), copied
 * already: its separators' offsets, its padding.  0 when the line has
 * too many values.
 */
static FB_ROW_INLINE int
plain_word(size_t nfields, size_t *off, struct plain *p, size_t i, struct masks *m, int hw)
{
	uint64_t t = m->sep;
	/* off has room for 4 more: those past the word's separators are written over or unused. */
	size_t *o = off + p->seps + 1;

	/* A tab that separates is not padding. */
	m->space &= ~m->sep;
	p->pad |= m->space & (m->sep << STEP | p->sep_before | m->sep >> STEP);
	p->pad |= m->sep & p->space_before;
	p->sep_before = m->sep >> (STEP * (SPLIT_WORD - 1));
	p->space_before = m->space >> (STEP * (SPLIT_WORD - 1));
	p->seps += ones(t, hw);
	if (p->seps >= nfields)
		return 0;
	o[0] = i + BYTE_OF(lowest(t | HIGH)) + 1;
	t &= t - 1;
	o[1] = i + BYTE_OF(lowest(t | HIGH)) + 1;
	t &= t - 1;
	o[2] = i + BYTE_OF(lowest(t | HIGH)) + 1;
	t &= t - 1;
	o[3] = i + BYTE_OF(lowest(t | HIGH)) + 1;
	t &= t - 1;
	for (o += 4; t; t &= t - 1)
		*o++ = i + BYTE_OF(lowest(t)) + 1;
	return 1;
}

/* fb_split_line(), counting bits with the popcount instruction when hw is set. */
static FB_ROW_INLINE size_t
split_line(const struct fb_split *sp, const char *line, size_t len, char *buf, size_t *off,
	   int hw)
{
	const unsigned char *s = (const unsigned char *)line;
	unsigned char *out = (unsigned char *)buf;
	struct cut c = { 0 };
	struct plain p = { 0, BIT(0), 0, 0 };
	struct masks m;
	size_t i = 0;

	/* Only separators (an empty line too): a blank row, counted by libcsv's path. */
	if (len < sp->nfields)
		return 0;
	/*
	 * Words without a quote, while there has been none: the values end at
	 * the separators, so the word is copied with NULs for them and the
	 * values' starts are written from the mask, four without a branch
	 * (a loop over a word's separators mispredicted its end once a word).
	 * A value with a space or tab at either end is found from the masks.
	 * The last word, of fewer bytes, is taken after the loop: a test for
	 * it in the loop mispredicted once a line.
	 */
	for (; i + SPLIT_WORD <= len; i += SPLIT_WORD) {
		word_masks(sp, s + i, &m);
		if (m.decline)
			return 0;
		if (m.quote)
			goto quoted;
		copy_cut(out + i, s + i, m.sep, sp->delim);
		if (!plain_word(sp->nfields, off, &p, i, &m, hw))
			return 0;
	}
	if (i < len) {
		if (len >= SPLIT_WORD) {
			/*
			 * Read from the line's last SPLIT_WORD bytes, the ones done
			 * already shifted out: no copy, no read past the line.  They
			 * had no quote nor byte to decline, and copy the same again.
			 */
			const unsigned char *b = s + len - SPLIT_WORD;
			size_t back = SPLIT_WORD - (len - i);

			word_masks(sp, b, &m);
			if (m.decline)
				return 0;
			if (m.quote)
				goto quoted;
			copy_cut(out + len - SPLIT_WORD, b, m.sep, sp->delim);
			m.sep >>= STEP * back;
			m.space >>= STEP * back;
		} else {
			unsigned char tail[SPLIT_WORD] = { 0 };

			tail_copy(tail, s + i, len - i);
			word_masks(sp, tail, &m);
			if (m.decline)
				return 0;
			if (m.quote)
				goto quoted;
			copy_cut(out + i, tail, m.sep, sp->delim);
		}
		if (!plain_word(sp->nfields, off, &p, i, &m, hw))
			return 0;
	}
	/* No quote: the last value ends at the line's end. */
	if (p.pad || p.seps + 1 != sp->nfields || s[len - 1] == ' ' || s[len - 1] == '\t')
		return 0;
	off[0] = 0;
	buf[len] = '\0';
	off[sp->nfields] = len + 1;
	return sp->nfields;

quoted:
	if (p.pad)
		return 0;
	off[0] = 0;
	/* A quote in the word at i: the values so far are ended, the next begun. */
	c.n = p.seps;
	c.from = c.start = p.seps ? off[p.seps] : 0;
	c.nonblank = i > p.seps;
	for (; i < len; i += SPLIT_WORD) {
		unsigned char tail[SPLIT_WORD] = { 0 };
		const unsigned char *b = s + i;
		uint64_t ev;

		/* The last bytes, padded with NULs, which are plain. */
		if (len - i < SPLIT_WORD) {
			tail_copy(tail, s + i, len - i);
			b = tail;
		}
		word_masks(sp, b, &m);
		if (m.decline)
			return 0;
		memcpy(buf + i - c.shift, b, SPLIT_WORD);
		for (ev = m.sep | m.quote; ev; ev &= ev - 1) {
			unsigned k = BYTE_OF(lowest(ev));
			size_t at = i + k;

			if (!(m.quote & BIT(k))) {
				/* A separator inside quotes is the value's. */
				if (c.state != IN_QUOTES && !end_value(sp, s, buf, off, &c, at))
					return 0;
				continue;
			}
			if (c.state == UNQUOTED) {
				/* Only a whole value may be quoted. */
				if (at != c.from)
					return 0;
				c.state = IN_QUOTES;
			} else if (c.state == IN_QUOTES) {
				c.state = CLOSED;
				c.close = at;
			} else {
				/* "" inside a value, or a quote after one: libcsv's. */
				return 0;
			}
			/*
			 * The quote is dropped: the word's bytes after it move down
			 * one; copied a word's worth where the line has them (a copy
			 * of a varying length is a call).
			 */
			c.shift++;
			if (at + 1 + SPLIT_WORD <= len)
				memcpy(buf + at + 1 - c.shift, s + at + 1, SPLIT_WORD);
			else
				memcpy(buf + at + 1 - c.shift, b + k + 1, SPLIT_WORD - 1 - k);
		}
	}
	if (c.state == IN_QUOTES || !end_value(sp, s, buf, off, &c, len) ||
	    c.n != sp->nfields || !c.nonblank)
		return 0;
	off[c.n] = c.start;
	return c.n;
}

#if SPLIT_POPCNT
__attribute__((target("popcnt"))) static size_t
split_line_popcnt(const struct fb_split *sp, const char *line, size_t len, char *buf,
		  size_t *off)
{
	return split_line(sp, line, len, buf, off, 1);
}
#endif

size_t
fb_split_line(const struct fb_split *sp, const char *line, size_t len, char *buf, size_t *off)
{
#if SPLIT_POPCNT
	if (sp->popcnt)
		return split_line_popcnt(sp, line, len, buf, off);
#endif
	return split_line(sp, line, len, buf, off, 0);
}

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
#if SPLIT_POPCNT
	sp->popcnt = __builtin_cpu_supports("popcnt");
#else
	sp->popcnt = 0;
#endif
}
