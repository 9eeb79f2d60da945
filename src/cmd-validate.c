/*
 * cmd-validate.c: fosterbeds validate: every finding in the inputs.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "fosterbeds/date.h"

static const char usage_text[] =
	"usage: fosterbeds validate [--format text|csv|json] [--max-findings N]\n"
	"                           [--today YYYY-MM-DD] FILE...\n"
	"\n"
	"Check bed-record CSV files against the regional standard and list every\n"
	"finding (FILE:LINE: severity CODE: message), a summary by code, and each\n"
	"file's rows read, used and rejected.  FILE may be - for standard input.\n"
	"\n"
	"  -f, --format FORMAT   text (default), csv or json\n"
	"      --max-findings N  list at most N findings (default 10000; 0 lists all);\n"
	"                        the counts always cover every finding\n"
	"      --today DATE      judge future snapshot dates against DATE, not today\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error,\n"
	"3 a file could not be read or the output could not be written.\n";

int
cmd_validate(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", NULL };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "max-findings", required_argument, NULL, 'm' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct fb_writer *writer = &fb_writer_text;
	int today = fb_date_today(), c, status;
	size_t limit = 10000;
	struct fb_run run;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!(writer = fb_cli_writer("validate", optarg, formats)))
				return FB_EXIT_USAGE;
			break;
		case 'm':
			if (fb_cli_count("validate", "--max-findings", optarg, &limit))
				return FB_EXIT_USAGE;
			break;
		case 't':
			if (fb_cli_today("validate", optarg, &today))
				return FB_EXIT_USAGE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return fb_cli_finish(FB_EXIT_OK);
		default:
			return fb_cli_usage_error("validate", "unknown or incomplete option");
		}
	}
	if (optind >= argc)
		return fb_cli_usage_error("validate", "no FILE given");

	fb_run_init(&run, today, limit);
	status = fb_cli_read_inputs(&run, "validate", argc - optind, argv + optind);
	fb_findings_sort(&run.findings);
	writer->findings(stdout, &run);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	fb_run_release(&run);
	return fb_cli_finish(status);
}
