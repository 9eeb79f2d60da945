/*
 * cli.c: shared command-line plumbing.
 */
#include "cli.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/host.h"
#include "fosterbeds/la.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/manifest.h"
#include "fosterbeds/number.h"
#include "fosterbeds/profile-read.h"
#include "util.h"

/*
 * The last command line fb_cli_parse() saw, as typed: the parser moves the
 * operands of argv before the options, and a manifest records what was run.
 * Kept, like argv itself, for the life of the process.
 */
static char **given_argv;
static int given_argc;

/* --profile's profile, read when the option is parsed; kept for the process. */
static struct fb_profile *given_profile;

/*
 * The message made visible on stderr (fb_visible_all()): a file name or an
 * option's value in it cannot move the terminal or split the line.
 */
static void
say(FILE *to, const char *fmt, va_list ap)
{
	struct fb_strbuf msg = { 0 };
	char *shown;

	fb_strbuf_vaddf(&msg, fmt, ap);
	shown = fb_visible_dup(msg.s ? msg.s : "");
	fputs(shown, to);
	free(shown);
	free(msg.s);
}

void
fb_cli_say(FILE *to, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(to, fmt, ap);
	va_end(ap);
}

int
fb_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fb_cli_say(stderr, "fosterbeds %s: ", cmd);
	va_start(ap, fmt);
	say(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fb_cli_say(stderr, "Try 'fosterbeds %s --help' for more information.", cmd);
	fputc('\n', stderr);
	return FB_EXIT_USAGE;
}

