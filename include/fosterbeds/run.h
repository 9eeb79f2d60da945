/*
 * run.h: one run of the tool over its inputs: ingest -> check -> classify
 * -> tally.
 *
 * A run reads its inputs one after another and keeps, for the writers, all
 * that the outputs need: each input's row counts, the findings, and the
 * tally.  Data flows one way: ingest hands each record to the checker, a
 * usable bed goes to the registry (cross-row rules) and then the tally, and
 * nothing later reaches back.
 *
 * Every input row is counted once, as used, rejected, dropped by a profile
 * or outside the filter:
 *   rows_read == rows_used + rows_rejected + rows_dropped + rows_outside_filter,
 * per input and in total; without a filter (filter.h) the last is 0, and
 * without a profile (profile.h) rows_dropped is.  Read through a profile
 * that expands households, a row is a bed: each household row counts as
 * one row per bed it gives (one row when it is rejected or dropped).  A
 * rejected row is counted under the rule of its first error.  A row outside
 * the filter is set aside before any rule is applied to it.
 *
 * An input whose header has status_from and no snapshot_date is a file of
 * episodes (episodes.h, spec/bed-episodes.md): its role is "episodes", its
 * usable rows go to the run's episodes rather than the registry and tally,
 * and fb_run_end() judges them across rows once every input is read.  An
 * episode that passed its own rows but overlaps another (FB031) is moved
 * from used to rejected then.
 *
 * The run owns its strings and tables; fb_run_release() frees them.
 */
#ifndef FOSTERBEDS_RUN_H
#define FOSTERBEDS_RUN_H

#include <stdio.h>

#include "fosterbeds/episodes.h"
#include "fosterbeds/filter.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/hooks.h"
#include "fosterbeds/profile.h"
#include "fosterbeds/record.h"
#include "fosterbeds/registry.h"
#include "fosterbeds/tally.h"

struct fb_input {
	char *name;                   /* as given; "-" is standard input */
	const char *role;             /* "records", "episodes", "return" or "ofsted" */
	long long size;               /* bytes read */
	char sha256[FB_SHA256_HEX];   /* hex SHA-256 of those bytes (the host's digest sink,
					 hooks.h), computed as they are read; "" when the
					 input was not read whole or not hashed */
	long rows_read, rows_used, rows_rejected;
	long rows_outside_filter;     /* rows of LAs the run's filter sets aside */
	long rejected_by[FB_R_COUNT]; /* rejected rows by first error */
	long rows_dropped;            /* rows a profile says are not beds (FB040) */
	struct fb_profile_input *profile_input;  /* its reading through the run's profile */
	int error;                    /* errno of a failed open or read, or an fb_refusal
					 (limits.h: not text, past a limit), else 0;
					 fb_strerror() says it */
};

struct fb_option;   /* parse-options.h */

struct fb_run {
	struct fb_input *inputs;
	size_t ninputs, inputs_cap;
	struct fb_findings findings;
	struct fb_checker checker;
	struct fb_registry registry;
	struct fb_tally tally;
	int today;
	int la_first_file[1000];  /* input each LA code was first used from, or -1 */
	struct fb_episodes episodes;
	struct fb_period period;  /* with have_period: the period episodes are judged over */
	int have_period;
	int ended;                /* fb_run_end() has run */
	struct fb_filter filter;  /* the LAs counted; keeps all unless set */
	unsigned char la_outside[1000];  /* LA codes of rows outside the filter */
	/*
	 * The command line as typed (argv[0] the command's name), for the
	 * manifest block of JSON output; argc 0 when the command keeps none.
	 * The strings, and options (the command's option table, which says how
	 * to read argv), belong to the caller.
	 */
	int argc;
	char **argv;
	const char *command;
	const struct fb_option *options;
	/*
	 * Writes that block (JSON) to out, or NULL: the manifest is written by
	 * the command-line layer (manifest.h, with jansson), which the core and
	 * the writers do not link.  Returns 0, or -1 on failure.
	 */
	int (*write_manifest)(FILE *out, const struct fb_run *run);
	/*
	 * The profile every input is read through (profile.h), or NULL; it
	 * belongs to the caller.  With one, the profile, not the header, says
	 * what every input holds: episodes for an episode profile (its
	 * p->episodes), else bed records.
	 */
	const struct fb_profile *profile;
	/*
	 * Called with each standard row a profile made that neither ingest nor
	 * the profile rejected, before any check (fosterbeds convert writes
	 * them), or NULL.
	 */
	fb_row_fn row_tap;
	void *row_tap_ctx;
	/* Bed records in blocks (fb_run_set_blocks()); block_size 0: one row at a time. */
	int workers;
	size_t block_size;
	long long next_size;  /* fb_run_expect_size(): the next input's bytes, or 0 */
};

/* Life cycle */

/*
 * today (days since 1970-01-01) is the date later snapshot dates are warned
 * against; findings_limit caps the findings kept (0 keeps all; counts are
 * always complete).
 */
void fb_run_init(struct fb_run *run, int today, size_t findings_limit);
void fb_run_release(struct fb_run *run);

/* Reading */

/*
 * Read one input from the byte source src (hooks.h) under name ("-" for
 * standard input), feeding every byte read to digest (may be NULL: the
 * input's sha256 then stays "").  Returns 0 when it was read to its end,
 * -1 when the source failed (errno set, and kept in the input's error).
 * Either way the input is listed in the run.  The command-line tool's
 * fb_run_read_path() and fb_run_read() (host.h) open files and hash them
 * (fb_run_read_path() only when asked: for an output that shows the hash).
 */
int fb_run_read_source(struct fb_run *run, const char *name, const struct fb_source *src,
		       const struct fb_digest_sink *digest);

/* Read every bed-record input through profile (call before reading). */
void fb_run_set_profile(struct fb_run *run, const struct fb_profile *profile);

/* Count only the LAs filter keeps (call before reading). */
void fb_run_set_filter(struct fb_run *run, const struct fb_filter *filter);

/*
 * Read bed-record inputs in blocks of about size bytes, up to workers of
 * them at once (on threads, where the host's hooks start them), rather
 * than one row at a time (size 0, the default).  Every result is the same
 * either way, for any workers and size (ingest.h, struct
 * fb_ingest_blocks); inputs read through a profile or to a row tap, and
 * files of episodes, are read one row at a time.  Call before reading.
 */
void fb_run_set_blocks(struct fb_run *run, int workers, size_t size);

/*
 * The next input read is about bytes long (0: not known, as for a pipe).
 * Only a hint, for memory: read in blocks, the registry's index is made
 * big enough at once for as many household-dates a block as the first
 * block had, rather than rebuilt as it fills.  Results are the same
 * whatever it says.
 */
void fb_run_expect_size(struct fb_run *run, long long bytes);

/* Judge episodes against the period from..to (call before reading). */
void fb_run_set_period(struct fb_run *run, int from, int to);

/*
 * After the last input: the rules across episodes (episodes.h), FB031, and
 * FB032 when a period is set.  Runs once; later calls do nothing.
 */
void fb_run_end(struct fb_run *run);

/*
 * List an input that is not bed records (a return, Ofsted's file) so its
 * findings have a name and its rows are accounted for; the caller fills in
 * its counts.  Returns its index.  The pointer is valid until the next input
 * is added.
 */
struct fb_input *fb_run_add_input(struct fb_run *run, const char *name, const char *role);

/* Totals over every input. */
void fb_run_totals(const struct fb_run *run, long *read, long *used, long *rejected);

/* Rows outside the filter, over every input. */
long fb_run_outside_filter(const struct fb_run *run);

#endif
