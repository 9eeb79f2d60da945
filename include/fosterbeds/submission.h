/*
 * submission.h: what an LA submitted to Ofsted, one row per LA.
 *
 * Two kinds of file are read, told apart by content:
 *  - a simple return: a CSV with columns la_code, approved, filled, vacant,
 *    unavailable and optionally snapshot_date (which picks the snapshot of
 *    the bed records to compare with), read through ingest like bed records;
 *  - Ofsted's published LA-level fostering data (ofsted.h), whose places
 *    rows give the four counts for every authority.
 * Either is checked with the same findings: counts must be whole numbers of
 * 0 or more (FB023), an LA has one row (FB024), LA codes are known (FB018),
 * and approved = filled + vacant + unavailable is only a warning (FB025).
 */
#ifndef FOSTERBEDS_SUBMISSION_H
#define FOSTERBEDS_SUBMISSION_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/filter.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/ofsted.h"

/* A snapshot date the return does not give. */
#define FB_NO_DATE (-2147483647 - 1)

struct fb_submitted {
	int la_code;
	/*
	 * The date the return counts at: a simple return's snapshot_date, or
	 * 31 March ending a published file's year; FB_NO_DATE when a simple
	 * return names none or the published file's year is unknown.
	 */
	int date;
	long approved, filled, vacant, unavailable;  /* FB_MISSING when not given */
	long line;                /* where it was read */
	int col;                  /* a published file's authority column (0-based), else -1 */
};

struct fb_submission {
	struct fb_submitted *rows;  /* in file order */
	size_t n, cap;
	int published;              /* 1 when read from Ofsted's published file */
	char year[16];              /* published: the year, when known */
	long missing;               /* published: cells suppressed or blank */
	long rows_read, rows_used, rows_rejected;
	long rows_outside_filter;   /* used rows fb_submission_keep() set aside */
	long rejected_by[FB_R_COUNT];  /* rejected rows by first error (run.h) */
};

void fb_submission_init(struct fb_submission *s);
void fb_submission_release(struct fb_submission *s);

/*
 * Read a return (name for messages and the year) from the len bytes at
 * data, the whole file, read by the caller (who can then hash them:
 * host.h).  data stays the caller's.  Returns 0 when read (whatever the
 * findings), pushing findings tagged with file.  year
 * ("2018-19") is a published file's year when its name does not say, or
 * NULL.
 */
int fb_submission_parse(struct fb_submission *s, const char *data, size_t len,
			const char *name, const char *year, int file,
			struct fb_findings *out);

/*
 * The date Ofsted's published data for year ("2018-19") counts at: 31 March
 * of its second calendar year (2019-03-31), or FB_NO_DATE when year is not
 * of that form.
 */
int fb_published_date(const char *year);


/*
 * Set aside the rows of LAs filter does not keep (filter.h), as a run sets
 * aside bed records: each moves from used to rows_outside_filter.  Rejected
 * rows stay rejected (their LA is not known for sure).
 */
void fb_submission_keep(struct fb_submission *s, const struct fb_filter *filter);

#endif
