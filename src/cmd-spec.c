/*
 * cmd-spec.c: fosterbeds spec: the standard as a catalogue.
 */
#include "cli.h"

static const char usage_text[] =
	"usage: fosterbeds spec [--format FORMAT] [-o FILE]\n"
	"\n"
	"Print the regional bed-record standard: its fields, their codes, the\n"
	"regional categories and every validation rule with its code, severity\n"
	"and what to do about it.\n";

int
cmd_spec(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "spec", .usage = usage_text };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, "table (default), csv (one table, a row per field,\n"
				"code, category and rule), json, html (one\n"
				"self-contained page) or xlsx (an Excel workbook: give\n"
				"-o FILE)"),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_doc doc;
	int status = fb_cli_parse(&cli, options, argc, argv);

	if (status >= 0)
		return status;
	if (cli.argc > 0)
		return fb_cli_usage_error(cli.cmd, "unexpected argument '%s'", cli.argv[0]);
	if ((status = fb_cli_open_output(&cli, cli.writer->binary)) != 0)
		return status;
	fb_doc_catalogue(&doc);
	status = fb_cli_write(&cli, &doc, status);
	fb_doc_release(&doc);
	return fb_cli_close_output(&cli, status);
}
