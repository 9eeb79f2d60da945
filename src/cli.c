/*
 * cli.c: shared command-line plumbing.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"

int
fb_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fosterbeds %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'fosterbeds %s --help' for more information.\n", cmd);
	return FB_EXIT_USAGE;
}

void
fb_cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("fosterbeds: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const struct fb_writer *
fb_cli_writer(const char *cmd, const char *name, const char *const *allowed)
{
	char list[128] = "";

	for (size_t i = 0; allowed[i]; i++) {
		if (strcmp(allowed[i], name) == 0)
			return fb_writer_find(name);
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
			 i ? ", " : "", allowed[i]);
	}
	fb_cli_usage_error(cmd, "unknown format '%s'; use one of %s", name, list);
	return NULL;
}

int
fb_cli_today(const char *cmd, const char *arg, int *today)
{
	enum fb_date_form form;

	if (fb_date_parse(arg, strlen(arg), today, &form) != 0 || form != FB_DATE_ISO)
		return fb_cli_usage_error(cmd, "--today '%s' is not a date in YYYY-MM-DD form",
					  arg);
	return 0;
}

int
fb_cli_count(const char *cmd, const char *opt, const char *arg, size_t *n)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-')
		return fb_cli_usage_error(cmd, "%s '%s' is not a whole number", opt, arg);
	*n = (size_t)v;
	return 0;
}

int
fb_cli_read_inputs(struct fb_run *run, const char *cmd, int argc, char **argv)
{
	int status = FB_EXIT_OK;

	(void)cmd;
	for (int i = 0; i < argc; i++) {
		if (fb_run_read_path(run, argv[i]) != 0) {
			fb_cli_error("cannot read '%s': %s", argv[i], strerror(errno));
			status = FB_EXIT_IO;
		}
	}
	return status;
}

int
fb_cli_finish(int status)
{
	int lost = fflush(stdout) != 0 || ferror(stdout);

	if (fclose(stdout) != 0)
		lost = 1;
	if (lost) {
		fb_cli_error("could not write the output: %s",
			     errno ? strerror(errno) : "write error");
		return FB_EXIT_IO;
	}
	return status;
}
