/* test-standard.c: the standard's tables and lookups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/classify.h"
#include "fosterbeds/standard.h"

static const char *spec_paths[8];
static int nspec;

static int
lookup(enum fb_field f, const char *s)
{
	return fb_code_lookup(f, s, strlen(s));
}

static void
test_code_lookup(void **state)
{
	(void)state;
	assert_int_equal(lookup(FB_F_STATUS, "filled"), FB_ST_FILLED);
	assert_int_equal(lookup(FB_F_STATUS, "FILLED"), FB_ST_FILLED);
	assert_int_equal(lookup(FB_F_STATUS, "  Vacant "), FB_ST_VACANT);
	assert_int_equal(lookup(FB_F_STATUS, "Unavailable"), FB_ST_UNAVAILABLE);
	assert_int_equal(lookup(FB_F_STATUS, "Vacnt"), FB_NONE);
	assert_int_equal(lookup(FB_F_STATUS, ""), FB_NONE);
	assert_int_equal(lookup(FB_F_STATUS, "   "), FB_NONE);
	/* A code of another field is not a code of this one. */
	assert_int_equal(lookup(FB_F_STATUS, "respite"), FB_NONE);
	assert_int_equal(lookup(FB_F_STATUS, "not_counted"), FB_NONE);
	assert_int_equal(lookup(FB_F_OFSTED_STATUS, "Not_Counted"), FB_OS_NOT_COUNTED);
	assert_int_equal(lookup(FB_F_BED_USE, "Respite"), FB_USE_RESPITE);
	assert_int_equal(lookup(FB_F_BED_USE, "EMERGENCY"), FB_USE_EMERGENCY);
	assert_int_equal(lookup(FB_F_VACANCY_REASON, "other"), FB_VR_OTHER);
	assert_int_equal(lookup(FB_F_UNAVAILABLE_REASON, "other"), FB_UR_OTHER);
	assert_int_equal(lookup(FB_F_UNAVAILABLE_REASON, "sibling_only"), FB_UR_SIBLING_ONLY);
	assert_int_equal(lookup(FB_F_HOUSEHOLD_ID, "filled"), FB_NONE);  /* not coded */
	assert_int_equal(lookup(FB_F_STATUS, "a value far longer than any code could ever be"),
			 FB_NONE);
	/*
	 * A value holding a NUL byte is no code, and is never compared past the
	 * code's own end (fuzz-episodes found "filled\0d" read past "filled":
	 * tests/fuzz/regressions/episodes/nul-in-code.csv).
	 */
	assert_int_equal(fb_code_lookup(FB_F_STATUS, "filled\0d", 8), FB_NONE);
	assert_int_equal(fb_code_lookup(FB_F_OFSTED_STATUS, "filled\0\0\0\0\0\0\0\0\0", 15),
			 FB_NONE);
	assert_int_equal(fb_code_lookup(FB_F_STATUS, "filled\0", 7), FB_NONE);
	/* Every code of every field is found under its own field; lengths are right. */
	for (int f = 0; f < FB_F_COUNT; f++)
		for (int c = 0; c < fb_fields[f].ncodes; c++) {
			assert_int_equal(lookup((enum fb_field)f, fb_fields[f].codes[c].name), c);
			assert_int_equal(fb_fields[f].codes[c].len,
					 strlen(fb_fields[f].codes[c].name));
		}
	for (int c = 0; c < FB_CAT_COUNT; c++)
		assert_int_equal(fb_categories[c].len, strlen(fb_categories[c].name));
}

/*
 * The lookup as the standard defines it, slowly: trim spaces and tabs, fold
 * ASCII case, compare with each code in full.
 */
static int
lookup_by_definition(enum fb_field f, const char *s, size_t len)
{
	char folded[64];

	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof(folded))
		return FB_NONE;
	for (size_t k = 0; k < len; k++)
		folded[k] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] - 'A' + 'a') : s[k];
	for (int c = 0; c < fb_fields[f].ncodes; c++) {
		const char *name = fb_fields[f].codes[c].name;

		if (strlen(name) == len && memcmp(name, folded, len) == 0)
			return c;
	}
	return FB_NONE;
}

/*
 * Codes as written are matched before any folding: the odd spellings
 * around them (case, spaces, a prefix, one byte more, a NUL) must still
 * get the folded search's answer.  Then random values built from codes
 * and slips, against the definition.
 */
