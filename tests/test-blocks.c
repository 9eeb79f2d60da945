/*
 * test-blocks.c: reading bed records in blocks (ingest.h, struct
 * fb_ingest_blocks) changes nothing.  Random files made to be awkward at a
 * block's edge are read a row at a time, then in blocks of many sizes by
 * one worker and by two threads (the host's hooks), and every run must be
 * the same (same-run.h): each finding in order with its line and Excel
 * row, every count and the tally.
 *
 * The files mix what moves lines and rows about or is said once per file:
 * quoted values holding LF, CRLF or CR line breaks (one record, several
 * lines) and doubled quotes, LF, CRLF and lone-CR line ends, blank and
 * all-comma rows, a field too many, malformed quoting, bytes that are not
 * UTF-8, padded values, DD/MM/YYYY and future dates, unknown LA codes,
 * repeated beds and households over the limit far apart, a row longer
 * than the blocks, a last line without a line end and a quote that never
 * closes.  A failure names the seed, the block size and what differs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <errno.h>

#include "fosterbeds/filter.h"
#include "fosterbeds/hooks.h"
#include "fosterbeds/host.h"
#include "fosterbeds/run.h"
#include "same-run.h"
#include "test-random.h"

/*
 * Files to try; FB_TEST_FEW asks for a few (set by tests/valgrind-wrap.sh,
 * and by tools/test.sh for the sanitizers' build, where a thread is slow).
 */
#define NFILES 40
#define NFILES_FEW 6

static uint64_t nfiles = NFILES;
#define TODAY 20788   /* 2026-12-01 */

static const size_t sizes[] = { 1, 3, 8, 13, 31, 64, 97, 256, 4096, 65536 };

/* A value, quoted now and then, sometimes with a line break or a doubled quote inside. */
static void
value(struct text *t, uint64_t *s, const char *v)
{
	static const char *const breaks[] = { "\n", "\r\n", "\r" };

	switch (rnd(s, 12)) {
	case 0:
		put(t, "\"%s\"", v);
		break;
	case 1:
		put(t, "\"%s%s\"", v, breaks[rnd(s, 3)]);
		break;
	case 2:
		put(t, "\"\"\"%s\"", v);
		break;
	case 3:
		put(t, " %s ", v);
		break;
	default:
		put(t, "%s", v);
	}
}

static void
generate(uint64_t seed, struct text *t)
{
	static const char *const las[] = { "851", "867", "852", "999", "85x", "" };
	static const char *const dates[] = { "2026-03-31", "31/03/2026", "2026-06-30",
		"2027-01-01", "2027-02-02", "2026-02-30", "" };
	static const char *const uses[] = { "mainstream", "respite", "emergency", "x" };
	static const char *const statuses[] = { "filled", "vacant", "unavailable", "Vacnt" };
	static const char *const eols[] = { "\n", "\r\n", "\r" };
	uint64_t s = seed;
	const char *eol = eols[rnd(&s, 4) == 0 ? 1 + rnd(&s, 2) : 0];
	int rows = 1 + rnd(&s, 120);

	t->len = 0;
	put(t, "la_code,snapshot_date,household_id,bed_id,bed_use,status,"
	       "unavailable_reason,vacancy_reason,child_ref,ofsted_status%s", eol);
	for (int i = 0; i < rows; i++) {
		int kind = rnd(&s, 40), status = rnd(&s, 4);
		char hh[16], bed[8];

		if (kind == 0) {
			put(t, "%s", eol);
			continue;
		}
		if (kind == 1) {
			put(t, ",,,,,,,,,%s", eol);
			continue;
		}
		if (kind == 2) {
			put(t, "851,2026-03-31,H1,1,mainstream,filled,,,C1,filled,extra%s", eol);
			continue;
		}
		if (kind == 3) {
			put(t, "851,2026-03-31,\"H1\"x,1,mainstream,vacant,,,,%s", eol);
			continue;
		}
		if (kind == 4) {
			put(t, "867,2026-03-31,H\xff\xfe,1,mainstream,vacant,,,,%s", eol);
			continue;
		}
		if (kind == 6) {
			/* One household's beds, filled: over the limit from the fourth. */
			put(t, "826,2026-03-31,HL,%u,mainstream,filled,,,C%d,%s", rnd(&s, 8), i, eol);
			continue;
		}
		if (kind == 5) {
			/* Longer than the small blocks. */
			put(t, "852,2026-06-30,H%0200d,1,respite,vacant,,no_match,,%s", i, eol);
			continue;
		}
		snprintf(hh, sizeof(hh), "H%u", rnd(&s, 12));
		snprintf(bed, sizeof(bed), "%u", rnd(&s, 6));
		value(t, &s, las[rnd(&s, 8) < 6 ? rnd(&s, 3) : rnd(&s, 6)]);
		put(t, ",");
		value(t, &s, dates[rnd(&s, 4) ? rnd(&s, 3) : rnd(&s, 7)]);
		put(t, ",");
		value(t, &s, hh);
		put(t, ",");
		value(t, &s, bed);
		put(t, ",");
		value(t, &s, uses[rnd(&s, 20) ? rnd(&s, 3) : 3]);
		put(t, ",");
		value(t, &s, statuses[rnd(&s, 20) ? status % 3 : 3]);
		put(t, ",%s,%s,%s,%s%s", status == 2 && rnd(&s, 5) ? "carer_break" : "",
		    status == 1 ? "no_match" : rnd(&s, 10) ? "" : "logistics",
		    status == 0 || rnd(&s, 15) == 0 ? "C9" : "", rnd(&s, 2) ? "filled" : "", eol);
	}
	switch (rnd(&s, 6)) {
	case 0:
		/* No line end after the last row. */
		put(t, "851,2026-03-31,H1,2,mainstream,vacant,,,,");
		break;
	case 1:
		put(t, "851,2026-03-31,\"H1,2,mainstream,vacant,,,,%s851,2026-03-31,H2", eol);
		break;
	}
}

