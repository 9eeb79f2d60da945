/*
 * cmd-report.c: fosterbeds report: utilisation per LA and for the region.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/date.h"
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

	for (size_t i = 0; i < shown; i++) {
		const struct fb_finding *fnd = &f->items[i];

		fprintf(stderr, "%s:%ld: %s %s: %s\n", run->inputs[fnd->file].name, fnd->line,
			fb_severity_name(fb_rules[fnd->rule].severity), fb_rules[fnd->rule].code,
			fnd->message);
	}
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
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "region-name", required_argument, NULL, 'r' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct fb_writer *writer = &fb_writer_text;
	const char *region_name = NULL;
	int today = fb_date_today(), c, status;
	struct fb_run run;
	struct fb_report rep;
	struct fb_tally_row *rows;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:r:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!(writer = fb_cli_writer("report", optarg, formats)))
				return FB_EXIT_USAGE;
			break;
		case 'r':
			region_name = optarg;
			break;
		case 't':
			if (fb_cli_today("report", optarg, &today))
				return FB_EXIT_USAGE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return fb_cli_finish(FB_EXIT_OK);
		default:
			return fb_cli_usage_error("report", "unknown or incomplete option");
		}
	}
	if (optind >= argc)
		return fb_cli_usage_error("report", "no FILE given");

	fb_run_init(&run, today, 10000);
	status = fb_cli_read_inputs(&run, "report", argc - optind, argv + optind);
	fb_findings_sort(&run.findings);
	tell_rejections(&run);

	rep.run = &run;
	rep.nrows = fb_tally_rows(&run.tally, &rows);
	rep.rows = rows;
	rep.region_name = region_name ? region_name : default_region(rows, rep.nrows);
	writer->report(stdout, &rep);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	free(rows);
	fb_run_release(&run);
	return fb_cli_finish(status);
}