/*
 * fb_code_lookup_indexed() on the n bytes at v both ways: in a buffer of
 * exactly n bytes (ASan sees any read past them), and with FB_CODE_WIDE
 * readable, the bytes after v all ones, then all NULs; every way must agree.
 */
static int
indexed(const struct fb_code_index *x, enum fb_field f, const char *v, size_t n)
{
	char *exact = malloc(n ? n : 1), wide[64 + FB_CODE_WIDE];
	int got;

	assert_non_null(exact);
	memcpy(exact, v, n);
	got = fb_code_lookup_indexed(x, f, exact, n, n);
	free(exact);
	assert_true(n <= 64);
	for (int fill = 0; fill < 2; fill++) {
		memset(wide, fill ? 0 : 0xff, sizeof(wide));
		memcpy(wide, v, n);
		if (fb_code_lookup_indexed(x, f, wide, n, FB_CODE_WIDE) != got)
			fail_msg("'%.*s' (%zu bytes) in field %d: %d with %d bytes readable, %d "
				 "with %zu", (int)n, v, n, (int)f,
				 fb_code_lookup_indexed(x, f, wide, n, FB_CODE_WIDE), FB_CODE_WIDE,
				 got, n);
	}
	return got;
}

static void
test_code_lookup_as_written(void **state)
{
	/* Bytes around a code, each with its length: a NUL is a byte. */
	static const struct { const char *s; size_t len; } slips[] = {
		{ "", 0 }, { " ", 1 }, { "\t", 1 }, { "  ", 2 }, { "X", 1 }, { "d", 1 },
		{ "_", 1 }, { "\0", 1 },
	};
	static const enum fb_field coded[] = { FB_F_BED_USE, FB_F_STATUS,
		FB_F_UNAVAILABLE_REASON, FB_F_VACANCY_REASON, FB_F_OFSTED_STATUS };
	unsigned seed = 20261202;
	struct fb_code_index index[FB_F_COUNT];
	(void)state;

	for (int k = 0; k < 5; k++) {
		int guessed = 0;

		fb_code_index_init(&index[coded[k]], coded[k]);
		/* No two of a field's codes share a guess (else one is searched for). */
		for (int h = 0; h < 64; h++)
			guessed += index[coded[k]].at[h] != FB_CODE_INDEX_CODES;
		assert_int_equal(guessed, fb_fields[coded[k]].ncodes);
		/* The index has room for each code and its bytes. */
		assert_true(fb_fields[coded[k]].ncodes <= FB_CODE_INDEX_CODES);
		for (int c = 0; c < fb_fields[coded[k]].ncodes; c++)
			assert_true(fb_fields[coded[k]].codes[c].len <= FB_CODE_WIDE);
		/* Every code as written is found, whether guessed or searched for. */
		for (int c = 0; c < fb_fields[coded[k]].ncodes; c++)
			assert_int_equal(indexed(&index[coded[k]], coded[k],
								fb_fields[coded[k]].codes[c].name,
								fb_fields[coded[k]].codes[c].len), c);
		/*
		 * A code with bytes after it, of every last byte: some share the
		 * code's guess, and none may be taken for it.
		 */
		for (int c = 0; c < fb_fields[coded[k]].ncodes; c++) {
			const struct fb_code *code = &fb_fields[coded[k]].codes[c];
			char v[64];

			/* Every byte of it changed to every other: never taken for it. */
			for (size_t at = 0; at < code->len; at++) {
				for (int b = 0; b < 256; b++) {
					memcpy(v, code->name, code->len);
					v[at] = (char)b;
					assert_int_equal(
						indexed(&index[coded[k]], coded[k], v,
								       code->len),
						lookup_by_definition(coded[k], v, code->len));
				}
			}
			/* NULs after it, as far as the index reads: a longer value, not it. */
			for (size_t nuls = 1; code->len + nuls <= FB_CODE_WIDE; nuls++) {
				memcpy(v, code->name, code->len);
				memset(v + code->len, 0, nuls);
				assert_int_equal(indexed(&index[coded[k]], coded[k], v,
							 code->len + nuls), FB_NONE);
			}
			for (size_t more = 1; more <= 3; more++) {
				for (int last = 0; last < 256; last++) {
					memcpy(v, code->name, code->len);
					memset(v + code->len, 'x', more);
					v[code->len + more - 1] = (char)last;
					assert_int_equal(
						indexed(&index[coded[k]], coded[k], v,
								       code->len + more),
						lookup_by_definition(coded[k], v, code->len + more));
				}
			}
		}
	}
	assert_int_equal(lookup(FB_F_STATUS, "fille"), FB_NONE);
	assert_int_equal(lookup(FB_F_STATUS, "filledd"), FB_NONE);
	assert_int_equal(lookup(FB_F_STATUS, "f"), FB_NONE);
	assert_int_equal(lookup(FB_F_STATUS, "fILLED"), FB_ST_FILLED);
	assert_int_equal(lookup(FB_F_STATUS, "filled "), FB_ST_FILLED);
	assert_int_equal(lookup(FB_F_STATUS, "\tfilled"), FB_ST_FILLED);
	assert_int_equal(lookup(FB_F_STATUS, " UnAvailable\t "), FB_ST_UNAVAILABLE);
	assert_int_equal(lookup(FB_F_STATUS, "fil led"), FB_NONE);
	assert_int_equal(lookup(FB_F_VACANCY_REASON, "IMPACT_ON_HOUSEHOLD"),
			 FB_VR_IMPACT_ON_HOUSEHOLD);
	assert_int_equal(lookup(FB_F_VACANCY_REASON, "impact on household"), FB_NONE);
	assert_int_equal(fb_code_lookup(FB_F_STATUS, "vacant", 3), FB_NONE);
	assert_int_equal(fb_code_lookup(FB_F_STATUS, "vacantly", 6), FB_ST_VACANT);
	assert_int_equal(fb_code_lookup(FB_F_STATUS, NULL, 0), FB_NONE);
	for (int i = 0; i < 20000; i++) {
		enum fb_field f = coded[rand_r(&seed) % 5], g = coded[rand_r(&seed) % 5];
		const char *name = fb_fields[g].codes[rand_r(&seed) % fb_fields[g].ncodes].name;
		int pre = rand_r(&seed) % 8, post = rand_r(&seed) % 8;
		char v[64];
		size_t n = 0;

		memcpy(v, slips[pre].s, slips[pre].len);
		n += slips[pre].len;
		for (const char *p = name; *p; p++)
			v[n++] = rand_r(&seed) % 8 == 0 && *p >= 'a' && *p <= 'z' ?
				 (char)(*p - 'a' + 'A') : *p;
		if (rand_r(&seed) % 8 == 0)
			n--;           /* a slip: the last letter left off */
		memcpy(v + n, slips[post].s, slips[post].len);
		n += slips[post].len;
		if (fb_code_lookup(f, v, n) != lookup_by_definition(f, v, n))
			fail_msg("value %d (%zu bytes) in field %d: %d, by definition %d", i, n,
				 (int)f, fb_code_lookup(f, v, n), lookup_by_definition(f, v, n));
		if (indexed(&index[f], f, v, n) != lookup_by_definition(f, v, n))
			fail_msg("value %d (%zu bytes) in field %d: %d through the index, by "
				 "definition %d", i, n, (int)f,
				 indexed(&index[f], f, v, n),
				 lookup_by_definition(f, v, n));
	}
}

