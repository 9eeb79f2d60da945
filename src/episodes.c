/*
 * episodes.c: episode rows, the rules across a bed's episodes, bed-nights.
 *
 * Memory is the point of the layout (spec/bed-episodes.md "Memory"): every
 * usable episode is kept until the last input is read, so an episode is 12
 * bytes and a bed its key and one index.
 *
 * An episode's dates are days since 1900-01-01, the first date a date may
 * hold (date.h), in 22 bits; its line is the step from the line of the
 * episode added before it, in 10 bits, 0 when a mark (file, line) says it
 * instead: at every 256th episode (so that finding a line adds at most
 * 255 steps; block[] finds the mark), a change of file, and a step back or
 * of 1024 or more.
 * A step of 1024 passes over 1023 lines, so those marks are at most one per
 * 1024 lines of input.
 *
 * A bed is an entry in arena: its latest episode (index + 1; each episode
 * names the same bed's one before it), the key's length as a varint, then
 * the key: la_code in two bytes, household_id after its length as a
 * varint, then bed_id, so no identifier's bytes can run into the next and
 * the key can be read back for messages.  Entries start at multiples of 4,
 * so a 32-bit slot can name one in up to 16 GiB of keys.  The slots are
 * open addressing with linear probing, with a byte per slot holding 7 bits
 * of the hash, so that a probe rarely reads a key that is not the one
 * sought; keys are always compared in full.
 */
#include "fosterbeds/episodes.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/tally.h"
#include "util.h"

/* 12 bytes, see above. */
struct fb_ep {
	unsigned from : 22;
	unsigned step : 10;      /* line - the line before; 0: see the marks */
	unsigned to : 22;        /* OPEN22 when status_to is blank */
	unsigned bed_use : 2;
	unsigned status : 2;
	unsigned rejected : 1;   /* by FB031, after every input */
	unsigned : 5;
	uint32_t prev;           /* the same bed's episode added before, index + 1; 0 ends */
};

struct fb_ep_mark {
	size_t index;
	unsigned file, line;
};

#define DAY0 (-25567)            /* 1900-01-01 as days since 1970-01-01 */
#define OPEN22 ((1u << 22) - 1)  /* beyond 9999-12-31, 2,958,463 days after DAY0 */
#define STEP_MAX 1023
#define MARK_EVERY 256
#define FIRST_SLOTS 64

_Static_assert(sizeof(struct fb_ep) == 12, "an episode is 12 bytes");
_Static_assert(FB_USE_COUNT <= 4 && FB_ST_COUNT <= 4, "bed_use and status fit 2 bits");

/* Grow *buf to hold need elements of elem bytes, by half at a time. */
static void
grow(void **buf, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap;

	if (need <= n)
		return;
	while (n < need) {
		if (n > ((size_t)-1 / 3) / elem)
			fb_out_of_memory();
		n = n < 16 ? 16 : n + n / 2;
	}
	*buf = fb_xrealloc(*buf, n * elem);
	*cap = n;
}

void
fb_episodes_init(struct fb_episodes *e)
{
	memset(e, 0, sizeof(*e));
}

void
fb_episodes_release(struct fb_episodes *e)
{
	free(e->ep);
	free(e->mark);
	free(e->block);
	free(e->arena);
	free(e->slot);
	free(e->tag);
	free(e->key);
	free(e->items);
	memset(e, 0, sizeof(*e));
}

int
fb_episode_row_check(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed, int *to)
{
	int reject = fb_checker_check_as(c, row, bed, "status_from");
	const char *s = row->cell[FB_EP_STATUS_TO];
	size_t len = row->len[FB_EP_STATUS_TO];
	char vis[FB_VISIBLE_SIZE], a[FB_DATE_LEN + 1], b[FB_DATE_LEN + 1];
	enum fb_date_form form;
	int from;

	*to = FB_EP_OPEN;
	if (row->reject != FB_NONE)
		return row->reject;
	if (s)
		fb_trim(&s, &len);
	if (!s || len == 0)
		return reject;
	if (fb_date_parse(s, len, to, &form) != 0) {
		*to = FB_EP_OPEN;
		fb_findings_add(c->out, FB_R_BAD_DATE, row->file, row->line, "status_to",
				fb_visible(vis, s, len), "status_to '%s' is not a real date in "
				"YYYY-MM-DD form; write it like 2026-09-30, or leave it blank "
				"while the episode goes on", vis);
		return reject == FB_NONE ? FB_R_BAD_DATE : reject;
	}
	/* Compared only when status_from is a date too (its own finding says if not). */
	if (row->cell[FB_F_SNAPSHOT_DATE] &&
	    fb_date_parse(row->cell[FB_F_SNAPSHOT_DATE], row->len[FB_F_SNAPSHOT_DATE], &from,
			  &form) == 0 && from > *to) {
		fb_date_format(from, a);
		fb_date_format(*to, b);
		fb_findings_add(c->out, FB_R_EPISODE_REVERSED, row->file, row->line, "status_to",
				fb_visible(vis, s, len), "status_from %s is after status_to %s; "
				"status_to is the last date of the episode, on or after "
				"status_from", a, b);
		if (reject == FB_NONE)
			reject = FB_R_EPISODE_REVERSED;
	}
	return reject;
}

