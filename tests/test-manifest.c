/*
 * test-manifest.c: the options read from a command line, a manifest written
 * and read back, what the reader refuses, and each state check-manifest
 * can give an input.
 */
/* realpath() is XSI, beyond the project's _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fosterbeds/host.h"
#include "fosterbeds/date.h"
#include "fosterbeds/digest.h"
#include "fosterbeds/manifest.h"
#include "fosterbeds/run.h"

/* A command's option table (parse-options.h): the manifest reads argv by it. */
static const char *str_value;
static int flag_value;
static const struct fb_option table[] = {
	FB_OPT_STRING('f', "format", &str_value, "FORMAT", "format"),
	FB_OPT_STRING(0, "today", &str_value, "DATE", "today"),
	FB_OPT_STRING('r', "region-name", &str_value, "NAME", "pooled rows' name"),
	FB_OPT_STRING(0, "region", &str_value, "NAME", "filter"),
	FB_OPT_STRING(0, "la", &str_value, "CODE", "filter"),
	FB_OPT_STRING(0, "ofsted", &str_value, "RETURN", "the return"),
	FB_OPT_FLAG(0, "bridge", &flag_value, "the bridge"),
	FB_OPT_STRING('o', "output", &str_value, "FILE", "output"),
	FB_OPT_STRING(0, "manifest", &str_value, "FILE", "manifest"),
	FB_OPT_HELP(),
	FB_OPT_END(),
};

/* The options of a command line as "name=value;flag;...". */
static void
options_of(char **argv, char *buf, size_t size)
{
	int argc = 0;
	struct fb_manifest_option o[16];
	size_t n;

	while (argv[argc])
		argc++;
	assert_true(argc <= 16);
	n = fb_manifest_options(table, argc, argv, o);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(buf);

		snprintf(buf + used, size - used, "%s%.*s%s%s", i ? ";" : "", (int)o[i].namelen,
			 o[i].name, o[i].value ? "=" : "", o[i].value ? o[i].value : "");
	}
}

static void
test_options(void **state)
{
	static const struct {
		const char *argv[10];
		const char *want;
	} cases[] = {
		{ { "report", "--format", "json", "a.csv" }, "format=json" },
		/* Short forms, joined or apart, and a flag among the operands. */
		{ { "report", "-fjson", "-o", "out.json", "a.csv", "--bridge", "b.csv" },
		  "format=json;output=out.json;bridge" },
		{ { "report", "-rSouth East", "a.csv" }, "region-name=South East" },
		{ { "report", "-hf", "csv" }, "help;format=csv" },
		/* --name=value. */
		{ { "report", "--format=csv", "--today", "2026-11-23", "a.csv" },
		  "format=csv;today=2026-11-23" },
		/*
		 * A prefix is not taken for the option (the commands refuse it):
		 * kept as typed, a value only when written with '='.
		 */
		{ { "report", "--form=csv", "--tod", "2026-11-23", "a.csv" }, "form=csv;tod" },
		/* Given twice: once, with the last value, as the commands read it. */
		{ { "report", "-f", "csv", "--manifest", "m.json", "--format", "json" },
		  "format=json;manifest=m.json" },
		/* "-" is an operand; nothing after "--" is an option. */
		{ { "report", "-", "--region-name", "SE", "--", "--format", "x" },
		  "region-name=SE" },
		/* A value that looks like an option is still the value. */
		{ { "report", "-o", "--odd-name.csv", "a.csv" }, "output=--odd-name.csv" },
		/* The filters, by their full names. */
		{ { "reconcile", "--region", "South East", "--la", "851", "a.csv" },
		  "region=South East;la=851" },
		/* Options the table does not know: a value only when written with '='. */
		{ { "trend", "--since=2026-03-31", "--new-flag", "a.csv" },
		  "since=2026-03-31;new-flag" },
		/* A flag written with a value (the parser refuses it; the value is not kept). */
		{ { "reconcile", "--bridge=yes" }, "bridge" },
		/* A value missing at the end. */
		{ { "report", "--today" }, "today" },
		{ { "report", "a.csv", "b.csv" }, "" },
	};
	char got[256];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		options_of((char **)cases[i].argv, got, sizeof(got));
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got '%s', want '%s'", i, got, cases[i].want);
	}
}

