/*
 * test-parse-options.c: the option parser every command uses, by a table
 * like a command's: full names only (a prefix is refused, naming what it
 * could mean), unknown options, missing and unwanted values, repeated
 * options, --opt=value, -fjson, clusters, "--" and "-", numbers through
 * number.c, callbacks, operands in order, and the help text the table
 * writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/parse-options.h"

struct got {
	const char *format, *region, *region_name;
	long max;
	int bridge;
	int evens;   /* the callback's last value */
};

/* A callback: takes even numbers only (a made-up rule, to see its message come back). */
static int
even(const struct fb_option *opt, const char *arg, char *why, size_t whylen)
{
	int *v = opt->value;
	long n = strtol(arg, NULL, 10);

	if (n % 2) {
		snprintf(why, whylen, "--%s '%s' is odd", opt->long_name, arg);
		return -1;
	}
	*v = (int)n;
	return 0;
}

static struct got got;
static const struct fb_option opts[] = {
	FB_OPT_STRING('f', "format", &got.format, "FORMAT", "table (default) or csv"),
	FB_OPT_STRING(0, "region", &got.region, "NAME", "only this region"),
	FB_OPT_STRING('r', "region-name", &got.region_name, "NAME",
		      "name for the pooled rows\nit does not filter"),
	FB_OPT_COUNT(0, "max-findings", &got.max, "N", "at most N"),
	FB_OPT_FLAG('b', "bridge", &got.bridge, "the bridge alone"),
	FB_OPT_CALLBACK(0, "even", &got.evens, "N", "an even number", even),
	FB_OPT_HELP(),
	FB_OPT_END(),
};

/* Parse the NULL-ended words (the first the command); operands joined by '|' into ops. */
static enum fb_parse_result
parse(char *why, char *ops, const char *w0, ...)
{
	char *argv[32];
	int argc = 0, n = -1;
	enum fb_parse_result rc;
	va_list ap;

	memset(&got, 0, sizeof(got));
	got.max = 10000;
	argv[argc++] = (char *)w0;
	va_start(ap, w0);
	for (char *w; (w = va_arg(ap, char *)) != NULL;)
		argv[argc++] = w;
	va_end(ap);
	why[0] = ops[0] = '\0';
	rc = fb_parse_options(opts, "report", argc, argv, &n, why, 512);
	if (rc == FB_PARSE_OK) {
		assert_true(n >= 0 && n < argc);
		for (int i = 0; i < n; i++)
			sprintf(ops + strlen(ops), "%s%s", i ? "|" : "", argv[1 + i]);
	}
	return rc;
}

#define TAKES "report takes --format, --region, --region-name, --max-findings, --bridge, " \
	      "--even, --help"

