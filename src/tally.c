/*
 * tally.c: per-(LA, date) counts and regional pooling.
 */
#include "fosterbeds/tally.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/standard.h"
#include "util.h"

/* Where a reason is counted: its code, then not recorded, then not recognised. */
static int
reason_index(int reason, int ncodes)
{
	if (reason == FB_NONE)
		return ncodes;
	if (reason == FB_UNRECOGNISED)
		return ncodes + 1;
	return reason;
}

void
fb_counts_add(struct fb_counts *c, const struct fb_tally_bed *bed)
{
	int bed_use = bed->bed_use, status = bed->status, group = bed_use != FB_USE_MAINSTREAM;

	c->bridge[bed->ofsted_status < 0 ? FB_OS_BLANK : bed->ofsted_status]
		 [group][status]++;
	if (status == FB_ST_UNAVAILABLE)
		c->unavailable_by[group][reason_index(bed->unavailable_reason, FB_UR_COUNT)]++;
	if (status == FB_ST_VACANT)
		c->vacant_by[group][reason_index(bed->vacancy_reason, FB_VR_COUNT)]++;
	c->approved++;
	c->filled += status == FB_ST_FILLED;
	c->vacant += status == FB_ST_VACANT;
	c->unavailable += status == FB_ST_UNAVAILABLE;
	if (bed_use != FB_USE_MAINSTREAM) {
		c->respite_emergency++;
		return;
	}
	c->ms_approved++;
	c->ms_filled += status == FB_ST_FILLED;
	c->ms_vacant += status == FB_ST_VACANT;
	c->ms_unavailable += status == FB_ST_UNAVAILABLE;
}

void
fb_counts_merge(struct fb_counts *dst, const struct fb_counts *src)
{
	dst->approved += src->approved;
	dst->filled += src->filled;
	dst->vacant += src->vacant;
	dst->unavailable += src->unavailable;
	dst->respite_emergency += src->respite_emergency;
	dst->ms_approved += src->ms_approved;
	dst->ms_filled += src->ms_filled;
	dst->ms_vacant += src->ms_vacant;
	dst->ms_unavailable += src->ms_unavailable;
	for (int o = 0; o <= FB_OS_COUNT; o++)
		for (int u = 0; u < 2; u++)
			for (int st = 0; st < FB_ST_COUNT; st++)
				dst->bridge[o][u][st] += src->bridge[o][u][st];
	for (int u = 0; u < 2; u++) {
		for (int r = 0; r <= FB_UR_COUNT + 1; r++)
			dst->unavailable_by[u][r] += src->unavailable_by[u][r];
		for (int r = 0; r <= FB_VR_COUNT + 1; r++)
			dst->vacant_by[u][r] += src->vacant_by[u][r];
	}
}

/* A group's value: its counts first, so the counts' address is the value's. */
struct group {
	struct fb_counts counts;
	size_t at;                /* its index in the map */
};

void
fb_tally_init(struct fb_tally *t)
{
	memset(t, 0, sizeof(*t));
	fb_keymap_init(&t->groups, sizeof(struct group));
}

void
fb_tally_release(struct fb_tally *t)
{
	fb_keymap_release(&t->groups);
	memset(t->recent, 0, sizeof(t->recent));
}

struct group_key {
	int la_code;
	int date;
};

/* group() for a group not just used by its LA. */
static struct fb_counts *
group_made(struct fb_tally *t, int la_code, int date)
{
	struct group_key k = { la_code, date };
	struct group *g;
	int created;

	g = fb_keymap_get(&t->groups, &k, sizeof(k), &created);
	if (created)
		g->at = t->groups.n - 1;
	if (la_code >= 0 && la_code < FB_TALLY_RECENT) {
		t->recent[la_code].date = date;
		t->recent[la_code].at = g->at + 1;
	}
	return &g->counts;
}

