/*
 * parse-options.c: one parser for every command's option table.
 */
#include "fosterbeds/parse-options.h"

#include <stdarg.h>
#include <string.h>

#include "fosterbeds/number.h"
#include "util.h"

const struct fb_option *
fb_option_by_long(const struct fb_option *opts, const char *name, size_t len)
{
	for (; opts->kind != FB_OPTION_END; opts++)
		if (opts->long_name && strlen(opts->long_name) == len &&
		    memcmp(opts->long_name, name, len) == 0)
			return opts;
	return NULL;
}

const struct fb_option *
fb_option_by_short(const struct fb_option *opts, char c)
{
	for (; c && opts->kind != FB_OPTION_END; opts++)
		if (opts->short_name == c)
			return opts;
	return NULL;
}

int
fb_option_takes_value(const struct fb_option *opt)
{
	return opt->kind == FB_OPTION_STRING || opt->kind == FB_OPTION_COUNT ||
	       opt->kind == FB_OPTION_CALLBACK;
}

/* "--format, --today, ...": the options a command takes, for messages. */
static void
list_options(char *buf, size_t size, const struct fb_option *opts)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; opts[i].kind != FB_OPTION_END && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s--%s", i ? ", " : "",
				      opts[i].long_name);
}

/*
 * A word starting "--" that names no option: a prefix of one or more names
 * is refused as abbreviated (naming what it could mean), anything else as
 * unknown.
 */
static int
refuse_long(const struct fb_option *opts, const char *cmd, const char *typed, char *why,
	    size_t whylen)
{
	char list[512], matches[256] = "";
	size_t len = strcspn(typed, "="), n = 0;

	for (size_t i = 0; len > 2 && opts[i].kind != FB_OPTION_END && n < sizeof(matches); i++)
		if (strncmp(opts[i].long_name, typed + 2, len - 2) == 0)
			n += (size_t)snprintf(matches + n, sizeof(matches) - n, "%s--%s",
					      n ? " or " : "", opts[i].long_name);
	list_options(list, sizeof(list), opts);
	if (matches[0])
		return fb_why(why, whylen, "option '%.*s' is abbreviated; type it in full (%s); "
			   "%s takes %s", (int)len, typed, matches, cmd, list);
	return fb_why(why, whylen, "unknown option '%s'; %s takes %s", typed, cmd, list);
}

/* Give opt its value: arg, or NULL for a flag. */
static int
apply(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	long n;

	/*
	 * No option's value may be empty: a file, a name, a date all have
	 * length (a count says so in its own words, below).
	 */
	if (arg && !*arg && opt->kind != FB_OPTION_COUNT)
		return fb_why(why, whylen, "--%s is given an empty value; give %s", opt->long_name,
			      opt->argh ? opt->argh : "a value");
	switch (opt->kind) {
	case FB_OPTION_FLAG:
		*(int *)opt->value = 1;
		return FB_PARSE_OK;
	case FB_OPTION_STRING:
		*(const char **)opt->value = arg;
		return FB_PARSE_OK;
	case FB_OPTION_COUNT:
		/*
		 * A count always has its arg: said for GCC, which under LTO
		 * cannot see it and warned of a null argument below.
		 */
		if (!arg)
			break;
		/* Digits only: number.c allows spaces around a count in a file's cell. */
		if (strspn(arg, "0123456789") != strlen(arg) ||
		    fb_count_parse(arg, strlen(arg), 0, &n) != 0)
			return fb_why(why, whylen, "--%s '%s' is not a whole number of 0 or more",
				   opt->long_name, arg);
		*(long *)opt->value = n;
		return FB_PARSE_OK;
	case FB_OPTION_CALLBACK:
		if (whylen)
			why[0] = '\0';
		return opt->callback(opt, arg, why, whylen) == 0 ? FB_PARSE_OK : FB_PARSE_ERROR;
	case FB_OPTION_HELP:
		return FB_PARSE_HELP;
	case FB_OPTION_END:
		break;
	}
	return fb_why(why, whylen, "option '--%s' is not in the table", opt->long_name);
}

