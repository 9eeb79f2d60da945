/* test-registry.c: repeated beds and filled beds per household. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
