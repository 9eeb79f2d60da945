/*
 * cmd-ofsted.c: fosterbeds ofsted: Ofsted's published data per authority.
 *
 * Options, files and the output are the command's; reading the file
 * (ofsted.c), pooling the regions (ofsted-pool.c) and the document
 * (doc-ofsted.c) are the library's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/doc.h"
#include "fosterbeds/host.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/ofsted.h"

static const char usage_text[] =
	"usage: fosterbeds ofsted [--format table|csv|json|html|xlsx] [--region NAME]\n"
	"                         [--year YYYY-YY] [-o FILE] FILE...\n"
	"\n"
	"Read Ofsted's published \"Local authority level fostering data\" (the wide\n"
	"CSV from the Fostering in England release, as downloaded) and write one row\n"
	"per authority: approved, filled, vacant and not available places, approved\n"
	"households, short-break and emergency households, households with\n"
	"exemptions, and filled, vacant and unavailable as shares of approved.  Each\n"
	"region gets three rows: the sum of its authorities (and joint fostering\n"
	"services such as London Tri-borough), Ofsted's own figure, and Ofsted's\n"
	"minus the sum, with notes on the LAs the sum lacks and why the two differ.\n"
	"Suppressed cells ('..') stay empty, never 0.  A column that names no LA and\n"
	"no known joint service is an error (FB026) naming the nearest names.\n";

static const char usage_end[] =
	"Exit status: 0 success (warnings allowed), 1 a file had errors, 2 usage\n"
	"error, 3 a file could not be read or the output written.\n";

int
cmd_ofsted(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "ofsted", .usage = usage_text, .usage_end = usage_end };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, FB_CLI_HELP_FORMAT("table")),
		FB_CLI_OPT_REGION(&cli, "only this region's authorities and its row\n"
				"(e.g. \"South East\"; default: every region)"),
		FB_CLI_OPT_YEAR(&cli, "the data's year, when the file's name does not say"),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct fb_ofsted_rows rows;
	struct fb_doc doc;
	int only, status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");
	/* fb_cli_parse() matched --region (filter.h), as the bed-record commands do. */
	only = cli.filter.region ? fb_region_index(cli.filter.region) : -1;

	status = FB_EXIT_OK;
	fb_run_init(&run, 0, cli.max_findings);
	fb_ofsted_rows_init(&rows);
	for (int i = 0; i < cli.argc; i++) {
		const char *path = cli.argv[i];
		FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
		int err = errno;
		struct fb_input *input = fb_run_add_input(&run, path, "ofsted");
		struct fb_ofsted file;
		char *data = NULL;
		size_t len = 0;

		if (!in || fb_read_all(in, FB_MAX_WHOLE, &data, &len) != 0) {
			input->error = in ? errno : err;
			fb_cli_error("cannot read '%s': %s", path, fb_strerror(input->error));
			status = FB_EXIT_IO;
			if (in && in != stdin)
				fclose(in);
			continue;
		}
		if (in != stdin)
			fclose(in);
		fb_input_set_content(input, data, len);
		fb_ofsted_init(&file);
		if (fb_ofsted_read(&file, data, len, path, cli.year, i, &run.findings) == 0) {
			/* Every authority and joint service column is a "row" of the file. */
			input->rows_read = file.rows_read;
			input->rows_used = file.rows_used;
			input->rows_rejected = file.rows_rejected;
			memcpy(input->rejected_by, file.rejected_by, sizeof(input->rejected_by));
			fb_ofsted_rows_add(&rows, &file, only, i, &run.findings);
		}
		fb_ofsted_release(&file);
		free(data);
	}
	fb_findings_sort(&run.findings);
	fb_cli_tell_findings(&run, cli.cmd, "authority columns", NULL);
	fb_doc_ofsted(&doc, &run, &rows);
	if ((rc = fb_cli_open_output(&cli, cli.writer->binary)) == 0)
		status = fb_cli_write(&cli, &doc, status);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	fb_doc_release(&doc);
	fb_ofsted_rows_release(&rows);
	fb_run_release(&run);
	return rc ? rc : fb_cli_close_output(&cli, status);
}
