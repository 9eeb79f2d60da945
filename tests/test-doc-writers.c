/*
 * test-doc-writers.c: every writer on one small document made by hand, its
 * output spelled out: the cell kind decides quoting, numbers and the
 * formula guard; a failed write comes back with its reason.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/doc.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/writer.h"

static const struct fb_column cols[] = {
	{ .name = "code", .brief = "Code", .kind = FB_CK_CODE },
	{ .name = "name", .brief = "Name", .kind = FB_CK_INPUT },
	{ .name = "n", .brief = "N", .kind = FB_CK_COUNT },
	{ .name = "rate", .brief = "Rate", .kind = FB_CK_RATE },
	{ .name = "change", .title = "Change (pp)", .brief = "Change", .kind = FB_CK_PP },
	{ .name = "cost", .kind = FB_CK_MONEY },
	{ .name = "day", .kind = FB_CK_DATE },
};

static void
make(struct fb_doc *d)
{
	struct fb_table *t;
	struct fb_cell *c;

	fb_doc_init(d, "test", NULL);
	fb_doc_set_title(d, "Title", "Subject");
	fb_doc_note(d, FB_NOTE_INTRO, "about", "Intro.");
	fb_doc_note(d, FB_NOTE_AFTER, NULL, "After.");
	fb_doc_note(d, FB_NOTE_DEFINE, "rate", "n over something.");
	t = fb_doc_table(d, "Summary", cols, 7, "(none)");
	c = fb_table_row(t, 0);
	fb_cell_text(d, &c[0], FB_CK_CODE, "001");
	fb_cell_text(d, &c[1], FB_CK_INPUT, "=SUM(A1)");
	fb_cell_number(&c[2], FB_CK_COUNT, 5);
	fb_cell_number(&c[3], FB_CK_RATE, 663);
	fb_cell_number(&c[4], FB_CK_PP, -4);
	fb_cell_number(&c[5], FB_CK_MONEY, 123456);
	fb_cell_number(&c[6], FB_CK_DATE, fb_date_from_civil(2028, 2, 29));
	c = fb_table_row(t, 1);
	fb_cell_text(d, &c[0], FB_CK_CODE, "ALL");
	fb_cell_text(d, &c[1], FB_CK_INPUT, "-x,\"y\"");
	fb_cell_number(&c[2], FB_CK_COUNT, 12);
	fb_cell_number(&c[3], FB_CK_RATE, FB_PCT_NONE);
	fb_cell_number(&c[4], FB_CK_PP, 15);
	fb_cell_number(&c[5], FB_CK_MONEY, -5);
	fb_cell_number(&c[6], FB_CK_DATE, fb_date_from_civil(2028, 3, 1));
}

static char *
write_with(const struct fb_writer *w, size_t *len)
{
	struct fb_doc d;
	struct fb_error e = { 0, "" };
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);

	make(&d);
	assert_int_equal(w->write(out, &d, &e), 0);
	fclose(out);
	fb_doc_release(&d);
	return buf;
}

static void
test_csv(void **state)
{
	size_t len;
	char *s = write_with(fb_writer_find("csv"), &len);

	(void)state;
	/* Input text guarded and quoted; a negative number is not text, so not guarded. */
	assert_string_equal(s, "code,name,n,rate,change,cost,day\n"
			       "001,'=SUM(A1),5,66.3,-0.4,1234.56,2028-02-29\n"
			       "ALL,\"'-x,\"\"y\"\"\",12,,1.5,-0.05,2028-03-01\n");
	free(s);
}

/* Every character that starts a formula, in input text; none in tool text. */
static void
test_csv_guard(void **state)
{
	static const char *const starts[] = { "=a", "+a", "-a", "@a", "\ta", "\ra" };
	static const char *const want[] = {
		"'=a", "'+a", "'-a", "'@a", "'\ta", "\"'\ra\"",
	};
	static const struct fb_column one[] = {
		{ .name = "v", .kind = FB_CK_INPUT }, { .name = "w", .kind = FB_CK_TEXT },
	};

	(void)state;
	for (size_t i = 0; i < 6; i++) {
		struct fb_doc d;
		struct fb_error e = { 0, "" };
		struct fb_cell *c;
		char *buf = NULL, expect[64];
		size_t len;
		FILE *out = open_memstream(&buf, &len);

		fb_doc_init(&d, "test", NULL);
		c = fb_table_row(fb_doc_table(&d, "T", one, 2, NULL), 0);
		fb_cell_text(&d, &c[0], FB_CK_INPUT, starts[i]);
		fb_cell_text(&d, &c[1], FB_CK_TEXT, "-tool");
		assert_int_equal(fb_writer_find("csv")->write(out, &d, &e), 0);
		fclose(out);
		snprintf(expect, sizeof(expect), "v,w\n%s,-tool\n", want[i]);
		assert_string_equal(buf, expect);
		free(buf);
		fb_doc_release(&d);
	}
}

