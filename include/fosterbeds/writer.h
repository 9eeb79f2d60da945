/*
 * writer.h: output formats behind one interface.
 *
 * Each format is one file (writer-text.c, writer-csv.c, writer-json.c,
 * html.c, writer-xlsx.c) that fills one struct fb_writer, listed by name
 * in writer.c's table; commands pick a writer by name (--format) and hand
 * it a document (doc.h) and a FILE *, so tests can give it an in-memory
 * stream.  Every writer writes every document, from its typed cells alone:
 * no writer has code of its own per document, but for the HTML pages
 * (html.h).
 *
 * Writers never decide exit codes and never print: write() returns -1 with
 * a struct fb_error saying why it failed, a failed write to the stream or a
 * reason of the writer's own (a workbook that could not be made); there is
 * no other channel.  The command says it (cli.h, fb_cli_write()) and picks
 * the status.
 *
 * No writer ever prints child_ref or any other column the standard marks as
 * personal; findings carry no such values (findings.h).
 */
#ifndef FOSTERBEDS_WRITER_H
#define FOSTERBEDS_WRITER_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/episodes.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/run.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"
#include "fosterbeds/trend.h"

/*
 * Why a writer failed, for the command to say: err is an errno value (EIO
 * when there is none), message the reason in words.
 */
struct fb_error {
	int err;
	char message[256];
};

/*
 * A writer.  write() writes any document (doc.h) from its typed cells and
 * returns 0, or -1 with *e saying why (a failed write to out, a workbook
 * that could not be made).  binary formats are not written to a terminal.
 *
 * A writer that must make its output under a file name before copying it
 * to out (xlsx: libxlsxwriter writes to a name) also has write_scratch(),
 * which the command calls instead, with scratch the name of an empty
 * owner-only file the caller made where it chose (beside the output, not
 * in a shared folder) and removes, on a signal too: the writer may
 * replace its contents and make its own unnamed temporary files in its
 * directory, and leaves nothing else behind.  Its write() makes a scratch
 * file of its own in $TMPDIR, for callers with no better place (tests).
 */
struct fb_writer {
	const char *name;
	int binary;
	int digests;   /* writes each input's SHA-256 (fb_input.sha256): hash them for it */
	int (*write)(FILE *out, const struct fb_doc *doc, struct fb_error *e);
	int (*write_scratch)(FILE *out, const struct fb_doc *doc, const char *scratch,
			     struct fb_error *e);
};


/*
 * A writer's result once it has written to out: 0, or -1 with *e filled
 * when out's error indicator is set (a failed write).
 */
int fb_writer_stream_result(FILE *out, struct fb_error *e);

/* The writer called name ("table" is the text writer), or NULL. */
const struct fb_writer *fb_writer_find(const char *name);

/*
 * Every writer's name, for messages: "text (or table), csv, json, html,
 * xlsx" into buf (size bytes, cut short if it must be); returns buf.
 */
const char *fb_writer_names(char *buf, size_t size);

/* Shared by the writers */

/* One finding as text, "FILE:LINE: severity CODE: message" and a newline. */
void fb_finding_line(FILE *out, const struct fb_run *run, const struct fb_finding *f);

/* Room for a cell as text: a list of every LA code. */
#define FB_CELL_BUF 1024

#endif