static void
read_run(struct fb_run *run, const struct text *t, int workers, size_t size, int limit,
	 const struct fb_filter *filter)
{
	struct fb_memory_source m;
	struct fb_source src;

	fb_run_init(run, TODAY, (size_t)limit);
	if (filter)
		fb_run_set_filter(run, filter);
	fb_run_set_blocks(run, workers, size);
	/* Twice: the second file's lines, rows and first files are its own. */
	for (int i = 0; i < 2; i++) {
		/* The size hint, right and far too big, changes nothing either. */
		fb_run_expect_size(run, (long long)t->len * (i ? 1000 : 1));
		fb_source_memory(&src, &m, t->s, t->len);
		if (fb_run_read_source(run, i ? "b.csv" : "a.csv", &src, NULL) != 0)
			fail_msg("blocks of %zu, %d workers: %s: %s\n--- the file:\n%.*s\n---", size,
				 workers, i ? "b.csv" : "a.csv", strerror(errno), (int)t->len, t->s);
	}
	fb_run_end(run);
}

static void
test_blocks_change_nothing(void **state)
{
	struct text t = { 0 };
	struct fb_filter filter;
	char why[1024];

	(void)state;
	fb_filter_init(&filter);
	assert_int_equal(fb_filter_set_las(&filter, "851,852", why, sizeof(why)), 0);
	for (uint64_t i = 0; i < nfiles; i++) {
		struct fb_run one;
		int limit = i % 5 == 0 ? 3 : 0;
		const struct fb_filter *f = i % 4 == 0 ? &filter : NULL;

		generate(0xb10c + i, &t);
		read_run(&one, &t, 1, 0, limit, f);
		for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			/* A thread a block: two workers only where blocks hold several rows. */
			for (int workers = 1; workers <= (sizes[k] >= 256 ? 2 : 1); workers++) {
				struct fb_run blocks;
				const char *diff;

				read_run(&blocks, &t, workers, sizes[k], limit, f);
				diff = same_run(&one, &blocks, why, sizeof(why));
				if (diff)
					fail_msg("seed %llu, blocks of %zu, %d workers: %s\n--- the file:\n"
						 "%.*s\n---", (unsigned long long)(0xb10c + i), sizes[k],
						 workers, diff, (int)t.len, t.s);
				fb_run_release(&blocks);
			}
		}
		fb_run_release(&one);
	}
	free(t.s);
}

/*
 * The generator makes what the test is for: quoted line breaks, rows cut
 * off by a block and every kind of finding above, so a change that made
 * it tamer fails here rather than passing for nothing.
 */
