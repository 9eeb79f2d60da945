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
	"finding (FILE:LINE: severity CODE: message), a summary by code, and each\n"
	"file's rows read, used and rejected.  FILE may be - for standard input.\n"
	"\n"
	"  -f, --format FORMAT   text (default), csv, json, html (one self-contained\n"
	"                        page) or xlsx (an Excel workbook: give -o FILE)\n"
	"      --max-findings N  list at most N findings (default 10000; 0 lists all);\n"
	"                        the counts always cover every finding\n"
	"      --today DATE      judge future snapshot dates against DATE, not today\n"
	"      --period FROM..TO episode files: also warn of gaps between a bed's\n"
	"                        episodes inside FROM..TO (overlaps are checked\n"
	"                        with or without it)\n"
	"      --region NAME     check only the rows of this region's LAs (e.g.\n"
	"                        \"South East\"); the others are counted as outside\n"
	"                        the filter, not checked\n"
	"      --la CODE[,CODE...]\n"
	"                        the same for these LAs, by DfE code (e.g. 851,867)\n"
	"  -o, --output FILE     write to FILE (replaced only when the run succeeds)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 no errors (warnings allowed), 1 errors found or no row is\n"
	"inside --region or --la, 2 usage error, 3 a file could not be read or the\n"
	"output could not be written.\n";

int
cmd_validate(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", "html", "xlsx", NULL };
	struct fb_cli cli = { .cmd = "validate", .usage = usage_text, .formats = formats,
			      .opts = FB_OPT_FORMAT | FB_OPT_TODAY | FB_OPT_MAX_FINDINGS |
				      FB_OPT_OUTPUT | FB_OPT_PERIOD | FB_OPT_REGION | FB_OPT_LA };
	struct fb_run run;
	int status = fb_cli_parse(&cli, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");

	fb_run_init(&run, cli.today, cli.max_findings);
	fb_run_set_filter(&run, &cli.filter);
	if (cli.have_period)
		fb_run_set_period(&run, cli.period_from, cli.period_to);
	status = fb_cli_read_inputs(&run, cli.cmd, cli.argc, cli.argv);
	status = fb_cli_worst(status, fb_cli_tell_filter(&run, cli.cmd, "rows"));
	fb_findings_sort(&run.findings);
	if ((rc = fb_cli_open_output(&cli, cli.writer == &fb_writer_xlsx)) != 0) {
		fb_run_release(&run);
		return rc;
	}
	cli.writer->findings(cli.out, &run);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	fb_run_release(&run);
	return fb_cli_close_output(&cli, status);
}