void
fb_cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("fosterbeds: ", stderr);
	va_start(ap, fmt);
	say(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * --format NAME: any writer (writer.c's table).  Every command's output is
 * a document, which every writer writes, so no command keeps a list.
 */
int
fb_cli_opt_format(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	struct fb_cli *cli = opt->value;
	const struct fb_writer *w = fb_writer_find(arg);
	char list[128];

	if (w) {
		cli->writer = w;
		return 0;
	}
	return fb_why(why, whylen, "unknown format '%s'; use one of %s", arg,
		      fb_writer_names(list, sizeof(list)));
}

int
fb_cli_iso_date(const char *s, size_t len, int *days)
{
	enum fb_date_form form;

	return fb_date_parse(s, len, days, &form) != 0 || form != FB_DATE_ISO ? -1 : 0;
}

int
fb_cli_opt_today(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	if (fb_cli_iso_date(arg, strlen(arg), opt->value) != 0)
		return fb_why(why, whylen, "--today '%s' is not a date in YYYY-MM-DD form", arg);
	return 0;
}

/*
 * --year YYYY-YY: a financial year as Ofsted names its releases, the second
 * year the one after the first ("2019-20"); each part through number.c.
 */
int
fb_cli_opt_year(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	long a, b;

	/* number.c allows spaces around a count; a year has none. */
	if (strlen(arg) != 7 || strcspn(arg, " \t") != 7 || arg[4] != '-' ||
	    fb_count_parse(arg, 4, 0, &a) != 0 || fb_count_parse(arg + 5, 2, 0, &b) != 0 ||
	    a < 1000 || b != (a + 1) % 100)
		return fb_why(why, whylen, "--year '%s' is not a year in YYYY-YY form, the "
			   "second the year after the first, e.g. 2019-20", arg);
	*(const char **)opt->value = arg;
	return 0;
}

/* --period FROM..TO: two YYYY-MM-DD dates, FROM not after TO. */
int
fb_cli_opt_period(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	struct fb_cli *cli = opt->value;
	const char *dots = strstr(arg, "..");
	int from, to;

	if (!dots || fb_cli_iso_date(arg, (size_t)(dots - arg), &from) != 0 ||
	    fb_cli_iso_date(dots + 2, strlen(dots + 2), &to) != 0)
		return fb_why(why, whylen, "--period '%s' is not FROM..TO with two dates in "
			   "YYYY-MM-DD form, e.g. 2026-07-01..2026-09-30", arg);
	if (from > to)
		return fb_why(why, whylen, "--period '%s' starts after it ends", arg);
	cli->have_period = 1;
	cli->period_from = from;
	cli->period_to = to;
	return 0;
}

int
fb_cli_opt_profile(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	(void)opt;
	if (given_profile)
		return fb_why(why, whylen, "--profile is given twice; give one profile");
	given_profile = fb_profile_read_file(arg, why, whylen);
	return given_profile ? 0 : -1;
}

const struct fb_profile *
fb_cli_profile(void)
{
	return given_profile;
}

/*
 * --region-name NAME: a name for the pooled rows, shown in every format,
 * so one line of visible text: no control characters and UTF-8, checked
 * with the escaper the outputs use (NAME needs no escape).  Its length is
 * a format's business: XLSX refuses a cell over 32,767 characters (exit 3).
 */
int
fb_cli_opt_region_name(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	char *shown = fb_visible_dup(arg);
	int rc = 0;

	if (strlen(shown) != strlen(arg))
		rc = fb_why(why, whylen, "--region-name '%.200s' holds a control character or a "
			    "byte that is not UTF-8; give a name of plain text", shown);
	else
		*(const char **)opt->value = arg;
	free(shown);
	return rc;
}

int
fb_cli_opt_region(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	struct fb_cli *cli = opt->value;

	if (cli->region)
		return fb_why(why, whylen, "--region is given twice; give one region");
	cli->region = arg;
	return fb_filter_set_region(&cli->filter, arg, why, whylen) != 0 ? -1 : 0;
}

int
fb_cli_opt_la(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	struct fb_cli *cli = opt->value;

	if (cli->la)
		return fb_why(why, whylen, "--la is given twice; give the codes once, separated "
			   "by commas");
	cli->la = arg;
	return fb_filter_set_las(&cli->filter, arg, why, whylen) != 0 ? -1 : 0;
}

int
fb_cli_opt_manifest(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	if (strcmp(arg, "-") == 0)
		return fb_why(why, whylen, "--manifest needs a file name, not -");
	*(const char **)opt->value = arg;
	return 0;
}

/* --help: the command's text, its options from the table, then the rest. */
static int
help(const struct fb_cli *cli, const struct fb_option *options)
{
	fputs(cli->usage, stdout);
	fputc('\n', stdout);
	fb_options_help(stdout, options, cli->help_column ? cli->help_column : 24);
	if (cli->usage_end) {
		fputc('\n', stdout);
		fputs(cli->usage_end, stdout);
	}
	return fb_cli_finish(FB_EXIT_OK);
}

/*
 * Would writing path replace a file?  Not standard output, nor an existing
 * path that is not a regular file (a device, a FIFO: written in place).
 */
static int
replaces(const char *path)
{
	struct stat st;

	return path && strcmp(path, "-") != 0 && !(stat(path, &st) == 0 && !S_ISREG(st.st_mode));
}

/*
 * Would what a command writes, out (given as opt: "-o", "--manifest"),
 * replace one of the files it reads?  Files are compared, not names
 * (fb_same_file()), so "./in.csv" is "in.csv".  Returns FB_EXIT_USAGE
 * after a message, else 0.
 */
static int
check_output(const struct fb_cli *cli, const char *opt, const char *out)
{
	const char *reads[] = { cli->ofsted, given_profile ? given_profile->path : NULL };
	size_t nreads = sizeof(reads) / sizeof(reads[0]);

	if (!replaces(out))
		return 0;
	for (size_t i = 0; i < (size_t)cli->argc + nreads; i++) {
		const char *in = i < (size_t)cli->argc ? cli->argv[i] : reads[i - (size_t)cli->argc];

		if (in && strcmp(in, "-") != 0 && fb_same_file(in, out))
			return fb_cli_usage_error(cli->cmd, "%s '%s' is the input '%s': it would be "
						  "replaced; write to another file", opt, out, in);
	}
	return 0;
}

/* check_output() for -o and --manifest, and the two the same file. */
static int
check_overlaps(const struct fb_cli *cli)
{
	int rc;

	if ((rc = check_output(cli, "-o", cli->output)) != 0 ||
	    (rc = check_output(cli, "--manifest", cli->manifest)) != 0)
		return rc;
	if (replaces(cli->output) && cli->manifest && fb_same_file(cli->output, cli->manifest))
		return fb_cli_usage_error(cli->cmd, "--manifest '%s' and -o '%s' are the same "
					  "file; give two files", cli->manifest, cli->output);
	return -1;
}

int
fb_cli_parse(struct fb_cli *cli, const struct fb_option *options, int argc, char **argv)
{
	char why[512];
	int n;

	cli->options = options;
	cli->writer = fb_writer_find("text");
	cli->today = fb_date_today();
	cli->max_findings = 10000;
	cli->region_name = cli->ofsted = cli->region = cli->year = cli->output = NULL;
	cli->la = NULL;
	cli->out = NULL;
	cli->outfile = (struct fb_outfile){ 0 };
	cli->output_pending = 0;
	cli->breakdown = 0;
	cli->bridge = 0;
	cli->manifest = NULL;
	cli->have_period = 0;
	cli->period_from = cli->period_to = 0;
	cli->have_records_date = 0;
	cli->records_date = 0;
	fb_filter_init(&cli->filter);
	free(given_argv);
	given_argv = fb_xcalloc((size_t)argc + 1, sizeof(*given_argv));
	memcpy(given_argv, argv, (size_t)argc * sizeof(*argv));
	given_argc = argc;
	switch (fb_parse_options(options, cli->cmd, argc, argv, &n, why, sizeof(why))) {
	case FB_PARSE_HELP:
		return help(cli, options);
	case FB_PARSE_ERROR:
		return fb_cli_usage_error(cli->cmd, "%s", why);
	case FB_PARSE_OK:
		break;
	}
	if (cli->region && cli->la)
		return fb_cli_usage_error(cli->cmd, "give --region or --la, not both (--la "
					  "takes the codes of LAs of any region)");
	cli->argc = n;
	cli->argv = argv + 1;
	return check_overlaps(cli);
}

/*
 * Bed records are read in blocks of 2 MiB, twice as many at once as there
 * are cores: the reading thread commits blocks in order, and with few
 * blocks in hand a core waits whenever the next to commit is not yet
 * parsed.  Measured at 10M rows on two cores, medians of ten interleaved
 * runs: 1 MiB blocks, 6 at once 1.95 s; 2 MiB, 6 at once 1.85 s (11 MiB
 * more at peak); 2 MiB, 4 at once 1.87 s (3 MiB more); 256 KiB, 6 at once
 * 2.46 s; 4 MiB, 6 at once 1.87 s (40 MiB more).  (Earlier, with 1 MiB
 * blocks: 2 at once 3.20 s, 4 2.73 s; later 4 at once 1.245 s, 8 1.12 s.)
 * A block is small enough for the workers to finish a file together.
 */
#define BLOCK_SIZE ((long)2 << 20)

static long
default_workers(void)
{
	long n = 1;

#ifdef _SC_NPROCESSORS_ONLN
	n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
	return n < 1 ? 2 : n > 32 ? 64 : 2 * n;
}

/*
 * The environment's FOSTERBEDS_WORKERS (1 to 64) or FOSTERBEDS_BLOCK_SIZE
 * (bytes, 0 to FB_INGEST_BLOCK_MAX; 0 reads a row at a time), or def when
 * unset; told and ignored when it is not such a number.  They change how
 * the work is shared out, never a result: tests/blocks.sh checks that.
 */
static long
env_number(const char *name, long min, long max, long def)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v)
		return def;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min || n > max) {
		fb_cli_error("%s='%s' is not a number from %ld to %ld; it is ignored", name, v,
			     min, max);
		return def;
	}
	return n;
}

