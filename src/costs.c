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
	fb_costs_init(c);
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
	size_t len;
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

	for (size_t i = 0; !bad && i < c->n; i++) {
		const struct fb_cost *o = &c->rows[i];
		char d[FB_DATE_LEN + 1];

		if (o->la_code != k.la_code || o->date != k.date || o->type != k.type)
			continue;
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
	c->n = kept;
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

/* The cost of la at date among the sorted rows [lo, hi) of one type, or NULL. */
static const struct fb_cost *
find(const struct fb_cost *k, size_t lo, size_t hi, int la, int date)
{
	for (size_t i = lo; i < hi; i++)
		if (k[i].la_code == la && k[i].date == date)
			return &k[i];
	return NULL;
}

/* The region rows of one type, whose sorted rows are [lo, hi). */
static void
region_rows(struct fb_cost_table *t, const struct fb_cost *k, size_t lo, size_t hi,
	    struct fb_findings *out)
{
	int *dates = fb_xcalloc(hi - lo, sizeof(*dates));
	size_t nd = 0;

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
	for (size_t di = 0; di < nd; di++) {
		struct fb_cost_row *r = new_row(t);
		int date = dates[di], prev = di ? dates[di - 1] : FB_NO_DATE;
		long long sum = 0, before = 0, weighted = 0, support = 0;
		long placements = 0;
		int all_placed = 1, nsupport = 0;
		long long best_num = 0, best_den = 0;

		r->la_code = FB_LA_ALL;
		r->type = k[lo].type;
		r->date = date;
		r->las = fb_xcalloc(hi - lo, sizeof(*r->las));
		r->left = fb_xcalloc(hi - lo, sizeof(*r->left));
		for (size_t i = lo; i < hi; i++) {
			const struct fb_cost *now, *was = NULL;
			int la = k[i].la_code;

			if (i > lo && la == k[i - 1].la_code)
				continue;   /* each LA once: its first row */
			now = find(k, i, hi, la, date);
			if (prev != FB_NO_DATE)
				was = find(k, i, hi, la, prev);
			if (!now && !was)
				continue;
			if (!now || (prev != FB_NO_DATE && !was)) {
				const struct fb_cost *has = now ? now : was;
				char d1[FB_DATE_LEN + 1], d2[FB_DATE_LEN + 1], d3[FB_DATE_LEN + 1];

				r->left[r->nleft++] = la;
				fb_date_format(has->date, d1);
				fb_date_format(now ? prev : date, d2);
				fb_date_format(date, d3);
				fb_findings_add(out, FB_R_NOT_POOLED, has->file, has->line,
						"la_code", NULL, "LA %03d has a cost (placement_type "
						"%s) at %s but not at %s; it is left out of the "
						"region row at %s",
						la, fb_cost_fields[FB_CF_PLACEMENT_TYPE].codes[r->type].name,
						d1, d2, d3);
				continue;
			}
			r->las[r->nlas++] = la;
			sum += now->average;
			if (now->placements < 0)
				all_placed = 0;
			else {
				placements += now->placements;
				weighted += now->placements * now->average;
			}
			if (now->support != FB_MONEY_NONE) {
				support += now->support;
				nsupport++;
			}
			if (was) {
				long long num = now->average - was->average, den = was->average;

				before += was->average;
				/* The largest rise, compared exactly: num/den > best_num/best_den. */
				if (den > 0 && (best_den == 0 || num * best_den > best_num * den)) {
					best_num = num;
					best_den = den;
					r->largest_la = la;
				}
			}
		}
		if (r->nlas) {
			r->average = fb_div_round(sum, (long long)r->nlas);
			if (all_placed) {
				r->placements = placements;
				if (placements > 0)
					r->weighted = fb_div_round(weighted, placements);
			}
			if (nsupport)
				r->support = fb_div_round(support, nsupport);
		}
		if (prev != FB_NO_DATE && r->nlas) {
			/* The same LAs' means at both dates: their divisor cancels. */
			r->prev_date = prev;
			r->change = fb_cost_change(before, sum);
			r->months = fb_cost_months(prev, date);
			r->annualised = fb_cost_annualised(before, sum, prev, date);
			if (best_den)
				r->largest = fb_cost_change(best_den, best_den + best_num);
		}
	}
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

/* The latest date at which la gives both a residential and an in-house fostering cost. */
static void
latest_pair(const struct fb_costs *c, int la, struct fb_bed_value_row *r)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct fb_cost *a = &c->rows[i];

		if (a->la_code != la || a->type != FB_PT_RESIDENTIAL)
			continue;
		for (size_t j = 0; j < c->n; j++) {
			const struct fb_cost *b = &c->rows[j];

			if (b->la_code != la || b->type != FB_PT_IN_HOUSE_FOSTERING ||
			    b->date != a->date)
				continue;
			if (r->cost_date == FB_NO_DATE || a->date > r->cost_date) {
				r->cost_date = a->date;
				r->residential = a->average;
				r->in_house = b->average;
			}
		}
	}
}

void
fb_bed_value_build(struct fb_bed_value *v, const struct fb_costs *c, const struct fb_tally *tally)
{
	size_t ng = fb_tally_ngroups(tally), n = 0;
	int *las = fb_xcalloc(c->n + ng + 1, sizeof(*las));
	struct fb_bed_value_row *all;

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
		latest_pair(c, las[i], r);
		for (size_t g = 0; g < ng; g++) {
			int la, date;
			const struct fb_counts *k = fb_tally_group(tally, g, &la, &date);

			if (la == las[i] && (r->snapshot == FB_NO_DATE || date > r->snapshot)) {
				r->snapshot = date;
				r->vacant = k->ms_vacant;
			}
		}
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
	free(las);
}

void
fb_bed_value_release(struct fb_bed_value *v)
{
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
}
