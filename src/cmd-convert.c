/*
 * cmd-convert.c: fosterbeds convert: an export, read through a profile,
 * written as standard bed records (or, through an episode profile, as the
 * standard episode form: spec/bed-episodes.md).
 *
 * The rows written are exactly the standard rows the profile makes (before
 * the record checks), so a report on the converted file equals the report
 * read through the profile: the same rows meet the same checks.  Rows the
 * profile rejects (FB038, FB041) or drops (FB040), and rows ingest rejects,
 * are not written; the findings say which.  This file is the one output
 * where child_ref is written: it is the authority's own record, to submit.
 */
#include "cli.h"

#include <string.h>

#include "fosterbeds/standard.h"

static const char usage_text[] =
	"usage: fosterbeds convert --profile FILE [--today YYYY-MM-DD] [-o FILE] INPUT...\n"
	"\n"
	"Read each INPUT (an export as the authority's system writes it) through the\n"
	"mapping profile FILE (spec/profiles.md) and write standard bed records\n"
	"(spec/bed-records.md, RFC 4180 CSV, with child_ref when the export has it)\n"
	"to standard output or -o FILE.  The findings go to stderr; 'fosterbeds\n"
	"validate --profile FILE INPUT...' lists them all.  Through a profile for\n"
	"episode files it writes the standard episode form (spec/bed-episodes.md).\n";

static const char usage_end[] =
	"Exit status: 0 no errors (warnings allowed), 1 errors found (rows with errors\n"
	"the profile could map are written as they are, so validating the output finds\n"
	"them again), 2 usage error or a bad profile, 3 a file could not be read or\n"
	"the output could not be written.\n";

struct convert {
	FILE *out;
	int ncols;      /* the columns written: the bed or the episode schema's */
	long written;
};

/* RFC 4180, and text starting like a formula written with an apostrophe. */
static void
cell(FILE *out, const char *s, size_t len)
{
	int quote;

	if (!s)
		return;
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	quote = memchr(s, ',', len) || memchr(s, '"', len) || memchr(s, '\r', len) ||
		memchr(s, '\n', len);
	if (quote)
		fputc('"', out);
	if (strchr("=+-@\t\r", s[0]))
		fputc('\'', out);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			fputc('"', out);
		fputc(s[i], out);
	}
	if (quote)
		fputc('"', out);
}

static void
write_row(void *vctx, const struct fb_row *row)
{
	struct convert *c = vctx;

	for (int f = 0; f < c->ncols; f++) {
		if (f)
			fputc(',', c->out);
		cell(c->out, row->cell[f], row->len[f]);
	}
	fputc('\n', c->out);
	c->written++;
}

int
cmd_convert(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "convert", .usage = usage_text, .usage_end = usage_end };
	const struct fb_option options[] = {
		FB_CLI_OPT_PROFILE(&cli),
		FB_CLI_OPT_TODAY(&cli),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct convert conv = { 0 };
	const struct fb_schema *schema;
	long read, used, rejected, dropped = 0;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (!fb_cli_profile())
		return fb_cli_usage_error(cli.cmd, "give the export's profile with --profile FILE");
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no INPUT given");
	if ((rc = fb_cli_open_output(&cli, 0)) != 0)
		return rc;
	/* An episode profile's rows are episodes: written as the episode form. */
	schema = fb_cli_profile()->episodes ? fb_episode_schema() : fb_bed_schema();
	conv.out = cli.out;
	conv.ncols = schema->ncols;
	for (int f = 0; f < schema->ncols; f++)
		fprintf(cli.out, "%s%s", f ? "," : "", schema->name[f]);
	fputc('\n', cli.out);

	fb_run_init(&run, cli.today, 0);
	run.row_tap = write_row;
	run.row_tap_ctx = &conv;
	status = fb_cli_read_inputs(&run, &cli, cli.argc, cli.argv);
	fb_findings_sort(&run.findings);
	fb_cli_tell_findings(&run, cli.cmd, "rows",
			     "run 'fosterbeds validate --profile' to list them all");
	fb_run_totals(&run, &read, &used, &rejected);
	for (size_t i = 0; i < run.ninputs; i++)
		dropped += run.inputs[i].rows_dropped;
	fprintf(stderr, "fosterbeds convert: %ld row%s written from %zu input%s (%ld read, "
		"%ld rejected, %ld dropped by the profile)\n", conv.written,
		conv.written == 1 ? "" : "s", run.ninputs, run.ninputs == 1 ? "" : "s", read,
		rejected, dropped);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	fb_run_release(&run);
	return fb_cli_close_output(&cli, status);
}
