/*
 * costs.c: cost records read exactly into pence, and the benchmark made
 * from them in integers (spec/placement-costs.md).
 */
#include "fosterbeds/costs.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/hooks.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/la.h"
#include "fosterbeds/number.h"
#include "fosterbeds/record.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"
#include "util.h"

enum { K_LA_CODE, K_DATE, K_TYPE, K_PLACEMENTS, K_AVERAGE, K_SUPPORT, K_COUNT };

_Static_assert((int)K_COUNT == (int)FB_CF_COUNT, "a schema column per cost field");

static const struct fb_schema cost_schema = {
	.ncols = K_COUNT,
	.name = {
		[K_LA_CODE] = "la_code", [K_DATE] = "date", [K_TYPE] = "placement_type",
		[K_PLACEMENTS] = "placements", [K_AVERAGE] = "average_weekly_cost",
		[K_SUPPORT] = "additional_support_weekly_cost",
	},
	.required = { [K_LA_CODE] = 1, [K_DATE] = 1, [K_TYPE] = 1, [K_AVERAGE] = 1 },
};

int
fb_money_parse(const char *s, size_t len, long long *pence)
{
	long long v = 0;
	size_t i = 0, group = 0, decimals = 0;
	int commas = 0, digits = 0;

	fb_trim(&s, &len);
	/* "£" is two bytes in UTF-8. */
	if (len >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa3)
		i = 2;
	for (; i < len && s[i] != '.'; i++) {
		if (s[i] == ',') {
			/* A comma ends a group of 1-3 digits (the first) or exactly 3. */
			if (group == 0 || group > 3 || (commas && group != 3))
				return -1;
			commas = 1;
			group = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v >= FB_MONEY_LIMIT)
			return -1;
		group++;
		digits = 1;
	}
	if (!digits || (commas && group != 3))
		return -1;
	v *= 100;
	if (i < len) {
		long long cents = 0;

		for (i++; i < len; i++, decimals++) {
			if (s[i] < '0' || s[i] > '9' || decimals == 2)
				return -1;
			cents = cents * 10 + (s[i] - '0');
		}
		if (decimals == 0)
			return -1;
		v += decimals == 1 ? cents * 10 : cents;
	}
	if (v >= FB_MONEY_LIMIT)
		return -1;
	*pence = v;
	return 0;
}

long long
fb_div_round(long long num, long long den)
{
	long long q, r;

	if (den < 0) {
		num = -num;
		den = -den;
	}
	q = num / den;
	r = num % den;
	/* C truncates toward zero: a remainder of half or more moves away from it. */
	if (r < 0 ? -r * 2 >= den : r * 2 >= den)
		q += num < 0 ? -1 : 1;
	return q;
}

void
fb_costs_init(struct fb_costs *c)
{
	memset(c, 0, sizeof(*c));
}

void
fb_costs_release(struct fb_costs *c)
{
	free(c->rows);
	free(c->index);
	fb_costs_init(c);
}

/*
 * The duplicate check looks every row up by (la_code, date, type) in a hash
 * table, so a long file costs time in its rows, not their square.
 */
static size_t *
index_slot(const struct fb_costs *c, int la, int date, int type)
{
	unsigned long long h = ((unsigned long long)(unsigned)la * 1000003u ^
				(unsigned)date) * 0x9E3779B97F4A7C15ull ^ (unsigned)type;
	size_t mask = c->nindex - 1, i = (size_t)(h ^ h >> 29) & mask;

	for (;; i = (i + 1) & mask) {
		const struct fb_cost *o;

		if (c->index[i] == 0)
			return &c->index[i];
		o = &c->rows[c->index[i] - 1];
		if (o->la_code == la && o->date == date && o->type == type)
			return &c->index[i];
	}
}

/* Index every row again, in a table at least twice as large as the rows need. */
static void
index_rebuild(struct fb_costs *c, size_t want)
{
	size_t n = 64;

	while (n < 2 * want)
		n *= 2;
	free(c->index);
	c->index = fb_xcalloc(n, sizeof(*c->index));
	c->nindex = n;
	for (size_t i = 0; i < c->n; i++)
		*index_slot(c, c->rows[i].la_code, c->rows[i].date, c->rows[i].type) = i + 1;
}

struct reading {
	struct fb_costs *c;
	struct fb_findings *out;
	int today;
	unsigned char warned_la[1000];
};