int
fb_cli_read_inputs(struct fb_run *run, const struct fb_cli *cli, int argc, char **argv)
{
	const char *cmd = cli->cmd;
	int status = FB_EXIT_OK;
	/* Hashed only for an output that shows the hashes. */
	int hash = cli->manifest || cli->writer->digests;

	fb_run_set_blocks(run, (int)env_number("FOSTERBEDS_WORKERS", 1, 64, default_workers()),
			  (size_t)env_number("FOSTERBEDS_BLOCK_SIZE", 0, (long)FB_INGEST_BLOCK_MAX,
					     BLOCK_SIZE));
	fb_run_set_profile(run, given_profile);
	for (int i = 0; i < argc; i++) {
		if (fb_run_read_path(run, argv[i], hash) != 0) {
			fb_cli_error("cannot read '%s': %s", argv[i], fb_strerror(errno));
			status = FB_EXIT_IO;
		}
	}
	fb_run_end(run);
	if (given_profile) {
		long dropped = 0;

		for (size_t i = 0; i < run->ninputs; i++)
			dropped += run->inputs[i].rows_dropped;
		fb_cli_say(stderr, "fosterbeds %s: read through the profile %s (%s%s%s)", cmd,
			given_profile->path,
			given_profile->system ? given_profile->system : "system not named",
			given_profile->la ? ", for " : "", given_profile->la ? given_profile->la : "");
		if (dropped)
			fprintf(stderr, "; %ld row%s dropped by it (FB040)", dropped,
				dropped == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	return status;
}

/* p's first [count] or [approved] section (p expands households). */
static const struct fb_profile_column *
expand_section(const struct fb_profile *p)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (p->col[i].kind == FB_PK_COUNT || p->col[i].kind == FB_PK_APPROVED)
			return &p->col[i];
	return &p->col[0];
}

int
fb_cli_check_profile(const char *cmd, int episodes)
{
	const struct fb_profile *p = given_profile;
	char sec[300];

	/* The profile decides what every input holds: one message, not one per input. */
	if (p && episodes && !p->episodes) {
		if (p->expand)
			return fb_cli_usage_error(cmd, "--period reads episode files, and the "
						  "profile %s expands household rows into bed "
						  "records (%s on line %ld): household expansion does "
						  "not apply to episodes (spec/profiles.md, "
						  "\"Episode files\")", p->path,
						  fb_profile_section_name(expand_section(p), sec,
									  sizeof(sec)),
						  expand_section(p)->line);
		if (p->name_pattern)
			return fb_cli_usage_error(cmd, "--period reads episode files, and the "
						  "profile %s reads bed records, taking "
						  "snapshot_date from the file name (line %ld): "
						  "episodes carry their own dates in status_from and "
						  "status_to (spec/profiles.md, \"Episode files\")",
						  p->path, p->name_pattern_line);
		return fb_cli_usage_error(cmd, "--period reads episode files, and the profile %s "
					  "reads bed records (it has no [column status_from] "
					  "and [column status_to]; spec/profiles.md, \"Episode "
					  "files\")", p->path);
	}
	if (p && !episodes && p->episodes)
		return fb_cli_usage_error(cmd, "the profile %s reads episode files (it maps "
					  "status_from and status_to, line %ld); %s",
					  p->path, p->episodes_line, strcmp(cmd, "report") == 0
					  ? "give --period FROM..TO to count their bed-nights"
					  : "only validate and report --period read episodes");
	return 0;
}

int
fb_cli_check_kinds(const struct fb_run *run, const char *cmd, int episodes)
{
	int rc = fb_cli_check_profile(cmd, episodes);

	if (rc != 0)
		return rc;
	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];

		if (episodes && strcmp(in->role, "records") == 0 && in->rows_read > 0)
			return fb_cli_usage_error(cmd, "'%s' holds bed records (snapshot_date); "
						  "--period reads episode files (status_from, "
						  "status_to)", in->name);
		if (!episodes && strcmp(in->role, "episodes") == 0)
			return fb_cli_usage_error(cmd, "'%s' holds episodes (status_from, "
						  "status_to); give --period FROM..TO to count "
						  "their bed-nights", in->name);
	}
	return 0;
}

