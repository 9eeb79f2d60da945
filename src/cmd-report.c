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
	"out; stderr says how many and why.  FILE may be - for standard input.\n"
	"\n"
	"  -f, --format FORMAT    table (default), csv, json, html (one self-contained\n"
	"                         page) or xlsx (an Excel workbook: give -o FILE)\n"
	"      --breakdown reasons\n"
	"                         why beds go unused: unavailable beds by\n"
	"                         unavailable_reason, vacant beds by vacancy_reason,\n"
	"                         mainstream and respite/emergency apart (with csv:\n"
	"                         this table instead of the figures)\n"
	"      --region NAME      count only the LAs of this region (e.g. \"South East\");\n"
	"                         rows of other LAs are left out, and stderr says how\n"
	"                         many\n"
	"      --la CODE[,CODE...]\n"
	"                         count only these LAs, by DfE code (e.g. 851,867)\n"
	"  -r, --region-name NAME name for the pooled rows (default: the filter's region\n"
	"                         or LAs, else the LAs' region when they share one,\n"
	"                         else \"All LAs\"); it names, it does not filter\n"
	"      --today DATE       judge future snapshot dates against DATE, not today\n"
	"  -o, --output FILE     write to FILE (replaced only when the run succeeds)\n"
	"      --manifest FILE    also write what the run read and how it was run\n"
	"                         (each input's size and SHA-256, the options), for\n"
	"                         'fosterbeds check-manifest FILE' (spec/manifest.md)\n"
	"      --period FROM..TO  read episode files (spec/bed-episodes.md) and report\n"
	"                         bed-nights and utilisation over FROM..TO, both\n"
	"                         dates included\n"
	"  -h, --help             show this help\n"
	"\n"
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
	struct fb_error err = { 0, "" };
	const char *region_name;
	size_t nrows;
	int status, rc;

	if (cli->breakdown)
		return fb_cli_usage_error(cli->cmd, "--breakdown is not for --period");

	fb_run_init(&run, cli->today, cli->max_findings);
	fb_run_set_period(&run, cli->period_from, cli->period_to);
	fb_run_set_filter(&run, &cli->filter);
	status = fb_cli_read_inputs(&run, cli->cmd, cli->argc, cli->argv);
	if ((rc = fb_cli_check_kinds(&run, cli->cmd, 1)) != 0) {
		fb_run_release(&run);
		return rc;
	}
	fb_findings_sort(&run.findings);
	fb_cli_tell_findings(&run, cli->cmd, "episodes",
			     "run 'fosterbeds validate --period' to list them all");
	status = fb_cli_worst(status, fb_cli_tell_filter(&run, cli->cmd, "episodes"));

	nrows = fb_episodes_nights(&run.episodes, &run.period, &rows);
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
	if ((rc = fb_cli_open_output(cli, cli->writer->binary)) == 0 &&
	    cli->writer->write(cli->out, &doc, &err) != 0 && !ferror(cli->out)) {
		/* A failed write is said when the output is closed; this is another reason. */
		fb_cli_error("could not write the output: %s", err.message);
		status = FB_EXIT_IO;
	}
	fb_doc_release(&doc);
	free(rows);
	status = rc ? rc : fb_cli_close_output(cli, status);
	status = fb_cli_write_manifest(cli, &run, status);
	fb_run_release(&run);
	return status;
}

int
cmd_report(int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json", "html", "xlsx", NULL };
	struct fb_cli cli = { .cmd = "report", .usage = usage_text, .formats = formats,
			      .opts = FB_OPT_FORMAT | FB_OPT_TODAY | FB_OPT_REGION_NAME |
				      FB_OPT_BREAKDOWN |
				      FB_OPT_OUTPUT | FB_OPT_MANIFEST | FB_OPT_PERIOD |
				      FB_OPT_REGION | FB_OPT_LA };
	struct fb_run run;
	struct fb_report rep;
	struct fb_tally_row *rows;
	int status = fb_cli_parse(&cli, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");

	if (cli.have_period)
		return report_period(&cli);

	fb_run_init(&run, cli.today, cli.max_findings);
	fb_cli_record_command(&cli, &run);
	fb_run_set_filter(&run, &cli.filter);
	status = fb_cli_read_inputs(&run, cli.cmd, cli.argc, cli.argv);
	if ((rc = fb_cli_check_kinds(&run, cli.cmd, 0)) != 0) {
		fb_run_release(&run);
		return rc;
	}
	fb_findings_sort(&run.findings);
	fb_cli_tell_findings(&run, cli.cmd, "rows", "run 'fosterbeds validate' to list them all");
	status = fb_cli_worst(status, fb_cli_tell_filter(&run, cli.cmd, "rows"));

	rep.run = &run;
	rep.breakdown = cli.breakdown;
	rep.nrows = fb_tally_rows(&run.tally, &rows);
	rep.rows = rows;
	rep.region_name = fb_cli_pooled_name(&cli);
	if (!rep.region_name)
		rep.region_name = fb_cli_region_of_rows(rows, rep.nrows);
	if ((rc = fb_cli_open_output(&cli, cli.writer == &fb_writer_xlsx)) == 0)
		cli.writer->report(cli.out, &rep);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	free(rows);
	status = rc ? rc : fb_cli_close_output(&cli, status);
	status = fb_cli_write_manifest(&cli, &run, status);
	fb_run_release(&run);
	return status;
}
