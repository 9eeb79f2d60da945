/*
 * cmd-reconcile.c: fosterbeds reconcile: bed records against the return.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/host.h"
#include "fosterbeds/date.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/submission.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds reconcile --ofsted RETURN [--format FORMAT] [--bridge]\n"
	"                            [--records-date YYYY-MM-DD] [--year YYYY-YY]\n"
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
	"The records are compared at the date the return counts at: its snapshot_date,\n"
	"or 31 March ending a published file's year (2019-03-31 for 2018-19); an LA\n"
	"whose records lack that date is an error.  A simple return without\n"
	"snapshot_date is compared with each LA's latest snapshot.\n";

static const char usage_end[] =
	"Exit status: 0 success (warnings allowed), 1 the records or the return have\n"
	"errors, or no row is inside --region or --la, 2 usage error, 3 a file could\n"
	"not be read or the output written.\n";

static int
read_return(struct fb_run *run, struct fb_submission *sub, const char *path, const char *year)
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
	if (fb_read_all(in, FB_MAX_WHOLE, &data, &len) == 0) {
		fb_input_set_content(input, data, len);
		rc = fb_submission_parse(sub, data, len, path, year, file, &run->findings);
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
	memcpy(input->rejected_by, sub->rejected_by, sizeof(input->rejected_by));
	input->rows_outside_filter = sub->rows_outside_filter;
	if (in != stdin)
		fclose(in);
	if (rc != 0) {
		fb_cli_error("cannot read '%s': %s", path, fb_strerror(input->error));
		return FB_EXIT_IO;
	}
	return FB_EXIT_OK;
}

/*
 * Whether the two sides can meet at all: a published file's date needs its
 * year, and --records-date a snapshot the records have.  Says why not.
 */
static int
dates_can_meet(const struct fb_cli *cli, const struct fb_run *run,
	       const struct fb_submission *sub)
{
	int none, *dates;
	size_t n;
	char list[6 * (FB_DATE_LEN + 2) + 32] = "", d[FB_DATE_LEN + 1];
	int found = 0;

	if (sub->published && !sub->year[0]) {
		fb_cli_error("cannot tell what date Ofsted's published file '%s' counts at: its "
			     "name holds no year; give its year as --year YYYY-YY", cli->ofsted);
		return 0;
	}
	if (!cli->have_records_date)
		return 1;
	n = fb_reconcile_dates(&run->tally, FB_LA_ALL, &none, 0);
	dates = fb_xcalloc(n + 1, sizeof(*dates));
	fb_reconcile_dates(&run->tally, FB_LA_ALL, dates, n);
	for (size_t i = 0; i < n; i++) {
		found |= dates[i] == cli->records_date;
		if (i < 6) {
			fb_date_format(dates[i], d);
			strcat(list, i ? ", " : "");
			strcat(list, d);
		}
	}
	free(dates);
	if (found)
		return 1;
	if (n > 6)
		sprintf(list + strlen(list), " and %zu more", n - 6);
	fb_date_format(cli->records_date, d);
	fb_cli_error("--records-date %s: the bed records have no snapshot of that date; "
		     "they have %s", d, n ? list : "none");
	return 0;
}

/* --records-date DATE: the records' date to compare, whatever the return's. */
static int
opt_records_date(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	struct fb_cli *cli = opt->value;

	if (fb_cli_iso_date(arg, strlen(arg), &cli->records_date) != 0) {
		snprintf(why, whylen, "--records-date '%s' is not a date in YYYY-MM-DD form", arg);
		return -1;
	}
	cli->have_records_date = 1;
	return 0;
}

