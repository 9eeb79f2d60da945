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
	{ "validate", cmd_validate, "check bed-record files against the standard" },
	{ "report", cmd_report, "utilisation per LA and for the region" },
	{ "trend", cmd_trend, "utilisation across snapshots, and what changed" },
	{ "reconcile", cmd_reconcile, "bed records against the LA's Ofsted return" },
	{ "ofsted", cmd_ofsted, "Ofsted's published fostering data, per authority" },
	{ "spec", cmd_spec, "the standard's fields, codes and rules" },
	{ "check-manifest", cmd_check_manifest, "are a --manifest's inputs unchanged?" },
	{ "convert", cmd_convert, "an export, through its profile, as standard records" },
	{ "profile", cmd_profile, "check a mapping profile, or start one from an export" },
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
	fprintf(stderr, "fosterbeds: '%s' is not a fosterbeds command; see 'fosterbeds --help'\n",
		argv[1]);
	return FB_EXIT_USAGE;
}
