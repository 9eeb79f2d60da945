/*
 * cli.c: shared command-line plumbing.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/host.h"
#include "fosterbeds/la.h"
#include "fosterbeds/manifest.h"
#include "fosterbeds/number.h"
#include "util.h"

/*
 * The last command line fb_cli_parse() saw, as typed: getopt_long moves the
 * operands of argv after the options, and a manifest records what was run.
 * Kept, like argv itself, for the life of the process.
 */
static char **given_argv;
static int given_argc;

int
fb_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fosterbeds %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'fosterbeds %s --help' for more information.\n", cmd);
	return FB_EXIT_USAGE;
}

void
fb_cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("fosterbeds: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The writer for --format NAME, when it is one of allowed; else NULL after a message. */
static const struct fb_writer *
fb_cli_writer(const char *cmd, const char *name, const char *const *allowed)
{
	char list[128] = "";

	for (size_t i = 0; allowed[i]; i++) {
		if (strcmp(allowed[i], name) == 0)
			return fb_writer_find(name);
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
			 i ? ", " : "", allowed[i]);
	}
	fb_cli_usage_error(cmd, "unknown format '%s'; use one of %s", name, list);
	return NULL;
}

static int
parse_today(const char *cmd, const char *arg, int *today)
{
	enum fb_date_form form;

	if (fb_date_parse(arg, strlen(arg), today, &form) != 0 || form != FB_DATE_ISO)
		return fb_cli_usage_error(cmd, "--today '%s' is not a date in YYYY-MM-DD form",
					  arg);
	return 0;
}

/* A count on the command line: number.c's strict rule, so " -5" and "1e3" are refused. */
static int
parse_count(const char *cmd, const char *opt, const char *arg, size_t *n)
{
	long v;

	if (fb_count_parse(arg, strlen(arg), 0, &v) != 0)
		return fb_cli_usage_error(cmd, "%s '%s' is not a whole number of 0 or more",
					  opt, arg);
	*n = (size_t)v;
	return 0;
}

/*
 * --year YYYY-YY: a financial year as Ofsted names its releases, the second
 * year the one after the first ("2019-20"); each part through number.c.
 */
static int
parse_year(const char *cmd, const char *arg)
{
	long a, b;

	/* number.c allows spaces around a count; a year has none. */
	if (strlen(arg) != 7 || strcspn(arg, " \t") != 7 || arg[4] != '-' ||
	    fb_count_parse(arg, 4, 0, &a) != 0 || fb_count_parse(arg + 5, 2, 0, &b) != 0 ||
	    a < 1000 || b != (a + 1) % 100)
		return fb_cli_usage_error(cmd, "--year '%s' is not a year in YYYY-YY form, the "
					  "second the year after the first, e.g. 2019-20", arg);
	return 0;
}

/* --period FROM..TO: two YYYY-MM-DD dates, FROM not after TO. */
static int
parse_period(struct fb_cli *cli, const char *arg)
{
	const char *dots = strstr(arg, "..");
	enum fb_date_form f1, f2;
	int from, to;

	if (!dots || fb_date_parse(arg, (size_t)(dots - arg), &from, &f1) != 0 ||
	    fb_date_parse(dots + 2, strlen(dots + 2), &to, &f2) != 0 ||
	    f1 != FB_DATE_ISO || f2 != FB_DATE_ISO)
		return fb_cli_usage_error(cli->cmd, "--period '%s' is not FROM..TO with two "
					  "dates in YYYY-MM-DD form, e.g. "
					  "2026-07-01..2026-09-30", arg);
	if (from > to)
		return fb_cli_usage_error(cli->cmd, "--period '%s' starts after it ends", arg);
	cli->have_period = 1;
	cli->period_from = from;
	cli->period_to = to;
	return 0;
}

/*
 * 1 when the long option getopt_long just matched, name, was typed as less
 * than its full name.  getopt_long takes any unique prefix ("--region" of
 * "--region-name" once), so what was typed is compared: the option is
 * argv[optind - 1], or argv[optind - 2] when its value was the next word.
 */
