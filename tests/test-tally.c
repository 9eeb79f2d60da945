/* test-tally.c: counting, pooling, ordering and merging tallies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/standard.h"
#include "fosterbeds/tally.h"

enum { M = FB_USE_MAINSTREAM, R = FB_USE_RESPITE, E = FB_USE_EMERGENCY };
enum { F = FB_ST_FILLED, V = FB_ST_VACANT, U = FB_ST_UNAVAILABLE };


/* Count a bed with no reasons recorded. */
static void
tally_add(struct fb_tally *t, int la, int date, int use, int status, int ofsted)
{
	fb_tally_add(t, la, date, &(struct fb_tally_bed){ use, status, ofsted, FB_NONE, FB_NONE });
}

static void
test_counts(void **state)
{
	/* LA 851 of tests/fixtures/small.csv: eight beds. */
	static const int beds[][2] = { { M, F }, { M, F }, { M, V }, { M, U }, { R, F },
				       { R, V }, { E, U }, { M, F } };
	struct fb_counts c = { 0 };
	(void)state;

	for (size_t i = 0; i < 8; i++)
		fb_counts_add(&c, &(struct fb_tally_bed){ beds[i][0], beds[i][1], FB_NONE, FB_NONE,
							  FB_NONE });
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
	tally_add(&t, 867, 20, M, F, FB_NONE);
	tally_add(&t, 851, 10, M, V, FB_NONE);
	tally_add(&t, 867, 10, R, F, FB_NONE);
	tally_add(&t, 851, 20, M, F, FB_NONE);
	tally_add(&t, 851, 10, M, F, FB_NONE);
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

/* Group i of t, which must be (la, date). */
static const struct fb_counts *
group_is(const struct fb_tally *t, size_t i, int la, int date)
{
	int l, d;
	const struct fb_counts *c = fb_tally_group(t, i, &l, &d);

	assert_int_equal(l, la);
	assert_int_equal(d, date);
	return c;
}

static void
test_groups(void **state)
{
	struct fb_tally t;
	const struct fb_counts *c;
	(void)state;

	fb_tally_init(&t);
	assert_int_equal(fb_tally_ngroups(&t), 0);
	tally_add(&t, 867, 20, M, F, FB_NONE);
	tally_add(&t, 851, 10, M, V, FB_NONE);
	tally_add(&t, 867, 20, R, U, FB_NONE);
	tally_add(&t, 851, 20, M, F, FB_NONE);
	assert_int_equal(fb_tally_ngroups(&t), 3);
	c = group_is(&t, 0, 867, 20);
	assert_int_equal(c->approved, 2);
	assert_int_equal(c->filled, 1);
	assert_int_equal(c->unavailable, 1);
	assert_int_equal(c->respite_emergency, 1);
	c = group_is(&t, 1, 851, 10);
	assert_int_equal(c->approved, 1);
	assert_int_equal(c->vacant, 1);
	c = group_is(&t, 2, 851, 20);
	assert_int_equal(c->ms_filled, 1);
	fb_tally_release(&t);
}

/* A tally merged into another: sums by group, new groups after dst's, in src's order. */
static void
test_merge(void **state)
{
	struct fb_tally dst, src;
	const struct fb_counts *c;
	(void)state;

	fb_tally_init(&dst);
	fb_tally_init(&src);
	tally_add(&dst, 851, 10, M, F, FB_NONE);
	tally_add(&dst, 852, 10, M, V, FB_NONE);
	/* src: 846 first, then 852 (which dst has), then 867. */
	tally_add(&src, 846, 20, R, F, FB_NONE);
	tally_add(&src, 852, 10, M, F, FB_NONE);
	tally_add(&src, 852, 10, E, U, FB_NONE);
	tally_add(&src, 867, 10, M, V, FB_NONE);
	tally_add(&src, 846, 20, M, F, FB_NONE);
	fb_tally_merge(&dst, &src);
	assert_int_equal(fb_tally_ngroups(&dst), 4);
	c = group_is(&dst, 0, 851, 10);
	assert_int_equal(c->approved, 1);
	c = group_is(&dst, 1, 852, 10);
	/* One vacant of dst's, one filled and one unavailable (emergency) of src's. */
	assert_int_equal(c->approved, 3);
	assert_int_equal(c->filled, 1);
	assert_int_equal(c->vacant, 1);
	assert_int_equal(c->unavailable, 1);
	assert_int_equal(c->respite_emergency, 1);
	assert_int_equal(c->ms_approved, 2);
	c = group_is(&dst, 2, 846, 20);
	assert_int_equal(c->approved, 2);
	assert_int_equal(c->filled, 2);
	assert_int_equal(c->ms_filled, 1);
	c = group_is(&dst, 3, 867, 10);
	assert_int_equal(c->vacant, 1);
	/* src is unchanged, and merging into an empty tally copies it in order. */
	fb_tally_release(&dst);
	fb_tally_init(&dst);
	fb_tally_merge(&dst, &src);
	assert_int_equal(fb_tally_ngroups(&dst), 3);
	group_is(&dst, 0, 846, 20);
	group_is(&dst, 2, 867, 10);
	c = group_is(&src, 1, 852, 10);
	assert_int_equal(c->approved, 2);
	fb_tally_release(&dst);
	fb_tally_release(&src);
}

static void
test_reasons(void **state)
{
	/* Two unavailable mainstream beds for siblings, one with no reason; a
	 * vacant respite bed for logistics and a vacant mainstream bed with none. */
	static const struct fb_tally_bed beds[] = {
		{ M, U, FB_NONE, FB_UR_SIBLING_ONLY, FB_NONE },
		{ M, U, FB_NONE, FB_UR_SIBLING_ONLY, FB_NONE },
		{ M, U, FB_NONE, FB_NONE, FB_NONE },
		{ R, V, FB_NONE, FB_NONE, FB_VR_LOGISTICS },
		{ M, V, FB_NONE, FB_NONE, FB_NONE },
		{ M, F, FB_NONE, FB_NONE, FB_NONE },
	};
	struct fb_counts c = { 0 }, twice = { 0 };
	(void)state;

	for (size_t i = 0; i < sizeof(beds) / sizeof(beds[0]); i++)
		fb_counts_add(&c, &beds[i]);
	assert_int_equal(c.unavailable_by[0][FB_UR_SIBLING_ONLY], 2);
	assert_int_equal(c.unavailable_by[0][FB_UR_COUNT], 1);   /* not recorded */
	assert_int_equal(c.unavailable_by[1][FB_UR_SIBLING_ONLY], 0);
	assert_int_equal(c.vacant_by[1][FB_VR_LOGISTICS], 1);
	assert_int_equal(c.vacant_by[0][FB_VR_COUNT], 1);
	assert_int_equal(c.vacant_by[0][FB_VR_LOGISTICS], 0);
	fb_counts_merge(&twice, &c);
	fb_counts_merge(&twice, &c);
	assert_int_equal(twice.unavailable_by[0][FB_UR_SIBLING_ONLY], 4);
	assert_int_equal(twice.vacant_by[1][FB_VR_LOGISTICS], 2);
}

/* The group at index i: its LA, date and beds, worked by hand. */
static void
assert_group(const struct fb_tally *t, size_t i, int la_want, int date_want, long approved)
{
	int la, date;
	const struct fb_counts *c = fb_tally_group(t, i, &la, &date);

	assert_int_equal(la, la_want);
	assert_int_equal(date, date_want);
	assert_int_equal(c->approved, approved);
}

/*
 * Each LA remembers its last group: groups alternating within one LA and
 * across LAs, an LA code past the memo's range, and a
 * tally used again after release, each land where the map alone puts them.
 */
static void
test_recent_groups(void **state)
{
	struct fb_tally t;
	(void)state;

	fb_tally_init(&t);
	/* 851 at dates 10, 20, 10, 20; 867 at 10 between them; 851 at 10 again. */
	tally_add(&t, 851, 10, M, F, FB_NONE);
	tally_add(&t, 851, 20, M, V, FB_NONE);
	tally_add(&t, 867, 10, M, F, FB_NONE);
	tally_add(&t, 851, 10, M, U, FB_NONE);
	tally_add(&t, 851, 20, R, F, FB_NONE);
	tally_add(&t, 851, 20, R, F, FB_NONE);
	tally_add(&t, 867, 10, E, V, FB_NONE);
	tally_add(&t, 851, 10, M, F, FB_NONE);
	/* Codes the memo does not cover still count, in the map. */
	tally_add(&t, FB_LA_ALL, 10, M, F, FB_NONE);
	tally_add(&t, 1000, 10, M, F, FB_NONE);
	tally_add(&t, FB_LA_ALL, 10, M, V, FB_NONE);
	assert_int_equal(fb_tally_ngroups(&t), 5);
	assert_group(&t, 0, 851, 10, 3);   /* F, U, F */
	assert_group(&t, 1, 851, 20, 3);   /* V, F, F */
	assert_group(&t, 2, 867, 10, 2);   /* F, V */
	assert_group(&t, 3, FB_LA_ALL, 10, 2);
	assert_group(&t, 4, 1000, 10, 1);
	assert_int_equal(fb_tally_group(&t, 0, &(int){ 0 }, &(int){ 0 })->filled, 2);
	assert_int_equal(fb_tally_group(&t, 1, &(int){ 0 }, &(int){ 0 })->respite_emergency, 2);
	/* Released and used again: nothing remembered of the groups gone. */
	fb_tally_release(&t);
	fb_tally_init(&t);
	tally_add(&t, 867, 10, M, F, FB_NONE);
	tally_add(&t, 851, 10, M, F, FB_NONE);
	assert_int_equal(fb_tally_ngroups(&t), 2);
	assert_group(&t, 0, 867, 10, 1);
	assert_group(&t, 1, 851, 10, 1);
	fb_tally_release(&t);
	fb_tally_release(&t);
}

/*
 * Random (LA, date) groups, added to one tally and, one bed at a time, to
 * a tally that forgets what it remembers before each add: the same groups
 * in the same order with the same counts.
 */
static void
test_recent_random(void **state)
{
	struct fb_tally t, slow;
	unsigned seed = 14;
	(void)state;

	fb_tally_init(&t);
	fb_tally_init(&slow);
	for (int i = 0; i < 20000; i++) {
		int la = rand_r(&seed) % 6 == 0 ? 851 + rand_r(&seed) % 3 : 851;
		int date = rand_r(&seed) % 4 == 0 ? rand_r(&seed) % 5 : 0;
		int use = rand_r(&seed) % 3, status = rand_r(&seed) % 3;

		if (rand_r(&seed) % 50 == 0)
			la = rand_r(&seed) % 2 ? FB_LA_ALL : 1000 + rand_r(&seed) % 3;
		tally_add(&t, la, date, use, status, FB_NONE);
		memset(slow.recent, 0, sizeof(slow.recent));
		tally_add(&slow, la, date, use, status, FB_NONE);
	}
	assert_int_equal(fb_tally_ngroups(&t), fb_tally_ngroups(&slow));
	for (size_t i = 0; i < fb_tally_ngroups(&t); i++) {
		int la, date, la2, date2;
		const struct fb_counts *c = fb_tally_group(&t, i, &la, &date);
		const struct fb_counts *d = fb_tally_group(&slow, i, &la2, &date2);

		assert_int_equal(la, la2);
		assert_int_equal(date, date2);
		assert_memory_equal(c, d, sizeof(*c));
	}
	fb_tally_release(&t);
	fb_tally_release(&slow);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_rows_sorted_and_pooled),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_recent_groups),
		cmocka_unit_test(test_recent_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