/* A cost cell: 0 and *pence set, 1 blank (optional), -1 a finding pushed. */
static int
money(struct reading *r, const struct fb_row *row, int col, long long *pence)
{
	char vis[FB_VISIBLE_SIZE];
	const char *v = row->cell[col];
	size_t len = row->len[col];

	if (!v)
		return 1;
	fb_trim(&v, &len);
	if (len == 0) {
		if (!cost_schema.required[col])
			return 1;
		fb_findings_add(r->out, FB_R_BLANK_REQUIRED, row->file, row->line,
				cost_schema.name[col], NULL, "%s is blank; fill in the average "
				"weekly cost in pounds", cost_schema.name[col]);
		return -1;
	}
	if (fb_money_parse(v, len, pence) == 0)
		return 0;
	fb_visible(vis, v, len);
	fb_findings_add(r->out, FB_R_BAD_COST, row->file, row->line, cost_schema.name[col], vis,
			"%s '%s' is not an amount of pounds of 0 or more with at most two "
			"decimals%s", cost_schema.name[col], vis,
			v[0] == '-' ? " (a cost cannot be negative)" : "");
	return -1;
}

static void
on_cost_row(void *ctx, const struct fb_row *row)
{
	struct reading *r = ctx;
	struct fb_costs *c = r->c;
	struct fb_cost k = { .placements = -1, .support = FB_MONEY_NONE, .file = row->file,
			     .line = row->line };
	char vis[FB_VISIBLE_SIZE];
	enum fb_date_form form;
	const char *v;
	size_t len, *slot = NULL;
	int bad = 0, m, why;

	c->rows_read++;
	if (row->reject != FB_NONE) {
		c->rows_rejected++;
		c->rejected_by[row->reject]++;
		return;
	}
	fb_findings_row_start(r->out);
	v = row->cell[K_LA_CODE];
	len = row->len[K_LA_CODE];
	fb_trim(&v, &len);
	if (len == 0) {
		fb_findings_add(r->out, FB_R_BLANK_REQUIRED, row->file, row->line, "la_code",
				NULL, "la_code is blank; fill in the DfE three-digit LA code");
		bad = 1;
	} else if (fb_la_code_parse(v, len, &k.la_code) != 0) {
		fb_bad_la_code(r->out, row->file, row->line, v, len);
		bad = 1;
	} else if (!fb_la_by_code(k.la_code) && !r->warned_la[k.la_code]++) {
		fb_findings_add(r->out, FB_R_UNKNOWN_LA_CODE, row->file, row->line, "la_code",
				fb_visible(vis, v, len), "la_code '%s' is not the code of an "
				"English local authority", vis);
	}

	v = row->cell[K_DATE];
	len = row->len[K_DATE];
	fb_trim(&v, &len);
	if (len == 0) {
		fb_findings_add(r->out, FB_R_BLANK_REQUIRED, row->file, row->line, "date", NULL,
				"date is blank; fill in the date the average describes");
		bad = 1;
	} else if (fb_date_parse(v, len, &k.date, &form) != 0 || form != FB_DATE_ISO) {
		fb_findings_add(r->out, FB_R_BAD_DATE, row->file, row->line, "date",
				fb_visible(vis, v, len), "date '%s' is not a real date in "
				"YYYY-MM-DD form", vis);
		bad = 1;
	} else if (k.date > r->today) {
		fb_findings_add(r->out, FB_R_FUTURE_COST_DATE, row->file, row->line, "date",
				fb_visible(vis, v, len), "date '%s' is after today", vis);
	}

	v = row->cell[K_TYPE];
	len = row->len[K_TYPE];
	fb_trim(&v, &len);
	if (len == 0) {
		fb_findings_add(r->out, FB_R_BLANK_REQUIRED, row->file, row->line,
				"placement_type", NULL, "placement_type is blank; use one of "
				"all, residential, ifa, in_house_fostering, kinship, other");
		bad = 1;
	} else if ((k.type = fb_placement_type_lookup(v, len)) == FB_NONE) {
		fb_findings_add(r->out, FB_R_UNKNOWN_PLACEMENT_TYPE, row->file, row->line,
				"placement_type", fb_visible(vis, v, len), "placement_type '%s' "
				"is not one of all, residential, ifa, in_house_fostering, "
				"kinship, other", vis);
		bad = 1;
	}

	v = row->cell[K_PLACEMENTS];
	len = row->len[K_PLACEMENTS];
	if (v)
		fb_trim(&v, &len);
	if (v && len && fb_count_parse(v, len, 1, &k.placements) != 0) {
		fb_findings_add(r->out, FB_R_BAD_COST, row->file, row->line, "placements",
				fb_visible(vis, v, len), "placements '%s' is not a whole number "
				"of 0 or more", vis);
		bad = 1;
	}

	m = money(r, row, K_AVERAGE, &k.average);
	bad |= m < 0;
	if (m == 0 && k.placements == 0) {
		fb_findings_add(r->out, FB_R_COST_NO_PLACEMENTS, row->file, row->line,
				"placements", "0", "placements is 0 but a cost is given: an "
				"average over no child");
		bad = 1;
	}
	bad |= money(r, row, K_SUPPORT, &k.support) < 0;

	if (!bad) {
		if (2 * (c->n + 1) > c->nindex)
			index_rebuild(c, c->n + 1);
		slot = index_slot(c, k.la_code, k.date, k.type);
	}
	if (slot && *slot) {
		const struct fb_cost *o = &c->rows[*slot - 1];
		char d[FB_DATE_LEN + 1];

		fb_date_format(k.date, d);
		fb_findings_add(r->out, FB_R_DUPLICATE_COST, row->file, row->line, "la_code",
				NULL, "LA %03d has a cost (placement_type %s) at %s again (first "
				"on line %ld); this row is not used", k.la_code,
				fb_cost_fields[FB_CF_PLACEMENT_TYPE].codes[k.type].name, d, o->line);
		bad = 1;
	}
	if (bad) {
		c->rows_rejected++;
		if ((why = fb_findings_row_error(r->out)) >= 0)
			c->rejected_by[why]++;
		return;
	}
	fb_grow((void **)&c->rows, &c->cap, c->n + 1, sizeof(*c->rows));
	c->rows[c->n++] = k;
	*slot = c->n;
	c->rows_used++;
}