static void
test_json(void **state)
{
	size_t len;
	char *s = write_with(fb_writer_find("json"), &len);

	(void)state;
	/* Keyed notes but a column's definition; an empty rate is null. */
	assert_string_equal(s, "{\n  \"about\": \"Intro.\",\n  \"rows\": [\n"
			       "    {\"code\": \"001\", \"name\": \"=SUM(A1)\", \"n\": 5, \"rate\": 66.3, "
			       "\"change\": -0.4, \"cost\": 1234.56, \"day\": \"2028-02-29\"},\n"
			       "    {\"code\": \"ALL\", \"name\": \"-x,\\\"y\\\"\", \"n\": 12, \"rate\": null, "
			       "\"change\": 1.5, \"cost\": -0.05, \"day\": \"2028-03-01\"}\n  ]\n}\n");
	free(s);
}

static void
test_text(void **state)
{
	size_t len;
	char *s = write_with(fb_writer_find("text"), &len);

	(void)state;
	/* Columns with a brief heading; text left, numbers right; a rule before ALL. */
	assert_string_equal(s, "Title: Subject\n"
			       "Intro.\n"
			       "\n"
			       "Code  Name       N  Rate  Change\n"
			       "001   =SUM(A1)   5  66.3    -0.4\n"
			       "--------------------------------\n"
			       "ALL   -x,\"y\"    12           1.5\n"
			       "\n"
			       "After.\n");
	free(s);
}

static void
test_html(void **state)
{
	size_t len;
	char *s = write_with(fb_writer_find("html"), &len);

	(void)state;
	assert_non_null(strstr(s, "<td>=SUM(A1)</td><td class=\"num\">5</td>"
				  "<td class=\"num\">66.3%</td><td class=\"num\">-0.4 pp</td></tr>"));
	assert_non_null(strstr(s, "<tbody class=\"pooled\">\n<tr class=\"region\"><td>ALL</td>"
				  "<td>-x,&quot;y&quot;</td><td class=\"num\">12</td>"
				  "<td class=\"num na\">"));
	assert_non_null(strstr(s, "<td class=\"num\">+1.5 pp</td>"));
	assert_non_null(strstr(s, "<th scope=\"col\" class=\"num\">Change (pp)</th>"));
	assert_non_null(strstr(s, "<dt>rate</dt><dd>n over something.</dd>"));
	assert_null(strstr(s, "cost"));
	free(s);
}

/* A workbook: binary, and a zip (xlsx.sh reads the cells back). */
static void
test_xlsx(void **state)
{
	size_t len;
	char *s = write_with(fb_writer_find("xlsx"), &len);

	(void)state;
	assert_true(fb_writer_find("xlsx")->binary);
	assert_false(fb_writer_find("csv")->binary);
	assert_true(len > 4);
	assert_memory_equal(s, "PK\x03\x04", 4);
	free(s);
}

/* A write that fails is returned as a failure with its reason. */
static void
test_failure(void **state)
{
	const struct fb_writer *w[] = { fb_writer_find("text"), fb_writer_find("csv"), fb_writer_find("json"),
					fb_writer_find("html"), fb_writer_find("xlsx") };

	(void)state;
	for (size_t i = 0; i < 5; i++) {
		FILE *out = fopen("/dev/full", "w");
		struct fb_doc d;
		struct fb_error e = { 0, "" };

		assert_non_null(out);
		setvbuf(out, NULL, _IONBF, 0);
		make(&d);
		assert_int_equal(w[i]->write(out, &d, &e), -1);
		assert_int_equal(e.err, ENOSPC);
		assert_true(e.message[0] != '\0');
		fclose(out);
		fb_doc_release(&d);
	}
}

/* TMPDIR back as it was before a test changed it: saved, or unset; frees saved. */
static void
restore_tmpdir(char *saved)
{
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
}

/*
 * write_scratch(): the workbook is made under the caller's scratch name,
 * in the caller's folder, never in $TMPDIR (here one that does not
 * exist); the scratch file stays for its owner, the caller, to remove.
 */