#define HDR "la_code,snapshot_date,household_id,bed_id,bed_use,status\n"

static void
read_text(struct fb_run *run, const char *name, const char *text)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");

	assert_non_null(in);
	assert_int_equal(fb_run_read(run, name, in), 0);
	fclose(in);
}

/* Write run's manifest for argv into a new string (the caller frees it). */
static char *
written(const struct fb_run *run, int argc, char **argv)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	assert_int_equal(fb_manifest_write(out, run, table, argc, argv, argv[0]), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	assert_int_equal(fclose(out), 0);
	return buf;
}

static int
read_back(const char *text, struct fb_manifest *m, char *why, size_t whylen)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");
	int rc;

	assert_non_null(in);
	rc = fb_manifest_read(m, in, why, whylen);
	fclose(in);
	return rc;
}

static void
test_write_and_read_back(void **state)
{
	static const char a[] = "\xef\xbb\xbf" HDR "851,2026-03-31,H1,1,mainstream,filled\n"
				"851,2026-03-31,H1,2,mainstream,Vacnt\n";
	static const char b[] = HDR "867,2026-03-31,H9,1,respite,vacant\n";
	static const char ret[] = "la_code,approved,filled,vacant,unavailable\n851,2,1,1,0\n";
	char *argv[] = { "reconcile", "--ofsted", "ret.csv", "a.csv", "--today", "2026-11-23",
			 "b \"quoted\".csv", NULL };
	struct fb_run run;
	struct fb_manifest m;
	char hex[FB_SHA256_HEX], why[256], *text, cwd[4096], want[4200];
	(void)state;

	fb_run_init(&run, fb_date_from_civil(2026, 11, 23), 0);
	read_text(&run, "a.csv", a);
	read_text(&run, "b \"quoted\".csv", b);
	fb_input_set_content(fb_run_add_input(&run, "ret.csv", "return"), ret, strlen(ret));
	text = written(&run, 7, argv);

	/* The JSON as spec/manifest.md lays it out. */
	assert_non_null(strstr(text, "{\n  \"tool\": \"fosterbeds\",\n  \"tool_version\": \""));
	assert_non_null(strstr(text, "\"manifest_version\": 1,\n  \"command\": \"reconcile\","));
	assert_non_null(strstr(text, "\"argv\": [\n    \"fosterbeds\",\n    \"reconcile\",\n"
				     "    \"--ofsted\",\n"));
	assert_non_null(strstr(text, "\"b \\\"quoted\\\".csv\""));
	/* The folder the run was made in, after the command line. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(want, sizeof(want), "\n  ],\n  \"directory\": \"%s\",\n  \"options\": {", cwd);
	assert_non_null(strstr(text, want));
	assert_non_null(strstr(text, "\"options\": {\n    \"ofsted\": \"ret.csv\",\n"
				     "    \"today\": \"2026-11-23\"\n  },"));
	assert_non_null(strstr(text, "\"today\": \"2026-11-23\",\n  \"created\": "
				     "\"2026-11-18T11:06:40Z\",\n"));

	assert_int_equal(read_back(text, &m, why, sizeof(why)), 0);
	assert_string_equal(m.command, "reconcile");
	assert_string_equal(m.tool_version, FB_TOOL_VERSION);
	assert_string_equal(m.spec_version, FB_SPEC_VERSION);
	assert_string_equal(m.created, "2026-11-18T11:06:40Z");
	assert_string_equal(m.directory, cwd);
	assert_int_equal(m.ninputs, 3);

	/* Hashed as read: the BOM included, every byte once. */
	assert_string_equal(m.inputs[0].name, "a.csv");
	assert_string_equal(m.inputs[0].role, "records");
	assert_int_equal(m.inputs[0].bytes, strlen(a));
	fb_digest_buffer(a, strlen(a), hex);
	assert_string_equal(m.inputs[0].sha256, hex);
	assert_string_equal(run.inputs[0].sha256, hex);
	assert_int_equal(m.inputs[0].rows_read, 2);
	assert_int_equal(m.inputs[0].rows_used, 1);
	assert_int_equal(m.inputs[0].rows_rejected, 1);

	assert_string_equal(m.inputs[1].name, "b \"quoted\".csv");
	fb_digest_buffer(b, strlen(b), hex);
	assert_string_equal(m.inputs[1].sha256, hex);

	assert_string_equal(m.inputs[2].role, "return");
	assert_int_equal(m.inputs[2].bytes, strlen(ret));
	fb_digest_buffer(ret, strlen(ret), hex);
	assert_string_equal(m.inputs[2].sha256, hex);

	fb_manifest_release(&m);
	free(text);
	fb_run_release(&run);
}

