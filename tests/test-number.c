/* test-number.c: strict count parsing, with and without thousands separators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/number.h"

static void
test_parse_table(void **state)
{
	static const struct {
		const char *s;
		int thousands;
		int ok;
		long n;
	} cases[] = {
		{ "0", 0, 1, 0 },
		{ "0", 1, 1, 0 },
		{ "135", 0, 1, 135 },
		{ "135", 1, 1, 135 },                  /* no comma needed under 1,000 */
		{ " 135 ", 0, 1, 135 },                /* surrounding spaces allowed */
		{ "\t135\t", 0, 1, 135 },              /* ... and tabs */
		{ "007", 0, 1, 7 },                    /* leading zeros are still digits */
		{ "54,870", 1, 1, 54870 },             /* 54 * 1000 + 870 */
		{ "54,870", 0, 0, 0 },                 /* a comma is not a digit without thousands */
		{ "54870", 1, 1, 54870 },              /* commas are allowed, not required */
		{ "1,234,567", 1, 1, 1234567 },        /* 1 * 10^6 + 234 * 10^3 + 567 */
		{ "1,234,567", 0, 0, 0 },
		{ " 1,380 ", 1, 1, 1380 },
		{ "12,34", 1, 0, 0 },                  /* last group of 2 */
		{ "1,2345", 1, 0, 0 },                 /* last group of 4 */
		{ "1234,567", 1, 0, 0 },               /* first group of 4 */
		{ "1,234,56", 1, 0, 0 },
		{ ",123", 1, 0, 0 },                   /* empty first group */
		{ "123,", 1, 0, 0 },                   /* empty last group */
		{ "1,,234", 1, 0, 0 },                 /* empty middle group */
		{ ",", 1, 0, 0 },
		{ "-3", 0, 0, 0 },
		{ "-3", 1, 0, 0 },
		{ "+3", 0, 0, 0 },
		{ "12.5", 0, 0, 0 },
		{ "12.5", 1, 0, 0 },
		{ "12.0", 0, 0, 0 },
		{ "1 000", 0, 0, 0 },                  /* inner space */
		{ "", 0, 0, 0 },
		{ "", 1, 0, 0 },
		{ "  ", 0, 0, 0 },
		{ "n/a", 0, 0, 0 },
		{ "..", 1, 0, 0 },                     /* Ofsted's suppressed mark is not a count */
		{ "0x10", 0, 0, 0 },
		{ "1e3", 0, 0, 0 },
		{ "2000000000", 0, 1, 2000000000L },   /* the limit itself */
		{ "2,000,000,000", 1, 1, 2000000000L },
		{ "2000000001", 0, 0, 0 },             /* one above the limit */
		{ "2,000,000,001", 1, 0, 0 },
		{ "99999999999999999999999", 0, 0, 0 }, /* would overflow a long */
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long n = 0xad;
		int rc = fb_count_parse(cases[i].s, strlen(cases[i].s), cases[i].thousands, &n);

		if (!cases[i].ok) {
			if (rc != -1)
				fail_msg("'%s' (thousands=%d) parsed as %ld", cases[i].s,
					 cases[i].thousands, n);
			assert_int_equal(n, 0xad);   /* untouched on failure */
			continue;
		}
		if (rc != 0)
			fail_msg("'%s' (thousands=%d) did not parse", cases[i].s, cases[i].thousands);
		assert_int_equal(n, cases[i].n);
	}
}

/* Only len bytes are read: the rest of the buffer does not matter. */
static void
test_length_bounds(void **state)
{
	long n = 0xad;
	(void)state;

	assert_int_equal(fb_count_parse("135x", 3, 0, &n), 0);
	assert_int_equal(n, 135);
	n = 0xad;
	assert_int_equal(fb_count_parse("1,380,", 5, 1, &n), 0);   /* "1,380" */
	assert_int_equal(n, 1380);
	n = 0xad;
	assert_int_equal(fb_count_parse("1,38", 4, 1, &n), -1);
	assert_int_equal(n, 0xad);
	assert_int_equal(fb_count_parse("5", 0, 0, &n), -1);       /* zero bytes */
	assert_int_equal(n, 0xad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_length_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