/* Write v as a varint (7 bits a byte, low first) at p; returns its length. */
static size_t
put_varint(unsigned char *p, size_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

static size_t
get_varint(const unsigned char *p, size_t *v)
{
	size_t n = 0, shift = 0;

	*v = 0;
	do {
		*v |= (size_t)(p[n] & 0x7f) << shift;
		shift += 7;
	} while (p[n++] & 0x80);
	return n;
}

#define VARINT_MAX (sizeof(size_t) * 8 / 7 + 1)

/* The bed's key into e->key (see the top of the file); returns its length. */
static size_t
make_key(struct fb_episodes *e, const struct fb_bed *bed)
{
	size_t k = 0;

	grow((void **)&e->key, &e->keycap, 2 + VARINT_MAX + bed->household_len +
	     bed->bed_id_len, 1);
	e->key[k++] = (unsigned char)(bed->la_code >> 8);
	e->key[k++] = (unsigned char)bed->la_code;
	k += put_varint(e->key + k, bed->household_len);
	fb_memcpy(e->key + k, bed->household, bed->household_len);
	k += bed->household_len;
	fb_memcpy(e->key + k, bed->bed_id, bed->bed_id_len);
	return k + bed->bed_id_len;
}

/* A bed's entry in arena at off: its key and length; returns the entry's length. */
static size_t
bed_key(const struct fb_episodes *e, size_t off, const unsigned char **key, size_t *len)
{
	size_t n = get_varint(e->arena + off + 4, len);

	*key = e->arena + off + 4 + n;
	return (4 + n + *len + 3) & ~(size_t)3;
}

static uint32_t *
bed_head(struct fb_episodes *e, size_t off)
{
	return (uint32_t *)(void *)(e->arena + off);
}

static uint64_t
key_hash(const unsigned char *key, size_t len)
{
	uint64_t h = fb_hash(FB_HASH_INIT, key, len);

	/* FNV-1a's top bits depend little on the last bytes: mix them (fmix64). */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

#define TAG(h) (unsigned char)(0x80 | (h) >> 57)

/* Place the bed at off in the first empty slot from its hash's. */
static void
place(struct fb_episodes *e, uint64_t h, size_t off)
{
	size_t s = (size_t)h & (e->nslot - 1);

	while (e->tag[s])
		s = (s + 1) & (e->nslot - 1);
	e->tag[s] = TAG(h);
	e->slot[s] = (uint32_t)(off / 4);
}

/* Twice the slots, every bed placed again in first-seen order. */
static void
rehash(struct fb_episodes *e)
{
	size_t n = e->nslot ? 2 * e->nslot : FIRST_SLOTS;

	free(e->slot);
	free(e->tag);
	e->nslot = n;
	e->slot = fb_xcalloc(n, sizeof(*e->slot));
	e->tag = fb_xcalloc(n, 1);
	for (size_t off = 0; off < e->arena_len;) {
		const unsigned char *key;
		size_t len, step = bed_key(e, off, &key, &len);

		place(e, key_hash(key, len), off);
		off += step;
	}
}

/* The offset of the bed with key e->key[0..len), a new one if none. */
static size_t
find_bed(struct fb_episodes *e, size_t len)
{
	const unsigned char *k;
	size_t s, klen, off, need;
	uint64_t h;

	/* Episode files often list a bed's episodes one after another. */
	if (e->last_bed) {
		bed_key(e, e->last_bed - 1, &k, &klen);
		if (klen == len && memcmp(k, e->key, len) == 0)
			return e->last_bed - 1;
	}
	h = key_hash(e->key, len);
	if (e->nslot) {
		for (s = (size_t)h & (e->nslot - 1); e->tag[s]; s = (s + 1) & (e->nslot - 1)) {
			if (e->tag[s] != TAG(h))
				continue;
			off = (size_t)e->slot[s] * 4;
			bed_key(e, off, &k, &klen);
			if (klen == len && memcmp(k, e->key, len) == 0)
				return off;
		}
	}
	off = e->arena_len;
	if (off / 4 > UINT32_MAX)
		fb_out_of_memory();
	need = (4 + VARINT_MAX + len + 3) & ~(size_t)3;
	grow((void **)&e->arena, &e->arena_cap, off + need, 1);
	memset(e->arena + off, 0, need);
	need = 4 + put_varint(e->arena + off + 4, len);
	memcpy(e->arena + off + need, e->key, len);
	e->arena_len = (off + need + len + 3) & ~(size_t)3;
	if (++e->nbed > e->nslot / 4 * 3)
		rehash(e);
	else
		place(e, h, off);
	return off;
}

void
fb_episodes_add(struct fb_episodes *e, const struct fb_bed *bed, int to, int file, long line)
{
	size_t off = find_bed(e, make_key(e, bed)), i = e->count;
	uint32_t *head = bed_head(e, off);
	unsigned ln = (unsigned)line, f = (unsigned)file;
	struct fb_ep *ep;

	if (i >= UINT32_MAX)
		fb_out_of_memory();
	grow((void **)&e->ep, &e->cap, i + 1, sizeof(*e->ep));
	ep = &e->ep[i];
	ep->from = (unsigned)(bed->date - DAY0);
	ep->to = to == FB_EP_OPEN ? OPEN22 : (unsigned)(to - DAY0);
	ep->bed_use = (unsigned)bed->bed_use;
	ep->status = (unsigned)bed->status;
	ep->rejected = 0;
	if (i > 0 && (f < e->last_file || (f == e->last_file && ln <= e->last_line)))
		e->unordered = 1;
	if (i % MARK_EVERY && f == e->last_file && ln > e->last_line &&
	    ln - e->last_line <= STEP_MAX) {
		ep->step = ln - e->last_line;
	} else {
		ep->step = 0;
		if (i % MARK_EVERY == 0) {
			grow((void **)&e->block, &e->blockcap, i / MARK_EVERY + 1,
			     sizeof(*e->block));
			e->block[i / MARK_EVERY] = (uint32_t)e->nmark;
		}
		grow((void **)&e->mark, &e->markcap, e->nmark + 1, sizeof(*e->mark));
		e->mark[e->nmark++] = (struct fb_ep_mark){ .index = i, .file = f, .line = ln };
	}
	e->last_file = f;
	e->last_line = ln;
	ep->prev = *head;
	*head = (uint32_t)(i + 1);
	e->last_bed = off + 1;
	e->count = e->n = i + 1;
}

static int
ep_from(const struct fb_ep *ep)
{
	return (int)ep->from + DAY0;
}

static int
ep_to(const struct fb_ep *ep)
{
	return ep->to == OPEN22 ? FB_EP_OPEN : (int)ep->to + DAY0;
}

/*
 * A cursor over the episodes' files and lines: the last one found.  A
 * bed's episodes are often near each other in the input, so the next one
 * sought is often a few steps on.
 */
struct cursor {
	const struct fb_episodes *e;
	size_t index, mark;      /* mark[mark] is the last mark at or before index */
	unsigned file, line;
	int valid;
};

/* Episode i's file and line: a mark's, plus the steps after it. */
static void
ep_where(struct cursor *c, size_t i, unsigned *file, unsigned *line)
{
	const struct fb_episodes *e = c->e;

	/* Back over steps alone (an overlap names the episode before). */
	while (c->valid && c->index > i && e->ep[c->index].step)
		c->line -= e->ep[c->index--].step;
	if (!c->valid || c->index > i || i - c->index >= MARK_EVERY) {
		c->mark = e->block[i / MARK_EVERY];
		c->index = e->mark[c->mark].index;
		c->file = e->mark[c->mark].file;
		c->line = e->mark[c->mark].line;
		c->valid = 1;
	}
	/* Each episode with no step has the next mark. */
	for (size_t j = c->index + 1; j <= i; j++) {
		if (e->ep[j].step) {
			c->line += e->ep[j].step;
		} else {
			c->mark++;
			c->file = e->mark[c->mark].file;
			c->line = e->mark[c->mark].line;
		}
	}
	c->index = i;
	*file = c->file;
	*line = c->line;
}

long
fb_span_nights(int from, int to, const struct fb_period *period)
{
	long lo = from > period->from ? from : period->from;
	long hi = to < period->to ? to : period->to;

	return hi >= lo ? hi - lo + 1 : 0;
}

/* "bed '2' of household 'HH-1' (la_code 851)" from a key, into out. */
static void
describe(const unsigned char *key, size_t len, char *out, size_t outlen)
{
	char hh[FB_VISIBLE_SIZE], bed[FB_VISIBLE_SIZE];
	size_t hlen, n = get_varint(key + 2, &hlen);
	const char *h = (const char *)key + 2 + n;

	fb_visible(hh, h, hlen);
	fb_visible(bed, h + hlen, len - 2 - n - hlen);
	snprintf(out, outlen, "bed '%s' of household '%s' (la_code %03d)", bed, hh,
		 key[0] << 8 | key[1]);
}

/* An episode as the rules across a bed see it; its file and line once found. */
struct seen {
	size_t index;
	int from, to;
	int found;
	unsigned file, line;
};

static void
find_where(struct cursor *c, struct seen *s)
{
	if (!s->found)
		ep_where(c, s->index, &s->file, &s->line);
	s->found = 1;
}

/* "2026-07-01..2026-07-31" or "2026-07-01.." for an open episode. */
static void
span(const struct seen *ep, char out[2 * FB_DATE_LEN + 3])
{
	fb_date_format(ep->from, out);
	strcpy(out + FB_DATE_LEN, "..");
	if (ep->to == FB_EP_OPEN)
		out[FB_DATE_LEN + 2] = '\0';
	else
		fb_date_format(ep->to, out + FB_DATE_LEN + 2);
}

/* " of FILE" when b's file is not a's (file afile), else "". */
static void
where(unsigned afile, unsigned bfile, const char *const *names, char *out, size_t outlen)
{
	char vis[FB_VISIBLE_SIZE];

	out[0] = '\0';
	if (afile != bfile)
		snprintf(out, outlen, " of %s",
			 fb_visible(vis, names[bfile], strlen(names[bfile])));
}

static int
by_dates(struct cursor *c, struct seen *a, struct seen *b)
{
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	/* Added in input order, as they are read, index order is file and line order. */
	if (!c->e->unordered)
		return a->index < b->index ? -1 : a->index > b->index;
	find_where(c, a);
	find_where(c, b);
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/*
 * Merge sort of s[0..n) by dates, then file and line.  Not qsort(): its
 * comparator gets no context, and a file-scope pointer to the episodes would
 * be state shared by every thread checking episodes.
 */
static void
sort_by_dates(struct cursor *c, struct seen *s, struct seen *tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	sort_by_dates(c, s, tmp, half);
	sort_by_dates(c, s + half, tmp, n - half);
	while (i < half && j < n)
		tmp[k++] = by_dates(c, &s[j], &s[i]) < 0 ? s[j++] : s[i++];
	while (i < half)
		tmp[k++] = s[i++];
	while (j < n)
		tmp[k++] = s[j++];
	memcpy(s, tmp, n * sizeof(*s));
}

static void
check_bed(struct fb_episodes *e, struct cursor *cur, const unsigned char *key, size_t keylen,
	  struct seen *s, struct seen *tmp, size_t n, const struct fb_period *period,
	  struct fb_findings *out, const char *const *names)
{
	char bed[3 * FB_VISIBLE_SIZE], s1[2 * FB_DATE_LEN + 3], s2[2 * FB_DATE_LEN + 3];
	char in[FB_VISIBLE_SIZE + 8], d1[FB_DATE_LEN + 1], d2[FB_DATE_LEN + 1];
	size_t cover = 0, prev = 0;
	int have_prev = 0;

	sort_by_dates(cur, s, tmp, n);
	/* Described only for a finding: most beds have none. */
	bed[0] = '\0';

	/* Overlaps: each episode against the one reaching furthest before it. */
	for (size_t k = 1; k < n; k++) {
		struct seen *ep = &s[k], *c = &s[cover];

		if (ep->from <= c->to) {
			if (!bed[0])
				describe(key, keylen, bed, sizeof(bed));
			span(ep, s1);
			span(c, s2);
			find_where(cur, ep);
			find_where(cur, c);
			where(ep->file, c->file, names, in, sizeof(in));
			fb_findings_add(out, FB_R_EPISODE_OVERLAP, (int)ep->file, ep->line,
					"status_from", NULL, "%s: this episode (%s) overlaps the "
					"episode on line %ld%s (%s); neither is counted", bed, s1,
					(long)c->line, in, s2);
			e->ep[ep->index].rejected = e->ep[c->index].rejected = 1;
		}
		if (ep->to > c->to)
			cover = k;
	}
	if (!period)
		return;
	/* Gaps inside the period between counted episodes. */
	for (size_t k = 0; k < n; k++) {
		struct seen *ep = &s[k], *p = &s[prev];

		if (e->ep[ep->index].rejected)
			continue;
		if (have_prev && (long)ep->from > (long)p->to + 1) {
			long nights = fb_span_nights(p->to + 1, ep->from - 1, period);

			if (nights > 0) {
				int lo = p->to + 1 > period->from ? p->to + 1 : period->from;
				int hi = ep->from - 1 < period->to ? ep->from - 1 : period->to;

				if (!bed[0])
					describe(key, keylen, bed, sizeof(bed));
				fb_date_format(lo, d1);
				fb_date_format(hi, d2);
				find_where(cur, ep);
				find_where(cur, p);
				where(ep->file, p->file, names, in, sizeof(in));
				fb_findings_add(out, FB_R_EPISODE_GAP, (int)ep->file, ep->line,
						"status_from", NULL, "%s has no episode from %s to "
						"%s, between the episode on line %ld%s and this one; "
						"it is not counted on those %ld night%s", bed, d1, d2,
						(long)p->line, in, nights, nights == 1 ? "" : "s");
			}
		}
		prev = k;
		have_prev = 1;
	}
}

void
fb_episodes_check_across(struct fb_episodes *e, const struct fb_period *period,
			 struct fb_findings *out, const char *const *names)
{
	struct seen *s = NULL, *tmp = NULL;
	struct cursor cur = { .e = e };
	size_t cap = 0, tmpcap = 0, nrej = 0;
	unsigned file = 0, line = 0;

	for (size_t off = 0; off < e->arena_len;) {
		const unsigned char *key;
		size_t keylen, step = bed_key(e, off, &key, &keylen), n = 0;

		for (uint32_t i = *bed_head(e, off); i; i = e->ep[i - 1].prev) {
			grow((void **)&s, &cap, n + 1, sizeof(*s));
			s[n++] = (struct seen){ .index = i - 1, .from = ep_from(&e->ep[i - 1]),
						.to = ep_to(&e->ep[i - 1]) };
		}
		grow((void **)&tmp, &tmpcap, n, sizeof(*tmp));
		check_bed(e, &cur, key, keylen, s, tmp, n, period, out, names);
		off += step;
	}
	free(s);
	free(tmp);

	/* The rejected, for the run's counts per file. */
	free(e->items);
	e->items = NULL;
	cap = 0;
	for (size_t i = 0; i < e->count; i++) {
		if (!e->ep[i].rejected)
			continue;
		ep_where(&cur, i, &file, &line);
		grow((void **)&e->items, &cap, nrej + 1, sizeof(*e->items));
		e->items[nrej++] = (struct fb_episode){ .file = file, .line = line,
							.rejected = FB_R_EPISODE_OVERLAP };
	}
	e->n = nrej;
}

size_t
fb_episodes_bed_nights(const struct fb_episodes *e, const struct fb_period *period,
		       struct fb_nights_row **rows)
{
	struct fb_nights *la = fb_xcalloc(1000, sizeof(*la)), all = { 0 };
	size_t n = 0, nla = 0;

	for (size_t off = 0; off < e->arena_len;) {
		const unsigned char *key;
		size_t keylen, step = bed_key(e, off, &key, &keylen);
		struct fb_nights *c = &la[key[0] << 8 | key[1]];

		for (uint32_t i = *(const uint32_t *)(const void *)(e->arena + off); i;
		     i = e->ep[i - 1].prev) {
			const struct fb_ep *ep = &e->ep[i - 1];
			long nights = fb_span_nights(ep_from(ep), ep_to(ep), period);

			if (ep->rejected || nights == 0)
				continue;
			c->approved += nights;
			if (ep->status == FB_ST_FILLED)
				c->filled += nights;
			else if (ep->status == FB_ST_VACANT)
				c->vacant += nights;
			else
				c->unavailable += nights;
			if (ep->bed_use == FB_USE_MAINSTREAM) {
				c->ms_approved += nights;
				if (ep->status == FB_ST_FILLED)
					c->ms_filled += nights;
			}
		}
		off += step;
	}
	for (int code = 0; code < 1000; code++)
		nla += la[code].approved > 0;
	*rows = fb_xcalloc(nla + 1, sizeof(**rows));
	for (int code = 0; code < 1000; code++) {
		const struct fb_nights *c = &la[code];

		if (c->approved == 0)
			continue;
		(*rows)[n].la_code = code;
		(*rows)[n++].n = *c;
		all.approved += c->approved;
		all.filled += c->filled;
		all.vacant += c->vacant;
		all.unavailable += c->unavailable;
		all.ms_approved += c->ms_approved;
		all.ms_filled += c->ms_filled;
	}
	if (n) {
		(*rows)[n].la_code = FB_LA_ALL;
		(*rows)[n].nla = (int)nla;
		(*rows)[n++].n = all;
	}
	free(la);
	return n;
}
