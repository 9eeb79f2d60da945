/* test-keymap.c: the byte-string hash map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/keymap.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keymap_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
