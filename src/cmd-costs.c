/*
 * cmd-costs.c: fosterbeds costs: the placement cost benchmark.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "fosterbeds/costs.h"
#include "fosterbeds/filter.h"
#include "fosterbeds/host.h"
#include "fosterbeds/la.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/tally.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds costs [--format FORMAT] [--region NAME | --la CODE[,CODE...]]\n"
	"                        [--region-name NAME] [--today YYYY-MM-DD] [-o FILE]\n"
	"                        [--manifest FILE] FILE...\n"
	"\n"
	"Placement cost records (spec/placement-costs.md: la_code, date,\n"
	"placement_type, placements, average_weekly_cost and\n"
	"additional_support_weekly_cost): per LA, placement type and date the\n"
	"average weekly cost and the change since that LA's previous date, then per\n"
	"type and date a region row (la_code ALL): the mean of the LAs' averages,\n"
	"the placement-weighted mean, the change, the change annualised (linear)\n"
	"and the LA with the largest change.  Money is read exactly in pence and\n"
	"every figure rounded once.  A region row pools only the LAs with a cost at\n"
	"both its date and the previous one (a warning, FB047, names the others).\n"
	"\n"
	"With --beds, FILE... may also hold bed records (a file whose header names\n"
	"placement_type is costs, any other bed records): per LA and for the region,\n"
	"the weekly cost gap between a residential and an in-house fostering\n"
	"placement, the vacant mainstream beds at the latest snapshot, and the weekly\n"
	"cost difference if every vacant mainstream bed took a child from\n"
	"residential: an upper bound, assuming every such child could be matched.\n";

static const char usage_end[] =
	"Exit status: 0 every row used (warnings allowed), 1 rows were rejected or no\n"
	"row is inside --region or --la, 2 usage error, 3 a file could not be read or\n"
	"the output written.\n";

/*
 * Whether path's first line names placement_type: a cost file.  Standard
 * input, and anything but a regular file, always is: a FIFO peeked at would
 * lose its first line, or wait for ever to be opened a second time, and
 * /dev/zero has no first line.
 */
static int
is_costs(const char *path)
{
	char line[4096];
	FILE *in;
	struct stat st;
	int yes = 1;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !(in = fopen(path, "rb")))
		return 1;   /* unreadable: said when read as costs */
	if (fgets(line, sizeof(line), in))
		yes = strstr(line, "placement_type") != NULL;
	fclose(in);
	return yes;
}

static int
keeps(const void *ctx, int la_code)
{
	return fb_filter_keeps(ctx, la_code);
}

/* Read one cost file into c, its counts into its input; an I/O failure is said. */
static int
read_costs(struct fb_cli *cli, struct fb_run *run, struct fb_costs *c, const char *path)
{
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int err = errno, file = (int)run->ninputs, rc = 0;
	struct fb_input *input = fb_run_add_input(run, path, "costs");
	long read = c->rows_read, used = c->rows_used, rejected = c->rows_rejected;
	long outside = c->rows_outside_filter;
	long by[FB_R_COUNT];
	char *data;
	size_t len;

	if (!in) {
		input->error = err;
		fb_cli_error("cannot read '%s': %s", path, strerror(err));
		return FB_EXIT_IO;
	}
	memcpy(by, c->rejected_by, sizeof(by));
	if (fb_read_all(in, FB_MAX_WHOLE, &data, &len) == 0) {
		fb_input_set_content(input, data, len);
		fb_costs_read(c, data, len, file, cli->today, &run->findings);
		free(data);
	} else {
		rc = -1;
		input->error = errno ? errno : EIO;
	}
	if (in != stdin)
		fclose(in);
	if (rc != 0) {
		fb_cli_error("cannot read '%s': %s", path, fb_strerror(input->error));
		return FB_EXIT_IO;
	}
	fb_costs_keep(c, keeps, &cli->filter);
	input = &run->inputs[file];
	input->rows_read = c->rows_read - read;
	input->rows_used = c->rows_used - used;
	input->rows_rejected = c->rows_rejected - rejected;
	input->rows_outside_filter = c->rows_outside_filter - outside;
	for (size_t k = 0; k < FB_R_COUNT; k++)
		input->rejected_by[k] = c->rejected_by[k] - by[k];
	return FB_EXIT_OK;
}

