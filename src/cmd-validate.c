/*
 * cmd-validate.c: fosterbeds validate: every finding in the inputs.
 */
#include "cli.h"

static const char usage_text[] =
	"usage: fosterbeds validate [--format FORMAT] [--max-findings N]\n"
	"                           [--today YYYY-MM-DD] [--period FROM..TO]\n"
	"                           [--region NAME | --la CODE[,CODE...]] [-o FILE] FILE...\n"
	"\n"
	"Check bed-record or episode CSV files against the regional standard and list every\n"
	"finding (FILE:LINE (row R, column C): severity CODE: message, the row and\n"
	"column as Excel shows them), a summary by code, and each file's rows read,\n"
	"used and rejected.  FILE may be - for standard input.\n";

static const char usage_end[] =
	"Exit status: 0 no errors (warnings allowed), 1 errors found or no row is\n"
	"inside --region or --la, 2 usage error, 3 a file could not be read or the\n"
	"output could not be written.\n";

int
cmd_validate(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "validate", .usage = usage_text, .usage_end = usage_end };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, FB_CLI_HELP_FORMAT("text")),
		FB_OPT_COUNT(0, "max-findings", &cli.max_findings, "N", "list at most N findings (default 10000; 0 lists all);\n"
				"the counts always cover every finding"),
		FB_CLI_OPT_TODAY(&cli),
		FB_CLI_OPT_PROFILE(&cli),
		FB_CLI_OPT_PERIOD(&cli, "episode files: also warn of gaps between a bed's\n"
				"episodes inside FROM..TO (overlaps are checked\n"
				"with or without it)"),
		FB_CLI_OPT_REGION(&cli, "check only the rows of this region's LAs (e.g.\n"
				"\"South East\"); the others are counted as outside\n"
				"the filter, not checked"),
		FB_CLI_OPT_LA(&cli, "the same for these LAs, by DfE code (e.g. 851,867)"),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct fb_doc doc;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");

	fb_run_init(&run, cli.today, cli.max_findings);
	fb_run_set_filter(&run, &cli.filter);
	if (cli.have_period)
		fb_run_set_period(&run, cli.period_from, cli.period_to);
	status = fb_cli_read_inputs(&run, &cli, cli.argc, cli.argv);
	status = fb_cli_worst(status, fb_cli_tell_filter(&run, cli.cmd, "rows"));
	fb_findings_sort(&run.findings);
	if ((rc = fb_cli_open_output(&cli, cli.writer->binary)) != 0) {
		fb_run_release(&run);
		return rc;
	}
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	fb_doc_findings(&doc, &run);
	status = fb_cli_write(&cli, &doc, status);
	fb_doc_release(&doc);
	status = fb_cli_close_output(&cli, status);
	fb_run_release(&run);
	return status;
}
