/* doc-assert.c: the document tests' shared reading of a document (doc-assert.h). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <string.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/host.h"
#include "fosterbeds/writer.h"
#include "doc-assert.h"

const struct fb_table *
table(const struct fb_doc *d, const char *name)
{
	const struct fb_table *t = fb_doc_find_table(d, name);

	if (!t)
		fail_msg("no table %s", name);
	return t;
}

size_t
col(const struct fb_table *t, const char *name)
{
	size_t i = fb_table_find_column(t, name);

	if (i == t->ncols)
		fail_msg("no column %s in %s", name, t->name);
	return i;
}

const char *
text(const struct fb_table *t, size_t r, size_t i)
{
	char buf[FB_DOC_CELL_BUF];
	static char out[512];

	snprintf(out, sizeof(out), "%s", fb_cell_format(fb_table_cell(t, r, i), buf));
	return out;
}

long
num(const struct fb_table *t, size_t r, size_t i, enum fb_cell_kind kind)
{
	const struct fb_cell *c = fb_table_cell(t, r, i);

	assert_int_equal(c->kind, kind);
	return c->n;
}

int
empty(const struct fb_table *t, size_t r, size_t i)
{
	return fb_table_cell(t, r, i)->kind == FB_CK_EMPTY;
}

char *
written(const struct fb_writer *w, const struct fb_doc *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct fb_error e = { 0, "" };

	assert_non_null(out);
	assert_int_equal(w->write(out, d, &e), 0);
	fclose(out);
	return buf;
}

int
read_text(struct fb_run *run, const char *name, const char *csv)
{
	FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
	int rc;

	assert_non_null(in);
	rc = fb_run_read(run, name, in);
	fclose(in);
	return rc;
}