int
fb_costs_read(struct fb_costs *c, const char *data, size_t len, int file, int today,
	      struct fb_findings *out)
{
	struct reading r;
	struct fb_memory_source m;
	struct fb_source src;
	long long bytes;

	if (len == 0) {
		fb_findings_add(out, FB_R_NO_HEADER, file, 1, NULL, NULL,
				"the file is empty: it has no header row");
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.c = c;
	r.out = out;
	r.today = today;
	fb_source_memory(&src, &m, data, len);
	return fb_ingest(&src, &cost_schema, file, out, on_cost_row, &r, &bytes, NULL);
}

void
fb_costs_keep(struct fb_costs *c, int (*keep)(const void *ctx, int la_code), const void *ctx)
{
	size_t kept = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (keep(ctx, c->rows[i].la_code)) {
			c->rows[kept++] = c->rows[i];
			continue;
		}
		c->rows_used--;
		c->rows_outside_filter++;
	}
	if (kept < c->n) {
		c->n = kept;
		index_rebuild(c, kept);   /* the rows moved */
	}
}

long
fb_cost_change(long long before, long long now)
{
	if (before <= 0)
		return FB_COST_NO_FIGURE;
	return (long)fb_div_round((now - before) * 10000, before);
}

/* Whole calendar months from `from` to `to`, or -1 when the days of the month differ. */
static int
calendar_months(int from, int to)
{
	int y1, m1, d1, y2, m2, d2;

	fb_date_civil(from, &y1, &m1, &d1);
	fb_date_civil(to, &y2, &m2, &d2);
	return d1 == d2 ? (y2 - y1) * 12 + (m2 - m1) : -1;
}

long
fb_cost_months(int from, int to)
{
	int m = calendar_months(from, to);

	if (m >= 0)
		return (long)m * 100;
	/* days / (365.25 / 12) = days x 48 / 1461, in hundredths. */
	return (long)fb_div_round((long long)(to - from) * 4800, 1461);
}

long
fb_cost_annualised(long long before, long long now, int from, int to)
{
	int m = calendar_months(from, to);
	long long days = to - from;

	if (before <= 0 || to <= from)
		return FB_COST_NO_FIGURE;
	if (m >= 0) {
		if (m >= 12 || m == 0)
			return FB_COST_NO_FIGURE;
		/* 100 x (now - before) / before x 12 / m, in tenths. */
		return (long)fb_div_round((now - before) * 12000, before * m);
	}
	/* 12 months or more: days x 48 / 1461 >= 12, i.e. 4 x days >= 1461. */
	if (4 * days >= 1461)
		return FB_COST_NO_FIGURE;
	/* change x 12 / (days x 48 / 1461) = change x 1461 / (4 x days), in tenths. */
	return (long)fb_div_round((now - before) * 1000 * 1461, before * 4 * days);
}

