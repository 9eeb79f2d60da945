/*
 * cmd-report.c: fosterbeds report: utilisation per LA and for the region.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds report [--format FORMAT] [--breakdown reasons]\n"
	"                         [--region NAME | --la CODE[,CODE...]]\n"
	"                         [--region-name NAME] [--manifest FILE]\n"
	"                         [--today YYYY-MM-DD] [-o FILE] FILE...\n"
	"       fosterbeds report --period FROM..TO [--format FORMAT]\n"
	"                         [--region NAME | --la CODE[,CODE...]]\n"
	"                         [--region-name NAME] [-o FILE] EPISODES...\n"
	"\n"
	"Classify every bed and report utilisation per LA and snapshot date, then\n"
	"one pooled row per date (la_code ALL) summing every LA's counts.  Rates\n"
	"include and exclude respite/emergency beds.  Rows with errors are left\n"
	"out; stderr says how many and why.  FILE may be - for standard input.\n";

static const char usage_end[] =
	"Exit status: 0 every row used (warnings allowed; rows outside --region or\n"
	"--la do not count), 1 rows were rejected, a file had errors or no row is\n"
	"inside the filter, 2 usage error, 3 a file could not be read or the output\n"
	"could not be written.\n";

/* report --period: bed-nights over the period from episode files. */
static int
report_period(struct fb_cli *cli)
{
	struct fb_run run;
	struct fb_nights_row *rows;
	struct fb_doc doc;
	const char *region_name;
	size_t nrows;
	int status, rc;

	if (cli->breakdown)
		return fb_cli_usage_error(cli->cmd, "--breakdown is not for --period");

	if ((rc = fb_cli_check_profile(cli->cmd, 1)) != 0)
		return rc;
	fb_run_init(&run, cli->today, cli->max_findings);
	fb_run_set_period(&run, cli->period_from, cli->period_to);
	fb_run_set_filter(&run, &cli->filter);
	status = fb_cli_read_inputs(&run, cli, cli->argc, cli->argv);
	if ((rc = fb_cli_check_kinds(&run, cli->cmd, 1)) != 0) {
		fb_run_release(&run);
		return rc;
	}
	status = fb_cli_tell_run(cli, &run, "episodes",
				 "run 'fosterbeds validate --period' to list them all", status);

	nrows = fb_episodes_bed_nights(&run.episodes, &run.period, &rows);
	region_name = fb_cli_pooled_name(cli);
	if (!region_name) {
		int *codes = fb_xcalloc(nrows + 1, sizeof(*codes));
		size_t n = 0;

		for (size_t i = 0; i < nrows; i++)
			if (rows[i].la_code != FB_LA_ALL)
				codes[n++] = rows[i].la_code;
		region_name = fb_cli_default_region(codes, n);
		free(codes);
	}
	fb_doc_period(&doc, &run, &run.period, region_name, rows, nrows);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	if ((rc = fb_cli_open_output(cli, cli->writer->binary)) == 0)
		status = fb_cli_write(cli, &doc, status);
	fb_doc_release(&doc);
	free(rows);
	status = rc ? rc : fb_cli_close_output(cli, status);
	status = fb_cli_write_manifest(cli, &run, status);
	fb_run_release(&run);
	return status;
}

/* --breakdown reasons: the one breakdown there is, named so others can follow. */
static int
opt_breakdown(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	if (strcmp(arg, "reasons") != 0) {
		snprintf(why, whylen, "unknown breakdown '%s'; the one there is: reasons", arg);
		return -1;
	}
	*(int *)opt->value = 1;
	return 0;
}

int
cmd_report(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "report", .usage = usage_text, .usage_end = usage_end,
			      .help_column = 25 };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, FB_CLI_HELP_FORMAT("table")),
		FB_OPT_CALLBACK(0, "breakdown", &cli.breakdown, "reasons", "why beds go unused: unavailable beds by\n"
				"unavailable_reason, vacant beds by vacancy_reason,\n"
				"mainstream and respite/emergency apart (with csv:\n"
				"this table instead of the figures)", opt_breakdown),
		FB_CLI_OPT_REGION(&cli, "count only the LAs of this region (e.g. \"South East\");\n"
				"rows of other LAs are left out, and stderr says how\n"
				"many"),
		FB_CLI_OPT_LA(&cli, "count only these LAs, by DfE code (e.g. 851,867)"),
		FB_CLI_OPT_REGION_NAME(&cli, "name for the pooled rows (default: the filter's region\n"
				"or LAs, else the LAs' region when they share one,\n"
				"else \"All LAs\"); it names, it does not filter"),
		FB_CLI_OPT_TODAY(&cli),
		FB_CLI_OPT_PROFILE(&cli),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_CLI_OPT_MANIFEST(&cli, FB_CLI_HELP_MANIFEST),
		FB_CLI_OPT_PERIOD(&cli, "read episode files (spec/bed-episodes.md) and report\n"
				"bed-nights and utilisation over FROM..TO, both\n"
				"dates included"),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct fb_tally_row *rows;
	struct fb_doc doc;
	const char *region_name;
	size_t nrows;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");

	if (cli.have_period)
		return report_period(&cli);

	if ((rc = fb_cli_read_records(&cli, &run, &status)) >= 0)
		return rc;
	status = fb_cli_tell_run(&cli, &run, "rows", "run 'fosterbeds validate' to list them all",
				 status);

	nrows = fb_tally_rows(&run.tally, &rows);
	region_name = fb_cli_pooled_name(&cli);
	if (!region_name)
		region_name = fb_cli_region_of_rows(rows, nrows);
	fb_doc_report(&doc, &run, rows, nrows, region_name, cli.breakdown);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	if ((rc = fb_cli_open_output(&cli, cli.writer->binary)) == 0)
		status = fb_cli_write(&cli, &doc, status);
	fb_doc_release(&doc);
	free(rows);
	status = rc ? rc : fb_cli_close_output(&cli, status);
	status = fb_cli_write_manifest(&cli, &run, status);
	fb_run_release(&run);
	return status;
}
