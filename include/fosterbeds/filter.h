/*
 * filter.h: which LAs a run counts (--region NAME, --la CODE[,CODE...]).
 *
 * A filter names LAs by region (the region the LA table gives each LA, as
 * `ofsted --region` does) or by DfE code.  A run with a filter sets each
 * bed-record or episode row of another LA aside before any rule is applied
 * to it: such a row is neither used nor rejected but "outside the filter",
 * so per input and in total
 *
 *	rows_read = rows_used + rows_rejected + rows_outside_filter
 *
 * and without a filter the last is 0.  A row whose la_code cannot be read
 * (blank, not three digits) is not known to be outside, so it stays in and
 * is rejected under its rule as usual.
 *
 * The filter holds no pointers but into the LA table; it can be copied.
 */
#ifndef FOSTERBEDS_FILTER_H
#define FOSTERBEDS_FILTER_H

#include <stddef.h>

struct fb_filter {
	int active;                /* 0: every LA is kept */
	const char *region;        /* --region: fb_la_regions' spelling; else NULL */
	size_t nla;                /* --la: how many codes */
	unsigned char keep[1000];  /* 1 for each LA code kept (only when active) */
};

/* A filter that keeps every LA. */
void fb_filter_init(struct fb_filter *f);

/*
 * Keep the LAs of the region named name (fb_la_region_by_name()).  Returns
 * 0, or -1 with why (whylen bytes) saying what is wrong and what was likely
 * meant: another region's spelling, or the --la to give for an LA's name.
 */
int fb_filter_set_region(struct fb_filter *f, const char *name, char *why, size_t whylen);

/*
 * Keep the LAs of list: DfE codes separated by commas ("851,867"; spaces
 * around each allowed), each three digits (fb_la_code_parse()) and the code
 * of an LA in the table (la.h), former ones included.  Returns 0, or -1 with why: a code no LA has (with the
 * codes one digit away that some LA has), an LA's name instead of its code
 * (with the code), an empty item.  f is unchanged on failure.
 */
int fb_filter_set_las(struct fb_filter *f, const char *list, char *why, size_t whylen);

/* 1 when the run counts rows of la_code. */
static inline int
fb_filter_keeps(const struct fb_filter *f, int la_code)
{
	return !f->active || (la_code >= 0 && la_code < 1000 && f->keep[la_code]);
}

/*
 * The name for pooled rows that the filter implies, into buf (size bytes):
 * the region; for one LA its name; for two or three their names ("Portsmouth
 * and Bracknell Forest"); else "N chosen LAs".  Returns buf, or NULL when
 * the filter is not active.
 */
const char *fb_filter_name(const struct fb_filter *f, char *buf, size_t size);

/*
 * The filter as options, for messages: `--region "South East"` or
 * `--la 851,867` (codes in ascending order).  "" when not active.
 */
const char *fb_filter_describe(const struct fb_filter *f, char *buf, size_t size);

#endif