static void
test_xlsx_scratch(void **state)
{
	const struct fb_writer *w = fb_writer_find("xlsx");
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;
	char dir[] = "/tmp/fb-scratch-XXXXXX", scratch[64], *buf = NULL;
	size_t len = 0;
	struct fb_doc d;
	struct fb_error e = { 0, "" };
	FILE *out = open_memstream(&buf, &len), *f;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(scratch, sizeof(scratch), "%s/.out.xlsx.fosterbeds-XXXXXX", dir);
	assert_true((fd = mkstemp(scratch)) >= 0);
	close(fd);
	setenv("TMPDIR", "/nonexistent/fosterbeds-test", 1);
	make(&d);
	assert_non_null(w->write_scratch);
	assert_int_equal(w->write_scratch(out, &d, scratch, &e), 0);
	fclose(out);
	assert_true(len > 4);
	assert_memory_equal(buf, "PK\x03\x04", 4);
	assert_non_null(f = fopen(scratch, "rb"));
	fclose(f);
	assert_int_equal(unlink(scratch), 0);
	assert_int_equal(rmdir(dir), 0);   /* nothing else was left there */
	free(buf);
	fb_doc_release(&d);
	restore_tmpdir(saved);
}

/*
 * A workbook that cannot be made (no temporary file; a cell over Excel's
 * 32,767 characters) comes back through *e alone, and nothing is written.
 */
static void
test_xlsx_cannot_make(void **state)
{
	static const char prefix[] = "cannot make the workbook: ";
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;

	(void)state;
	for (int how = 0; how < 2; how++) {
		struct fb_doc d;
		struct fb_error e = { 0, "" };
		char *buf = NULL, *big;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);

		make(&d);
		if (how == 0) {
			setenv("TMPDIR", "/nonexistent/fosterbeds-test", 1);
		} else {
			if (saved)
				setenv("TMPDIR", saved, 1);
			else
				unsetenv("TMPDIR");
			big = fb_doc_strdup_size(&d, 40000);
			memset(big, 'x', 39999);
			big[39999] = '\0';
			fb_cell_text(&d, &fb_table_row(&d.tables[0], 0)[1], FB_CK_INPUT, big);
		}
		assert_int_equal(fb_writer_find("xlsx")->write(out, &d, &e), -1);
		assert_int_equal(e.err, how == 0 ? ENOENT : EIO);
		assert_memory_equal(e.message, prefix, sizeof(prefix) - 1);
		fclose(out);
		assert_int_equal(len, 0);
		free(buf);
		fb_doc_release(&d);
	}
	restore_tmpdir(saved);
}

/* A note longer than the first try, and more tables than the first allocation. */
static void
test_growth(void **state)
{
	static const struct fb_column one[] = { { .name = "v", .kind = FB_CK_COUNT } };
	char longer[600], *buf = NULL;
	struct fb_doc d;
	struct fb_error e = { 0, "" };
	size_t len;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	fb_doc_init(&d, "test", NULL);
	fb_doc_note(&d, FB_NOTE_DATA, "long", "<%s>", longer);
	assert_int_equal(strlen(fb_doc_find_note(&d, "long")->text), 601);
	assert_int_equal(fb_doc_find_note(&d, "long")->text[600], '>');
	for (long k = 0; k < 3; k++)
		fb_cell_number(fb_table_row(fb_doc_table(&d, k ? "more" : "first", one, 1, NULL), 0),
			       FB_CK_COUNT, k);
	assert_int_equal(d.ntables, 3);
	assert_int_equal(fb_writer_find("json")->write(out, &d, &e), 0);
	fclose(out);
	assert_non_null(strstr(buf, "\"rows\": [\n    {\"v\": 0}\n  ],\n  \"more\": [\n    {\"v\": 1}\n  ],\n"
				    "  \"more\": [\n    {\"v\": 2}\n  ]\n}\n"));
	free(buf);
	fb_doc_release(&d);
}