static int
by_type_la_date(const void *a, const void *b)
{
	const struct fb_cost *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->la_code != y->la_code)
		return x->la_code < y->la_code ? -1 : 1;
	return (x->date > y->date) - (x->date < y->date);
}

static int
by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static struct fb_cost_row *
new_row(struct fb_cost_table *t)
{
	struct fb_cost_row *r;

	fb_grow((void **)&t->rows, &t->cap, t->n + 1, sizeof(*t->rows));
	r = &t->rows[t->n++];
	memset(r, 0, sizeof(*r));
	r->placements = -1;
	r->weighted = r->support = r->average = FB_MONEY_NONE;
	r->prev_date = FB_NO_DATE;
	r->change = r->months = r->annualised = r->largest = FB_COST_NO_FIGURE;
	r->largest_la = -1;
	return r;
}

/* The sums behind one region row while its LAs are visited. */
struct region_acc {
	long long sum, before, weighted, support;
	long placements;
	int all_placed, nsupport;
	long long best_num, best_den;   /* the largest rise so far, as a fraction */
	size_t las_cap, left_cap;
};

/* Append la to list (growing it), whose capacity is *cap. */
static void
push_la(int **list, size_t *n, size_t *cap, int la)
{
	fb_grow((void **)list, cap, *n + 1, sizeof(**list));
	(*list)[(*n)++] = la;
}

/*
 * LA has a cost at one of the region row's two dates only: it is left out
 * of that row (FB047).  has is the cost it has; missing the date it lacks.
 */
static void
leave_out(struct fb_cost_row *r, struct region_acc *a, const struct fb_cost *has, int missing,
	  struct fb_findings *out)
{
	char d1[FB_DATE_LEN + 1], d2[FB_DATE_LEN + 1], d3[FB_DATE_LEN + 1];

	push_la(&r->left, &r->nleft, &a->left_cap, has->la_code);
	fb_date_format(has->date, d1);
	fb_date_format(missing, d2);
	fb_date_format(r->date, d3);
	fb_findings_add(out, FB_R_NOT_POOLED, has->file, has->line, "la_code", NULL,
			"LA %03d has a cost (placement_type %s) at %s but not at %s; it is left "
			"out of the region row at %s",
			has->la_code, fb_cost_fields[FB_CF_PLACEMENT_TYPE].codes[r->type].name,
			d1, d2, d3);
}

/* LA's cost now joins the region row r; was is its cost at the row's previous date, if any. */
static void
pool(struct fb_cost_row *r, struct region_acc *a, const struct fb_cost *now,
     const struct fb_cost *was)
{
	push_la(&r->las, &r->nlas, &a->las_cap, now->la_code);
	a->sum += now->average;
	if (now->placements < 0)
		a->all_placed = 0;
	else {
		a->placements += now->placements;
		a->weighted += now->placements * now->average;
	}
	if (now->support != FB_MONEY_NONE) {
		a->support += now->support;
		a->nsupport++;
	}
	if (was) {
		long long num = now->average - was->average, den = was->average;

		a->before += was->average;
		/* The largest rise, compared exactly: num/den > best_num/best_den. */
		if (den > 0 && (a->best_den == 0 || num * a->best_den > a->best_num * den)) {
			a->best_num = num;
			a->best_den = den;
			r->largest_la = now->la_code;
		}
	}
}

/*
 * The region rows of one type, whose sorted rows are [lo, hi).  Each LA's
 * costs are visited once, in date order, each touching the region rows at
 * its own date and the next one, so the work grows with the rows, not with
 * dates x LAs.  LAs are visited in code order, so each row's lists are too.
 */
static void
region_rows(struct fb_cost_table *t, const struct fb_cost *k, size_t lo, size_t hi,
	    struct fb_findings *out)
{
	int *dates = fb_xcalloc(hi - lo, sizeof(*dates));
	struct region_acc *acc;
	struct fb_cost_row *r;
	size_t nd = 0, first = t->n;