static int
abbreviated(const char *name, char **argv)
{
	const char *typed;
	size_t len;

	typed = argv[optind - 1 - (optarg && optarg == argv[optind - 1])];
	if (strncmp(typed, "--", 2) != 0)
		return 0;
	typed += 2;
	len = strcspn(typed, "=");
	return len != strlen(name) || strncmp(typed, name, len) != 0;
}

/* The command's long options, "--format, --today, ...", for messages. */
static void
list_options(char *buf, size_t size, const struct option *longopts)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; longopts[i].name && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s--%s", i ? ", " : "",
				      longopts[i].name);
}

/*
 * A long option typed short of its name: refused, since a prefix that is
 * unique today (--region of --region-name) may mean another option tomorrow.
 */
static int
refuse_abbreviation(const struct fb_cli *cli, const struct option *longopts,
		    const char *typed)
{
	char list[512], matches[256];
	size_t len = strcspn(typed, "="), n = 0, k = 0;

	matches[0] = '\0';
	for (size_t i = 0; longopts[i].name && n < sizeof(matches); i++)
		if (len > 2 && strncmp(longopts[i].name, typed + 2, len - 2) == 0)
			n += (size_t)snprintf(matches + n, sizeof(matches) - n, "%s--%s",
					      k++ ? " or " : "", longopts[i].name);
	list_options(list, sizeof(list), longopts);
	return fb_cli_usage_error(cli->cmd, "option '%.*s' is abbreviated; type it in full "
				  "(%s); %s takes %s", (int)len, typed, matches, cli->cmd, list);
}

/* An option the command does not take; a prefix of several is an abbreviation too. */
static int
refuse_unknown(const struct fb_cli *cli, const struct option *longopts, const char *typed)
{
	char list[512];
	size_t len = strcspn(typed, "=");

	if (strncmp(typed, "--", 2) == 0 && len > 2)
		for (size_t i = 0; longopts[i].name; i++)
			if (strncmp(longopts[i].name, typed + 2, len - 2) == 0)
				return refuse_abbreviation(cli, longopts, typed);
	list_options(list, sizeof(list), longopts);
	return fb_cli_usage_error(cli->cmd, "unknown option '%s'; %s takes %s", typed,
				  cli->cmd, list);
}

