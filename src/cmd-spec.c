/*
 * cmd-spec.c: fosterbeds spec: the standard as a catalogue.
 */
#include <getopt.h>

#include "cli.h"

static const char usage_text[] =
	"usage: fosterbeds spec [--format table|csv|json]\n"
	"\n"
	"Print the regional bed-record standard: its fields, their codes, the\n"
	"regional categories and every validation rule with its code, severity\n"
	"and what to do about it.\n"
	"\n"
	"  -f, --format FORMAT   table (default), csv or json\n"
	"  -h, --help            show this help\n";

int
cmd_spec(int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json", NULL };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct fb_writer *writer = &fb_writer_text;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!(writer = fb_cli_writer("spec", optarg, formats)))
				return FB_EXIT_USAGE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return fb_cli_finish(FB_EXIT_OK);
		default:
			return fb_cli_usage_error("spec", "unknown or incomplete option");
		}
	}
	if (optind < argc)
		return fb_cli_usage_error("spec", "unexpected argument '%s'", argv[optind]);
	writer->catalogue(stdout);
	return fb_cli_finish(FB_EXIT_OK);
}
