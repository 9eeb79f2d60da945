/*
 * test-host.c: the tool's Windows-1252 decoder (host.c), a table, against
 * glibc's iconv("UTF-8", "WINDOWS-1252"), which it replaced: every one of
 * the 256 single bytes, and a text with an undefined byte in the middle.
 * Native only (the WebAssembly build has no iconv and no unit tests).
 */
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/host.h"

/* iconv's answer for len bytes: the UTF-8 in out, its length, or -1. */
static long
iconv_1252(const char *in, size_t len, char *out, size_t cap)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	char *i = (char *)in, *o = out;
	size_t inleft = len, left = cap;
	size_t r;

	assert_true(cd != (iconv_t)-1);
	r = iconv(cd, &i, &inleft, &o, &left);
	iconv_close(cd);
	return r == (size_t)-1 ? -1 : (long)(o - out);
}

static void
test_every_byte(void **state)
{
	char *(*decode)(const char *, size_t, size_t *) = fb_host_hooks()->decode_1252;
	int undefined = 0;
	(void)state;

	assert_non_null(decode);
	for (int b = 0; b < 256; b++) {
		char in = (char)b, want[8];
		long wantlen = iconv_1252(&in, 1, want, sizeof(want));
		size_t len = 99;
		char *got = decode(&in, 1, &len);

		if (wantlen < 0) {
			assert_null(got);
			undefined++;
			continue;
		}
		assert_non_null(got);
		assert_int_equal(len, (size_t)wantlen);
		assert_memory_equal(got, want, len);
		assert_int_equal(got[len], '\0');
		free(got);
	}
	/* 0x81, 0x8D, 0x8F, 0x90 and 0x9D. */
	assert_int_equal(undefined, 5);
}

static void
test_text(void **state)
{
	char *(*decode)(const char *, size_t, size_t *) = fb_host_hooks()->decode_1252;
	static const char ok[] = "Caf\xe9 \x80 5 \x93quoted\x94 \x85";
	static const char bad[] = "Caf\xe9 \x90 x";
	char want[64];
	long wantlen = iconv_1252(ok, sizeof(ok) - 1, want, sizeof(want));
	size_t len = 0;
	char *got;
	(void)state;

	got = decode(ok, sizeof(ok) - 1, &len);
	assert_non_null(got);
	assert_int_equal(len, (size_t)wantlen);
	assert_string_equal(got, "Caf\xc3\xa9 \xe2\x82\xac 5 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\xa6");
	free(got);
	/* One undefined byte anywhere fails the whole text. */
	assert_true(iconv_1252(bad, sizeof(bad) - 1, want, sizeof(want)) < 0);
	assert_null(decode(bad, sizeof(bad) - 1, &len));
	/* Empty text decodes to an empty string. */
	got = decode("", 0, &len);
	assert_non_null(got);
	assert_int_equal(len, 0);
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