/* The "did you mean" of a value that is not a code: a table of cases. */
static void
test_code_suggest(void **state)
{
	static const struct {
		enum fb_field field;
		const char *value;
		int want;
	} cases[] = {
		{ FB_F_STATUS, "Vacnt", FB_ST_VACANT },             /* one letter left out */
		{ FB_F_STATUS, "Filed", FB_ST_FILLED },
		{ FB_F_STATUS, " FILLD ", FB_ST_FILLED },           /* case and spaces */
		{ FB_F_STATUS, "unavialable", FB_ST_UNAVAILABLE },  /* two letters swapped */
		{ FB_F_STATUS, "occupied", FB_NONE },               /* nothing near */
		{ FB_F_STATUS, "", FB_NONE },
		{ FB_F_BED_USE, "Main stream", FB_USE_MAINSTREAM },  /* a space for '_', then 1 edit */
		{ FB_F_BED_USE, "longterm", FB_NONE },
		{ FB_F_UNAVAILABLE_REASON, "Sibling only", FB_UR_SIBLING_ONLY },  /* a drop-down's words */
		{ FB_F_UNAVAILABLE_REASON, "sibling-only", FB_UR_SIBLING_ONLY },
		{ FB_F_UNAVAILABLE_REASON, "sibling", FB_UR_SIBLING_ONLY },  /* the start of one code */
		{ FB_F_UNAVAILABLE_REASON, "carer", FB_NONE },      /* the start of two */
		{ FB_F_UNAVAILABLE_REASON, "holiday", FB_NONE },
		{ FB_F_VACANCY_REASON, "Logistic", FB_VR_LOGISTICS },
		{ FB_F_VACANCY_REASON, "impact", FB_VR_IMPACT_ON_HOUSEHOLD },
		{ FB_F_OFSTED_STATUS, "not counted", FB_OS_NOT_COUNTED },
		{ FB_F_OFSTED_STATUS, "counted", FB_NONE },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = fb_code_suggest(cases[i].field, cases[i].value, strlen(cases[i].value));

		if (got != cases[i].want)
			fail_msg("case %zu '%s': got %d, want %d", i, cases[i].value, got,
				 cases[i].want);
	}
}