int
fb_cli_parse(struct fb_cli *cli, int argc, char **argv)
{
	static const struct option all[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "today", required_argument, NULL, 't' },
		{ "max-findings", required_argument, NULL, 'm' },
		{ "region-name", required_argument, NULL, 'r' },
		{ "ofsted", required_argument, NULL, 'S' },
		{ "bridge", no_argument, NULL, 'b' },
		{ "region", required_argument, NULL, 'g' },
		{ "la", required_argument, NULL, 'L' },
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "breakdown", required_argument, NULL, 'B' },
		{ "manifest", required_argument, NULL, 'M' },
		{ "period", required_argument, NULL, 'P' },
		{ "records-date", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
	};
	static const unsigned bit[] = { FB_OPT_FORMAT, FB_OPT_TODAY, FB_OPT_MAX_FINDINGS,
					FB_OPT_REGION_NAME, FB_OPT_OFSTED, FB_OPT_BRIDGE,
					FB_OPT_REGION, FB_OPT_LA, FB_OPT_YEAR, FB_OPT_OUTPUT,
					FB_OPT_BREAKDOWN, FB_OPT_MANIFEST, FB_OPT_PERIOD,
					FB_OPT_RECORDS_DATE, 0 };
	struct option longopts[sizeof(all) / sizeof(all[0]) + 1];
	char shortopts[16] = ":h";
	size_t n = 0;
	char why[512];
	int c, idx;

	/* Offer only the options this command takes, so getopt rejects the rest. */
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (!bit[i] || (cli->opts & bit[i]))
			longopts[n++] = all[i];
	memset(&longopts[n], 0, sizeof(longopts[n]));
	if (cli->opts & FB_OPT_FORMAT)
		strcat(shortopts, "f:");
	if (cli->opts & FB_OPT_REGION_NAME)
		strcat(shortopts, "r:");
	if (cli->opts & FB_OPT_OUTPUT)
		strcat(shortopts, "o:");

	cli->writer = fb_writer_find(cli->formats[0]);
	cli->today = fb_date_today();
	cli->max_findings = 10000;
	cli->region_name = cli->ofsted = cli->region = cli->year = cli->output = NULL;
	cli->la = NULL;
	cli->out = NULL;
	cli->tmp_path = NULL;
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
	optind = 1;
	opterr = 0;   /* our messages, one line each, name the command */
	while ((idx = -1, c = getopt_long(argc, argv, shortopts, longopts, &idx)) != -1) {
		if (idx >= 0 && abbreviated(longopts[idx].name, argv))
			return refuse_abbreviation(cli, longopts, argv[optind - 1 -
						   (optarg && optarg == argv[optind - 1])]);
		switch (c) {
		case 'f':
			if (!(cli->writer = fb_cli_writer(cli->cmd, optarg, cli->formats)))
				return FB_EXIT_USAGE;
			break;
		case 't':
			if (parse_today(cli->cmd, optarg, &cli->today))
				return FB_EXIT_USAGE;
			break;
		case 'm':
			if (parse_count(cli->cmd, "--max-findings", optarg, &cli->max_findings))
				return FB_EXIT_USAGE;
			break;
		case 'r':
			cli->region_name = optarg;
			break;
		case 'S':
			cli->ofsted = optarg;
			break;
		case 'b':
			cli->bridge = 1;
			break;
		case 'g':
			if (cli->region)
				return fb_cli_usage_error(cli->cmd, "--region is given twice; "
							  "give one region");
			cli->region = optarg;
			if (fb_filter_set_region(&cli->filter, optarg, why, sizeof(why)) != 0)
				return fb_cli_usage_error(cli->cmd, "%s", why);
			break;
		case 'L':
			if (cli->la)
				return fb_cli_usage_error(cli->cmd, "--la is given twice; give "
							  "the codes once, separated by commas");
			cli->la = optarg;
			if (fb_filter_set_las(&cli->filter, optarg, why, sizeof(why)) != 0)
				return fb_cli_usage_error(cli->cmd, "%s", why);
			break;
		case 'y':
			if (parse_year(cli->cmd, optarg))
				return FB_EXIT_USAGE;
			cli->year = optarg;
			break;
		case 'o':
			cli->output = optarg;
			break;
		case 'B':
			if (strcmp(optarg, "reasons") != 0)
				return fb_cli_usage_error(cli->cmd, "unknown breakdown '%s'; the "
							  "one there is: reasons", optarg);
			cli->breakdown = 1;
			break;
		case 'M':
			if (strcmp(optarg, "-") == 0)
				return fb_cli_usage_error(cli->cmd, "--manifest needs a file "
							  "name, not -");
			cli->manifest = optarg;
			break;
		case 'P':
			if (parse_period(cli, optarg))
				return FB_EXIT_USAGE;
			break;
		case 'D': {
			enum fb_date_form form;

			if (fb_date_parse(optarg, strlen(optarg), &cli->records_date, &form) != 0 ||
			    form != FB_DATE_ISO)
				return fb_cli_usage_error(cli->cmd, "--records-date '%s' is not a "
							  "date in YYYY-MM-DD form", optarg);
			cli->have_records_date = 1;
			break;
		}
		case 'h':
			fputs(cli->usage, stdout);
			return fb_cli_finish(FB_EXIT_OK);
		case ':':
			return fb_cli_usage_error(cli->cmd, "option '%s' needs a value",
						  argv[optind - 1]);
		default:
			return refuse_unknown(cli, longopts, argv[optind - 1]);
		}
	}
	if (cli->region && cli->la)
		return fb_cli_usage_error(cli->cmd, "give --region or --la, not both (--la "
					  "takes the codes of LAs of any region)");
	if (cli->manifest && cli->output && strcmp(cli->manifest, cli->output) == 0)
		return fb_cli_usage_error(cli->cmd, "--manifest and -o name the same file '%s'",
					  cli->output);
	cli->argc = argc - optind;
	cli->argv = argv + optind;
	return -1;
}

int
fb_cli_read_inputs(struct fb_run *run, const char *cmd, int argc, char **argv)
{
	int status = FB_EXIT_OK;

	(void)cmd;
	for (int i = 0; i < argc; i++) {
		if (fb_run_read_path(run, argv[i]) != 0) {
			fb_cli_error("cannot read '%s': %s", argv[i], strerror(errno));
			status = FB_EXIT_IO;
		}
	}
	fb_run_end(run);
	return status;
}

