/*
 * cmd-spec.c: fosterbeds spec: the standard as a catalogue.
 */
#include "cli.h"

static const char usage_text[] =
	"usage: fosterbeds spec [--format table|csv|json] [-o FILE]\n"
	"\n"
	"Print the regional bed-record standard: its fields, their codes, the\n"
	"regional categories and every validation rule with its code, severity\n"
	"and what to do about it.\n"
	"\n"
	"  -f, --format FORMAT   table (default), csv or json\n"
	"  -o, --output FILE     write to FILE (replaced only when the run succeeds)\n"
	"  -h, --help            show this help\n";

int
cmd_spec(int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json", NULL };
	struct fb_cli cli = { .cmd = "spec", .usage = usage_text, .formats = formats,
			      .opts = FB_OPT_FORMAT |
				      FB_OPT_OUTPUT };
	int status = fb_cli_parse(&cli, argc, argv);

	if (status >= 0)
		return status;
	if (cli.argc > 0)
		return fb_cli_usage_error(cli.cmd, "unexpected argument '%s'", cli.argv[0]);
	if ((status = fb_cli_open_output(&cli, 0)) != 0)
		return status;
	cli.writer->catalogue(cli.out);
	return fb_cli_close_output(&cli, FB_EXIT_OK);
}