int
fb_cli_finish(int status)
{
	int lost = fflush(stdout) != 0 || ferror(stdout);

	if (fclose(stdout) != 0)
		lost = 1;
	if (lost) {
		fb_cli_error("could not write the output: %s",
			     errno ? strerror(errno) : "write error");
		return FB_EXIT_IO;
	}
	return status;
}

const char *
fb_cli_default_region(const int *codes, size_t n)
{
	const char *region = fb_la_common_region(codes, n);

	return region ? region : "All LAs";
}

/* Findings shown on stderr before a report; validate lists them all. */
#define SHOWN_FINDINGS 20

void
fb_cli_tell_findings(const struct fb_run *run, const char *cmd, const char *unit,
		     const char *hint)
{
	const struct fb_findings *f = &run->findings;
	long read, used, rejected;
	size_t shown = f->n < SHOWN_FINDINGS ? f->n : SHOWN_FINDINGS;

	for (size_t i = 0; i < shown; i++)
		fb_finding_line(stderr, run, &f->items[i]);
	if (f->errors + f->warnings > shown)
		fprintf(stderr, "... %zu more finding%s%s%s\n", f->errors + f->warnings - shown,
			f->errors + f->warnings - shown == 1 ? "" : "s", hint ? ": " : "",
			hint ? hint : "");
	fb_run_totals(run, &read, &used, &rejected);
	if (rejected)
		fprintf(stderr, "fosterbeds %s: %ld of %ld %s rejected and left out of "
			"the figures (%zu error%s, %zu warning%s)\n", cmd, rejected, read, unit, f->errors,
			f->errors == 1 ? "" : "s", f->warnings, f->warnings == 1 ? "" : "s");
}