int
fb_cli_check_kinds(const struct fb_run *run, const char *cmd, int episodes)
{
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
		fb_cli_error("could not write the output: %s", fb_writer_failure()
			     ? fb_writer_failure() : errno ? strerror(errno) : "write error");
		return FB_EXIT_IO;
	}
	return status;
}

const char *
fb_cli_default_region(const int *codes, size_t n)
{
	const char *region = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct fb_la *la = fb_la_by_code(codes[i]);

		if (!la || (region && strcmp(region, la->region) != 0))
			return "All LAs";
		region = la->region;
	}
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

/*
 * A new temporary file beside path, for a file that appears whole or not at
 * all: the rename in commit() replaces path in one step.  Returns the
 * stream, with *tmp_path its name (the caller's, freed by commit()), or
 * NULL after a message.
 */
static FILE *
open_beside(const char *path, char **tmp_path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	FILE *f = NULL;
	int fd;

	/* Beside the target, so the rename cannot cross file systems. */
	*tmp_path = fb_xmalloc(dirlen + strlen(path) + 16);
	sprintf(*tmp_path, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	fd = mkstemp(*tmp_path);
	if (fd < 0 || !(f = fdopen(fd, "wb"))) {
		fb_cli_error("cannot write '%s': %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(*tmp_path);
		}
		free(*tmp_path);
		*tmp_path = NULL;
		return NULL;
	}
	return f;
}

/*
 * Close f, a file from open_beside(), checking every write; then, when keep
 * is set and nothing was lost, rename it into place as path, else remove
 * it.  Frees tmp_path.  Returns 1 (after a message) when the file could not
 * be written, else 0.
 */
static int
commit(FILE *f, const char *path, char *tmp_path, int keep)
{
	int lost = fflush(f) != 0 || ferror(f);

	if (fclose(f) != 0)
		lost = 1;
	if (lost)
		fb_cli_error("could not write '%s': %s", path, fb_writer_failure()
			     ? fb_writer_failure() : errno ? strerror(errno) : "write error");
	/* The file gets the usual permissions, not mkstemp's owner-only ones. */
	if (!lost && keep) {
		mode_t mask = umask(0);

		umask(mask);
		if (chmod(tmp_path, 0666 & ~mask) != 0 || rename(tmp_path, path) != 0) {
			fb_cli_error("cannot write '%s': %s", path, strerror(errno));
			lost = 1;
		}
	}
	if (lost || !keep)
		unlink(tmp_path);
	free(tmp_path);
	return lost;
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
	cli->out = open_beside(cli->output, &cli->tmp_path);
	return cli->out ? 0 : FB_EXIT_IO;
}

int
fb_cli_close_output(struct fb_cli *cli, int status)
{
	int lost;

	if (cli->out == stdout || !cli->out)
		return fb_cli_finish(status);
	lost = commit(cli->out, cli->output, cli->tmp_path, status != FB_EXIT_IO);
	cli->out = NULL;
	cli->tmp_path = NULL;
	return fb_cli_finish(lost ? FB_EXIT_IO : status);
}

int
fb_cli_write_manifest(struct fb_cli *cli, const struct fb_run *run, int status)
{
	char *tmp_path;
	FILE *f;
	int failed;

	if (!cli->manifest || status >= FB_EXIT_USAGE)
		return status;
	if (!(f = open_beside(cli->manifest, &tmp_path)))
		return FB_EXIT_IO;
	failed = fb_manifest_write(f, run, given_argc, given_argv, cli->cmd) != 0;
	if (commit(f, cli->manifest, tmp_path, !failed))
		return FB_EXIT_IO;
	if (failed) {
		fb_cli_error("could not write '%s': write error", cli->manifest);
		return FB_EXIT_IO;
	}
	return status;
}

static int
write_manifest(FILE *out, const struct fb_run *run)
{
	return fb_manifest_write(out, run, run->argc, run->argv, run->command);
}

void
fb_cli_record_command(const struct fb_cli *cli, struct fb_run *run)
{
	run->write_manifest = write_manifest;
	run->argc = given_argc;
	run->argv = given_argv;
	run->command = cli->cmd;
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