/* The counts of (la_code, date), made if new: inline, as most rows are of the last group. */
static FB_ROW_INLINE struct fb_counts *
group(struct fb_tally *t, int la_code, int date)
{
	if (la_code >= 0 && la_code < FB_TALLY_RECENT && t->recent[la_code].at &&
	    t->recent[la_code].date == date)
		return fb_keymap_value(&t->groups, t->recent[la_code].at - 1);
	return group_made(t, la_code, date);
}

void
fb_tally_add(struct fb_tally *t, int la_code, int date, const struct fb_tally_bed *bed)
{
	fb_counts_add(group(t, la_code, date), bed);
}

void
fb_tally_merge(struct fb_tally *dst, const struct fb_tally *src)
{
	for (size_t i = 0; i < src->groups.n; i++) {
		int la_code, date;
		const struct fb_counts *c = fb_tally_group(src, i, &la_code, &date);

		fb_counts_merge(group(dst, la_code, date), c);
	}
}

size_t
fb_tally_ngroups(const struct fb_tally *t)
{
	return t->groups.n;
}

const struct fb_counts *
fb_tally_group(const struct fb_tally *t, size_t i, int *la_code, int *date)
{
	size_t len;
	struct group_key k;

	/* Copied out: the arena keeps keys at any byte offset, unaligned for int. */
	memcpy(&k, fb_keymap_key(&t->groups, i, &len), sizeof(k));
	*la_code = k.la_code;
	*date = k.date;
	return fb_keymap_value(&t->groups, i);
}

/* A row to be, sorted by its key alone: a 16-byte key, not a 600-byte row. */
struct row_key {
	int la_code, date;
	size_t at;          /* the tally's group, or n + the pooled row */
};

static int
row_order(const void *a, const void *b)
{
	const struct row_key *x = a, *y = b;
	/* Pooled rows sort after every LA. */
	int xa = x->la_code == FB_LA_ALL ? 1000 : x->la_code;
	int ya = y->la_code == FB_LA_ALL ? 1000 : y->la_code;

	if (xa != ya)
		return xa < ya ? -1 : 1;
	return (x->date > y->date) - (x->date < y->date);
}

static int
date_order(const void *a, const void *b)
{
	const struct row_key *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

/*
 * The groups' keys sorted by date first, so each pooled row sums one run of
 * them: n log n, where looking each group's date up among the pooled rows
 * was n times the dates.  Sums do not depend on the order they are added
 * in, and every (LA, date) and every pooled date is unique, so the order
 * does not depend on how qsort treats ties.
 */
size_t
fb_tally_rows(const struct fb_tally *t, struct fb_tally_row **rows)
{
	size_t n = t->groups.n, npooled = 0;
	struct row_key *key = fb_xcalloc(2 * n + 1, sizeof(*key));
	struct fb_tally_row *pooled = fb_xcalloc(n + 1, sizeof(*pooled));
	struct fb_tally_row *r;

	for (size_t i = 0; i < n; i++) {
		fb_tally_group(t, i, &key[i].la_code, &key[i].date);
		key[i].at = i;
	}
	fb_qsort(key, n, sizeof(*key), date_order);
	for (size_t i = 0; i < n; i++) {
		struct fb_tally_row *p;
		int la, date;

		if (npooled == 0 || pooled[npooled - 1].date != key[i].date) {
			pooled[npooled].la_code = FB_LA_ALL;
			pooled[npooled].date = key[i].date;
			key[n + npooled] = (struct row_key){ FB_LA_ALL, key[i].date, n + npooled };
			npooled++;
		}
		p = &pooled[npooled - 1];
		p->nla++;
		fb_counts_merge(&p->counts, fb_tally_group(t, key[i].at, &la, &date));
	}
	fb_qsort(key, n + npooled, sizeof(*key), row_order);
	r = fb_xcalloc(n + npooled + 1, sizeof(*r));
	for (size_t i = 0; i < n + npooled; i++) {
		if (key[i].at >= n) {
			r[i] = pooled[key[i].at - n];
			continue;
		}
		r[i].counts = *fb_tally_group(t, key[i].at, &r[i].la_code, &r[i].date);
		r[i].nla = 1;
	}
	free(key);
	free(pooled);
	*rows = r;
	return n + npooled;
}