	for (size_t i = lo; i < hi; i++)
		dates[nd++] = k[i].date;
	fb_qsort(dates, nd, sizeof(*dates), by_int);
	{
		size_t j = 0;

		for (size_t i = 0; i < nd; i++)
			if (j == 0 || dates[i] != dates[j - 1])
				dates[j++] = dates[i];
		nd = j;
	}
	acc = fb_xcalloc(nd, sizeof(*acc));
	for (size_t di = 0; di < nd; di++) {
		r = new_row(t);
		r->la_code = FB_LA_ALL;
		r->type = k[lo].type;
		r->date = dates[di];
		acc[di].all_placed = 1;
	}
	r = &t->rows[first];   /* new_row() has moved the rows: index them from here */
	for (size_t i = lo; i < hi; i++) {
		size_t di = fb_sorted_index(dates, nd, k[i].date);
		int same_la_before = i > lo && k[i - 1].la_code == k[i].la_code;
		int same_la_after = i + 1 < hi && k[i + 1].la_code == k[i].la_code;
		int has_prev = di > 0 && same_la_before && k[i - 1].date == dates[di - 1];
		int has_next = di + 1 < nd && same_la_after && k[i + 1].date == dates[di + 1];

		if (di == 0 || has_prev)
			pool(&r[di], &acc[di], &k[i], has_prev ? &k[i - 1] : NULL);
		else
			leave_out(&r[di], &acc[di], &k[i], dates[di - 1], out);
		if (di + 1 < nd && !has_next)
			leave_out(&r[di + 1], &acc[di + 1], &k[i], dates[di + 1], out);
	}
	for (size_t di = 0; di < nd; di++) {
		const struct region_acc *a = &acc[di];
		struct fb_cost_row *row = &r[di];

		if (row->nlas) {
			row->average = fb_div_round(a->sum, (long long)row->nlas);
			if (a->all_placed) {
				row->placements = a->placements;
				if (a->placements > 0)
					row->weighted = fb_div_round(a->weighted, a->placements);
			}
			if (a->nsupport)
				row->support = fb_div_round(a->support, a->nsupport);
		}
		if (di > 0 && row->nlas) {
			/* The same LAs' means at both dates: their divisor cancels. */
			row->prev_date = dates[di - 1];
			row->change = fb_cost_change(a->before, a->sum);
			row->months = fb_cost_months(dates[di - 1], dates[di]);
			row->annualised = fb_cost_annualised(a->before, a->sum, dates[di - 1],
							     dates[di]);
			if (a->best_den)
				row->largest = fb_cost_change(a->best_den, a->best_den + a->best_num);
		}
	}
	free(acc);
	free(dates);
}

void
fb_cost_table_build(struct fb_cost_table *t, const struct fb_costs *c, struct fb_findings *out)
{
	struct fb_cost *k = fb_xcalloc(c->n + 1, sizeof(*k));

	memset(t, 0, sizeof(*t));
	if (c->n)
		memcpy(k, c->rows, c->n * sizeof(*k));
	fb_qsort(k, c->n, sizeof(*k), by_type_la_date);
	for (size_t lo = 0, hi; lo < c->n; lo = hi) {
		for (hi = lo; hi < c->n && k[hi].type == k[lo].type; hi++) {
			struct fb_cost_row *r = new_row(t);

			r->la_code = k[hi].la_code;
			r->type = k[hi].type;
			r->date = k[hi].date;
			r->placements = k[hi].placements;
			r->average = k[hi].average;
			r->support = k[hi].support;
			if (hi > lo && k[hi - 1].la_code == k[hi].la_code) {
				const struct fb_cost *was = &k[hi - 1];

				r->prev_date = was->date;
				r->change = fb_cost_change(was->average, k[hi].average);
				r->months = fb_cost_months(was->date, k[hi].date);
				r->annualised = fb_cost_annualised(was->average, k[hi].average,
								   was->date, k[hi].date);
			}
		}
		region_rows(t, k, lo, hi, out);
	}
	free(k);
}

void
fb_cost_table_release(struct fb_cost_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->rows[i].las);
		free(t->rows[i].left);
	}
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

static int
by_la_date_type(const void *a, const void *b)
{
	const struct fb_cost *x = a, *y = b;

	if (x->la_code != y->la_code)
		return x->la_code < y->la_code ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->type > y->type) - (x->type < y->type);
}

/*
 * The latest date at which r's LA gives both a residential and an in-house
 * fostering cost, from k[*at...]: the n residential and in-house costs
 * sorted by LA, date and type.  *at moves past the LA, so that visiting the
 * LAs in code order reads k once.
 */
