/*
 * writer.c: the table of writers, by the names --format takes.  A new
 * format is a file of its own (one struct fb_writer) and a row here.
 */
#include "fosterbeds/writer.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The writers, each defined in a file of its own. */
extern const struct fb_writer fb_writer_text, fb_writer_csv, fb_writer_json, fb_writer_html,
	fb_writer_xlsx;

/* A second name for a writer follows its first. */
static const struct {
	const char *name;
	const struct fb_writer *writer;
} writers[] = {
	{ .name = "text", .writer = &fb_writer_text },
	{ .name = "table", .writer = &fb_writer_text },
	{ .name = "csv", .writer = &fb_writer_csv },
	{ .name = "json", .writer = &fb_writer_json },
	{ .name = "html", .writer = &fb_writer_html },
	{ .name = "xlsx", .writer = &fb_writer_xlsx },
};
#define NWRITERS (sizeof(writers) / sizeof(writers[0]))

const struct fb_writer *
fb_writer_find(const char *name)
{
	for (size_t i = 0; i < NWRITERS; i++)
		if (strcmp(writers[i].name, name) == 0)
			return writers[i].writer;
	return NULL;
}

const char *
fb_writer_names(char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < NWRITERS && n < size; i++) {
		if (i > 0 && writers[i].writer == writers[i - 1].writer)
			n += (size_t)snprintf(buf + n, size - n, " (or %s)", writers[i].name);
		else
			n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "",
					      writers[i].name);
	}
	return buf;
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
