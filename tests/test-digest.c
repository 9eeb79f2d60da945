/*
 * test-digest.c: SHA-256 against the published test vectors (FIPS 180-2,
 * appendix B), whole and fed in pieces, from memory and from a stream, and
 * hashed beside the reader (fb_digest_async).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/digest.h"

static const struct {
	const char *text;
	const char *hex;
} vectors[] = {
	{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
};

static void
test_vectors(void **state)
{
	char hex[FB_SHA256_HEX];
	(void)state;

	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		fb_digest_buffer(vectors[i].text, strlen(vectors[i].text), hex);
		assert_string_equal(hex, vectors[i].hex);
	}
}

/* A million 'a's (FIPS 180-2 B.3), fed in uneven pieces and read from a stream. */
static void
test_pieces_and_stream(void **state)
{
	enum { n = 1000000 };
	static const char want[] =
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	char *a = malloc(n), hex[FB_SHA256_HEX];
	struct fb_digest d;
	long long bytes = -1;
	FILE *in;
	(void)state;

	assert_non_null(a);
	memset(a, 'a', n);
	fb_digest_init(&d);
	for (size_t at = 0, step = 1; at < n; at += step, step = step * 3 + 1)
		fb_digest_update(&d, a + at, at + step > n ? n - at : step);
	fb_digest_hex(&d, hex);
	assert_string_equal(hex, want);
	/* fb_digest_hex() leaves d ready for new data. */
	fb_digest_update(&d, "abc", 3);
	fb_digest_hex(&d, hex);
	assert_string_equal(hex, vectors[1].hex);

	in = fmemopen(a, n, "rb");
	assert_non_null(in);
	assert_int_equal(fb_digest_stream(in, hex, &bytes), 0);
	fclose(in);
	assert_int_equal(bytes, n);
	assert_string_equal(hex, want);
	free(a);
}

/*
 * fb_digest_async: the same digest as fb_digest_update() however the bytes
 * come (one byte, under a slot, several slots at once, past the ring's
 * size), so through the thread where the build has one; and released
 * without its digest (a failed read) it stops without hanging.
 */
static void
test_async(void **state)
{
	enum { n = 1000000 };
	static const char want[] =
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	static const size_t steps[] = { 1, 100, FB_DIGEST_SLOT - 1, FB_DIGEST_SLOT, 3,
					FB_DIGEST_SLOT + 7, FB_DIGEST_SLOTS * FB_DIGEST_SLOT + 5 };
	char *a = malloc(n), hex[FB_SHA256_HEX];
	struct fb_digest_async d;
	size_t at = 0, k = 0;
	(void)state;

	assert_non_null(a);
	memset(a, 'a', n);
	fb_digest_async_init(&d);
	for (; at < n; at += steps[k++ % 7])
		fb_digest_async_update(&d, a + at, at + steps[k % 7] > n ? n - at : steps[k % 7]);
	fb_digest_async_hex(&d, hex);
	fb_digest_async_release(&d);
	assert_string_equal(hex, want);

	/* An input of one slot or less, and none at all. */
	fb_digest_async_init(&d);
	fb_digest_async_update(&d, "abc", 3);
	fb_digest_async_hex(&d, hex);
	fb_digest_async_release(&d);
	assert_string_equal(hex, vectors[1].hex);
	fb_digest_async_init(&d);
	fb_digest_async_hex(&d, hex);
	fb_digest_async_release(&d);
	assert_string_equal(hex, vectors[0].hex);

	/* Stopped part way, slots still queued. */
	fb_digest_async_init(&d);
	for (at = 0; at < n; at += FB_DIGEST_SLOT / 2)
		fb_digest_async_update(&d, a, FB_DIGEST_SLOT / 2);
	fb_digest_async_release(&d);
	free(a);
}

static void
test_is_hex(void **state)
{
	(void)state;

	assert_true(fb_digest_is_hex(vectors[0].hex));
	assert_false(fb_digest_is_hex(""));
	assert_false(fb_digest_is_hex("abc"));
	/* Upper case is not how a manifest spells it. */
	assert_false(fb_digest_is_hex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
	/* 65 digits. */
	assert_false(fb_digest_is_hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550"));
	assert_false(fb_digest_is_hex("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_pieces_and_stream),
		cmocka_unit_test(test_async),
		cmocka_unit_test(test_is_hex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
