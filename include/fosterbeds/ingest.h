/*
 * ingest.h: read a CSV stream of bed records, one record at a time.
 *
 * All CSV parsing goes through libcsv.  Ingest owns everything about the
 * file as text: the byte-order mark, UTF-16 files, the header (matching
 * column names to the standard's fields, any order, any case), physical line
 * numbers (a quoted newline moves later rows down, CRLF counts once), field
 * counts, UTF-8 and unclosed quotes.  It knows nothing about what the values
 * mean: that is record.h's job.
 *
 * Memory does not grow with the number of rows: one record is held at a
 * time, in buffers reused from row to row.
 */
#ifndef FOSTERBEDS_INGEST_H
#define FOSTERBEDS_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/standard.h"

/*
 * One data record.  cell[f] points at the value of field f (NUL-terminated,
 * len[f] bytes, spaces around unquoted values already removed by libcsv), or
 * is NULL when the file has no such column.  The pointers are valid only
 * during the callback.
 *
 * reject is FB_NONE, or the rule that already makes the row unusable (a
 * missing column, a wrong field count, bad UTF-8, an unclosed quote); its
 * finding has been pushed.
 */
struct fb_row {
	int file;
	long line;                       /* physical line the record starts on */
	int reject;                      /* FB_NONE or an enum fb_rule */
	const char *cell[FB_F_COUNT];
	size_t len[FB_F_COUNT];
};

typedef void (*fb_row_fn)(void *ctx, const struct fb_row *row);

/*
 * Read the CSV stream in to its end, pushing findings about the file into
 * out (tagged with file) and calling fn(ctx, row) for every data record, in
 * order, including records that cannot be used.  Blank lines are skipped.
 * *bytes is set to the number of bytes read.
 *
 * Returns 0 when the stream was read to its end (whatever the findings),
 * -1 on a read error, with errno set.
 */
int fb_ingest(FILE *in, int file, struct fb_findings *out, fb_row_fn fn, void *ctx,
	      long long *bytes);

#endif
