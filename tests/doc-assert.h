/*
 * doc-assert.h: what the document tests (tests/test-doc-*.c) read a
 * document with, in one place (doc-assert.c, linked into each): a table or
 * a column by name, a cell as text or as a number of a kind, and what a
 * writer makes of a document.  Each fails the running cmocka test, rather
 * than returning something a test could misread, when what it is asked for
 * is not there.  Include after <cmocka.h>.
 */
#ifndef DOC_ASSERT_H
#define DOC_ASSERT_H

#include <stddef.h>

#include "fosterbeds/doc.h"

struct fb_run;
struct fb_writer;

/* The table called name; fails when there is none. */
const struct fb_table *table(const struct fb_doc *d, const char *name);

/* The index of the column called name; fails when there is none. */
size_t col(const struct fb_table *t, const char *name);

/*
 * Row r's cell in column i as plain text (fb_cell_format()), in a buffer
 * of 512 bytes the next call overwrites.
 */
const char *text(const struct fb_table *t, size_t r, size_t i);

/* Row r's number in column i; fails unless the cell is of kind. */
long num(const struct fb_table *t, size_t r, size_t i, enum fb_cell_kind kind);

/* 1 when row r's cell in column i is empty. */
int empty(const struct fb_table *t, size_t r, size_t i);

/*
 * Read the CSV text csv into run (begun by fb_run_init()) as the file name;
 * fails when the text cannot be opened as a file.  Returns fb_run_read()'s.
 */
int read_text(struct fb_run *run, const char *name, const char *csv);

/* What w writes of d, as a string the caller frees; fails if w fails. */
char *written(const struct fb_writer *w, const struct fb_doc *d);

#endif