static void
test_files_are_awkward(void **state)
{
	struct text t = { 0 };
	size_t count[FB_R_COUNT] = { 0 };
	int multiline = 0;

	(void)state;
	for (uint64_t i = 0; i < NFILES; i++) {
		struct fb_run run;

		generate(0xb10c + i, &t);
		read_run(&run, &t, 1, 0, 0, NULL);
		for (int r = 0; r < FB_R_COUNT; r++)
			count[r] += run.findings.count[r];
		for (size_t k = 0; k < run.findings.n; k++)
			multiline |= run.findings.items[k].row != run.findings.items[k].line;
		fb_run_release(&run);
	}
	assert_true(multiline);
	assert_true(count[FB_R_DUPLICATE_BED] > 0);
	assert_true(count[FB_R_OVER_LIMIT] > 0);
	assert_true(count[FB_R_DMY_DATE] > 0);
	assert_true(count[FB_R_FUTURE_DATE] > 0);
	assert_true(count[FB_R_UNKNOWN_LA_CODE] > 0);
	assert_true(count[FB_R_FIELD_COUNT] > 0);
	assert_true(count[FB_R_MALFORMED_QUOTE] > 0);
	assert_true(count[FB_R_INVALID_UTF8] > 0);
	assert_true(count[FB_R_EMPTY_ROWS] > 0);
	assert_true(count[FB_R_UNCLOSED_QUOTE] > 0);
	assert_true(count[FB_R_BAD_LA_CODE] > 0);
	assert_true(count[FB_R_BAD_DATE] > 0);
	free(t.s);
}

/* n copies of byte c into t. */
static void
put_run(struct text *t, char c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(t, "%c", c);
}

/*
 * Ids longer than a kept row holds their lengths in (65,535 bytes and up,
 * run.c's LONG_ID), repeated: the same findings and counts in blocks.
 * Worked out by hand: lines 4, 6 and 8 repeat lines 3, 2 and 7 (the ids
 * of 65,535 and 65,534 bytes differ); LA 851 has three beds, 852 two.  The
 * second file, the same again, repeats every line of the first.
 */
static void
test_long_ids(void **state)
{
	static const struct {
		int la;
		size_t household, bed;  /* bytes of 'A' and of 'B'; bed 0: "1" */
	} rows[] = { { 851, 70000, 0 }, { 851, 70000, 66000 }, { 851, 70000, 66000 },
		     { 851, 2, 0 }, { 851, 70000, 0 }, { 852, 65535, 0 }, { 852, 65535, 0 },
		     { 852, 65534, 0 } };
	static const long repeats[] = { 4, 6, 8 };
	struct text t = { 0 };
	struct fb_run one;
	char why[1024];
	int la, date;
	(void)state;

	put(&t, "la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,"
		"vacancy_reason,child_ref,ofsted_status\n");
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		put(&t, "%d,2025-03-31,", rows[i].la);
		put_run(&t, 'A', rows[i].household);
		put(&t, ",");
		if (rows[i].bed)
			put_run(&t, 'B', rows[i].bed);
		else
			put(&t, "1");
		put(&t, ",mainstream,vacant,,no_match,,vacant\n");
	}
	read_run(&one, &t, 1, 0, 0, NULL);
	assert_int_equal(one.findings.count[FB_R_DUPLICATE_BED], 3 + 8);
	for (size_t k = 0; k < 3 + 8; k++) {
		assert_int_equal(one.findings.items[k].rule, FB_R_DUPLICATE_BED);
		assert_int_equal(one.findings.items[k].file, k < 3 ? 0 : 1);
		assert_int_equal(one.findings.items[k].line, k < 3 ? repeats[k] : (long)k - 1);
	}
	assert_int_equal(fb_tally_ngroups(&one.tally), 2);
	assert_int_equal(fb_tally_group(&one.tally, 0, &la, &date)->approved, 3);
	assert_int_equal(la, 851);
	assert_int_equal(fb_tally_group(&one.tally, 1, &la, &date)->approved, 2);
	assert_int_equal(la, 852);
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		for (int workers = 1; workers <= 2; workers++) {
			struct fb_run blocks;
			const char *diff;

			read_run(&blocks, &t, workers, sizes[k] * 1000, 0, NULL);
			if ((diff = same_run(&one, &blocks, why, sizeof(why))))
				fail_msg("long ids, blocks of %zu, %d workers: %s", sizes[k] * 1000,
					 workers, diff);
			fb_run_release(&blocks);
		}
	}
	fb_run_release(&one);
	free(t.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files_are_awkward),
		cmocka_unit_test(test_blocks_change_nothing),
		cmocka_unit_test(test_long_ids),
	};

	if (getenv("FB_TEST_FEW"))
		nfiles = NFILES_FEW;
	/* Threads where the build has them: two workers then really run at once. */
	fb_host_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