/*
 * A file name that is not UTF-8 still gives valid JSON, with U+FFFD for the
 * bad byte, and its bytes in name_hex, so it reads back as it was.
 */
static void
test_not_utf8_name(void **state)
{
	char *argv[] = { "report", "caf\xe9.csv", NULL };
	struct fb_run run;
	struct fb_manifest m;
	char why[256], *text;
	(void)state;

	fb_run_init(&run, 0, 0);
	read_text(&run, "caf\xe9.csv", HDR "851,2026-03-31,H1,1,mainstream,filled\n");
	text = written(&run, 2, argv);
	assert_int_equal(read_back(text, &m, why, sizeof(why)), 0);
	assert_string_equal(m.inputs[0].name, "caf\xe9.csv");
	assert_non_null(strstr(text, "\"name\": \"caf\xef\xbf\xbd.csv\",\n"));
	assert_non_null(strstr(text, "\"name_hex\": \"636166e92e637376\""));
	fb_manifest_release(&m);
	free(text);
	fb_run_release(&run);
}

#define SHA "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\""
#define TOP "{\"tool\": \"fosterbeds\", \"manifest_version\": 1, \"command\": \"report\", " \
	"\"tool_version\": \"0.1.0\", \"spec_version\": \"1.0\", \"created\": \"x\", "
#define INPUT(extra) "{\"name\": \"a.csv\", \"role\": \"records\", \"bytes\": 0, " \
	"\"rows_read\": 0, \"rows_used\": 0, \"rows_rejected\": 0" extra "}"

static void
test_read_refuses(void **state)
{
	static const struct {
		const char *text;
		const char *why;   /* a part of the reason given */
	} cases[] = {
		{ "", "line 1:" },
		{ "{\"tool\": \"fosterbeds\",", "line 1:" },
		{ "[]", "not a fosterbeds manifest" },
		{ "{\"tool\": \"other\"}", "not a fosterbeds manifest" },
		{ "{\"tool\": \"fosterbeds\", \"manifest_version\": 2}", "'manifest_version' is not 1" },
		{ "{\"tool\": \"fosterbeds\", \"tool\": \"fosterbeds\"}", "duplicate" },
		{ TOP "\"inputs\": {}}", "'inputs' is not a list" },
		{ "{\"tool\": \"fosterbeds\", \"manifest_version\": 1, \"tool_version\": \"0.1.0\", "
		  "\"spec_version\": \"1.0\", \"created\": \"x\", \"inputs\": []}",
		  "'command' is missing" },
		{ TOP "\"inputs\": [1]}", "inputs[0] is not an object" },
		{ TOP "\"inputs\": [" INPUT(", \"sha256\": " SHA) ", " INPUT("") "]}",
		  "inputs[1]: 'sha256' is missing" },
		{ TOP "\"inputs\": [" INPUT(", \"sha256\": \"E3B0\"") "]}",
		  "inputs[0]: 'sha256' is not 64 lower-case hex digits" },
		{ TOP "\"inputs\": [" INPUT(", \"sha256\": null") "]}",
		  "inputs[0]: 'sha256' is not a string" },
		{ TOP "\"inputs\": [{\"name\": \"a.csv\", \"role\": \"records\", \"bytes\": -1}]}",
		  "inputs[0]: 'bytes' is not a whole number of 0 or more" },
		{ TOP "\"inputs\": [{\"name\": \"a.csv\", \"role\": \"records\", \"bytes\": 1.5}]}",
		  "inputs[0]: 'bytes' is not a whole number of 0 or more" },
		{ TOP "\"inputs\": [{\"name\": 3}]}", "inputs[0]: 'name' is not a string" },
		{ TOP "\"directory\": 7, \"inputs\": []}", "'directory' is not a string" },
	};
	struct fb_manifest m;
	char why[256];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		why[0] = '\0';
		if (read_back(cases[i].text, &m, why, sizeof(why)) != -1)
			fail_msg("case %zu was read", i);
		if (!strstr(why, cases[i].why))
			fail_msg("case %zu: '%s' does not say '%s'", i, why, cases[i].why);
		fb_manifest_release(&m);
	}
	/* Fields it does not know are ignored; an empty list of inputs is a manifest. */
	assert_int_equal(read_back(TOP "\"inputs\": [" INPUT(", \"sha256\": " SHA ", \"x\": 1")
				   "], \"later\": {}}", &m, why, sizeof(why)), 0);
	assert_int_equal(m.ninputs, 1);
	/* A manifest from before "directory" was recorded: none, or null. */
	assert_null(m.directory);
	fb_manifest_release(&m);
	assert_int_equal(read_back(TOP "\"directory\": null, \"inputs\": []}", &m, why,
				   sizeof(why)), 0);
	assert_null(m.directory);
	fb_manifest_release(&m);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void