/* "--name", "--name=VALUE" or "--name VALUE" (the next word, argv[*i + 1]). */
static int
parse_long(const struct fb_option *opts, const char *cmd, int argc, char **argv, int *i,
	   char *why, size_t whylen)
{
	const char *typed = argv[*i], *eq = strchr(typed, '=');
	size_t len = eq ? (size_t)(eq - typed) : strlen(typed);
	const struct fb_option *opt = fb_option_by_long(opts, typed + 2, len - 2);

	if (!opt)
		return refuse_long(opts, cmd, typed, why, whylen);
	if (!fb_option_takes_value(opt)) {
		if (eq)
			return fb_why(why, whylen, "option '--%s' takes no value", opt->long_name);
		return apply(opt, NULL, why, whylen);
	}
	if (eq)
		return apply(opt, eq + 1, why, whylen);
	if (*i + 1 >= argc)
		return fb_why(why, whylen, "option '%s' needs a value", typed);
	return apply(opt, argv[++*i], why, whylen);
}

/* "-f", a cluster of flags "-hb", a value joined "-fjson" or the next word "-f json". */
static int
parse_short(const struct fb_option *opts, const char *cmd, int argc, char **argv, int *i,
	    char *why, size_t whylen)
{
	const char *word = argv[*i];

	for (const char *c = word + 1; *c; c++) {
		const struct fb_option *opt = fb_option_by_short(opts, *c);
		char list[512];
		int rc;

		if (!opt) {
			list_options(list, sizeof(list), opts);
			return fb_why(why, whylen, "unknown option '-%c'; %s takes %s", *c, cmd, list);
		}
		if (!fb_option_takes_value(opt)) {
			if ((rc = apply(opt, NULL, why, whylen)) != FB_PARSE_OK)
				return rc;
			continue;
		}
		if (c[1])
			return apply(opt, c + 1, why, whylen);
		if (*i + 1 >= argc)
			return fb_why(why, whylen, "option '-%c' needs a value", *c);
		return apply(opt, argv[++*i], why, whylen);
	}
	return FB_PARSE_OK;
}

enum fb_parse_result
fb_parse_options(const struct fb_option *opts, const char *cmd, int argc, char **argv,
		 int *nargs, char *why, size_t whylen)
{
	int n = 0, i;

	/* An operand goes to argv[1 + n]; n < i throughout, so none is overwritten unread. */
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc;

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0') {
			argv[1 + n++] = argv[i];
			continue;
		}
		rc = a[1] == '-' ? parse_long(opts, cmd, argc, argv, &i, why, whylen)
				 : parse_short(opts, cmd, argc, argv, &i, why, whylen);
		if (rc != FB_PARSE_OK)
			return rc;
	}
	for (; i < argc; i++)
		argv[1 + n++] = argv[i];
	*nargs = n;
	return FB_PARSE_OK;
}

int
fb_options_help(FILE *out, const struct fb_option *opts, int column)
{
	for (; opts->kind != FB_OPTION_END; opts++) {
		const char *h = opts->help;
		int len;

		if (opts->short_name)
			len = fprintf(out, "  -%c, --%s", opts->short_name, opts->long_name);
		else
			len = fprintf(out, "      --%s", opts->long_name);
		if (opts->argh)
			len += fprintf(out, " %s", opts->argh);
		if (len >= column) {
			fputc('\n', out);
			len = 0;
		}
		fprintf(out, "%*s", column - len, "");
		if (!h)
			fputc('\n', out);
		while (h) {
			const char *nl = strchr(h, '\n');
			int linelen = nl ? (int)(nl - h) : (int)strlen(h);

			fprintf(out, "%.*s\n", linelen, h);
			h = nl ? nl + 1 : NULL;
			if (h)
				fprintf(out, "%*s", column, "");
		}
	}
	return ferror(out) ? -1 : 0;
}
