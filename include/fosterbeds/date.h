/*
 * date.h: strict calendar dates.
 *
 * A date is held as the number of days since 1970-01-01 (negative before),
 * so dates compare and subtract as integers.  Parsing is strict: the whole
 * input must be the date, the day must exist in that month (2026-02-30 is
 * rejected, 2028-02-29 accepted), and the year must be 1900..9999.  On
 * failure the output is left untouched.
 */
#ifndef FOSTERBEDS_DATE_H
#define FOSTERBEDS_DATE_H

#include <stddef.h>

enum fb_date_form {
	FB_DATE_ISO,  /* YYYY-MM-DD */
	FB_DATE_DMY,  /* DD/MM/YYYY, as Excel re-saves dates in a UK locale */
};

#define FB_DATE_LEN 10 /* characters in "YYYY-MM-DD" */

/*
 * Parse len bytes at s (surrounding spaces allowed) as YYYY-MM-DD or
 * DD/MM/YYYY (one-digit day and month accepted in the latter).  Returns 0 and
 * sets *days and *form on success; returns -1 and leaves both untouched on
 * failure.
 */
int fb_date_parse(const char *s, size_t len, int *days, enum fb_date_form *form);

/*
 * The last date fb_date_parse_memo() read, by its exact bytes: a file's
 * rows mostly share one snapshot date, so most rows cost a compare.  Each
 * reader keeps its own (a checker, a thread), zeroed before first use
 * (an empty memo matches nothing).
 */
#define FB_DATE_MEMO_MAX 16
struct fb_date_memo {
	size_t len;                    /* 0: empty */
	char bytes[FB_DATE_MEMO_MAX];
	int days;
	enum fb_date_form form;
};

/*
 * fb_date_parse(), answered from m when s is byte for byte the last value
 * m read; a date that parses is remembered in m (one of up to
 * FB_DATE_MEMO_MAX bytes), one that does not is parsed again each time.
 * Returns, sets and leaves untouched exactly what fb_date_parse() does.
 */
int fb_date_parse_memo(struct fb_date_memo *m, const char *s, size_t len, int *days,
		       enum fb_date_form *form);

/* Write days as "YYYY-MM-DD" and a NUL into out, which holds 11 bytes. */
void fb_date_format(int days, char out[FB_DATE_LEN + 1]);

/* Days since 1970-01-01 of the civil date y-m-d (no range check). */
int fb_date_from_civil(int y, int m, int d);

/* The civil date of days since 1970-01-01: year, month 1-12, day 1-31. */
void fb_date_civil(int days, int *y, int *m, int *d);

/* Today's date on this machine's local clock. */
int fb_date_today(void);

#endif
