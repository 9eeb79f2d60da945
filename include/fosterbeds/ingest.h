/*
 * ingest.h: read a CSV stream of records, one record at a time.
 *
 * libcsv defines how CSV is read.  A plain line after the header (no CR
 * or non-ASCII byte, quotes only around whole values with none inside, no
 * value padded with spaces, as many values as the header) is cut without
 * it, as libcsv would cut it; every other
 * line goes through libcsv (src/ingest-split.h; tests/fuzz/fuzz-split.c
 * compares the two on any bytes).  Ingest owns everything about the
 * file as text: the byte-order mark, UTF-16 files, the header (matching
 * column names to a schema's columns, any order, any case), physical line
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
#include "fosterbeds/hooks.h"
#include "fosterbeds/standard.h"

/* Most columns a schema may have. */
#define FB_MAX_COLUMNS 16

/*
 * The columns a kind of file has: bed records (fb_bed_schema()), or a
 * submitted return (submission.h).  A required column missing from the header
 * is FB001 and spoils every row.
 */
struct fb_schema {
	int ncols;
	const char *name[FB_MAX_COLUMNS];
	int required[FB_MAX_COLUMNS];
	/*
	 * Columns whose values no finding may show, besides the one named
	 * child_ref: a profile's child_ref column under the export's own name.
	 */
	int hidden[FB_MAX_COLUMNS];
};

/* The bed-record schema: the standard's fields, column f being field f. */
const struct fb_schema *fb_bed_schema(void);

/*
 * The episode schema (spec/bed-episodes.md): the bed schema's columns at the
 * same indices, with status_from in snapshot_date's place
 * (FB_F_SNAPSHOT_DATE), then status_to at FB_EP_STATUS_TO.  Because the
 * shared columns keep their indices, record.h's checks read an episode row
 * as they read a bed row.
 */
#define FB_EP_STATUS_TO FB_F_COUNT
const struct fb_schema *fb_episode_schema(void);

/*
 * One data record.  cell[c] points at the value of schema column c (NUL-terminated,
 * len[f] bytes, spaces around unquoted values already removed by libcsv), or
 * is NULL when the file has no such column.  The pointers are valid only
 * during the callback.
 *
 * reject is FB_NONE, or the rule that already makes the row unusable (a
 * missing column, no header row, a wrong field count, bad UTF-8, an
 * unclosed quote, malformed quoting); its finding has been pushed.  A
 * rejected row's cells may all be NULL (no header row).
 */
struct fb_row {
	int file;
	long line;                       /* physical line the record starts on */
	int reject;                      /* FB_NONE or an enum fb_rule */
	int wide;                        /* 1: FB_CODE_WIDE bytes from any byte of a cell
					    may be read, past its NUL too (ingest's rows) */
	const char *cell[FB_MAX_COLUMNS];
	size_t len[FB_MAX_COLUMNS];
};

typedef void (*fb_row_fn)(void *ctx, const struct fb_row *row);

/*
 * An optional tap on the bytes as they are read, before any decoding: fn is
 * called with every chunk of the stream, in order, each byte once, the
 * byte-order mark included.  run.c feeds it to the host's digest sink (hooks.h), so a
 * file is hashed in the same pass that parses it.  A UTF-16 file is not
 * parsed, but the rest of it is still read and tapped, so the tap always
 * sees the whole stream.  The bytes are valid only during the call.
 */
struct fb_ingest_tap {
	void (*fn)(void *ctx, const unsigned char *bytes, size_t len);
	void *ctx;
};