/* A number note: bare in JSON, in the workbook's Notes, not said in the text. */
static void
test_number_note(void **state)
{
	static const struct fb_column one[] = { { .name = "v", .brief = "V", .kind = FB_CK_COUNT } };
	struct fb_doc d;
	struct fb_error e = { 0, "" };
	char *buf = NULL;
	size_t len;
	FILE *out;

	(void)state;
	fb_doc_init(&d, "test", NULL);
	fb_doc_set_title(&d, "Title", NULL);
	fb_doc_note(&d, FB_NOTE_NUMBER, "missing_cells", "%d", 21);
	fb_doc_note(&d, FB_NOTE_DATA, "note", "21");
	fb_cell_number(fb_table_row(fb_doc_table(&d, "T", one, 1, NULL), 0), FB_CK_COUNT, 3);
	out = open_memstream(&buf, &len);
	assert_int_equal(fb_writer_find("json")->write(out, &d, &e), 0);
	fclose(out);
	assert_string_equal(buf, "{\n  \"missing_cells\": 21,\n  \"note\": \"21\",\n"
				 "  \"rows\": [\n    {\"v\": 3}\n  ]\n}\n");
	free(buf);
	buf = NULL;
	out = open_memstream(&buf, &len);
	assert_int_equal(fb_writer_find("text")->write(out, &d, &e), 0);
	fclose(out);
	assert_string_equal(buf, "Title\n\nV\n3\n");
	free(buf);
	fb_doc_release(&d);
}

/*
 * A list of codes (a full one, an empty one, none) and a flag for JSON
 * alone: JSON writes the list as an array and the flag bare; CSV and the
 * text table write the list as it is and leave the flag out.
 */
static const struct fb_column listed[] = {
	{ .name = "code", .brief = "Code", .kind = FB_CK_CODE },
	{ .name = "codes", .brief = "Codes", .kind = FB_CK_CODES },
	{ .name = "moved", .brief = "Moved", .kind = FB_CK_FLAG, .flags = FB_COL_JSON_ONLY },
};

static char *
write_listed(const struct fb_writer *w)
{
	static const char *const lists[] = { "851 867 \"x", "", NULL };
	struct fb_doc d;
	struct fb_error e = { 0, "" };
	struct fb_table *t;
	char *buf = NULL;
	size_t len;
	FILE *out = open_memstream(&buf, &len);

	fb_doc_init(&d, "test", NULL);
	t = fb_doc_table(&d, "T", listed, 3, NULL);
	for (size_t r = 0; r < 3; r++) {
		struct fb_cell *c = fb_table_row(t, r == 2);

		fb_cell_text(&d, &c[0], FB_CK_CODE, r == 2 ? "ALL" : "001");
		if (lists[r])
			fb_cell_text(&d, &c[1], FB_CK_CODES, lists[r]);
		if (r != 1)
			fb_cell_number(&c[2], FB_CK_FLAG, r == 2);
	}
	assert_int_equal(w->write(out, &d, &e), 0);
	fclose(out);
	fb_doc_release(&d);
	return buf;
}

static void
test_codes_and_flags(void **state)
{
	char *s;
	char buf[FB_DOC_CELL_BUF];
	struct fb_cell flag;

	(void)state;
	fb_cell_number(&flag, FB_CK_FLAG, 1);
	assert_string_equal(fb_cell_format(&flag, buf), "true");
	assert_false(fb_cell_kind_numeric(FB_CK_CODES));
	assert_false(fb_cell_kind_numeric(FB_CK_FLAG));

	s = write_listed(fb_writer_find("json"));
	assert_string_equal(s, "{\n  \"rows\": [\n"
			       "    {\"code\": \"001\", \"codes\": [\"851\", \"867\", \"\\\"x\"], "
			       "\"moved\": false},\n"
			       "    {\"code\": \"001\", \"codes\": [], \"moved\": null},\n"
			       "    {\"code\": \"ALL\", \"codes\": null, \"moved\": true}\n  ]\n}\n");
	free(s);
	s = write_listed(fb_writer_find("csv"));
	assert_string_equal(s, "code,codes\n001,\"851 867 \"\"x\"\n001,\nALL,\n");
	free(s);
	s = write_listed(fb_writer_find("html"));
	assert_non_null(strstr(s, "<tr><td>001</td><td>851 867 &quot;x</td></tr>"));
	assert_null(strstr(s, "Moved"));
	free(s);
	s = write_listed(fb_writer_find("text"));
	/*
	 * The codes are 10 wide: Code, two spaces, Codes; the rule 4 + 2 + 10.
	 * No line ends in spaces.
	 */
	assert_string_equal(s, "\n\nCode  Codes\n001   851 867 \"x\n001\n"
			       "----------------\nALL\n");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_number_note),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_xlsx_cannot_make),
		cmocka_unit_test(test_xlsx_scratch),
		cmocka_unit_test(test_failure),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_codes_and_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