int
fb_cli_open_output(struct fb_cli *cli, int binary)
{
	if (!cli->output || strcmp(cli->output, "-") == 0) {
		if (binary && isatty(STDOUT_FILENO))
			return fb_cli_usage_error(cli->cmd, "this format is binary and is not "
						  "written to a terminal; give -o FILE");
		cli->out = stdout;
		return 0;
	}
	if (fb_outfile_open(&cli->outfile, cli->output) != 0) {
		fb_cli_error("cannot write '%s': %s", cli->output, strerror(errno));
		return FB_EXIT_IO;
	}
	cli->out = cli->outfile.f;
	return 0;
}

int
fb_cli_write(struct fb_cli *cli, const struct fb_doc *doc, int status)
{
	struct fb_error err = { 0, "" };
	char *scratch = NULL;
	int rc;

	if (cli->writer->write_scratch) {
		/* Beside -o's file, never in a folder others share. */
		if (!(scratch = fb_scratch_new(cli->out == stdout ? NULL : &cli->outfile))) {
			fb_cli_error("cannot make a scratch file for the output: %s",
				     strerror(errno));
			return FB_EXIT_IO;
		}
		rc = cli->writer->write_scratch(cli->out, doc, scratch, &err);
		fb_scratch_remove(scratch);
	} else {
		rc = cli->writer->write(cli->out, doc, &err);
	}
	if (rc == 0)
		return status;
	/* A failed write to the stream is said when the output is closed. */
	if (ferror(cli->out))
		return status;
	fb_cli_error("could not write the output: %s", err.message);
	return FB_EXIT_IO;
}

int
fb_cli_close_output(struct fb_cli *cli, int status)
{
	if (cli->out == stdout || !cli->out)
		return fb_cli_finish(status);
	cli->out = NULL;
	if (status == FB_EXIT_IO) {
		fb_outfile_discard(&cli->outfile);
		return fb_cli_finish(status);
	}
	if (fb_outfile_close(&cli->outfile) != 0) {
		fb_cli_error("could not write '%s': %s", cli->output, strerror(errno));
		return fb_cli_finish(FB_EXIT_IO);
	}
	if (cli->manifest && status < FB_EXIT_USAGE) {
		cli->output_pending = 1;
		return fb_cli_finish(status);
	}
	if (fb_outfile_commit(&cli->outfile) != 0) {
		fb_cli_error("cannot write '%s': %s", cli->output, strerror(errno));
		return fb_cli_finish(FB_EXIT_IO);
	}
	return fb_cli_finish(status);
}

/* -o's file, complete, renamed into place or removed; 0, or 1 after a message. */
static int
settle_output(struct fb_cli *cli, int keep)
{
	if (!cli->output_pending)
		return 0;
	cli->output_pending = 0;
	if (!keep) {
		fb_outfile_discard(&cli->outfile);
		return 0;
	}
	if (fb_outfile_commit(&cli->outfile) != 0) {
		fb_cli_error("cannot write '%s': %s", cli->output, strerror(errno));
		return 1;
	}
	return 0;
}

int
fb_cli_write_manifest(struct fb_cli *cli, const struct fb_run *run, int status)
{
	struct fb_outfile m;

	if (!cli->manifest || status >= FB_EXIT_USAGE) {
		settle_output(cli, 0);
		return status;
	}
	if (fb_outfile_open(&m, cli->manifest) != 0) {
		fb_cli_error("cannot write '%s': %s", cli->manifest, strerror(errno));
		settle_output(cli, 0);
		return FB_EXIT_IO;
	}
	if (fb_manifest_write(m.f, run, cli->options, given_argc, given_argv, cli->cmd) != 0) {
		fb_outfile_discard(&m);
		fb_cli_error("could not write '%s': write error", cli->manifest);
		settle_output(cli, 0);
		return FB_EXIT_IO;
	}
	if (fb_outfile_close(&m) != 0) {
		fb_cli_error("could not write '%s': %s", cli->manifest, strerror(errno));
		settle_output(cli, 0);
		return FB_EXIT_IO;
	}
	/* Both complete: only now does either replace anything. */
	if (settle_output(cli, 1) != 0) {
		fb_outfile_discard(&m);
		return FB_EXIT_IO;
	}
	if (fb_outfile_commit(&m) != 0) {
		fb_cli_error("cannot write '%s': %s", cli->manifest, strerror(errno));
		return FB_EXIT_IO;
	}
	return status;
}

