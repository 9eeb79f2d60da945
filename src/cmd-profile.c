/*
 * cmd-profile.c: fosterbeds profile check FILE, and fosterbeds profile init
 * EXPORT: a mapping profile (spec/profiles.md) checked alone, and a
 * starting one written from an export's header and values.
 *
 * init never guesses: every section it writes is marked TODO in a way
 * 'profile check' refuses ([column TODO-3], value TODO), so an officer must
 * fill each in before the profile can be used.  It lists a column's values
 * only when the column has few of them (FEW_VALUES), each on more than one
 * row, and its header does not name a child: identifiers, a child's
 * reference above all, are never copied into the profile.
 */
#include "cli.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/host.h"
#include "fosterbeds/profile-read.h"
#include "fosterbeds/standard.h"
#include "util.h"

#define FEW_VALUES 12
#define MAX_COLUMNS 64
#define VALUE_MAX 60

static const char usage_text[] =
	"usage: fosterbeds profile check FILE\n"
	"       fosterbeds profile init [-o FILE] EXPORT\n"
	"\n"
	"check: read the mapping profile FILE (spec/profiles.md) and say whether it\n"
	"can be used, or its first error with its line.\n"
	"init: write a starting profile for EXPORT (a CSV export as the authority's\n"
	"system writes it): a section for each of its columns and a line for each\n"
	"value of the columns with few values, every mapping marked TODO, so that\n"
	"'profile check' fails until each is filled in.\n";

static const char usage_end[] =
	"Exit status: 0 the profile can be used (check) or was written (init), 1 the\n"
	"profile has an error, 2 usage error, 3 a file could not be read or written.\n";

struct column {
	char *name;
	char *value[FEW_VALUES];
	long seen[FEW_VALUES];     /* rows with each value */
	size_t nvalues;
	int many;          /* more than FEW_VALUES distinct values (or a long one) */
};

struct scan {
	struct column col[MAX_COLUMNS];
	size_t ncols;      /* the header's columns (at most MAX_COLUMNS kept) */
	size_t field;      /* the field being read in the current record */
	long records;
	int truncated;     /* the header had more than MAX_COLUMNS columns */
};

static void
on_field(void *data, size_t len, void *vctx)
{
	struct scan *s = vctx;
	const char *v = data;
	size_t i = s->field++;

	fb_trim(&v, &len);
	if (s->records == 0) {
		if (i < MAX_COLUMNS) {
			s->col[i].name = fb_xstrndup(v, len);
			s->ncols = i + 1;
		} else {
			s->truncated = 1;
		}
		return;
	}
	if (i >= s->ncols || len == 0 || s->col[i].many)
		return;
	for (size_t k = 0; k < s->col[i].nvalues; k++)
		if (strlen(s->col[i].value[k]) == len && memcmp(s->col[i].value[k], v, len) == 0) {
			s->col[i].seen[k]++;
			return;
		}
	if (s->col[i].nvalues == FEW_VALUES || len > VALUE_MAX || memchr(v, '|', len) ||
	    memchr(v, '\n', len) || memchr(v, '\r', len)) {
		s->col[i].many = 1;
		return;
	}
	s->col[i].seen[s->col[i].nvalues] = 1;
	s->col[i].value[s->col[i].nvalues++] = fb_xstrndup(v, len);
}

static void
on_record(int c, void *vctx)
{
	struct scan *s = vctx;

	(void)c;
	if (s->field > 0)
		s->records++;
	s->field = 0;
}

/* The standard column a header names exactly (spaces as underscores), or FB_NONE. */
static int
standard_column(const char *name)
{
	char norm[64];
	size_t n = 0;

	for (; *name && n + 1 < sizeof(norm); name++)
		norm[n++] = *name == ' ' ? '_' : fb_ascii_lower(*name);
	norm[n] = '\0';
	for (int f = 0; f < FB_F_COUNT; f++)
		if (strcmp(fb_fields[f].name, norm) == 0)
			return f;
	return FB_NONE;
}

/*
 * Whether a column's values may be listed: few, and not a child's.  Even
 * then only values on two rows or more are (write_init()).
 */
