/*
 * parse-options.h: a command's options as a table, in the style of git's
 * parse-options: one row per option (long name, short letter, the value's
 * name, help text, how the value is read, where it goes), read by one
 * parser, by the help text and by the manifest (manifest.h), so the three
 * can never disagree.
 *
 *	long max = 10000;
 *	const char *out = NULL;
 *	const struct fb_option options[] = {
 *		FB_OPT_COUNT(0, "max-findings", &max, "N", "list at most N findings"),
 *		FB_OPT_STRING('o', "output", &out, "FILE", "write to FILE"),
 *		FB_OPT_HELP(),
 *		FB_OPT_END(),
 *	};
 *
 * The rules (README.md, "Options"):
 *  - a long option is typed in full, "--name VALUE" or "--name=VALUE"; a
 *    prefix of a name ("--regio") is refused even when only one option
 *    starts with it, since a prefix unique today may mean another option
 *    tomorrow (--region of --region-name);
 *  - a short option's value may be joined ("-fjson") or the next word
 *    ("-f json"); flags may be clustered ("-hf json");
 *  - a value is taken whole, even when it starts with '-';
 *  - options and operands may come in any order; "--" ends the options and
 *    "-" is an operand (standard input);
 *  - an option given twice keeps its last value (a callback may refuse
 *    the second instead);
 *  - a number is digits only (no sign, space or separator), read by number.c
 *    (fb_count_parse()), at most 2,000,000,000.
 *
 * Nothing here prints: a refused command line comes back as a message for
 * the caller to show.  Tables are the caller's, and nothing is kept between
 * calls, so the parser is re-entrant.
 */
#ifndef FOSTERBEDS_PARSE_OPTIONS_H
#define FOSTERBEDS_PARSE_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

enum fb_option_kind {
	FB_OPTION_END = 0,   /* ends the table */
	FB_OPTION_FLAG,      /* no value; sets *(int *)value to 1 */
	FB_OPTION_STRING,    /* *(const char **)value = the value, as typed (never empty:
				an empty value of any option is an error) */
	FB_OPTION_COUNT,     /* *(long *)value = the value, a whole number of 0 or more */
	FB_OPTION_CALLBACK,  /* callback(opt, value, ...) reads it */
	FB_OPTION_HELP,      /* -h, --help: the parse stops and says so */
};

struct fb_option;

/*
 * Read arg, the option's value, into opt->value (whatever the caller put
 * there).  Returns 0, or -1 with a one-line message in why (no prefix, no
 * newline) naming the option and the value.
 */
typedef int (*fb_option_fn)(const struct fb_option *opt, const char *arg, char *why,
			    size_t whylen);

struct fb_option {
	enum fb_option_kind kind;
	char short_name;        /* 'f' for -f; 0 for none */
	const char *long_name;  /* "format", without the dashes */
	const char *argh;       /* the value's name in help, "FILE"; NULL for a flag */
	const char *help;       /* lines separated by '\n', without the last one's */
	void *value;
	fb_option_fn callback;  /* FB_OPTION_CALLBACK only */
};

#define FB_OPT_END() { .kind = FB_OPTION_END }
#define FB_OPT_FLAG(s, l, v, h) \
	{ .kind = FB_OPTION_FLAG, .short_name = (s), .long_name = (l), .value = (v), .help = (h) }
#define FB_OPT_STRING(s, l, v, a, h) \
	{ .kind = FB_OPTION_STRING, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h) }
#define FB_OPT_COUNT(s, l, v, a, h) \
	{ .kind = FB_OPTION_COUNT, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h) }
#define FB_OPT_CALLBACK(s, l, v, a, h, fn) \
	{ .kind = FB_OPTION_CALLBACK, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h), .callback = (fn) }
#define FB_OPT_HELP() \
	{ .kind = FB_OPTION_HELP, .short_name = 'h', .long_name = "help", \
	  .help = "show this help" }

enum fb_parse_result {
	FB_PARSE_ERROR = -1,  /* why says what is wrong */
	FB_PARSE_OK = 0,      /* the options are read; the operands are in argv */
	FB_PARSE_HELP = 1,    /* -h or --help was given: show the help, do nothing else */
};

/*
 * Read the options in argv[1..argc-1] (argv[0] is the command's name, cmd,
 * used in messages) by opts.  On FB_PARSE_OK the operands are moved, in
 * order, to argv[1..*nargs]; the strings themselves are not touched, so
 * values stay valid (take a copy of argv first to keep it as typed).  On
 * FB_PARSE_ERROR, why holds the message, e.g. "option '--regio' is
 * abbreviated; type it in full (--region or --region-name); report takes
 * --format, --region, ...", and argv may be partly moved.
 */
enum fb_parse_result fb_parse_options(const struct fb_option *opts, const char *cmd,
				      int argc, char **argv, int *nargs, char *why,
				      size_t whylen);

/* The row for a long name typed in full (len bytes), or NULL. */
const struct fb_option *fb_option_by_long(const struct fb_option *opts, const char *name,
					  size_t len);

/* The row for a short letter, or NULL. */
const struct fb_option *fb_option_by_short(const struct fb_option *opts, char c);

/* Whether the option takes a value. */
int fb_option_takes_value(const struct fb_option *opt);

/*
 * Write the table as help text to out: one entry per option,
 * "  -f, --format FORMAT" (or "      --today DATE" without a short letter)
 * then the help from column, or from column on the next line when the
 * name is column characters or longer; every later help line indented to
 * column.  Returns 0, or -1
 * when out failed.
 */
int fb_options_help(FILE *out, const struct fb_option *opts, int column);

#endif