static int
write_manifest(FILE *out, const struct fb_run *run)
{
	return fb_manifest_write(out, run, run->options, run->argc, run->argv, run->command);
}

void
fb_cli_record_command(const struct fb_cli *cli, struct fb_run *run)
{
	run->write_manifest = write_manifest;
	run->argc = given_argc;
	run->argv = given_argv;
	run->command = cli->cmd;
	run->options = cli->options;
}

const char *
fb_cli_region_of_rows(const struct fb_tally_row *rows, size_t n)
{
	int *codes = fb_xcalloc(n + 1, sizeof(*codes));
	size_t k = 0;
	const char *region;

	for (size_t i = 0; i < n; i++)
		if (rows[i].la_code != FB_LA_ALL)
			codes[k++] = rows[i].la_code;
	region = fb_cli_default_region(codes, k);
	free(codes);
	return region;
}

const char *
fb_cli_pooled_name(struct fb_cli *cli)
{
	if (cli->region_name)
		return cli->region_name;
	return fb_filter_name(&cli->filter, cli->filter_name, sizeof(cli->filter_name));
}

/* LAs named in the "no row inside the filter" message; the rest are counted. */
#define SHOWN_LAS 5

int
fb_cli_tell_filter(const struct fb_run *run, const char *cmd, const char *unit)
{
	long read, used, rejected, outside = fb_run_outside_filter(run);
	char what[64 + 1000 * 4];
	int shown = 0, more = 0;

	if (!run->filter.active || outside == 0)
		return FB_EXIT_OK;
	fb_filter_describe(&run->filter, what, sizeof(what));
	fb_run_totals(run, &read, &used, &rejected);
	if (used + rejected > 0) {
		fprintf(stderr, "fosterbeds %s: %ld of %ld %s were outside the filter (%s) and "
			"left out\n", cmd, outside, read, unit, what);
		return FB_EXIT_OK;
	}
	fprintf(stderr, "fosterbeds %s: no %s inside the filter (%s); the inputs hold %s "
		"of ", cmd, strcmp(unit, "rows") == 0 ? "row is" : "episode is", what, unit);
	for (int c = 0; c < 1000; c++) {
		const struct fb_la *la;

		if (!run->la_outside[c])
			continue;
		if (shown == SHOWN_LAS) {
			more++;
			continue;
		}
		la = fb_la_by_code(c);
		fprintf(stderr, "%s%03d", shown++ ? ", " : "", c);
		if (la)
			fprintf(stderr, " (%s)", la->name);
	}
	if (more)
		fprintf(stderr, " and %d more", more);
	fputc('\n', stderr);
	return FB_EXIT_DATA;
}

int
fb_cli_read_records(struct fb_cli *cli, struct fb_run *run, int *status)
{
	int rc;

	fb_run_init(run, cli->today, cli->max_findings);
	fb_cli_record_command(cli, run);
	fb_run_set_filter(run, &cli->filter);
	if ((rc = fb_cli_check_profile(cli->cmd, 0)) != 0) {
		fb_run_release(run);
		return rc;
	}
	*status = fb_cli_read_inputs(run, cli, cli->argc, cli->argv);
	if ((rc = fb_cli_check_kinds(run, cli->cmd, 0)) != 0) {
		fb_run_release(run);
		return rc;
	}
	return -1;
}

int
fb_cli_tell_run(const struct fb_cli *cli, struct fb_run *run, const char *unit, const char *hint,
		int status)
{
	fb_findings_sort(&run->findings);
	fb_cli_tell_findings(run, cli->cmd, unit, hint);
	return fb_cli_worst(status, fb_cli_tell_filter(run, cli->cmd, unit));
}