static int
listable(const struct column *c)
{
	char lower[256];
	size_t n = 0;

	if (c->many)
		return 0;
	for (const char *p = c->name; *p && n + 1 < sizeof(lower); p++)
		lower[n++] = fb_ascii_lower(*p);
	lower[n] = '\0';
	if (strstr(lower, "child") || strstr(lower, "young") || strstr(lower, "name"))
		return 0;
	return 1;
}

static void
write_init(FILE *out, const char *export, const struct scan *s, int delim)
{
	fprintf(out, "; A starting profile for '%s', written by 'fosterbeds profile init'.\n"
		"; Fill in every TODO (spec/profiles.md says how), delete the sections of\n"
		"; columns you do not need, then run 'fosterbeds profile check' on this file:\n"
		"; it fails until every TODO is gone.\n\n", export);
	fputs("[profile]\n"
	      "; Which system wrote the export, and for which LA (shown in outputs).\n"
	      "system = TODO\nla = TODO\n", out);
	if (delim != ',')
		fprintf(out, "delimiter = %s\n", delim == ';' ? "semicolon" : "tab");
	fputs("; The export's date forms, if not YYYY-MM-DD: e.g. %d/%m/%Y, %d/%m/%Y %H:%M\n"
	      "; date_format = TODO\n\n"
	      "; Columns the export lacks: uncomment and fill in.\n"
	      "; [constant]\n; la_code = TODO\n; snapshot_date = TODO\n\n", out);
	for (size_t i = 0; i < s->ncols; i++) {
		const struct column *c = &s->col[i];
		int f = standard_column(c->name);

		if (c->name[0] == '\0')
			continue;
		fprintf(out, "; Column %zu of the export", i + 1);
		if (c->many)
			fputs(": many distinct values (not listed)", out);
		else if (!listable(c))
			fprintf(out, ": %zu distinct value%s, not listed (the column may name "
				"a child)", c->nvalues, c->nvalues == 1 ? "" : "s");
		else
			fprintf(out, ": %zu distinct value%s", c->nvalues, c->nvalues == 1 ? "" : "s");
		fputs(".\n", out);
		if (f != FB_NONE)
			fprintf(out, "[column %s]\n", fb_fields[f].name);
		else
			fprintf(out, "; TODO: name the standard column (e.g. [column status]),\n"
				"; or make it a [flag NAME] that sets others, or delete it.\n"
				"[column TODO-%zu]\n", i + 1);
		fprintf(out, "header = %s\n", c->name);
		if (listable(c) && f != FB_F_CHILD_REF &&
		    (f == FB_NONE || fb_fields[f].type == FB_T_CODE)) {
			if (c->nvalues)
				fputs("; TODO: replace each TODO with the value's standard code (or\n"
				      "; write 'drop = VALUE' for rows that are not beds).\n", out);
			size_t once = 0;

			for (size_t k = 0; k < c->nvalues; k++) {
				if (c->seen[k] < 2) {
					once++;
					continue;
				}
				fprintf(out, "value TODO = %s\n", c->value[k]);
			}
			if (once)
				fprintf(out, "; and %zu value%s on one row only, not listed: add "
					"%s yourself\n", once, once == 1 ? "" : "s",
					once == 1 ? "it" : "them");
		}
		fputc('\n', out);
	}
	if (s->truncated)
		fprintf(out, "; The export has more than %d columns; only the first %d are "
			"listed.\n", MAX_COLUMNS, MAX_COLUMNS);
}