test_check_input(void **state)
{
	char dir[] = "/tmp/fb-test-manifest.XXXXXX", path[64], sub[80];
	struct fb_manifest_input in = { 0 };
	struct fb_manifest_check c;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.csv", dir);
	write_file(path, "one,two\n");
	in.name = path;
	in.bytes = 8;
	fb_digest_buffer("one,two\n", 8, in.sha256);

	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_UNCHANGED);
	assert_int_equal(c.bytes, 8);
	assert_string_equal(c.sha256, in.sha256);
	assert_string_equal(fb_manifest_state_name(c.state), "unchanged");

	/* One byte different, same size: only the hash tells. */
	write_file(path, "one,twO\n");
	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_CHANGED);
	assert_int_equal(c.bytes, 8);
	assert_string_not_equal(c.sha256, in.sha256);

	/* A wrong size alone is a change too. */
	write_file(path, "one,two\n");
	in.bytes = 9;
	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_CHANGED);
	in.bytes = 8;

	assert_int_equal(unlink(path), 0);
	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_MISSING);
	assert_int_equal(c.bytes, -1);
	assert_string_equal(c.sha256, "");
	assert_string_equal(fb_manifest_state_name(c.state), "missing");

	/* Under a file, not a folder: still missing (ENOTDIR). */
	write_file(path, "x");
	snprintf(sub, sizeof(sub), "%s/b.csv", path);
	in.name = sub;
	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_MISSING);
	assert_int_equal(unlink(path), 0);

	/* A folder where the file was: there, but not readable as a file. */
	in.name = dir;
	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_UNREADABLE);
	assert_int_not_equal(c.error, 0);

	in.name = "-";
	fb_manifest_check_input(&in, NULL, &c);
	assert_int_equal(c.state, FB_MANIFEST_STDIN);
	assert_string_equal(fb_manifest_state_name(c.state), "stdin");
	assert_int_equal(rmdir(dir), 0);
}

/*
 * Relative names: the folder the run was made in, then the manifest's own
 * folder; the current folder stands in for a manifest that records none.
 */
