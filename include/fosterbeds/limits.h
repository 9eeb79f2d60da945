/*
 * limits.h: how much of an input the tool will read, and why it refuses one.
 *
 * Every reader has a limit far above any real file (spec/bed-records.md,
 * "Limits", states them), so that no input, however made, can make a run
 * hang or take all the machine's memory: /dev/zero, a FIFO fed for ever, a
 * file with a quote that never closes.  An input past a limit, or one that
 * is not text at all, is refused: it "could not be read", like a file that
 * cannot be opened (exit status 3), with one of the reasons below in its
 * fb_input.error, which fb_strerror() says in words.
 */
#ifndef FOSTERBEDS_LIMITS_H
#define FOSTERBEDS_LIMITS_H

#include <stddef.h>

/*
 * A bed-record or episode file (read as a stream, one record at a time),
 * or an export profile init reads: 1 GiB.  A region's quarter is well under
 * 10 MB; a million rows are 62 MiB.
 */
#define FB_MAX_STREAM ((long long)1 << 30)

/*
 * A file read whole (a return, Ofsted's file, a cost file, a manifest):
 * 16 MiB.  Real ones are under 1 MB.  A mapping profile: 1 MiB
 * (FB_PROFILE_MAX_BYTES, profile-read.h).
 */
#define FB_MAX_WHOLE ((size_t)16 << 20)

/* One record (row) of a CSV input, all its values together: 16 MiB. */
#define FB_MAX_RECORD ((size_t)16 << 20)

/* Values in one record (a row, or the header's columns): 10,000. */
#define FB_MAX_FIELDS 10000

/*
 * Why an input was refused, in fb_input.error beside errno's values (which
 * are all positive): never a value errno takes.
 */
enum fb_refusal {
	FB_E_NOT_TEXT = -1,     /* it holds NUL bytes: not text (and not UTF-16) */
	FB_E_STREAM_SIZE = -2,  /* larger than FB_MAX_STREAM */
	FB_E_WHOLE_SIZE = -3,   /* larger than FB_MAX_WHOLE */
	FB_E_RECORD_SIZE = -4,  /* a record longer than FB_MAX_RECORD */
	FB_E_FIELDS = -5,       /* a record of more than FB_MAX_FIELDS values */
	FB_E_NOT_FILE = -6,     /* not a regular file (check-manifest hashes files only) */
};

/* What error (errno's, or an fb_refusal) means, in words, like strerror(). */
const char *fb_strerror(int error);

/*
 * Whether the n bytes at b, a file's first, look like UTF-16 text: a
 * byte-order mark, or a first character that is ASCII with its other byte
 * 0.  Such a file has NUL bytes but is text (FB014 says how to save it).
 */
int fb_utf16_start(const unsigned char *b, size_t n);

/*
 * What spreadsheet workbook, if any, a file whose first n bytes are at b is
 * ("an Excel workbook (.xlsx)"), by its bytes, never its name; else NULL.
 * A workbook has NUL bytes too, but gets a message of its own (FB037).
 */
const char *fb_workbook_start(const unsigned char *b, size_t n);

#endif
