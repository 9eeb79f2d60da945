/*
 * test-doc-manifest.c: check-manifest's document from checks made up by
 * hand: one input changed, found in the manifest's folder after the run's;
 * one missing from both; one read from standard input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/manifest.h"
#include "doc-assert.h"

static void
test_manifest(void **state)
{
	struct fb_manifest_input in[3] = {
		{ .name = "a.csv", .role = "records", .bytes = 100,
		  .sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" },
		{ .name = "b\x01.csv", .role = "records", .bytes = 50, .sha256 = "ff" },
		{ .name = "-", .role = "records", .bytes = 7, .sha256 = "ee" },
	};
	struct fb_manifest m = { .command = "report", .tool_version = "0.1.0",
				 .spec_version = "1.1", .created = "2026-11-23T10:00:00Z",
				 .directory = "/run", .inputs = in, .ninputs = 3 };
	struct fb_manifest_folders folders = { .v = {
		{ .path = "/run", .where = FB_MANIFEST_RUN_FOLDER },
		{ .path = "/moved", .where = FB_MANIFEST_OWN_FOLDER } }, .n = 2 };
	struct fb_manifest_check checks[3] = {
		{ .state = FB_MANIFEST_CHANGED, .bytes = 101, .tried = 2, .found = 1,
		  .sha256 = "abcdefabcdef0000000000000000000000000000000000000000000000000000" },
		{ .state = FB_MANIFEST_MISSING, .bytes = -1, .error = 2, .tried = 2, .found = -1 },
		{ .state = FB_MANIFEST_STDIN, .bytes = -1, .tried = 0, .found = -1 },
	};
	const char *found[3] = { "/moved/a.csv", NULL, NULL };
	struct fb_doc d;
	const struct fb_table *t;
	const struct fb_note *n;

	(void)state;
	fb_doc_manifest(&d, "m.json", &m, &folders, checks, found);

	/* One unchanged-or-not count per state, numbers in JSON. */
	n = fb_doc_find_note(&d, "changed");
	assert_true(n && n->place == FB_NOTE_NUMBER);
	assert_string_equal(n->text, "1");
	assert_string_equal(fb_doc_find_note(&d, "unchanged")->text, "0");
	assert_string_equal(fb_doc_find_note(&d, "directory")->text, "/run");

	t = table(&d, "Inputs");
	assert_ptr_equal(t, &d.tables[0]);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(text(t, 0, 3), "changed");
	assert_string_equal(text(t, 0, 4), "100");
	assert_string_equal(text(t, 0, 6), "101");
	assert_string_equal(text(t, 0, 9), "/moved/a.csv");
	assert_string_equal(text(t, 1, 3), "missing");
	assert_int_equal(fb_table_cell(t, 1, 6)->kind, FB_CK_EMPTY);
	assert_int_equal(fb_table_cell(t, 1, 9)->kind, FB_CK_EMPTY);
	assert_string_equal(text(t, 2, 3), "stdin");
	assert_int_equal(fb_table_cell(t, 2, 9)->kind, FB_CK_EMPTY);

	/* Folders tried, each tied to its input: 2 for a.csv, 2 for b, none for stdin. */
	t = table(&d, "Looked in");
	assert_int_equal(t->nest, 1);
	assert_string_equal(t->member, "looked_in");
	assert_int_equal(t->nrows, 4);
	assert_string_equal(text(t, 0, 0), "1");
	assert_string_equal(text(t, 1, 1), "/moved");
	assert_string_equal(text(t, 3, 0), "2");

	t = table(&d, "Text");
	assert_int_equal(t->nrows, 5);
	assert_string_equal(text(t, 0, 0), "m.json: report run of 2026-11-23T10:00:00Z in /run "
			    "by fosterbeds 0.1.0 (standard 1.1)");
	assert_string_equal(text(t, 1, 0), "a.csv: changed (found in /moved, the manifest's "
			    "folder; not in /run, where the run was made; was 100 bytes, sha256 "
			    "0123456789ab...; now 101 bytes, sha256 abcdefabcdef...)");
	/* As it is: the text writer shows the control character (writer-text.c). */
	assert_string_equal(text(t, 2, 0), "b\x01.csv: missing (looked in /run, where the run "
			    "was made; and in /moved, the manifest's folder)");
	assert_string_equal(text(t, 3, 0), "-: stdin (read from standard input: cannot be "
			    "checked)");
	assert_string_equal(text(t, 4, 0), "3 inputs: 0 unchanged, 1 changed, 1 missing, 1 stdin");
	fb_doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_manifest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