static void
test_folders(void **state)
{
	char dir[] = "/tmp/fb-test-folders.XXXXXX", run_dir[64], own[64], path[96], mpath[96];
	char cwd[4096], *real;
	struct fb_manifest m = { 0 };
	struct fb_manifest_folders f;
	struct fb_manifest_input in = { 0 };
	struct fb_manifest_check c;
	(void)state;

	assert_non_null(mkdtemp(dir));
	real = realpath(dir, NULL);
	assert_non_null(real);
	snprintf(run_dir, sizeof(run_dir), "%s/run", real);
	snprintf(own, sizeof(own), "%s/own", real);
	assert_int_equal(mkdir(run_dir, 0700), 0);
	assert_int_equal(mkdir(own, 0700), 0);
	snprintf(mpath, sizeof(mpath), "%s/own/m.json", dir);

	m.directory = run_dir;
	fb_manifest_folders(&f, &m, mpath);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0].path, run_dir);
	assert_int_equal(f.v[0].where, FB_MANIFEST_RUN_FOLDER);
	assert_string_equal(f.v[1].path, own);   /* absolute, resolved */
	assert_int_equal(f.v[1].where, FB_MANIFEST_OWN_FOLDER);

	in.name = "sub/a.csv";
	in.bytes = 8;
	fb_digest_buffer("one,two\n", 8, in.sha256);
	/* Nowhere: both folders tried. */
	fb_manifest_check_input(&in, &f, &c);
	assert_int_equal(c.state, FB_MANIFEST_MISSING);
	assert_int_equal(c.tried, 2);
	assert_int_equal(c.found, -1);
	/* In the manifest's folder only. */
	snprintf(path, sizeof(path), "%s/sub", own);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/sub/a.csv", own);
	write_file(path, "one,two\n");
	fb_manifest_check_input(&in, &f, &c);
	assert_int_equal(c.state, FB_MANIFEST_UNCHANGED);
	assert_int_equal(c.tried, 2);
	assert_int_equal(c.found, 1);
	/* Where the run was made comes first, even when that copy has changed. */
	snprintf(path, sizeof(path), "%s/sub", run_dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/sub/a.csv", run_dir);
	write_file(path, "one,twO\n");
	fb_manifest_check_input(&in, &f, &c);
	assert_int_equal(c.state, FB_MANIFEST_CHANGED);
	assert_int_equal(c.tried, 1);
	assert_int_equal(c.found, 0);
	/* Something there that cannot be read stops the search: no stray copy hides it. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	fb_manifest_check_input(&in, &f, &c);
	assert_int_equal(c.state, FB_MANIFEST_UNREADABLE);
	assert_int_equal(c.found, 0);
	assert_int_equal(rmdir(path), 0);
	/* An absolute name is read as it is, in no folder. */
	in.name = path;
	fb_manifest_check_input(&in, &f, &c);
	assert_int_equal(c.state, FB_MANIFEST_MISSING);
	assert_int_equal(c.tried, 0);
	fb_manifest_folders_release(&f);

	/* The manifest in the folder the run was made in: one folder, both roles. */
	snprintf(mpath, sizeof(mpath), "%s/m.json", run_dir);
	fb_manifest_folders(&f, &m, mpath);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].where, FB_MANIFEST_RUN_FOLDER | FB_MANIFEST_OWN_FOLDER);
	fb_manifest_folders_release(&f);

	/* No "directory" (an older manifest): the current folder stands in; from stdin, no own folder. */
	m.directory = NULL;
	fb_manifest_folders(&f, &m, "-");
	assert_int_equal(f.n, 1);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_string_equal(f.v[0].path, cwd);
	assert_int_equal(f.v[0].where, FB_MANIFEST_CURRENT_FOLDER);
	fb_manifest_folders_release(&f);

	/* A manifest named without a folder is in the current one. */
	fb_manifest_folders(&f, &m, "m.json");
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].where, FB_MANIFEST_CURRENT_FOLDER | FB_MANIFEST_OWN_FOLDER);
	fb_manifest_folders_release(&f);

	snprintf(path, sizeof(path), "%s/sub/a.csv", own);
	assert_int_equal(unlink(path), 0);
	snprintf(path, sizeof(path), "%s/sub", own);
	assert_int_equal(rmdir(path), 0);
	snprintf(path, sizeof(path), "%s/sub", run_dir);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(rmdir(own), 0);
	assert_int_equal(rmdir(run_dir), 0);
	assert_int_equal(rmdir(real), 0);
	free(real);
}

static void
test_join(void **state)
{
	char *p;
	(void)state;

	p = fb_manifest_join("/a/b", "c.csv");
	assert_string_equal(p, "/a/b/c.csv");
	free(p);
	p = fb_manifest_join("/", "c.csv");
	assert_string_equal(p, "/c.csv");
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_write_and_read_back),
		cmocka_unit_test(test_not_utf8_name),
		cmocka_unit_test(test_read_refuses),
		cmocka_unit_test(test_check_input),
		cmocka_unit_test(test_folders),
		cmocka_unit_test(test_join),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
