/*
 * costs.h: placement cost records (spec/placement-costs.md) and the
 * benchmark made from them.
 *
 * Money is held in whole pence (long long) and every figure is worked in
 * integers, a ratio kept as its numerator and denominator until the one
 * rounding at the end (fb_div_round: an exact half away from zero).  No
 * floating point is used anywhere, so a figure is the same on every machine.
 * Amounts are below FB_MONEY_LIMIT pence, which keeps every product here
 * (two amounts, or a region's sum by 1000 x 1461) inside 64 bits.
 *
 * Library code: nothing here prints, exits or opens a file.
 */
#ifndef FOSTERBEDS_COSTS_H
#define FOSTERBEDS_COSTS_H

#include <stddef.h>

#include "fosterbeds/standard.h"

struct fb_findings;

/* £10,000,000.00: no weekly cost reaches it. */
#define FB_MONEY_LIMIT 1000000000LL

/* No amount (a blank optional cost, a region figure that cannot be made). */
#define FB_MONEY_NONE (-1LL)

/*
 * Parse len bytes at s as pounds into *pence: surrounding spaces, an
 * optional leading "£", digits with optional thousands commas between groups
 * of three, and at most two decimals ("1,364.5" is 136450).  Returns 0, or
 * -1 leaving *pence untouched (a sign, a third decimal, any other character,
 * an empty value, FB_MONEY_LIMIT or more).
 */
int fb_money_parse(const char *s, size_t len, long long *pence);

/* num / den rounded to the nearest whole number, an exact half away from zero; den != 0. */
long long fb_div_round(long long num, long long den);

/* One row of a cost file, as read. */
struct fb_cost {
	int la_code;
	int date;                  /* days since 1970-01-01 */
	int type;                  /* enum fb_placement_type */
	long placements;           /* -1 when not given */
	long long average;         /* pence */
	long long support;         /* pence, or FB_MONEY_NONE */
	int file;
	long line;
};

struct fb_costs {
	struct fb_cost *rows;      /* in file order; no two share la_code, date and type */
	size_t n, cap;
	long rows_read, rows_used, rows_rejected, rows_outside_filter;
	/* Private: rows by (la_code, date, type), open addressing, row index + 1 or 0. */
	size_t *index, nindex;
};

void fb_costs_init(struct fb_costs *c);
void fb_costs_release(struct fb_costs *c);

/*
 * Read a cost file (len bytes at data, file its index among the run's
 * inputs) into c, pushing every finding (spec/placement-costs.md §1) to
 * out; rows with an error are counted as rejected and left out.  A date
 * after today (days) is a warning.  Returns 0, or -1 when the file could
 * not be read at all (a finding says why).
 */
int fb_costs_read(struct fb_costs *c, const char *data, size_t len, int file, int today,
		  struct fb_findings *out);

/* Keep only the rows of LAs keep() says yes to, counting the others as outside the filter. */
void fb_costs_keep(struct fb_costs *c, int (*keep)(const void *ctx, int la_code),
		   const void *ctx);

/* The figures (spec/placement-costs.md §2), each on its own for tests. */

/* FB_COST_NO_FIGURE: no change, months or annualised figure can be given. */
#define FB_COST_NO_FIGURE (-1000000000L)

/* 100 x (now - before) / before in hundredths of a percent; none when before is 0. */
long fb_cost_change(long long before, long long now);

/*
 * Months from date `from` to date `to` (from < to) in hundredths: whole
 * calendar months when both fall on the same day of the month, else
 * days x 48 / 1461 (days / (365.25 / 12)).
 */
long fb_cost_months(int from, int to);

/*
 * The linear annualised change, change x 12 / months, from the unrounded
 * change and months, in tenths of a percent; none when before is 0 or the
 * dates are 12 or more months apart (the change is already a yearly one).
 */
long fb_cost_annualised(long long before, long long now, int from, int to);

/* One row of the benchmark: an LA's, or a region row (la_code FB_LA_ALL). */
struct fb_cost_row {
	int la_code;
	int type;
	int date;
	long placements;           /* -1: not given (region: not every pooled LA gave it) */
	long long average;         /* pence (region: the mean of the pooled LAs), or none */
	long long weighted;        /* region: the placement-weighted mean, or FB_MONEY_NONE */
	long long support;         /* pence, or FB_MONEY_NONE */
	int prev_date;             /* the date changed from, or FB_NO_DATE */
	long change;               /* hundredths of a percent, or FB_COST_NO_FIGURE */
	long months;               /* hundredths of a month, or FB_COST_NO_FIGURE */
	long annualised;           /* tenths of a percent, or FB_COST_NO_FIGURE */
	long largest;              /* region: hundredths of a percent, or FB_COST_NO_FIGURE */
	int largest_la;            /* region: that LA's code, or -1 */
	/* Region rows: the LAs pooled and those left out (at one date of the two only). */
	int *las, *left;
	size_t nlas, nleft;
};

struct fb_cost_table {
	struct fb_cost_row *rows;  /* by type, then LA rows by code and date, then region rows by date */
	size_t n, cap;
};

/*
 * Build the benchmark from c, pushing a warning (FB047) to out for each LA
 * left out of a region row.  Release with fb_cost_table_release().
 */
void fb_cost_table_build(struct fb_cost_table *t, const struct fb_costs *c,
			 struct fb_findings *out);
void fb_cost_table_release(struct fb_cost_table *t);

/*
 * What a filled bed is worth (costs --beds): per LA, the weekly cost gap
 * between a residential and an in-house fostering placement at the latest
 * date the LA gives both, its vacant mainstream beds at its latest
 * snapshot, and their product: the weekly cost difference if every vacant
 * mainstream bed took a child from residential, an UPPER BOUND that assumes
 * every such child could be matched.  A figure that cannot be made is
 * FB_MONEY_NONE (or vacant -1) with a note, never zero.  The region row
 * (la_code FB_LA_ALL) sums the vacant beds and bounds of the LAs that have
 * a bound.
 */
struct fb_bed_value_row {
	int la_code;
	int cost_date;             /* or FB_NO_DATE */
	long long residential, in_house, gap;   /* pence, or FB_MONEY_NONE */
	int snapshot;              /* the latest snapshot's date, or FB_NO_DATE */
	long vacant;               /* vacant mainstream beds then, or -1 */
	long long bound;           /* pence a week, or FB_MONEY_NONE */
	const char *note;          /* a static string, or NULL */
	size_t nlas;               /* the region row: LAs summed */
};

struct fb_bed_value {
	struct fb_bed_value_row *rows;   /* by LA code, then the region row */
	size_t n;
};

struct fb_tally;
void fb_bed_value_build(struct fb_bed_value *v, const struct fb_costs *c,
			const struct fb_tally *tally);
void fb_bed_value_release(struct fb_bed_value *v);

#endif
