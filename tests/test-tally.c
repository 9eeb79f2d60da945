/* test-tally.c: counting, pooling, ordering, merging; keymap and registry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/registry.h"
#include "fosterbeds/tally.h"

enum { M = FB_USE_MAINSTREAM, R = FB_USE_RESPITE, E = FB_USE_EMERGENCY };
enum { F = FB_ST_FILLED, V = FB_ST_VACANT, U = FB_ST_UNAVAILABLE };

static void
test_counts(void **state)
{
	/* LA 851 of tests/fixtures/small.csv: eight beds. */
	static const int beds[][2] = { { M, F }, { M, F }, { M, V }, { M, U }, { R, F },
				       { R, V }, { E, U }, { M, F } };
	struct fb_counts c = { 0 };
	(void)state;

	for (size_t i = 0; i < 8; i++)
		fb_counts_add(&c, beds[i][0], beds[i][1]);
	assert_int_equal(c.approved, 8);
	assert_int_equal(c.filled, 4);
	assert_int_equal(c.vacant, 2);
	assert_int_equal(c.unavailable, 2);
	assert_int_equal(c.respite_emergency, 3);
	assert_int_equal(c.ms_approved, 5);
	assert_int_equal(c.ms_filled, 3);
	assert_int_equal(c.ms_vacant, 1);
	assert_int_equal(c.ms_unavailable, 1);
}

static void
test_rows_sorted_and_pooled(void **state)
{
	struct fb_tally t;
	struct fb_tally_row *rows;
	size_t n;
	(void)state;

	fb_tally_init(&t);
	/* Arrive out of order: 867 d2, 851 d1, 867 d1, 851 d2, 851 d1. */
	fb_tally_add(&t, 867, 20, M, F);
	fb_tally_add(&t, 851, 10, M, V);
	fb_tally_add(&t, 867, 10, R, F);
	fb_tally_add(&t, 851, 20, M, F);
	fb_tally_add(&t, 851, 10, M, F);
	n = fb_tally_rows(&t, &rows);
	assert_int_equal(n, 6);
	assert_int_equal(rows[0].la_code, 851);
	assert_int_equal(rows[0].date, 10);
	assert_int_equal(rows[0].counts.approved, 2);
	assert_int_equal(rows[1].la_code, 851);
	assert_int_equal(rows[1].date, 20);
	assert_int_equal(rows[2].la_code, 867);
	assert_int_equal(rows[2].date, 10);
	assert_int_equal(rows[3].la_code, 867);
	assert_int_equal(rows[3].date, 20);
	assert_int_equal(rows[4].la_code, FB_LA_ALL);
	assert_int_equal(rows[4].date, 10);
	assert_int_equal(rows[4].nla, 2);
	assert_int_equal(rows[4].counts.approved, 3);
	assert_int_equal(rows[4].counts.filled, 2);
	assert_int_equal(rows[4].counts.ms_approved, 2);
	assert_int_equal(rows[4].counts.respite_emergency, 1);
	assert_int_equal(rows[5].la_code, FB_LA_ALL);
	assert_int_equal(rows[5].date, 20);
	assert_int_equal(rows[5].counts.filled, 2);
	free(rows);
	fb_tally_release(&t);
}

/* Tallies of two halves merged equal the tally of the whole. */
static void
test_merge(void **state)
{
	struct fb_tally whole, a, b;
	struct fb_tally_row *rw, *rm;
	size_t nw, nm;
	(void)state;

	fb_tally_init(&whole);
	fb_tally_init(&a);
	fb_tally_init(&b);
	for (int i = 0; i < 1000; i++) {
		int la = 800 + i % 7, date = i % 3, use = i % 5 == 0 ? R : M, st = i % 3;

		fb_tally_add(&whole, la, date, use, st);
		fb_tally_add(i < 400 ? &a : &b, la, date, use, st);
	}
	fb_tally_merge(&a, &b);
	nw = fb_tally_rows(&whole, &rw);
	nm = fb_tally_rows(&a, &rm);
	assert_int_equal(nw, nm);
	assert_memory_equal(rw, rm, nw * sizeof(*rw));
	free(rw);
	free(rm);
	fb_tally_release(&whole);
	fb_tally_release(&a);
	fb_tally_release(&b);
}

static void
test_keymap_many(void **state)
{
	struct fb_keymap m;
	char key[32];
	(void)state;

	fb_keymap_init(&m, sizeof(long));
	for (long i = 0; i < 50000; i++) {
		int created;
		long *v;

		snprintf(key, sizeof(key), "k%ld", i);
		v = fb_keymap_get(&m, key, strlen(key), &created);
		assert_true(created);
		*v = i * 3;
	}
	assert_int_equal(m.n, 50000);
	for (long i = 0; i < 50000; i += 7) {
		long *v;

		snprintf(key, sizeof(key), "k%ld", i);
		v = fb_keymap_find(&m, key, strlen(key));
		assert_non_null(v);
		assert_int_equal(*v, i * 3);
	}
	assert_null(fb_keymap_find(&m, "k50000", 6));
	assert_null(fb_keymap_find(&m, "k1", 1));   /* a prefix is another key */
	{
		size_t len;
		const char *k = fb_keymap_key(&m, 12345, &len);

		assert_int_equal(len, 6);
		assert_memory_equal(k, "k12345", 6);   /* insertion order kept */
	}
	fb_keymap_release(&m);
}

static struct fb_bed
bed(int la, int date, const char *hh, const char *id, int status)
{
	struct fb_bed b;

	memset(&b, 0, sizeof(b));
	b.la_code = la;
	b.date = date;
	b.household = hh;
	b.household_len = strlen(hh);
	b.bed_id = id;
	b.bed_id_len = strlen(id);
	b.status = status;
	return b;
}

static void
test_registry(void **state)
{
	struct fb_registry r;
	struct fb_bed b;
	const struct fb_seen *s;
	(void)state;

	fb_registry_init(&r);
	b = bed(851, 1, "H1", "1", F);
	assert_null(fb_registry_bed(&r, &b, 0, 2));
	s = fb_registry_bed(&r, &b, 0, 9);
	assert_non_null(s);
	assert_int_equal(s->line, 2);
	/* Different in any one part of the key: not a duplicate. */
	b = bed(852, 1, "H1", "1", F);
	assert_null(fb_registry_bed(&r, &b, 0, 3));
	b = bed(851, 2, "H1", "1", F);
	assert_null(fb_registry_bed(&r, &b, 0, 4));
	b = bed(851, 1, "H1", "2", F);
	assert_null(fb_registry_bed(&r, &b, 0, 5));
	/* "H1"+"12" and "H11"+"2" must not collide. */
	b = bed(851, 1, "H1", "12", F);
	assert_null(fb_registry_bed(&r, &b, 0, 6));
	b = bed(851, 1, "H11", "2", F);
	assert_null(fb_registry_bed(&r, &b, 0, 7));
	/* Across files the first sighting's file is kept. */
	b = bed(851, 1, "H1", "1", F);
	s = fb_registry_bed(&r, &b, 1, 2);
	assert_int_equal(s->file, 0);

	for (int i = 1; i <= 4; i++) {
		b = bed(851, 1, "H9", "x", F);
		s = fb_registry_filled(&r, &b, 0, 10 + i);
		assert_int_equal(s->filled, i);
		assert_int_equal(s->line, 11);
	}
	b = bed(851, 2, "H9", "x", F);
	assert_int_equal(fb_registry_filled(&r, &b, 0, 20)->filled, 1);
	fb_registry_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_rows_sorted_and_pooled),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_keymap_many),
		cmocka_unit_test(test_registry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
