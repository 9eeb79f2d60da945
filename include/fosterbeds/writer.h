/*
 * writer.h: output formats behind one interface.
 *
 * Each format is one file (writer-text.c, writer-csv.c, writer-json.c) that
 * fills one struct fb_writer; commands pick a writer by name and hand it what
 * to write and a FILE *, so tests can give it an in-memory stream.  A writer
 * that cannot write a document leaves its slot NULL.
 *
 * Writers never decide exit codes and never check for write errors: the
 * command checks the stream once at the end (a failed write sets the
 * stream's error flag, which stays set).
 *
 * No writer ever prints child_ref or any other column the standard marks as
 * personal; findings carry no such values (findings.h).
 */
#ifndef FOSTERBEDS_WRITER_H
#define FOSTERBEDS_WRITER_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/run.h"
#include "fosterbeds/tally.h"

/* What `report` writes: the run, and its rows from fb_tally_rows(). */
struct fb_report {
	const struct fb_run *run;
	const char *region_name;   /* the name given to pooled rows */
	const struct fb_tally_row *rows;
	size_t nrows;
};

struct fb_writer {
	const char *name;
	/* validate: every finding, a summary by code, and each input's rows. */
	void (*findings)(FILE *out, const struct fb_run *run);
	/* report: per-(LA, date) rows and pooled rows. */
	void (*report)(FILE *out, const struct fb_report *rep);
	/* spec: the standard's fields, codes, categories and rules. */
	void (*catalogue)(FILE *out);
};

extern const struct fb_writer fb_writer_text;
extern const struct fb_writer fb_writer_csv;
extern const struct fb_writer fb_writer_json;

/* The writer called name ("table" is the text writer), or NULL. */
const struct fb_writer *fb_writer_find(const char *name);

/* Shared by the writers */

/* One finding as text, "FILE:LINE: severity CODE: message" and a newline. */
void fb_finding_line(FILE *out, const struct fb_run *run, const struct fb_finding *f);

/* The LA name for a report row: the region name for pooled rows, "" if unknown. */
const char *fb_report_la_name(const struct fb_report *rep, const struct fb_tally_row *row);

/* "851", or "ALL" for a pooled row, into buf (8 bytes). */
const char *fb_report_la_code(const struct fb_tally_row *row, char buf[8]);

/* The report CSV/JSON column names, in order, and how many there are. */
extern const char *const fb_report_columns[];
extern const size_t fb_report_ncolumns;

/*
 * Write a report row's value for column i into buf (FB_CELL_BUF bytes) as
 * text: counts as integers, rates as "66.3" or "" when undefined.  Returns
 * buf, or the LA name itself.  *is_number is set when the value is a number
 * (for JSON), cleared for text and empty rates.
 */
#define FB_CELL_BUF 32
const char *fb_report_cell(const struct fb_report *rep, const struct fb_tally_row *row,
			   size_t i, char buf[FB_CELL_BUF], int *is_number);

#endif
