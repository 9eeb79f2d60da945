/*
 * findings.h: what validation found, kept as one list.
 *
 * A finding is one breach of one rule of the standard, located by file index
 * and physical line (1-based; the header is line 1; findings about the header
 * or the file as a whole sit at line 1).  Library code pushes findings here
 * and never prints them; the writers decide how they look.
 *
 * Officers fix their data in Excel, so each finding is also located as Excel
 * shows the file: its row (the header is row 1; a record whose quoted values
 * hold line breaks is one row over several lines, so later rows are fewer
 * than their lines) and its column's position (A, B, ... AA).  The readers
 * tell the list how their file maps (fb_findings_map_columns(),
 * fb_findings_map_lines()) before pushing findings about it, and every push
 * then works both out from the line and the column's name.
 *
 * Invariants: every finding pushed is counted in count[] and in errors or
 * warnings, even when the list has reached its limit and the finding itself
 * is not kept (dropped says how many were not).  Values are stored already
 * made safe to show: at most FB_VALUE_MAX characters, control characters
 * written as \n, \r, \t or \xHH.  A finding's column is child_ref never
 * carries a value: the child's reference must not appear in any output.
 *
 * The list owns its strings; fb_findings_release() frees them.
 */
#ifndef FOSTERBEDS_FINDINGS_H
#define FOSTERBEDS_FINDINGS_H

#include <stddef.h>

#include "fosterbeds/standard.h"

#define FB_VALUE_MAX 64
/* Room for a shown value: each byte may become \xHH, plus "..." and NUL. */
#define FB_VISIBLE_SIZE (FB_VALUE_MAX * 4 + 4)

struct fb_finding {
	enum fb_rule rule;
	int file;          /* index into the run's input files */
	long line;         /* physical line, 1-based */
	char *column;      /* column name, NULL when the finding has none */
	char *value;       /* the offending value as shown, NULL when none */
	char *message;     /* one plain-English sentence, no final full stop */
	long row;          /* Excel's row (header row 1); 0 when not known */
	int col;           /* 0-based column in the file (A is 0); -1 for none */
};

/* How one file's lines and column names map to Excel's rows and columns. */
struct fb_file_map {
	int file;
	struct fb_line_shift {
		long from, less;   /* from line `from` on, rows are `less` fewer */
	} *shift;
	size_t nshift, shiftcap;
	const char **name;         /* column names (static strings) ... */
	int *col;                  /* ... at these 0-based columns */
	size_t ncols;
};

struct fb_findings {
	struct fb_finding *items;
	size_t n, cap;
	size_t limit;              /* keep at most this many; 0 keeps all */
	size_t dropped;            /* findings counted but not kept */
	size_t count[FB_R_COUNT];  /* findings per rule, kept or not */
	size_t errors, warnings;
	int row_error;             /* 1 + the first error's rule since
				      fb_findings_row_start(), or 0 */
	struct fb_file_map *maps;  /* one per file that told its layout */
	size_t nmaps, mapcap;
};

/* Life cycle */

void fb_findings_init(struct fb_findings *f, size_t limit);
void fb_findings_release(struct fb_findings *f);

/* Adding */

/*
 * Push a finding.  value (NUL-terminated, already made visible with
 * fb_visible(), or NULL) is copied; fmt and its arguments make the message.
 */
void fb_findings_add(struct fb_findings *f, enum fb_rule rule, int file, long line,
		     const char *column, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/*
 * Push a finding about the cell at 0-based column col of the file (-1: none),
 * for files whose columns are not a schema's (Ofsted's, one per authority).
 */
void fb_findings_add_cell(struct fb_findings *f, enum fb_rule rule, int file, long line,
			  int col, const char *column, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Mapping files to Excel's rows and columns */

/*
 * The named columns of file: name[i] (a string that outlives the list, such
 * as a schema's) is at 0-based column col[i], or absent when col[i] < 0.
 * Later findings naming such a column (case-insensitively) get its position.
 */
void fb_findings_map_columns(struct fb_findings *f, int file, const char *const *name,
			     const int *col, size_t n);

/*
 * A record of file held extra line breaks inside quoted values, so from
 * line on every line is extra more than its Excel row.  Calls for a file
 * come in ascending line order.
 */
void fb_findings_map_lines(struct fb_findings *f, int file, long line, long extra);

/*
 * Excel's name for 0-based column col ("A", "Z", "AA"...) in out, which
 * holds FB_COLUMN_LETTERS bytes; "" when col < 0.  Returns out.
 */
#define FB_COLUMN_LETTERS 8
char *fb_column_letters(char *out, int col);

/*
 * For a part of a file read apart (by a worker) and handed over in the
 * file's order, findings one at a time between the handing over's own:
 * move src's findings from..to-1, pushed with lines counted from the
 * part's first line, to the end of dst as if pushed there then.  Their
 * lines move down by offset (the line before the part), their Excel rows
 * are worked out again from dst's map, and each is counted in dst (past
 * dst's limit, as dropped), unless keep (when not NULL) says 0: that one
 * is freed and not counted.  src's counts are left alone; the moved items'
 * strings are dst's now, so fb_findings_release(src) frees only the rest.
 */
void fb_findings_take(struct fb_findings *dst, struct fb_findings *src, size_t from, size_t to,
		      long offset, int (*keep)(void *ctx, const struct fb_finding *f), void *ctx);

/*
 * The part's line shifts (fb_findings_map_lines() calls into src about
 * file), offset lines down, added to dst's as if made there: call before
 * taking the part's findings.
 */
void fb_findings_take_shifts(struct fb_findings *dst, const struct fb_findings *src, int file,
			     long offset);

/* Give dst the column map of file that src has (none when src has none). */
void fb_findings_map_like(struct fb_findings *dst, const struct fb_findings *src, int file);

/*
 * What rejected a row, for its input's rejected_by (run.h): a reader calls
 * fb_findings_row_start() as it starts checking a row and, when the row is
 * rejected for the findings it pushed, fb_findings_row_error() gives the
 * rule of the first error among them (counted even past the limit), or -1
 * when it pushed none.
 */
void fb_findings_row_start(struct fb_findings *f);
int fb_findings_row_error(const struct fb_findings *f);

/* Order the findings by file, then line, keeping the order of equal ones. */
void fb_findings_sort(struct fb_findings *f);

/* Showing values */

/*
 * Write len bytes of s into out (FB_VISIBLE_SIZE bytes) as they may be shown:
 * control characters and bytes that are not UTF-8 as escapes, cut after
 * FB_VALUE_MAX characters with "..." appended.  Returns out.
 */
char *fb_visible(char *out, const char *s, size_t len);

/*
 * fb_visible() without the cut, for text shown whole (a file name, a
 * manifest's command line): out holds FB_VISIBLE_ALL_SIZE(len) bytes.  The
 * result is as long as s exactly when s needed no escape.
 */
#define FB_VISIBLE_ALL_SIZE(len) ((len) * 4 + 1)
char *fb_visible_all(char *out, const char *s, size_t len);
/* fb_visible_all() of the string s, in memory the caller frees. */
char *fb_visible_dup(const char *s);

#endif
