/*
 * cmd-reconcile.c: fosterbeds reconcile: bed records against the return.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/submission.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds reconcile --ofsted RETURN [--format FORMAT] [--bridge]\n"
	"                            [--region NAME | --la CODE[,CODE...]]\n"
	"                            [--region-name NAME] [--today YYYY-MM-DD] [-o FILE]\n"
	"                            [--manifest FILE] FILE...\n"
	"\n"
	"Compare an LA's bed records (FILE..., as for report) with what it submitted\n"
	"to Ofsted.  RETURN is a simple return (columns la_code, approved, filled,\n"
	"vacant, unavailable and optionally snapshot_date) or Ofsted's published\n"
	"LA-level fostering data as downloaded.  Per LA and for the region: the\n"
	"counts as submitted, the standardised counts, the difference in percentage\n"
	"points, how each bed was counted in the return (the bridge, from the\n"
	"records' ofsted_status) and the main drivers in plain words.\n"
	"\n"
	"      --ofsted RETURN    the return to compare with (required)\n"
	"  -f, --format FORMAT    table (default), csv, json, html (one self-contained\n"
	"                         page) or xlsx (an Excel workbook: give -o FILE)\n"
	"      --bridge           with --format csv: the bridge alone, one row per\n"
	"                         (la_code, ofsted_status, category)\n"
	"      --region NAME      compare only the LAs of this region (e.g. \"South\n"
	"                         East\"), in the records and in the return\n"
	"      --la CODE[,CODE...]\n"
	"                         the same for these LAs, by DfE code (e.g. 851,867)\n"
	"  -r, --region-name NAME name for the region row (default: the filter's region\n"
	"                         or LAs, else the LAs' region); it does not filter\n"
	"      --today DATE       judge future snapshot dates against DATE, not today\n"
	"  -o, --output FILE     write to FILE (replaced only when the run succeeds)\n"
	"      --manifest FILE    also write what the run read and how it was run\n"
	"                         (each input's size and SHA-256, the options), for\n"
	"                         'fosterbeds check-manifest FILE' (spec/manifest.md)\n"
	"  -h, --help             show this help\n"
	"\n"
	"Exit status: 0 success (warnings allowed), 1 the records or the return have\n"
	"errors, or no row is inside --region or --la, 2 usage error, 3 a file could\n"
	"not be read or the output written.\n";

static int
read_return(struct fb_run *run, struct fb_submission *sub, const char *path)
{
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int err = errno, file = (int)run->ninputs, rc = -1;
	struct fb_input *input = fb_run_add_input(run, path, "return");
	char *data;
	size_t len;

	if (!in) {
		input->error = err;
		fb_cli_error("cannot read '%s': %s", path, strerror(err));
		return FB_EXIT_IO;
	}
	/* Read once, then sized, hashed and parsed from memory (stdin too). */
	if (fb_read_all(in, &data, &len) == 0) {
		fb_input_set_content(input, data, len);
		rc = fb_submission_parse(sub, data, len, path, file, &run->findings);
		fb_submission_keep(sub, &run->filter);
		free(data);
	}
	input = &run->inputs[file];
	if (rc != 0) {
		input->error = errno ? errno : EIO;
		input->sha256[0] = '\0';
	}
	input->rows_read = sub->rows_read;
	input->rows_used = sub->rows_used;
	input->rows_rejected = sub->rows_rejected;
	input->rows_outside_filter = sub->rows_outside_filter;
	if (in != stdin)
		fclose(in);
	if (rc != 0) {
		fb_cli_error("cannot read '%s': %s", path, strerror(input->error));
		return FB_EXIT_IO;
	}
	return FB_EXIT_OK;
}

int
cmd_reconcile(int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json", "html", "xlsx", NULL };
	struct fb_cli cli = { .cmd = "reconcile", .usage = usage_text, .formats = formats,
			      .opts = FB_OPT_FORMAT | FB_OPT_TODAY | FB_OPT_REGION_NAME |
				      FB_OPT_OFSTED | FB_OPT_BRIDGE |
				      FB_OPT_OUTPUT | FB_OPT_MANIFEST | FB_OPT_REGION | FB_OPT_LA };
	struct fb_run run;
	struct fb_submission sub;
	struct fb_reconcile rc;
	struct fb_recon_report rep;
	int status = fb_cli_parse(&cli, argc, argv), rc2;

	if (status >= 0)
		return status;
	if (!cli.ofsted)
		return fb_cli_usage_error(cli.cmd, "--ofsted RETURN is required");
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE of bed records given");
	if (cli.bridge && cli.writer != &fb_writer_csv)
		return fb_cli_usage_error(cli.cmd, "--bridge goes with --format csv (the other "
					  "formats include the bridge)");

	fb_run_init(&run, cli.today, cli.max_findings);
	fb_cli_record_command(&cli, &run);
	fb_run_set_filter(&run, &cli.filter);
	status = fb_cli_read_inputs(&run, cli.cmd, cli.argc, cli.argv);
	if ((rc2 = fb_cli_check_kinds(&run, cli.cmd, 0)) != 0) {
		fb_run_release(&run);
		return rc2;
	}
	fb_submission_init(&sub);
	status = fb_cli_worst(status, read_return(&run, &sub, cli.ofsted));
	fb_reconcile_build(&rc, &run.tally, &sub, (int)run.ninputs - 1, &run.findings);
	fb_findings_sort(&run.findings);
	fb_cli_tell_findings(&run, cli.cmd, "rows", "run 'fosterbeds validate' to list them all");
	status = fb_cli_worst(status, fb_cli_tell_filter(&run, cli.cmd, "rows"));

	rep.run = &run;
	rep.sub = &sub;
	rep.rc = &rc;
	rep.region_name = fb_cli_pooled_name(&cli);
	if (!rep.region_name) {
		int *codes = fb_xcalloc(rc.n, sizeof(*codes));
		size_t n = 0;

		for (size_t i = 0; i + 1 < rc.n; i++)
			if (rc.rows[i].has_records && rc.rows[i].has_return)
				codes[n++] = rc.rows[i].la_code;
		rep.region_name = fb_cli_default_region(codes, n);
		free(codes);
	}
	if ((rc2 = fb_cli_open_output(&cli, cli.writer == &fb_writer_xlsx)) == 0) {
		if (cli.bridge)
			cli.writer->bridge(cli.out, &rep);
		else
			cli.writer->reconcile(cli.out, &rep);
	}
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	fb_reconcile_release(&rc);
	fb_submission_release(&sub);
	status = rc2 ? rc2 : fb_cli_close_output(&cli, status);
	status = fb_cli_write_manifest(&cli, &run, status);
	fb_run_release(&run);
	return status;
}