/*
 * Read the CSV stream from the byte source in (hooks.h), laid out as schema, to its end, pushing findings about the file into
 * out (tagged with file) and calling fn(ctx, row) for every data record, in
 * order, including records that cannot be used.  Blank lines are skipped.
 *
 * The first record is the header only when it names at least one of the
 * schema's columns.  Otherwise the file has no header row (FB020): that
 * record is most likely data, so it is passed to fn as a rejected row like
 * every later one, and no finding quotes any of its cells (one may be a
 * child_ref).  Malformed quoting (libcsv's strict mode: "H1"x, or H"1) is
 * FB035 on its row, which is rejected; the row still ends where it ends.
 * *bytes is set to the number of bytes read: the stream's length, when it
 * was read to its end.  tap, when not NULL, sees every byte read.
 *
 * A stream that starts as a spreadsheet workbook does (a zip holding xl/
 * or content.xml: .xlsx or .ods; an OLE compound file: .xls) is FB037 at
 * line 1 and, like a UTF-16 one (FB014), is read to its end but not parsed.
 *
 * Limits (limits.h): a NUL byte in any chunk (UTF-16 and workbooks aside)
 * stops the reading before that chunk is parsed, errno FB_E_NOT_TEXT; more
 * than FB_MAX_STREAM bytes, FB_E_STREAM_SIZE; a record of more than
 * FB_MAX_RECORD bytes or FB_MAX_FIELDS values, FB_E_RECORD_SIZE or
 * FB_E_FIELDS, except that a quoted value still open at FB_MAX_RECORD is
 * FB019 on its record, passed to fn rejected, and the rest of the stream
 * is only read (and tapped).  Rows before a refusal have been passed on.
 *
 * Returns 0 when the stream was read to its end (whatever the findings),
 * -1 when the source failed (its errno kept) or the stream was refused
 * (errno an fb_refusal, negative).
 */
int fb_ingest(const struct fb_source *in, const struct fb_schema *schema, int file, struct fb_findings *out,
	      fb_row_fn fn, void *ctx, long long *bytes, const struct fb_ingest_tap *tap);

/*
 * A choice of schema made from the header row, for inputs of more than one
 * kind (bed records or episodes), so the stream is read once.  choose() is
 * called once, when the header row has been read and before it is matched,
 * with its n cells (all of them, spaces trimmed, not NUL-terminated,
 * valid only during the call), and returns the schema to read the file
 * with.  fallback is the schema of a file with no header (empty, or
 * UTF-16), for which choose() is never called.
 */
struct fb_schema_chooser {
	const struct fb_schema *(*choose)(void *ctx, const char *const *names,
					  const size_t *lens, size_t n);
	void *ctx;
	const struct fb_schema *fallback;
	/*
	 * The separator: 0 finds it from the first line (a comma, unless the
	 * line has none and has a semicolon, or else a tab: then that, with
	 * an FB036 warning); else this byte, with no warning.
	 */
	int delim;
	/*
	 * 1 when choose() returns a mapping profile's schema (profile.h): the
	 * header's other columns are "not mapped by the profile" (FB002), not
	 * "not in the standard".
	 */
	int profile;
};

/*
 * Reading a stream in blocks, each parsed apart (on a thread of its own
 * where the host's hooks start one, hooks.h) and handed over in the
 * stream's order, so that whatever is done with the rows is done as in one
 * pass: the same rows, lines, findings in the same order, for any number of
 * workers and any block size.
 *
 * After the header, the bytes are cut into blocks of about size bytes,
 * each ending after a LF.  A block is parsed on the assumption that it
 * starts at a record's start; when the block before it turns out to end
 * inside a record (a quoted value's line break at the cut, or a block
 * with no LF at all), that parse is dropped and the block is read on from
 * where the one before left off, with the rows going to fn as in
 * fb_ingest().  A block's rows go to row(block, r), with lines counted
 * from 1 at the block's first line and findings pushed into a list of the
 * block's own (out, which knows the file's columns); then commit() is
 * called on the reading thread, in order, with offset the line before
 * the block: the rows' lines are offset more in the file.  commit() must
 * take every finding of out (fb_findings_take()); out's line shifts are
 * already the file's.
 *
 * begin() (on the reading thread) returns what row() and commit() are
 * given for a new block, or NULL: the file is read without blocks, every
 * row going to fn.  end() frees it, committed or not.  row() may touch
 * nothing but its block and what no one writes while the file is read.
 */
struct fb_ingest_blocks {
	size_t size;       /* about this many bytes a block; 0: no blocks */
	int workers;       /* blocks parsed at once (threads), at least 1 */
	void *(*begin)(void *ctx, struct fb_findings *out);
	fb_row_fn row;
	void (*commit)(void *ctx, void *block, struct fb_findings *out, long offset);
	void (*end)(void *ctx, void *block);
};

/* Most bytes a block may hold: a record that long is still far below FB_MAX_RECORD. */
#define FB_INGEST_BLOCK_MAX ((size_t)8 << 20)

/* fb_ingest() with the schema picked from the header row by chooser. */
int fb_ingest_choosing(const struct fb_source *in, const struct fb_schema_chooser *chooser, int file,
		       struct fb_findings *out, fb_row_fn fn, void *ctx, long long *bytes,
		       const struct fb_ingest_tap *tap);

#endif