int
cmd_costs(int argc, char **argv)
{
	struct fb_cli cli = { .cmd = "costs", .usage = usage_text, .usage_end = usage_end,
			      .help_column = 25 };
	int beds = 0;
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, FB_CLI_HELP_FORMAT("table")),
		FB_OPT_FLAG(0, "beds", &beds, "also read bed records among FILE... and say what a\n"
				"filled bed is worth (an upper bound)"),
		FB_CLI_OPT_REGION(&cli, "only the LAs of this region (e.g. \"South East\")"),
		FB_CLI_OPT_LA(&cli, "only these LAs, by DfE code (e.g. 851,867)"),
		FB_CLI_OPT_REGION_NAME(&cli, "name for the region rows (default: the filter's region\n"
				"or LAs, else the LAs' region); it does not filter"),
		FB_CLI_OPT_TODAY(&cli),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_CLI_OPT_MANIFEST(&cli, FB_CLI_HELP_MANIFEST),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_run run;
	struct fb_costs costs;
	struct fb_cost_table table;
	struct fb_bed_value bv = { 0 };
	const char *region_name;
	char **records = NULL;
	int nrecords = 0;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE of cost records given");

	fb_run_init(&run, cli.today, cli.max_findings);
	fb_cli_record_command(&cli, &run);
	fb_run_set_filter(&run, &cli.filter);
	fb_costs_init(&costs);
	status = FB_EXIT_OK;
	if (beds) {
		records = fb_xcalloc((size_t)cli.argc + 1, sizeof(*records));
		for (int i = 0; i < cli.argc; i++)
			if (!is_costs(cli.argv[i]))
				records[nrecords++] = cli.argv[i];
		if (nrecords == 0) {
			free(records);
			fb_costs_release(&costs);
			fb_run_release(&run);
			return fb_cli_usage_error(cli.cmd, "--beds: no FILE of bed records given");
		}
		status = fb_cli_read_inputs(&run, &cli, nrecords, records);
	}
	for (int i = 0; i < cli.argc; i++)
		if (!beds || is_costs(cli.argv[i]))
			status = fb_cli_worst(status, read_costs(&cli, &run, &costs, cli.argv[i]));
	free(records);
	if (status == FB_EXIT_IO) {
		fb_costs_release(&costs);
		fb_run_release(&run);
		return status;
	}
	fb_cost_table_build(&table, &costs, &run.findings);
	if (beds)
		fb_bed_value_build(&bv, &costs, &run.tally);
	status = fb_cli_tell_run(&cli, &run, "rows", "run with --format csv to see the figures",
				 status);

	region_name = fb_cli_pooled_name(&cli);
	if (!region_name) {
		int *codes = fb_xcalloc(costs.n + 1, sizeof(*codes));

		for (size_t i = 0; i < costs.n; i++)
			codes[i] = costs.rows[i].la_code;
		region_name = fb_cli_default_region(codes, costs.n);
		free(codes);
	}
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	if ((rc = fb_cli_open_output(&cli, cli.writer->binary)) == 0) {
		struct fb_doc doc;

		fb_doc_costs(&doc, &run, &table, beds ? &bv : NULL, region_name);
		status = fb_cli_write(&cli, &doc, status);
		fb_doc_release(&doc);
	}
	fb_cost_table_release(&table);
	fb_bed_value_release(&bv);
	fb_costs_release(&costs);
	status = rc ? rc : fb_cli_close_output(&cli, status);
	status = fb_cli_write_manifest(&cli, &run, status);
	fb_run_release(&run);
	return status;
}