static int
profile_init(struct fb_cli *cli)
{
	const char *path = cli->argv[1];
	struct csv_parser parser;
	struct scan *s;
	FILE *in;
	char *data;
	size_t len, start = 0;
	int delim = ',', status, semi = 0, tab = 0;

	if (cli->argc != 2)
		return fb_cli_usage_error(cli->cmd, "profile init takes one EXPORT");
	if (!(in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb"))) {
		fb_cli_error("cannot read '%s': %s", path, strerror(errno));
		return FB_EXIT_IO;
	}
	if (fb_read_all(in, (size_t)FB_MAX_STREAM, &data, &len) != 0) {
		fb_cli_error("cannot read '%s': %s", path, fb_strerror(errno));
		if (in != stdin)
			fclose(in);
		return FB_EXIT_IO;
	}
	if (in != stdin)
		fclose(in);
	if ((len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) ||
	    (len >= 4 && memcmp(data, "\xd0\xcf\x11\xe0", 4) == 0)) {
		fb_cli_error("'%s' is a spreadsheet workbook, not CSV text; open it in Excel "
			     "and save it as \"CSV UTF-8 (Comma delimited)\", then give that file",
			     path);
		free(data);
		return FB_EXIT_DATA;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		start = 3;
	/* The separator as ingest finds it: a comma unless the header has none. */
	for (size_t i = start; i < len && data[i] != '\n' && data[i] != '\r'; i++) {
		if (data[i] == ',') {
			semi = tab = 0;
			break;
		}
		semi |= data[i] == ';';
		tab |= data[i] == '\t';
	}
	delim = semi ? ';' : tab ? '\t' : ',';
	s = fb_xcalloc(1, sizeof(*s));
	if (fb_csv_init(&parser, CSV_APPEND_NULL) != 0)
		fb_out_of_memory();
	csv_set_delim(&parser, (unsigned char)delim);
	csv_parse(&parser, data + start, len - start, on_field, on_record, s);
	csv_fini(&parser, on_field, on_record, s);
	csv_free(&parser);
	free(data);
	if (s->ncols == 0) {
		fb_cli_error("'%s' has no header row to start a profile from", path);
		status = FB_EXIT_DATA;
	} else if ((status = fb_cli_open_output(cli, 0)) == 0) {
		write_init(cli->out, path, s, delim);
		status = fb_cli_close_output(cli, FB_EXIT_OK);
	}
	for (size_t i = 0; i < s->ncols; i++) {
		free(s->col[i].name);
		for (size_t k = 0; k < s->col[i].nvalues; k++)
			free(s->col[i].value[k]);
	}
	free(s);
	return status;
}

static int
profile_check(struct fb_cli *cli)
{
	char why[1024];
	struct fb_profile *p;
	size_t n[4] = { 0 };

	FILE *f;

	if (cli->argc != 2)
		return fb_cli_usage_error(cli->cmd, "profile check takes one FILE");
	/* A file that cannot be read is an I/O error, not a bad profile. */
	if (!(f = fopen(cli->argv[1], "rb"))) {
		fb_cli_error("cannot read '%s': %s", cli->argv[1], strerror(errno));
		return FB_EXIT_IO;
	}
	fclose(f);
	if (!(p = fb_profile_read_file(cli->argv[1], why, sizeof(why)))) {
		fb_cli_error("%s", why);
		return FB_EXIT_DATA;
	}
	for (size_t i = 0; i < p->ncols; i++)
		n[p->col[i].kind]++;
	/* The file's name and the profile's own words, made visible. */
	fb_cli_say(stdout, "%s: a profile for %s%s%s%s: %zu column%s, %zu flag%s, %zu count%s%s; "
		   "it can be used", cli->argv[1], p->system ? p->system : "an unnamed system",
		   p->la ? " (" : "", p->la ? p->la : "", p->la ? ")" : "", n[FB_PK_COLUMN],
		   n[FB_PK_COLUMN] == 1 ? "" : "s", n[FB_PK_FLAG], n[FB_PK_FLAG] == 1 ? "" : "s",
		   n[FB_PK_COUNT], n[FB_PK_COUNT] == 1 ? "" : "s",
		   p->expand ? " (one row per household)"
		   : p->episodes ? " (episode files, for report --period)" : "");
	putchar('\n');
	fb_profile_free(p);
	return fb_cli_finish(FB_EXIT_OK);
}

int
cmd_profile(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "profile", .usage = usage_text, .usage_end = usage_end };
	const struct fb_option options[] = {
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	int status = fb_cli_parse(&cli, options, argc, argv);

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "give 'check FILE' or 'init EXPORT'");
	if (strcmp(cli.argv[0], "check") == 0) {
		if (cli.output)
			return fb_cli_usage_error(cli.cmd, "profile check writes no file; -o is "
						  "for profile init");
		return profile_check(&cli);
	}
	if (strcmp(cli.argv[0], "init") == 0)
		return profile_init(&cli);
	return fb_cli_usage_error(cli.cmd, "'%s' is not check or init", cli.argv[0]);
}