static void
latest_pair(const struct fb_cost *k, size_t n, size_t *at, struct fb_bed_value_row *r)
{
	size_t i = *at;

	while (i < n && k[i].la_code < r->la_code)
		i++;
	for (; i < n && k[i].la_code == r->la_code; i++) {
		const struct fb_cost *a = &k[i], *b = &k[i + 1];

		/* Sorted by type within a date, and one cost per (LA, date, type). */
		if (i + 1 < n && b->la_code == a->la_code && b->date == a->date &&
		    a->type == FB_PT_RESIDENTIAL && b->type == FB_PT_IN_HOUSE_FOSTERING) {
			r->cost_date = a->date;   /* dates ascend: the last pair is the latest */
			r->residential = a->average;
			r->in_house = b->average;
		}
	}
	*at = i;
}

static int
by_row_la(const void *a, const void *b)
{
	const struct fb_bed_value_row *x = a, *y = b;

	return (x->la_code > y->la_code) - (x->la_code < y->la_code);
}

void
fb_bed_value_build(struct fb_bed_value *v, const struct fb_costs *c, const struct fb_tally *tally)
{
	size_t ng = fb_tally_ngroups(tally), n = 0, nk = 0, at = 0;
	int *las = fb_xcalloc(c->n + ng + 1, sizeof(*las));
	struct fb_cost *k = fb_xcalloc(c->n + 1, sizeof(*k));
	struct fb_bed_value_row *all;

	for (size_t i = 0; i < c->n; i++)
		if (c->rows[i].type == FB_PT_RESIDENTIAL ||
		    c->rows[i].type == FB_PT_IN_HOUSE_FOSTERING)
			k[nk++] = c->rows[i];
	fb_qsort(k, nk, sizeof(*k), by_la_date_type);

	for (size_t i = 0; i < c->n; i++)
		las[n++] = c->rows[i].la_code;
	for (size_t i = 0; i < ng; i++) {
		int date;

		fb_tally_group(tally, i, &las[n++], &date);
	}
	fb_qsort(las, n, sizeof(*las), by_int);
	v->rows = fb_xcalloc(n + 1, sizeof(*v->rows));
	v->n = 0;
	for (size_t i = 0; i < n; i++) {
		struct fb_bed_value_row *r;

		if (i && las[i] == las[i - 1])
			continue;
		r = &v->rows[v->n++];
		*r = (struct fb_bed_value_row){ .la_code = las[i], .cost_date = FB_NO_DATE,
			.residential = FB_MONEY_NONE, .in_house = FB_MONEY_NONE,
			.gap = FB_MONEY_NONE, .snapshot = FB_NO_DATE, .vacant = -1,
			.bound = FB_MONEY_NONE };
		latest_pair(k, nk, &at, r);
	}
	/* Each LA's latest snapshot; the rows are in code order. */
	for (size_t g = 0; g < ng; g++) {
		int la, date;
		const struct fb_counts *counts = fb_tally_group(tally, g, &la, &date);
		struct fb_bed_value_row key = { .la_code = la }, *r;

		r = bsearch(&key, v->rows, v->n, sizeof(*v->rows), by_row_la);
		if (r && (r->snapshot == FB_NO_DATE || date > r->snapshot)) {
			r->snapshot = date;
			r->vacant = counts->ms_vacant;
		}
	}
	for (size_t i = 0; i < v->n; i++) {
		struct fb_bed_value_row *r = &v->rows[i];

		if (r->cost_date != FB_NO_DATE)
			r->gap = r->residential - r->in_house;
		if (r->cost_date == FB_NO_DATE)
			r->note = "no date with both a residential and an in-house fostering cost";
		else if (r->vacant < 0)
			r->note = "no bed records";
		else
			r->bound = r->gap * r->vacant;
	}
	all = &v->rows[v->n++];
	*all = (struct fb_bed_value_row){ .la_code = FB_LA_ALL, .cost_date = FB_NO_DATE,
		.residential = FB_MONEY_NONE, .in_house = FB_MONEY_NONE, .gap = FB_MONEY_NONE,
		.snapshot = FB_NO_DATE, .vacant = -1, .bound = FB_MONEY_NONE };
	for (size_t i = 0; i + 1 < v->n; i++) {
		if (v->rows[i].bound == FB_MONEY_NONE)
			continue;
		if (all->nlas++ == 0) {
			all->vacant = 0;
			all->bound = 0;
		}
		all->vacant += v->rows[i].vacant;
		all->bound += v->rows[i].bound;
	}
	if (all->nlas == 0)
		all->note = "no LA has both costs and bed records";
	free(k);
	free(las);
}

void
fb_bed_value_release(struct fb_bed_value *v)
{
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
}
