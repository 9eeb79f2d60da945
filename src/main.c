/*
 * main.c: dispatch to a command.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/host.h"
#include "fosterbeds/standard.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ .name = "validate", .fn = cmd_validate,
	  .summary = "check bed-record files against the standard" },
	{ .name = "report", .fn = cmd_report,
	  .summary = "utilisation per LA and for the region" },
	{ .name = "trend", .fn = cmd_trend,
	  .summary = "utilisation across snapshots, and what changed" },
	{ .name = "costs", .fn = cmd_costs,
	  .summary = "placement cost benchmark per LA and for the region" },
	{ .name = "reconcile", .fn = cmd_reconcile,
	  .summary = "bed records against the LA's Ofsted return" },
	{ .name = "ofsted", .fn = cmd_ofsted,
	  .summary = "Ofsted's published fostering data, per authority" },
	{ .name = "spec", .fn = cmd_spec,
	  .summary = "the standard's fields, codes and rules" },
	{ .name = "check-manifest", .fn = cmd_check_manifest,
	  .summary = "are a --manifest's inputs unchanged?" },
	{ .name = "convert", .fn = cmd_convert,
	  .summary = "an export, through its profile, as standard records" },
	{ .name = "profile", .fn = cmd_profile,
	  .summary = "check a mapping profile, or start one from an export" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *out)
{
	fputs("usage: fosterbeds [--help | --version] COMMAND [ARGS]\n\ncommands:\n", out);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
	fputs("\nfosterbeds COMMAND --help shows a command's options.\n"
	      "Exit status: 0 success, 1 the data has errors, 2 usage error, "
	      "3 I/O or system error.\n", out);
}

int
main(int argc, char **argv)
{
	fb_host_install();
	if (argc < 2) {
		usage(stderr);
		return FB_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return fb_cli_finish(FB_EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("fosterbeds %s (bed-record standard %s)\n", FB_TOOL_VERSION,
		       FB_SPEC_VERSION);
		return fb_cli_finish(FB_EXIT_OK);
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fb_cli_error("'%s' is not a fosterbeds command; see 'fosterbeds --help'", argv[1]);
	return FB_EXIT_USAGE;
}
