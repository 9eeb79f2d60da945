/*
 * writer.c: the writer table, and the report's columns, shared by every
 * format so that CSV, JSON and the table agree on names and values.
 */
#include "fosterbeds/writer.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"

static const struct {
	const char *name;
	const struct fb_writer *writer;
} writers[] = {
	{ "text", &fb_writer_text },
	{ "table", &fb_writer_text },
	{ "csv", &fb_writer_csv },
	{ "json", &fb_writer_json },
	{ "html", &fb_writer_html },
	{ "xlsx", &fb_writer_xlsx },
};

const struct fb_writer *
fb_writer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(writers[i].name, name) == 0)
			return writers[i].writer;
	return NULL;
}

int
fb_writer_stream_result(FILE *out, struct fb_error *e)
{
	if (!ferror(out))
		return 0;
	e->err = errno ? errno : EIO;
	snprintf(e->message, sizeof(e->message), "%s", strerror(e->err));
	return -1;
}
