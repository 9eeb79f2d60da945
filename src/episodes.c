/*
 * episodes.c: episode rows, the rules across a bed's episodes, bed-nights.
 *
 * A bed key is the LA code as three digits, then household_id prefixed by
 * its length, then bed_id: no identifier's bytes can run into the next,
 * and the key can be read back for messages.
 */
#include "fosterbeds/episodes.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/tally.h"
#include "util.h"

/* An episode keeps its rule, use and status in a signed char. */
_Static_assert(FB_R_COUNT <= 127, "enum fb_rule fits fb_episode.rejected");

struct bed_list {
	unsigned head, tail;   /* episode index + 1 */
};

void
fb_episodes_init(struct fb_episodes *e)
{
	memset(e, 0, sizeof(*e));
	fb_keymap_init(&e->beds, sizeof(struct bed_list));
}

void
fb_episodes_release(struct fb_episodes *e)
{
	fb_keymap_release(&e->beds);
	free(e->items);
	free(e->key);
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

static size_t
make_key(struct fb_episodes *e, const struct fb_bed *bed)
{
	size_t need = 3 + sizeof(size_t) + bed->household_len + bed->bed_id_len, k = 0;

	fb_grow((void **)&e->key, &e->keycap, need, 1);
	e->key[k++] = (char)('0' + bed->la_code / 100);
	e->key[k++] = (char)('0' + bed->la_code / 10 % 10);
	e->key[k++] = (char)('0' + bed->la_code % 10);
	memcpy(e->key + k, &bed->household_len, sizeof(size_t));
	k += sizeof(size_t);
	fb_memcpy(e->key + k, bed->household, bed->household_len);
	k += bed->household_len;
	fb_memcpy(e->key + k, bed->bed_id, bed->bed_id_len);
	return k + bed->bed_id_len;
}

void
fb_episodes_add(struct fb_episodes *e, const struct fb_bed *bed, int to, int file, long line)
{
	/* make_key() may move e->key: take the length before passing the pointer. */
	size_t len = make_key(e, bed);
	struct bed_list *list = fb_keymap_get(&e->beds, e->key, len, NULL);
	struct fb_episode *ep;

	fb_grow((void **)&e->items, &e->cap, e->n + 1, sizeof(*e->items));
	ep = &e->items[e->n++];
	ep->la_code = (short)bed->la_code;
	ep->from = bed->date;
	ep->to = to;
	ep->file = (unsigned)file;
	ep->line = (unsigned)line;
	ep->bed_use = (signed char)bed->bed_use;
	ep->status = (signed char)bed->status;
	ep->rejected = FB_NONE;
	ep->next = 0;
	if (list->tail)
		e->items[list->tail - 1].next = (unsigned)e->n;
	else
		list->head = (unsigned)e->n;
	list->tail = (unsigned)e->n;
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
describe(const char *key, size_t len, char *out, size_t outlen)
{
	char hh[FB_VISIBLE_SIZE], bed[FB_VISIBLE_SIZE];
	size_t hlen;

	memcpy(&hlen, key + 3, sizeof(size_t));
	fb_visible(hh, key + 3 + sizeof(size_t), hlen);
	fb_visible(bed, key + 3 + sizeof(size_t) + hlen, len - 3 - sizeof(size_t) - hlen);
	snprintf(out, outlen, "bed '%s' of household '%s' (la_code %.3s)", bed, hh, key);
}

/* "2026-07-01..2026-07-31" or "2026-07-01.." for an open episode. */
static void
span(const struct fb_episode *ep, char out[2 * FB_DATE_LEN + 3])
{
	fb_date_format(ep->from, out);
	strcpy(out + FB_DATE_LEN, "..");
	if (ep->to == FB_EP_OPEN)
		out[FB_DATE_LEN + 2] = '\0';
	else
		fb_date_format(ep->to, out + FB_DATE_LEN + 2);
}

/* " of FILE" when b's file is not a's, else "". */
static void
where(const struct fb_episode *a, const struct fb_episode *b, const char *const *names,
      char *out, size_t outlen)
{
	char vis[FB_VISIBLE_SIZE];

	out[0] = '\0';
	if (a->file != b->file)
		snprintf(out, outlen, " of %s",
			 fb_visible(vis, names[b->file], strlen(names[b->file])));
}

static int
by_dates(const struct fb_episode *a, const struct fb_episode *b)
{
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/*
 * Merge sort of idx[0..n) by the episodes' dates.  Not qsort(): its
 * comparator gets no context, and a file-scope pointer to the items would be
 * state shared by every thread checking episodes.
 */
static void
sort_by_dates(const struct fb_episode *items, size_t *idx, size_t *tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	sort_by_dates(items, idx, tmp, half);
	sort_by_dates(items, idx + half, tmp, n - half);
	while (i < half && j < n)
		tmp[k++] = by_dates(&items[idx[j]], &items[idx[i]]) < 0 ? idx[j++] : idx[i++];
	while (i < half)
		tmp[k++] = idx[i++];
	while (j < n)
		tmp[k++] = idx[j++];
	memcpy(idx, tmp, n * sizeof(*idx));
}

static void
check_bed(struct fb_episodes *e, const char *key, size_t keylen, size_t *idx, size_t n,
	  const struct fb_period *period, struct fb_findings *out, const char *const *names)
{
	char bed[3 * FB_VISIBLE_SIZE], s1[2 * FB_DATE_LEN + 3], s2[2 * FB_DATE_LEN + 3];
	char in[FB_VISIBLE_SIZE + 8], d1[FB_DATE_LEN + 1], d2[FB_DATE_LEN + 1];
	size_t cover, prev = 0, *tmp;
	int have_prev = 0;

	tmp = fb_xcalloc(n, sizeof(*tmp));
	sort_by_dates(e->items, idx, tmp, n);
	free(tmp);
	cover = idx[0];
	describe(key, keylen, bed, sizeof(bed));

	/* Overlaps: each episode against the one reaching furthest before it. */
	for (size_t k = 1; k < n; k++) {
		struct fb_episode *ep = &e->items[idx[k]], *c = &e->items[cover];

		if (ep->from <= c->to) {
			span(ep, s1);
			span(c, s2);
			where(ep, c, names, in, sizeof(in));
			fb_findings_add(out, FB_R_EPISODE_OVERLAP, ep->file, ep->line, "status_from",
					NULL, "%s: this episode (%s) overlaps the episode on "
					"line %ld%s (%s); neither is counted", bed, s1, (long)c->line,
					in, s2);
			ep->rejected = c->rejected = FB_R_EPISODE_OVERLAP;
		}
		if (ep->to > c->to)
			cover = idx[k];
	}
	if (!period)
		return;
	/* Gaps inside the period between counted episodes. */
	for (size_t k = 0; k < n; k++) {
		struct fb_episode *ep = &e->items[idx[k]], *p = &e->items[prev];

		if (ep->rejected != FB_NONE)
			continue;
		if (have_prev && (long)ep->from > (long)p->to + 1) {
			long nights = fb_span_nights(p->to + 1, ep->from - 1, period);

			if (nights > 0) {
				int lo = p->to + 1 > period->from ? p->to + 1 : period->from;
				int hi = ep->from - 1 < period->to ? ep->from - 1 : period->to;

				fb_date_format(lo, d1);
				fb_date_format(hi, d2);
				where(ep, p, names, in, sizeof(in));
				fb_findings_add(out, FB_R_EPISODE_GAP, ep->file, ep->line,
						"status_from", NULL, "%s has no episode from %s to "
						"%s, between the episode on line %ld%s and this one; "
						"it is not counted on those %ld night%s", bed, d1, d2,
						(long)p->line, in, nights, nights == 1 ? "" : "s");
			}
		}
		prev = idx[k];
		have_prev = 1;
	}
}

void
fb_episodes_check_across(struct fb_episodes *e, const struct fb_period *period,
			 struct fb_findings *out, const char *const *names)
{
	size_t *idx = NULL, cap = 0;

	for (size_t b = 0; b < e->beds.n; b++) {
		const struct bed_list *list = fb_keymap_value(&e->beds, b);
		size_t keylen, n = 0;
		const char *key = fb_keymap_key(&e->beds, b, &keylen);

		for (size_t i = list->head; i; i = e->items[i - 1].next) {
			fb_grow((void **)&idx, &cap, n + 1, sizeof(*idx));
			idx[n++] = i - 1;
		}
		check_bed(e, key, keylen, idx, n, period, out, names);
	}
	free(idx);
}

size_t
fb_episodes_bed_nights(const struct fb_episodes *e, const struct fb_period *period,
		       struct fb_nights_row **rows)
{
	struct fb_nights *la = fb_xcalloc(1000, sizeof(*la)), all = { 0 };
	size_t n = 0, nla = 0;

	for (size_t i = 0; i < e->n; i++) {
		const struct fb_episode *ep = &e->items[i];
		struct fb_nights *c = &la[ep->la_code];
		long nights = fb_span_nights(ep->from, ep->to, period);

		if (ep->rejected != FB_NONE || nights == 0)
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
