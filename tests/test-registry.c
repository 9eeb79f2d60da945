/* test-registry.c: repeated beds and filled beds per household. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/keymap.h"
#include "fosterbeds/registry.h"

enum { F = FB_ST_FILLED };

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

struct events {
	int n;
	char what[8];       /* 'D' duplicate, 'O' over the limit */
	long first[8], at[8];
};

/* A row as run.c feeds it: a repeated bed stops there, a filled one counts. */
static void
feed(struct fb_registry *r, const char *hh, const char *id, int status, long line,
     struct events *ev)
{
	struct fb_bed b = bed(851, 1, hh, id, status);
	const struct fb_seen *s = fb_registry_bed(r, &b, 0, line);

	if (s) {
		ev->what[ev->n] = 'D';
		ev->first[ev->n] = s->line;
		ev->at[ev->n++] = line;
		return;
	}
	if (status == F && fb_registry_filled(r, &b, 0, line)->filled == FB_REGISTRY_LIMIT + 1) {
		ev->what[ev->n] = 'O';
		ev->first[ev->n] = 0;
		ev->at[ev->n++] = line;
	}
}

static void
on_duplicate(void *ctx, const struct fb_seen *first, const struct fb_seen *later)
{
	struct events *ev = ctx;

	ev->what[ev->n] = 'D';
	ev->first[ev->n] = first->line;
	ev->at[ev->n++] = later->line;
}

static void
on_over_limit(void *ctx, const struct fb_seen *household, int file, long line)
{
	struct events *ev = ctx;

	(void)household;
	assert_int_equal(file, 0);
	ev->what[ev->n] = 'O';
	ev->first[ev->n] = 0;
	ev->at[ev->n++] = line;
}

static void
assert_same_map(const struct fb_keymap *a, const struct fb_keymap *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		size_t la, lb;
		const void *ka = fb_keymap_key(a, i, &la), *kb = fb_keymap_key(b, i, &lb);

		assert_int_equal(la, lb);
		assert_memory_equal(ka, kb, la);
		assert_memory_equal(fb_keymap_value(a, i), fb_keymap_value(b, i), a->value_size);
	}
}

/*
 * Lines 2-4 and 5-8 of one file, checked apart and merged, give the whole
 * file's registry, and the merge reports what only the whole could see:
 * line 6 repeats line 4's bed, and line 7 is household H1's fourth filled bed
 * (lines 2, 3, 5, 7), though the second part alone saw only two.
 */
static void
test_merge_halves(void **state)
{
	static const struct { const char *hh, *id; int status; long line; } rows[] = {
		{ "H1", "1", F, 2 }, { "H1", "2", F, 3 }, { "H2", "1", FB_ST_VACANT, 4 },
		{ "H1", "3", F, 5 }, { "H2", "1", FB_ST_VACANT, 6 }, { "H1", "4", F, 7 },
		{ "H3", "1", F, 8 },
	};
	struct fb_registry whole, a, b;
	struct events want = { 0 }, part = { 0 }, got = { 0 };
	struct fb_registry_merge_fns fns = { on_duplicate, on_over_limit, &got };
	(void)state;

	fb_registry_init(&whole);
	fb_registry_init(&a);
	fb_registry_init(&b);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		feed(&whole, rows[i].hh, rows[i].id, rows[i].status, rows[i].line, &want);
		feed(rows[i].line < 5 ? &a : &b, rows[i].hh, rows[i].id, rows[i].status,
		     rows[i].line, &part);
	}
	/* Worked by hand: the whole file has one repeat and one over the limit... */
	assert_int_equal(want.n, 2);
	assert_memory_equal(want.what, "DO", 2);
	assert_int_equal(want.first[0], 4);
	assert_int_equal(want.at[0], 6);
	assert_int_equal(want.at[1], 7);
	/* ...and neither part sees either. */
	assert_int_equal(part.n, 0);

	fb_registry_merge(&a, &b, &fns);
	assert_int_equal(got.n, want.n);
	assert_memory_equal(got.what, want.what, 2);
	assert_memory_equal(got.first, want.first, sizeof(want.first));
	assert_memory_equal(got.at, want.at, sizeof(want.at));
	assert_same_map(&a.beds, &whole.beds);
	assert_same_map(&a.households, &whole.households);

	/* Merging on: a later part's rows still meet the first part's. */
	fb_registry_release(&b);
	fb_registry_init(&b);
	feed(&b, "H1", "2", F, 9, &part);
	assert_int_equal(part.n, 0);
	got.n = 0;
	fb_registry_merge(&a, &b, &fns);
	assert_int_equal(got.n, 1);
	assert_int_equal(got.what[0], 'D');
	assert_int_equal(got.first[0], 3);
	assert_int_equal(got.at[0], 9);
	fb_registry_release(&whole);
	fb_registry_release(&a);
	fb_registry_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_merge_halves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
