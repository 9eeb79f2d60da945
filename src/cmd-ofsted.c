/*
 * cmd-ofsted.c: fosterbeds ofsted: Ofsted's published data per authority.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/la.h"
#include "fosterbeds/ofsted.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds ofsted [--format table|csv|json|html|xlsx] [--region NAME]\n"
	"                         [--year YYYY-YY] [-o FILE] FILE...\n"
	"\n"
	"Read Ofsted's published \"Local authority level fostering data\" (the wide\n"
	"CSV from the Fostering in England release, as downloaded) and write one row\n"
	"per authority: approved, filled, vacant and not available places, approved\n"
	"households, short-break and emergency households, households with\n"
	"exemptions, and filled, vacant and unavailable as shares of approved.  Each\n"
	"region gets a row pooling its authorities.  Suppressed cells ('..') stay\n"
	"empty, never 0.\n"
	"\n"
	"  -f, --format FORMAT   table (default), csv, json, html (one self-contained\n"
	"                        page) or xlsx (an Excel workbook: give -o FILE)\n"
	"      --region NAME     only this region's authorities and its row\n"
	"                        (e.g. \"South East\"; default: every region)\n"
	"      --year YYYY-YY    the data's year, when the file's name does not say\n"
	"  -o, --output FILE     write to FILE (replaced only when the run succeeds)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 success (warnings allowed), 1 a file had errors, 2 usage\n"
	"error, 3 a file could not be read or the output written.\n";

/* Ofsted's order of the English regions. */
static const char *const regions[] = {
	"North East", "North West", "Yorkshire and The Humber", "East Midlands",
	"West Midlands", "East of England", "London", "South East", "South West",
};
#define NREGIONS (sizeof(regions) / sizeof(regions[0]))

struct rows {
	struct fb_ofsted_row *v;
	size_t n, cap;
};

static struct fb_ofsted_row *
push(struct rows *r)
{
	fb_grow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v));
	memset(&r->v[r->n], 0, sizeof(r->v[r->n]));
	return &r->v[r->n++];
}

static int
by_code(const void *a, const void *b)
{
	const struct fb_ofsted_la *x = a, *y = b;

	return (x->la_code > y->la_code) - (x->la_code < y->la_code);
}

/* One file's authorities of the wanted regions, then their region rows. */
static void
add_rows(struct rows *rows, struct fb_ofsted *o, const char *year, const char *only,
	 int file, struct fb_findings *out)
{
	qsort(o->las, o->n, sizeof(*o->las), by_code);
	for (size_t i = 0; i < o->n; i++) {
		const struct fb_la *la = fb_la_by_code(o->las[i].la_code);
		struct fb_ofsted_row *row;

		if (only && strcmp(la->region, only) != 0)
			continue;
		fb_places_balance_check(out, file, o->places_line, la->name, la->code,
					o->las[i].v[FB_OM_APPROVED], o->las[i].v[FB_OM_FILLED],
					o->las[i].v[FB_OM_VACANT], o->las[i].v[FB_OM_UNAVAILABLE]);
		row = push(rows);
		row->year = year;
		row->la_code = la->code;
		row->region = la->region;
		memcpy(row->v, o->las[i].v, sizeof(row->v));
	}
	for (size_t g = 0; g < NREGIONS; g++) {
		struct fb_ofsted_row pool = { year, FB_LA_ALL, regions[g], { 0 }, 0, 0 };

		if (only && strcmp(regions[g], only) != 0)
			continue;
		for (size_t i = 0; i < o->n; i++) {
			const struct fb_la *la = fb_la_by_code(o->las[i].la_code);

			if (strcmp(la->region, regions[g]) != 0)
				continue;
			pool.nla++;
			for (int m = 0; m < FB_OM_COUNT; m++) {
				/* One missing authority leaves the pooled measure unknown. */
				if (o->las[i].v[m] == FB_MISSING || pool.v[m] == FB_MISSING) {
					pool.incomplete |= pool.v[m] != FB_MISSING;
					pool.v[m] = FB_MISSING;
				} else {
					pool.v[m] += o->las[i].v[m];
				}
			}
		}
		if (pool.nla)
			*push(rows) = pool;
	}
}

int
cmd_ofsted(int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json", "html", "xlsx", NULL };
	struct fb_cli cli = { .cmd = "ofsted", .usage = usage_text, .formats = formats,
			      .opts = FB_OPT_FORMAT | FB_OPT_REGION | FB_OPT_YEAR |
				      FB_OPT_OUTPUT };
	struct fb_run run;
	struct rows rows = { 0 };
	struct fb_ofsted_report rep;
	struct fb_ofsted *files;
	const char *only = NULL;
	long missing = 0;
	int status = fb_cli_parse(&cli, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no FILE given");
	/* fb_cli_parse() matched --region (filter.h), as the bed-record commands do. */
	only = cli.filter.region;

	status = FB_EXIT_OK;
	fb_run_init(&run, 0, cli.max_findings);
	files = fb_xcalloc((size_t)cli.argc, sizeof(*files));
	for (int i = 0; i < cli.argc; i++) {
		const char *path = cli.argv[i];
		FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
		int err = errno;
		struct fb_input *input = fb_run_add_input(&run, path, "ofsted");
		char *data = NULL;
		size_t len = 0;

		fb_ofsted_init(&files[i]);
		if (!in || fb_read_all(in, &data, &len) != 0) {
			input->error = in ? errno : err;
			fb_cli_error("cannot read '%s': %s", path, strerror(input->error));
			status = FB_EXIT_IO;
			if (in && in != stdin)
				fclose(in);
			continue;
		}
		if (in != stdin)
			fclose(in);
		fb_input_set_content(input, data, len);
		if (fb_ofsted_read(&files[i], data, len, path, cli.year, i, &run.findings) == 0) {
			input->rows_read = (long)(files[i].n + files[i].unmatched);
			input->rows_used = (long)files[i].n;
			input->rows_rejected = files[i].unmatched;
			missing += files[i].missing;
			add_rows(&rows, &files[i], files[i].year, only, i, &run.findings);
		}
		free(data);
	}
	fb_findings_sort(&run.findings);
	fb_cli_tell_findings(&run, cli.cmd, "authority columns", NULL);
	rep.run = &run;
	rep.rows = rows.v;
	rep.nrows = rows.n;
	rep.missing = missing;
	if ((rc = fb_cli_open_output(&cli, cli.writer == &fb_writer_xlsx)) == 0)
		cli.writer->ofsted(cli.out, &rep);
	if (run.findings.errors)
		status = fb_cli_worst(status, FB_EXIT_DATA);
	for (int i = 0; i < cli.argc; i++)
		fb_ofsted_release(&files[i]);
	free(files);
	free(rows.v);
	fb_run_release(&run);
	return rc ? rc : fb_cli_close_output(&cli, status);
}
