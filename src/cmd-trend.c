/*
 * cmd-trend.c: fosterbeds trend: utilisation across snapshots.
 */
#include <stdlib.h>

#include "cli.h"
#include "fosterbeds/trend.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds trend [--format FORMAT] [--region NAME | --la CODE[,CODE...]]\n"
	"                        [--region-name NAME]\n"
	"                        [--today YYYY-MM-DD] [-o FILE] [--manifest FILE] FILE...\n"
	"\n"
	"Bed records holding several snapshot dates (in one file or across files):\n"
	"per LA and for the pooled region (la_code ALL), each snapshot's figures as\n"
	"report gives them, and the change since that LA's previous snapshot in\n"
	"percentage points.  An LA missing from a snapshot is a warning (FB029)\n"
	"and a gap, never a zero; each region row says which LAs it pools, and a\n"
	"change between region rows that pool different LAs is flagged.\n";

static const char usage_end[] =
	"Exit status: 0 every row used (warnings allowed; rows outside --region or\n"
	"--la do not count), 1 rows were rejected or no row is inside the filter,\n"
	"2 usage error, 3 a file could not be read or the output written.\n";

int
cmd_trend(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "trend", .usage = usage_text, .usage_end = usage_end,
			      .help_column = 25 };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, "table (default), csv, json, html (small multiples)\n"
				   "or xlsx (an Excel workbook: give -o FILE)"),
		FB_CLI_OPT_REGION(&cli, "count only the LAs of this region (e.g. \"South East\")"),
		FB_CLI_OPT_LA(&cli, "count only these LAs, by DfE code (e.g. 851,867)"),
		FB_CLI_OPT_REGION_NAME(&cli, "name for the region rows (default: the filter's region\n"
				"or LAs, else the LAs' region); it does not filter"),
		FB_CLI_OPT_TODAY(&cli),
		FB_CLI_OPT_PROFILE(&cli),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_CLI_OPT_MANIFEST(&cli, "write a manifest: versions, the command line, and each\n"
				"input's size, SHA-256 and rows (see check-manifest)"),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct fb_trend tr;
	const char *region_name;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");

	if ((rc = fb_cli_read_records(&cli, &run, &status)) >= 0)
		return rc;
	fb_trend_build(&tr, &run);
	status = fb_cli_tell_run(&cli, &run, "rows", "run 'fosterbeds validate' to list them all",
				 status);

	region_name = fb_cli_pooled_name(&cli);
	if (!region_name)
		region_name = fb_cli_region_of_rows(tr.rows, tr.n);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	if ((rc = fb_cli_open_output(&cli, cli.writer->binary)) != 0) {
		/* the output could not be opened: said */
	} else {
		struct fb_doc doc;

		fb_doc_trend(&doc, &run, &tr, region_name);
		status = fb_cli_write(&cli, &doc, status);
		fb_doc_release(&doc);
	}
	fb_trend_release(&tr);
	status = rc ? rc : fb_cli_close_output(&cli, status);
	status = fb_cli_write_manifest(&cli, &run, status);
	fb_run_release(&run);
	return status;
}