static void
test_values(void **state)
{
	char why[512], ops[512];
	(void)state;

	/* --opt value, --opt=value, -f value, -fvalue; operands kept in order around them. */
	assert_int_equal(parse(why, ops, "report", "a.csv", "--format", "csv", "b.csv",
			       "--region=South East", "-rSE", "c.csv", NULL), FB_PARSE_OK);
	assert_string_equal(got.format, "csv");
	assert_string_equal(got.region, "South East");
	assert_string_equal(got.region_name, "SE");
	assert_string_equal(ops, "a.csv|b.csv|c.csv");
	assert_int_equal(parse(why, ops, "report", "-fjson", NULL), FB_PARSE_OK);
	assert_string_equal(got.format, "json");
	assert_int_equal(parse(why, ops, "report", "-f", "json", "x", NULL), FB_PARSE_OK);
	assert_string_equal(got.format, "json");
	assert_string_equal(ops, "x");
	/* A value is taken whole, even one that looks like an option. */
	assert_int_equal(parse(why, ops, "report", "-r", "--bridge", NULL), FB_PARSE_OK);
	assert_string_equal(got.region_name, "--bridge");
	assert_int_equal(got.bridge, 0);
	/* No option takes an empty value. */
	assert_int_equal(parse(why, ops, "report", "--region=", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "--region is given an empty value; give NAME");
	/* A cluster: a flag, then an option whose value is the rest. */
	assert_int_equal(parse(why, ops, "report", "-bfcsv", NULL), FB_PARSE_OK);
	assert_int_equal(got.bridge, 1);
	assert_string_equal(got.format, "csv");
	/* Given twice: the last value is kept. */
	assert_int_equal(parse(why, ops, "report", "-f", "csv", "--format", "json", "--bridge",
			       "--bridge", NULL), FB_PARSE_OK);
	assert_string_equal(got.format, "json");
	assert_int_equal(got.bridge, 1);
}

static void
test_operands(void **state)
{
	char why[512], ops[512];
	(void)state;

	/* "-" is an operand; after "--" every word is one, options or not. */
	assert_int_equal(parse(why, ops, "report", "-", "--bridge", "--", "--format", "-x",
			       "-", NULL), FB_PARSE_OK);
	assert_string_equal(ops, "-|--format|-x|-");
	assert_int_equal(got.bridge, 1);
	assert_null(got.format);
	assert_int_equal(parse(why, ops, "report", NULL), FB_PARSE_OK);
	assert_string_equal(ops, "");
}

static void
test_abbreviations(void **state)
{
	char why[512], ops[512];
	(void)state;

	/* A prefix of two names: both named. */
	assert_int_equal(parse(why, ops, "report", "--regio", "Kent", "a.csv", NULL),
			 FB_PARSE_ERROR);
	assert_string_equal(why, "option '--regio' is abbreviated; type it in full (--region "
			    "or --region-name); " TAKES);
	/* A prefix of one name only is refused too, with or without '='. */
	assert_int_equal(parse(why, ops, "report", "--form=csv", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "option '--form' is abbreviated; type it in full (--format); "
			    TAKES);
	assert_int_equal(parse(why, ops, "report", "--region-n", "X", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "option '--region-n' is abbreviated; type it in full "
			    "(--region-name); " TAKES);
	assert_int_equal(parse(why, ops, "report", "--h", NULL), FB_PARSE_ERROR);
	assert_null(got.region_name);
	/* A full name that is also a prefix of another is itself. */
	assert_int_equal(parse(why, ops, "report", "--region", "Kent", NULL), FB_PARSE_OK);
	assert_string_equal(got.region, "Kent");
	assert_null(got.region_name);
}

static void
test_refused(void **state)
{
	char why[512], ops[512];
	(void)state;

	assert_int_equal(parse(why, ops, "report", "--today", "2020-01-01", NULL),
			 FB_PARSE_ERROR);
	assert_string_equal(why, "unknown option '--today'; " TAKES);
	assert_int_equal(parse(why, ops, "report", "--formats", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "unknown option '--formats'; " TAKES);
	assert_int_equal(parse(why, ops, "report", "-x", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "unknown option '-x'; " TAKES);
	assert_int_equal(parse(why, ops, "report", "-bx", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "unknown option '-x'; " TAKES);
	/* A value missing at the end. */
	assert_int_equal(parse(why, ops, "report", "a.csv", "--region-name", NULL),
			 FB_PARSE_ERROR);
	assert_string_equal(why, "option '--region-name' needs a value");
	assert_int_equal(parse(why, ops, "report", "-f", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "option '-f' needs a value");
	/* A value given to a flag. */
	assert_int_equal(parse(why, ops, "report", "--bridge=yes", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "option '--bridge' takes no value");
	/* A callback's refusal comes back as it wrote it. */
	assert_int_equal(parse(why, ops, "report", "--even", "3", NULL), FB_PARSE_ERROR);
	assert_string_equal(why, "--even '3' is odd");
	assert_int_equal(parse(why, ops, "report", "--even=4", NULL), FB_PARSE_OK);
	assert_int_equal(got.evens, 4);
}

static void
test_numbers(void **state)
{
	static const char *const bad[] = { "-5", " -5", "+5", " 5", "5 ", "1e3", "5.0", "0x10",
					   "", "1,000", "2000000001", "five" };
	char why[512], ops[512], want[128];
	(void)state;

	assert_int_equal(parse(why, ops, "report", NULL), FB_PARSE_OK);
	assert_int_equal(got.max, 10000);
	assert_int_equal(parse(why, ops, "report", "--max-findings", "0", NULL), FB_PARSE_OK);
	assert_int_equal(got.max, 0);
	assert_int_equal(parse(why, ops, "report", "--max-findings=2000000000", NULL),
			 FB_PARSE_OK);
	assert_int_equal(got.max, 2000000000L);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(why, ops, "report", "--max-findings", bad[i], NULL),
				 FB_PARSE_ERROR);
		snprintf(want, sizeof(want), "--max-findings '%s' is not a whole number of 0 "
			 "or more", bad[i]);
		assert_string_equal(why, want);
		assert_int_equal(got.max, 10000);
	}
}

static void
test_help(void **state)
{
	char why[512], ops[512], *text = NULL;
	size_t len = 0;
	FILE *out;
	(void)state;

	assert_int_equal(parse(why, ops, "report", "a.csv", "--help", "--regio", NULL),
			 FB_PARSE_HELP);
	assert_int_equal(parse(why, ops, "report", "-bh", NULL), FB_PARSE_HELP);
	assert_int_equal(parse(why, ops, "report", "--help=x", NULL), FB_PARSE_ERROR);

	out = open_memstream(&text, &len);
	assert_non_null(out);
	assert_int_equal(fb_options_help(out, opts, 24), 0);
	fclose(out);
	/* Help from column 24; a name too long for it goes on a line of its own. */
	assert_string_equal(text,
		"  -f, --format FORMAT   table (default) or csv\n"
		"      --region NAME     only this region\n"
		"  -r, --region-name NAME\n"
		"                        name for the pooled rows\n"
		"                        it does not filter\n"
		"      --max-findings N  at most N\n"
		"  -b, --bridge          the bridge alone\n"
		"      --even N          an even number\n"
		"  -h, --help            show this help\n");
	free(text);
}

static void
test_lookup(void **state)
{
	(void)state;
	assert_ptr_equal(fb_option_by_long(opts, "region", 6), &opts[1]);
	assert_ptr_equal(fb_option_by_long(opts, "region-name", 11), &opts[2]);
	assert_null(fb_option_by_long(opts, "regio", 5));
	assert_ptr_equal(fb_option_by_short(opts, 'r'), &opts[2]);
	assert_null(fb_option_by_short(opts, 'x'));
	assert_null(fb_option_by_short(opts, 0));
	assert_true(fb_option_takes_value(&opts[3]));
	assert_false(fb_option_takes_value(&opts[4]));
	assert_false(fb_option_takes_value(&opts[6]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_operands),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
