/*
 * cli.h: what the commands share: exit codes, messages, the rows and
 * readers of the options several commands take, and the final check of
 * standard output.
 *
 * Only main.c and cmd-*.c use this; they alone print to the user and
 * choose exit codes.
 */
#ifndef FOSTERBEDS_CLI_H
#define FOSTERBEDS_CLI_H

#include <stdio.h>

#include "fosterbeds/filter.h"
#include "fosterbeds/parse-options.h"
#include "fosterbeds/run.h"
#include "fosterbeds/writer.h"
#include "outfile.h"

enum fb_exit {
	FB_EXIT_OK = 0,     /* success; warnings allowed */
	FB_EXIT_DATA = 1,   /* the data has errors */
	FB_EXIT_USAGE = 2,  /* the command line is wrong */
	FB_EXIT_IO = 3,     /* a file could not be read or written, or the system failed */
};

int cmd_validate(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_spec(int argc, char **argv);
int cmd_reconcile(int argc, char **argv);
int cmd_ofsted(int argc, char **argv);
int cmd_check_manifest(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_costs(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_profile(int argc, char **argv);

/*
 * "fosterbeds CMD: MESSAGE" and a pointer to --help on stderr, made visible
 * (fb_cli_say()); returns FB_EXIT_USAGE.
 */
int fb_cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "fosterbeds: MESSAGE" on stderr, made visible (fb_cli_say()). */
void fb_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A message (no line end added) on to, stderr or stdout, made visible like
 * every message here (fb_visible_all(): control characters and bytes that
 * are not UTF-8 as escapes), so a file name or an option's value in it
 * cannot move the terminal or split the line.
 */
void fb_cli_say(FILE *to, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * What a command's options set.  Each cmd-*.c owns its option table
 * (parse-options.h), built from the rows below for the options commands
 * share and its own for the rest, in the order its --help lists them:
 *
 *	struct fb_cli cli = { .cmd = "spec", .usage = usage_text };
 *	const struct fb_option options[] = {
 *		FB_CLI_OPT_FORMAT(&cli, "table (default), csv or json"),
 *		FB_CLI_OPT_OUTPUT(&cli),
 *		FB_OPT_HELP(),
 *		FB_OPT_END(),
 *	};
 *	int status = fb_cli_parse(&cli, options, argc, argv);
 */
struct fb_cli {
	const char *cmd;                  /* "report", for messages */
	const char *usage;                /* --help's text before the options */
	const char *usage_end;            /* and after them (exit status), or NULL */
	int help_column;                  /* where --help's option help starts (0: 24) */
	const struct fb_option *options;  /* the command's table, set by fb_cli_parse() */
	/* Results, with their defaults set by fb_cli_parse(). */
	const struct fb_writer *writer;   /* --format's, or the text writer */
	int today;
	long max_findings;
	const char *region_name;          /* NULL unless given */
	const char *ofsted;               /* NULL unless given */
	int bridge;
	const char *region;               /* --region as typed, NULL unless given */
	const char *la;                   /* --la as typed, NULL unless given */
	struct fb_filter filter;          /* what --region or --la keep */
	const char *year;                 /* NULL unless given */
	const char *output;               /* -o FILE, NULL for standard output */
	int breakdown;                    /* --breakdown reasons */
	const char *manifest;             /* --manifest FILE, NULL unless given */
	int have_period;                  /* --period FROM..TO given */
	int period_from, period_to;       /* its dates, days since 1970-01-01 */
	int have_records_date;            /* --records-date DATE given */
	int records_date;                 /* its date, days since 1970-01-01 */
	char filter_name[256];            /* fb_cli_pooled_name()'s buffer */
	/* Set by fb_cli_open_output(). */
	FILE *out;
	struct fb_outfile outfile;        /* -o FILE's (outfile.h) */
	int output_pending;               /* complete, its rename waiting for --manifest's */
	int argc;                         /* the operands left */
	char **argv;
};

/*
 * The readers of the options several commands take (fb_option_fn): each
 * reads one option's value into the struct fb_cli (or its field) the row
 * points to, checking it (a date, a region that exists, ...) so that a bad
 * value is a usage error before any input is read.  An option of one
 * command only has its row, and its reader if it needs one, in that
 * command's file.
 */
int fb_cli_opt_format(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
int fb_cli_opt_today(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
/* A date in YYYY-MM-DD form, in days since 1970-01-01 (0), or -1. */
int fb_cli_iso_date(const char *s, size_t len, int *days);
/* --region-name NAME: UTF-8 text with no control character. */
int fb_cli_opt_region_name(const struct fb_option *opt, const char *arg, char *why,
			   size_t whylen);
int fb_cli_opt_region(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
int fb_cli_opt_la(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
int fb_cli_opt_year(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
int fb_cli_opt_manifest(const struct fb_option *opt, const char *arg, char *why,
			size_t whylen);
int fb_cli_opt_period(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
/*
 * --profile FILE: read and check the mapping profile (profile-read.h) at
 * once, so a bad profile is a usage error, naming its file and line, before
 * any input is read.  fb_cli_read_inputs() reads every input through it.
 */
int fb_cli_opt_profile(const struct fb_option *opt, const char *arg, char *why, size_t whylen);
/* The profile --profile gave, or NULL. */
const struct fb_profile *fb_cli_profile(void);

/*
 * --help's words for options that several commands explain alike: every
 * format, dflt ("table", "text") named as the default; --manifest.
 */
#define FB_CLI_HELP_FORMAT(dflt) dflt " (default), csv, json, html (one self-contained\n" \
	"page) or xlsx (an Excel workbook: give -o FILE)"
#define FB_CLI_HELP_MANIFEST "also write what the run read and how it was run\n" \
	"(each input's size and SHA-256, the options), for\n" \
	"'fosterbeds check-manifest FILE' (spec/manifest.md)"

/* -f, --format FORMAT: any writer's name (fb_writer_names()); the text writer by default. */
#define FB_CLI_OPT_FORMAT(cli, h) \
	FB_OPT_CALLBACK('f', "format", (cli), "FORMAT", h, fb_cli_opt_format)
#define FB_CLI_OPT_TODAY(cli) \
	FB_OPT_CALLBACK(0, "today", &(cli)->today, "DATE", \
			"judge future snapshot dates against DATE, not today", fb_cli_opt_today)
#define FB_CLI_OPT_REGION_NAME(cli, h) \
	FB_OPT_CALLBACK('r', "region-name", &(cli)->region_name, "NAME", h, \
			fb_cli_opt_region_name)
/* --region NAME and --la CODE[,CODE...]: the filter (filter.h); either, once. */
#define FB_CLI_OPT_REGION(cli, h) \
	FB_OPT_CALLBACK(0, "region", (cli), "NAME", h, fb_cli_opt_region)
#define FB_CLI_OPT_LA(cli, h) \
	FB_OPT_CALLBACK(0, "la", (cli), "CODE[,CODE...]", h, fb_cli_opt_la)
/* --year YYYY-YY: the second year the one after the first. */
#define FB_CLI_OPT_YEAR(cli, h) \
	FB_OPT_CALLBACK(0, "year", &(cli)->year, "YYYY-YY", h, fb_cli_opt_year)
#define FB_CLI_OPT_OUTPUT(cli) \
	FB_OPT_STRING('o', "output", &(cli)->output, "FILE", \
		      "write to FILE (replaced only when the run succeeds)")
/* --manifest FILE: a file, not standard output. */
#define FB_CLI_OPT_MANIFEST(cli, h) \
	FB_OPT_CALLBACK(0, "manifest", &(cli)->manifest, "FILE", h, fb_cli_opt_manifest)
/* --profile FILE: the mapping profile every input is read through. */
#define FB_CLI_OPT_PROFILE(cli) \
	FB_OPT_CALLBACK(0, "profile", (cli), "FILE", \
			"read each input through the mapping profile\n" \
			"FILE (spec/profiles.md)", fb_cli_opt_profile)
/* --period FROM..TO: two YYYY-MM-DD dates, FROM not after TO. */
#define FB_CLI_OPT_PERIOD(cli, h) \
	FB_OPT_CALLBACK(0, "period", (cli), "FROM..TO", h, fb_cli_opt_period)

/*
 * Set cli's results to their defaults, then read argv by the command's
 * table, options (parse-options.h: long options typed in full; -h, --help
 * shows cli->usage, the table's help and cli->usage_end).  --region and
 * --la are resolved into cli->filter here (filter.h), so a name or code
 * that matches nothing is a usage error before any input is read.
 * Returns -1 when the command should go on (cli's results and operands
 * set), else the exit status to return at once (after --help, or a usage
 * error's message).
 */
int fb_cli_parse(struct fb_cli *cli, const struct fb_option *options, int argc, char **argv);

/*
 * Read every input named in argv into run (through --profile's profile, if
 * one was given), saying on stderr which could not be read, then end the
 * run (fb_run_end(): the rules across episodes).  Each is hashed only when
 * an output shows its SHA-256: --manifest, or a writer that does (json);
 * else its sha256 stays "".  Returns FB_EXIT_IO when any could not be
 * read, else FB_EXIT_OK.
 */
int fb_cli_read_inputs(struct fb_run *run, const struct fb_cli *cli, int argc, char **argv);

/*
 * Show a person at the terminal, on stderr, what the run found and left
 * out: the first findings, how many more (and hint, if any, on seeing
 * them), and how many of the inputs' units ("rows") were rejected.
 */
void fb_cli_tell_findings(const struct fb_run *run, const char *cmd, const char *unit,
			  const char *hint);

/*
 * Flush and close standard output.  Returns FB_EXIT_IO (after a message)
 * when anything written to it was lost, else status.
 */
int fb_cli_finish(int status);

/*
 * Open where the command writes: standard output, or with -o FILE a new
 * temporary file beside FILE (renamed into place by fb_cli_close_output(),
 * so a failed run never leaves half a report), or FILE itself when it is a
 * device or a FIFO (outfile.h).  A binary format (xlsx) is refused on a
 * terminal.  Sets cli->out; returns 0, or an exit status after a message.
 * fb_cli_parse() has already refused an -o or --manifest that is one of the
 * inputs, or each other (the same file, however named).
 */
int fb_cli_open_output(struct fb_cli *cli, int binary);

/*
 * Write doc to cli->out (opened by fb_cli_open_output()) with cli->writer,
 * giving a writer that needs one a scratch file (fb_scratch_new(), removed
 * after).  Returns status, or FB_EXIT_IO after a message when the writer
 * failed for a reason of its own (a workbook that could not be made: its
 * struct fb_error says why).  A failed write to the stream is left to
 * fb_cli_close_output(), which finds it on the stream and says it once.
 */
int fb_cli_write(struct fb_cli *cli, const struct fb_doc *doc, int status);

/*
 * Finish the output: check every write, then rename the temporary file
 * into place, or remove it when status is 3 or a write failed.  With
 * --manifest (and status below 2) the rename waits for
 * fb_cli_write_manifest(), so that both files appear or neither does.
 * Returns the final exit status.
 */
int fb_cli_close_output(struct fb_cli *cli, int status);

/*
 * --manifest FILE: write run's manifest (manifest.h, spec/manifest.md) to
 * FILE the way -o writes (a temporary file beside it), then, both complete,
 * rename -o's file and the manifest into place; when either fails, neither
 * is (exit 3 writes nothing).  It records
 * the command line as typed (fb_cli_parse() keeps a copy from
 * before the operands are moved) and its options by the command's table.  Call it last, after
 * fb_cli_close_output() and before releasing the run:
 *
 *	status = fb_cli_close_output(&cli, status);
 *	status = fb_cli_write_manifest(&cli, &run, status);
 *	fb_run_release(&run);
 *	return status;
 *
 * Does nothing without --manifest, or when status is 2 or 3 (the run or its
 * output failed, so an old FILE stays as it was).  Returns status, or
 * FB_EXIT_IO after a message when either file could not be written.
 */
int fb_cli_write_manifest(struct fb_cli *cli, const struct fb_run *run, int status);

/* Give run the command line as typed, so its JSON output carries the manifest block. */
void fb_cli_record_command(const struct fb_cli *cli, struct fb_run *run);

/*
 * The name for pooled rows when none is given: the region every LA code in
 * codes belongs to (fb_la_common_region()), else "All LAs".
 */
const char *fb_cli_default_region(const int *codes, size_t n);

/* The same for the LAs of tally rows (pooled rows are skipped). */
const char *fb_cli_region_of_rows(const struct fb_tally_row *rows, size_t n);

/*
 * Check that every input read as bed data is of the kind the command reads:
 * episode files when episodes is set (report --period), else bed records.
 * Returns FB_EXIT_USAGE after a message naming the first that is not, else 0.
 */
int fb_cli_check_kinds(const struct fb_run *run, const char *cmd, int episodes);

/*
 * Check, before any input is read, that --profile's profile (if any) reads
 * the kind the command reads: an episode profile (profile.h) for episodes,
 * a bed-record one else.  Returns FB_EXIT_USAGE after a message saying why
 * (a bed-record profile's household expansion or snapshot_date_from_name
 * named with its line), else 0.  fb_cli_check_kinds() checks it too.
 */
int fb_cli_check_profile(const char *cmd, int episodes);

/*
 * The name for pooled rows: --region-name's, else the one the filter
 * implies (fb_filter_name()), else NULL (the caller's default).
 */
const char *fb_cli_pooled_name(struct fb_cli *cli);

/*
 * With a filter, tell on stderr how many of the run's units ("rows",
 * "episodes") were outside it and left out, and, when none was inside it,
 * say so with the LAs the inputs do hold.  Returns FB_EXIT_DATA in that
 * case (there is nothing to count), else FB_EXIT_OK.
 */
int fb_cli_tell_filter(const struct fb_run *run, const char *cmd, const char *unit);

/*
 * Begin a run over the command's operands as bed records: record the
 * command line (fb_cli_record_command()), set the filter, read every input
 * (fb_cli_read_inputs(), whose status goes to *status) and check each is bed
 * records (fb_cli_check_kinds()).  Returns -1 when the command should go on,
 * run to be released by it; else the exit status to return at once, run
 * released.
 */
int fb_cli_read_records(struct fb_cli *cli, struct fb_run *run, int *status);

/*
 * Sort run's findings, then tell what the run found and left out in unit
 * ("rows", "episodes"), with hint on seeing them all (fb_cli_tell_findings(),
 * fb_cli_tell_filter()).  Returns the worse of status and the filter's.
 */
int fb_cli_tell_run(const struct fb_cli *cli, struct fb_run *run, const char *unit,
		    const char *hint, int status);

/* The worse (higher) of two exit statuses. */
static inline int
fb_cli_worst(int a, int b)
{
	return a > b ? a : b;
}

#endif