static void
test_field_lookup(void **state)
{
	(void)state;
	for (int f = 0; f < FB_F_COUNT; f++)
		assert_int_equal(fb_fields[f].id, f);
	assert_string_equal(fb_field_code_list(FB_F_STATUS), "filled, vacant, unavailable");
	/* Every constant list is its field's codes, in order, joined by ", ". */
	for (int f = 0; f < FB_F_COUNT; f++) {
		char want[256] = "";

		for (int c = 0; c < fb_fields[f].ncodes; c++) {
			if (c)
				strcat(want, ", ");
			strcat(want, fb_fields[f].codes[c].name);
		}
		assert_string_equal(fb_field_code_list((enum fb_field)f), want);
	}
}

static void
test_rules_table(void **state)
{
	char want[8];
	(void)state;

	for (int r = 0; r < FB_R_COUNT; r++) {
		snprintf(want, sizeof(want), "FB%03d", r + 1);
		assert_int_equal(fb_rules[r].id, r);
		assert_string_equal(fb_rules[r].code, want);
		assert_non_null(fb_rules[r].summary);
		assert_non_null(fb_rules[r].action);
	}
}

static void
test_classify(void **state)
{
	(void)state;
	assert_int_equal(fb_classify(FB_USE_MAINSTREAM, FB_ST_FILLED), FB_CAT_FILLED);
	assert_int_equal(fb_classify(FB_USE_MAINSTREAM, FB_ST_VACANT), FB_CAT_VACANT);
	assert_int_equal(fb_classify(FB_USE_MAINSTREAM, FB_ST_UNAVAILABLE), FB_CAT_UNAVAILABLE);
	for (int s = 0; s < FB_ST_COUNT; s++) {
		assert_int_equal(fb_classify(FB_USE_RESPITE, s), FB_CAT_RESPITE_EMERGENCY);
		assert_int_equal(fb_classify(FB_USE_EMERGENCY, s), FB_CAT_RESPITE_EMERGENCY);
	}
}

/* The spec files name every rule code, so docs and table cannot drift. */
static void
test_rules_documented(void **state)
{
	static char text[1 << 21];
	size_t n = 0;
	(void)state;

	for (int i = 0; i < nspec; i++) {
		FILE *f = fopen(spec_paths[i], "rb");

		if (!f)
			fail_msg("cannot open %s", spec_paths[i]);
		n += fread(text + n, 1, sizeof(text) / 2 - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	for (int r = 0; r < FB_R_COUNT; r++) {
		if (!strstr(text, fb_rules[r].code))
			fail_msg("%s is in no spec file", fb_rules[r].code);
	}
	for (int f2 = 0; f2 < FB_F_COUNT; f2++)
		for (int c = 0; c < fb_fields[f2].ncodes; c++)
			if (!strstr(text, fb_fields[f2].codes[c].name))
				fail_msg("code %s is in no spec file", fb_fields[f2].codes[c].name);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_lookup),
		cmocka_unit_test(test_code_lookup_as_written),
		cmocka_unit_test(test_code_suggest),
		cmocka_unit_test(test_field_lookup),
		cmocka_unit_test(test_rules_table),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_rules_documented),
	};

	for (int i = 1; i < argc && nspec < 8; i++)
		spec_paths[nspec++] = argv[i];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
