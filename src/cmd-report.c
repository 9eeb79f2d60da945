/*
 * cmd-report.c: fosterbeds report: utilisation per LA and for the region.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/la.h"

/* Findings shown on stderr before a report; validate lists them all. */
#define SHOWN_FINDINGS 20

static const char usage_text[] =
	"usage: fosterbeds report [--format table|csv|json] [--region-name NAME]\n"
	"                         [--today YYYY-MM-DD] FILE...\n"
	"\n"
	"Classify every bed and report utilisation per LA and snapshot date, then\n"
	"one pooled row per date (la_code ALL) summing every LA's counts.  Rates\n"
	"include and exclude respite/emergency beds.  Rows with errors are left\n"
	"out; stderr says how many and why.  FILE may be - for standard input.\n"
	"\n"
	"  -f, --format FORMAT    table (default), csv or json\n"
	"  -r, --region-name NAME name for the pooled rows (default: the LAs' region\n"
	"                         when they share one, else \"All LAs\")\n"
	"      --today DATE       judge future snapshot dates against DATE, not today\n"
	"  -h, --help             show this help\n"
	"\n"
	"Exit status: 0 every row used (warnings allowed), 1 rows were rejected or\n"
	"a file had errors, 2 usage error, 3 a file could not be read or the output\n"
	"could not be written.\n";

/* The region the LAs share, or "All LAs". */
static const char *
default_region(const struct fb_tally_row *rows, size_t n)
{
	const char *region = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct fb_la *la;

		if (rows[i].la_code == FB_LA_ALL)
			continue;
		la = fb_la_by_code(rows[i].la_code);
		if (!la || (region && strcmp(region, la->region) != 0))
			return "All LAs";
		region = la->region;
	}
	return region ? region : "All LAs";
}

/* Tell the person at the terminal what was left out and why. */
static void
tell_rejections(const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	long read, used, rejected;
	size_t shown = f->n < SHOWN_FINDINGS ? f->n : SHOWN_FINDINGS;

	for (size_t i = 0; i < shown; i++)
		fb_finding_line(stderr, run, &f->items[i]);
	if (f->errors + f->warnings > shown)
		fprintf(stderr, "... %zu more finding%s: run 'fosterbeds validate' to list them all\n",
			f->errors + f->warnings - shown,
			f->errors + f->warnings - shown == 1 ? "" : "s");
	fb_run_totals(run, &read, &used, &rejected);
	if (rejected)
		fprintf(stderr, "fosterbeds report: %ld of %ld rows rejected and left out of "
			"the figures (%zu error%s, %zu warning%s)\n", rejected, read, f->errors,
			f->errors == 1 ? "" : "s", f->warnings, f->warnings == 1 ? "" : "s");
}

int
cmd_report(int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json", NULL };
	struct fb_cli cli = { .cmd = "report", .usage = usage_text, .formats = formats,
			      .opts = FB_OPT_FORMAT | FB_OPT_TODAY | FB_OPT_REGION_NAME };
	struct fb_run run;
	struct fb_report rep;
	struct fb_tally_row *rows;
	int status = fb_cli_parse(&cli, argc, argv);

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");

	fb_run_init(&run, cli.today, cli.max_findings);
	status = fb_cli_read_inputs(&run, cli.cmd, cli.argc, cli.argv);
	fb_findings_sort(&run.findings);
	tell_rejections(&run);

	rep.run = &run;
	rep.nrows = fb_tally_rows(&run.tally, &rows);
	rep.rows = rows;
	rep.region_name = cli.region_name ? cli.region_name : default_region(rows, rep.nrows);
	cli.writer->report(stdout, &rep);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	free(rows);
	fb_run_release(&run);
	return fb_cli_finish(status);
}
