/*
 * record.h: check one bed record against the standard and read its values.
 *
 * The checker applies every rule that needs only the row itself: blank
 * required values, codes, dates, LA codes, reasons against status, child_ref
 * on a bed that is not filled.  Rules that need other rows (duplicate beds,
 * the fostering limit) are registry.h's.
 *
 * Some warnings would repeat on every row of a file (a file re-saved by
 * Excel has every date DD/MM/YYYY), so the checker says them once per file:
 * DD/MM/YYYY dates (at the first such line, with the count, when the file
 * ends), each future date (up to FB_FUTURE_WARN_MAX of them), each unknown
 * LA code, and a header with no unavailable_reason column when the file has
 * unavailable beds (FB009 at line 1, with how many beds it rejected: each
 * is still rejected, so rows read = used + rejected).  Call fb_checker_file_end()
 * after each file.
 */
#ifndef FOSTERBEDS_RECORD_H
#define FOSTERBEDS_RECORD_H

#include <stddef.h>

#include "fosterbeds/date.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/standard.h"

/*
 * A bed's values, read from a row.  The strings point into the row and
 * live only as long as it does.  Coded fields are FB_NONE when blank;
 * a reason that is there but not one of its codes is FB_UNRECOGNISED (its
 * FB034 warning has been pushed), and so counted as not recognised.  An
 * unrecognised ofsted_status is FB_NONE, as if blank: reconcile cannot say
 * how the bed was counted in the return either way.
 */
struct fb_bed {
	int la_code;
	int date;                       /* days since 1970-01-01 */
	const char *household;
	size_t household_len;
	const char *bed_id;
	size_t bed_id_len;
	int bed_use, status, unavailable_reason, vacancy_reason, ofsted_status;
	int has_child_ref;
	enum fb_category category;
};

/* Distinct future dates warned per file; later ones are not warned again. */
#define FB_FUTURE_WARN_MAX 32

/*
 * What the checker remembers within one input, for the findings it gives
 * once per file; reset by fb_checker_file_end().  A struct of its own so
 * that each part of an input read apart (by another thread, later) can keep
 * its own.
 */
struct fb_checker_input {
	int file;
	long dmy_rows, dmy_first_line;
	char dmy_first[FB_VISIBLE_SIZE];
	unsigned char la_warned[1000];
	int future_warned[FB_FUTURE_WARN_MAX];
	int nfuture_warned;
	const char *date_column;    /* the date column's name, for messages */
	long noreason_rows, noreason_first_line;  /* unavailable, no unavailable_reason column */
};

/*
 * The checker: settings for the whole run, and the input being read.  The
 * memos remember answers that depend on nothing but the bytes or code
 * asked about, so they hold across files; they are the checker's own, so
 * two checkers may run on two threads.
 */
struct fb_checker {
	int today;                  /* days; later snapshot dates are warned */
	struct fb_findings *out;
	struct fb_checker_input input;
	struct fb_date_memo date_memo;  /* the last date's bytes, read */
	signed char la_known[1000]; /* 1 an authority's code, -1 none's, 0 not yet asked */
	struct fb_code_index codes[FB_F_COUNT];  /* the coded fields' */
};

void fb_checker_init(struct fb_checker *c, int today, struct fb_findings *out);

/*
 * Check row and fill *bed.  Returns FB_NONE when the row can be used, else
 * the first error's rule (its finding, and every other one, is pushed).
 * When row->reject is set, only returns it.
 */
int fb_checker_check(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed);

/*
 * fb_checker_check() for a row whose date column (FB_F_SNAPSHOT_DATE's
 * cell) has another name: an episode's status_from (episodes.h).  Findings
 * about the date name date_column; bed->date is that date.
 */
int fb_checker_check_as(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed,
			const char *date_column);

/*
 * Push FB_R_BAD_LA_CODE for the la_code s (len bytes, which
 * fb_la_code_parse() refused) on
 * file's line: with the code of the LA the value most likely names ("did
 * you mean 887 (Medway)?", from the LA table), else where the codes are.
 */
void fb_bad_la_code(struct fb_findings *out, int file, long line, const char *s, size_t len);

/*
 * For the parts of a file checked apart, each with a checker of its own
 * (so each says its warnings once per part), and handed over in the
 * file's order.  fb_checker_say_once() is 1 when a once-per-file warning
 * a part gave (rule FB_R_UNKNOWN_LA_CODE about la_code, FB_R_FUTURE_DATE
 * about date) is to be said in the file whose state is in, and remembers
 * that it was; 0 when the file has said it (or, for dates, its
 * FB_FUTURE_WARN_MAX) already; 1 for any other rule.  A part's first
 * FB_FUTURE_WARN_MAX dates hold every date the file still needs, so the
 * file says the same ones as read in one piece.  fb_checker_input_add()
 * adds a part's DD/MM and no-reason counts, its lines offset lines down,
 * to the file's, whose first lines stay first.
 */
int fb_checker_say_once(struct fb_checker_input *in, enum fb_rule rule, int la_code, int date);
void fb_checker_input_add(struct fb_checker_input *dst, const struct fb_checker_input *src,
			  long offset);

/* Say the once-per-file warnings for the file just read. */
void fb_checker_file_end(struct fb_checker *c);

#endif
