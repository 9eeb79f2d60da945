/*
 * limits.c: the refusals of limits.h in words.
 */
#include "fosterbeds/limits.h"

#include <string.h>

const char *
fb_strerror(int error)
{
	switch (error) {
	case FB_E_NOT_TEXT:
		return "it is not a text file: it holds NUL bytes, as a program, an image, "
		       "a database or a file damaged on disk does; give the file meant, saved "
		       "as text (data as \"CSV UTF-8\")";
	case FB_E_STREAM_SIZE:
		return "it is larger than 1 GiB, the most a bed-record or episode file "
		       "may be (spec/bed-records.md, \"Limits\"); split it, or check it is "
		       "the file meant";
	case FB_E_WHOLE_SIZE:
		return "it is larger than 16 MiB, the most a return, Ofsted's file, a "
		       "cost file or a manifest may be (spec/bed-records.md, \"Limits\"); "
		       "check it is the file meant";
	case FB_E_RECORD_SIZE:
		return "a row is longer than 16 MiB, the most one row may be "
		       "(spec/bed-records.md, \"Limits\"), so the rest of the file was not "
		       "read; check it is a CSV file, and for a double quote that never closes";
	case FB_E_FIELDS:
		return "a row has more than 10,000 values, the most one row may have "
		       "(spec/bed-records.md, \"Limits\"), so the rest of the file was not "
		       "read; check it is a CSV file with commas between values";
	case FB_E_NOT_FILE:
		return "it is a device, a FIFO or a folder, not a regular file, so it is "
		       "not read";
	}
	return strerror(error);
}

int
fb_utf16_start(const unsigned char *b, size_t n)
{
	if (n < 2)
		return 0;
	if ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))
		return 1;
	return (b[0] == 0) != (b[1] == 0) && (b[0] | b[1]) < 0x80;
}

/*
 * What workbook, if any, a stream starting with the n bytes at b is: by its
 * bytes, never its name.  A zip is a workbook only when its first entries
 * name a workbook's parts, so a zip of anything else is left to the CSV
 * reader (which finds no header).
 */
const char *
fb_workbook_start(const unsigned char *b, size_t n)
{
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

	if (n >= sizeof(ole) && memcmp(b, ole, sizeof(ole)) == 0)
		return "an Excel 97-2003 workbook (.xls)";
	if (n < 4 || memcmp(b, "PK\x03\x04", 4) != 0)
		return NULL;
	for (size_t i = 4; i + 11 <= n; i++) {
		if (memcmp(b + i, "xl/", 3) == 0)
			return "an Excel workbook (.xlsx)";
		if (memcmp(b + i, "content.xml", 11) == 0 ||
		    memcmp(b + i, "opendocume", 10) == 0)
			return "an OpenDocument spreadsheet (.ods)";
	}
	return NULL;
}
