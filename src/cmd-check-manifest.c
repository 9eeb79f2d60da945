/*
 * cmd-check-manifest.c: fosterbeds check-manifest: are a run's inputs still
 * the files it read?
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/manifest.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds check-manifest [--format FORMAT] [-o FILE] MANIFEST\n"
	"\n"
	"Read a manifest written by --manifest (report, reconcile, trend), hash\n"
	"each input it lists again and say, per input: unchanged (same size and\n"
	"SHA-256), changed, missing, or stdin (read from standard input, so it\n"
	"cannot be checked).  A relative name is looked for in the folder the run\n"
	"was made in (which the manifest records; the current folder for a\n"
	"manifest that does not), then in the manifest's own folder, so this\n"
	"can be run from anywhere and a folder moved whole still checks; each\n"
	"line says where an input was found when not where the run was made, and\n"
	"where it was looked for when missing.  MANIFEST may be - for standard\n"
	"input.\n";

static const char usage_end[] =
	"Exit status: 0 every input unchanged (stdin ones cannot be checked and\n"
	"do not count), 1 an input changed or is missing, 2 usage error, 3 the\n"
	"manifest could not be read, or an input is there but cannot be read.\n";

int
cmd_check_manifest(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "check-manifest", .usage = usage_text, .usage_end = usage_end };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, FB_CLI_HELP_FORMAT("text")),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_manifest m;
	struct fb_manifest_folders folders;
	struct fb_manifest_check *checks;
	char **found;
	struct fb_doc doc;
	const char *path;
	char why[256];
	FILE *in;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no MANIFEST given");
	if (cli.argc > 1)
		return fb_cli_usage_error(cli.cmd, "unexpected argument '%s'; give one MANIFEST",
					  cli.argv[1]);

	path = cli.argv[0];
	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!in) {
		fb_cli_error("cannot read manifest '%s': %s", path, strerror(errno));
		return FB_EXIT_IO;
	}
	errno = 0;
	rc = fb_manifest_read(&m, in, why, sizeof(why));
	if (in != stdin)
		fclose(in);
	if (rc != 0) {
		fb_cli_error("cannot read manifest '%s': %s", path, why);
		fb_manifest_release(&m);
		return FB_EXIT_IO;
	}

	checks = fb_xcalloc(m.ninputs + 1, sizeof(*checks));
	found = fb_xcalloc(m.ninputs + 1, sizeof(*found));
	fb_manifest_folders(&folders, &m, path);
	status = FB_EXIT_OK;
	for (size_t i = 0; i < m.ninputs; i++) {
		fb_manifest_check_input(&m.inputs[i], &folders, &checks[i]);
		if (checks[i].found >= 0)
			found[i] = fb_manifest_join(folders.v[checks[i].found].path,
						    m.inputs[i].name);
		if (checks[i].state == FB_MANIFEST_CHANGED || checks[i].state == FB_MANIFEST_MISSING)
			status = fb_cli_worst(status, FB_EXIT_DATA);
		else if (checks[i].state == FB_MANIFEST_UNREADABLE)
			status = FB_EXIT_IO;
	}
	if ((rc = fb_cli_open_output(&cli, cli.writer->binary)) == 0) {
		fb_doc_manifest(&doc, path, &m, &folders, checks, (const char *const *)found);
		status = fb_cli_write(&cli, &doc, status);
		fb_doc_release(&doc);
	}
	for (size_t i = 0; i < m.ninputs; i++)
		free(found[i]);
	free(found);
	free(checks);
	fb_manifest_folders_release(&folders);
	fb_manifest_release(&m);
	return rc ? rc : fb_cli_close_output(&cli, status);
}