int
cmd_reconcile(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "reconcile", .usage = usage_text, .usage_end = usage_end,
			      .help_column = 25 };
	const struct fb_option options[] = {
		FB_OPT_STRING(0, "ofsted", &cli.ofsted, "RETURN", "the return to compare with (required)"),
		FB_CLI_OPT_FORMAT(&cli, FB_CLI_HELP_FORMAT("table")),
		FB_OPT_FLAG(0, "bridge", &cli.bridge, "the bridge alone, one row per (la_code,\n"
				"ofsted_status, category), in any format"),
		FB_OPT_CALLBACK(0, "records-date", &cli, "DATE", "compare the records of DATE whatever the return's\n"
				"date; the output then says the two sides are from\n"
				"different dates, and draws no bridge or drivers", opt_records_date),
		FB_CLI_OPT_YEAR(&cli, "a published file's year, when its name does not say"),
		FB_CLI_OPT_REGION(&cli, "compare only the LAs of this region (e.g. \"South\n"
				"East\"), in the records and in the return"),
		FB_CLI_OPT_LA(&cli, "the same for these LAs, by DfE code (e.g. 851,867)"),
		FB_CLI_OPT_REGION_NAME(&cli, "name for the region row (default: the filter's region\n"
				"or LAs, else the LAs' region); it does not filter"),
		FB_CLI_OPT_TODAY(&cli),
		FB_CLI_OPT_PROFILE(&cli),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_CLI_OPT_MANIFEST(&cli, FB_CLI_HELP_MANIFEST),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct fb_submission sub;
	struct fb_reconcile rc;
	struct fb_doc doc;
	const struct fb_note *note;
	const char *region_name;
	int status = fb_cli_parse(&cli, options, argc, argv), rc2;

	if (status >= 0)
		return status;
	if (!cli.ofsted)
		return fb_cli_usage_error(cli.cmd, "--ofsted RETURN is required");
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE of bed records given");
	if (cli.year && fb_published_date(cli.year) == FB_NO_DATE)
		return fb_cli_usage_error(cli.cmd, "--year '%s' is not a year in YYYY-YY form, "
					  "e.g. 2018-19", cli.year);

	if ((rc2 = fb_cli_read_records(&cli, &run, &status)) >= 0)
		return rc2;
	fb_submission_init(&sub);
	status = fb_cli_worst(status, read_return(&run, &sub, cli.ofsted, cli.year));
	if (!dates_can_meet(&cli, &run, &sub)) {
		/* No figures are made, so no manifest either (spec/manifest.md). */
		fb_submission_release(&sub);
		fb_run_release(&run);
		return fb_cli_worst(status, FB_EXIT_DATA);
	}
	fb_reconcile_build(&rc, &run.tally, &sub,
			   cli.have_records_date ? cli.records_date : FB_NO_DATE,
			   (int)run.ninputs - 1, &run.findings);
	status = fb_cli_tell_run(&cli, &run, "rows", "run 'fosterbeds validate' to list them all",
				 status);

	region_name = fb_cli_pooled_name(&cli);
	if (!region_name) {
		int *codes = fb_xcalloc(rc.n, sizeof(*codes));
		size_t n = 0;

		for (size_t i = 0; i + 1 < rc.n; i++)
			if (rc.rows[i].has_records && rc.rows[i].has_return)
				codes[n++] = rc.rows[i].la_code;
		/* None pooled (their records lack the return's date): name the LAs shown. */
		for (size_t i = 0; n == 0 && i + 1 < rc.n; i++)
			codes[i] = rc.rows[i].la_code;
		if (n == 0)
			n = rc.n - 1;
		region_name = fb_cli_default_region(codes, n);
		free(codes);
	}
	fb_doc_reconcile(&doc, &run, &sub, &rc, region_name, cli.bridge ? FB_DOC_RECON_BRIDGE : 0);
	/* Said on stderr too, for CSV, whose table has no room for a note. */
	if ((note = fb_doc_find_note(&doc, "dates_note")) != NULL) {
		fb_cli_say(stderr, "fosterbeds %s: %c%s", cli.cmd,
			   tolower((unsigned char)note->text[0]), note->text + 1);
		fputc('\n', stderr);
	}
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	if ((rc2 = fb_cli_open_output(&cli, cli.writer->binary)) == 0)
		status = fb_cli_write(&cli, &doc, status);
	fb_doc_release(&doc);
	fb_reconcile_release(&rc);
	fb_submission_release(&sub);
	status = rc2 ? rc2 : fb_cli_close_output(&cli, status);
	status = fb_cli_write_manifest(&cli, &run, status);
	fb_run_release(&run);
	return status;
}
