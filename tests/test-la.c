/*
 * test-la.c: the LA table against a public list of DfE codes
 * (tests/fixtures/la-codes-public.csv, read here with libcsv), and name
 * matching for the spellings published files use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <csv.h>

#include "fosterbeds/la.h"

static const char *public_path;

struct pub {
	int field, row, code, checked;
	char name[128];
};

static void
pub_field(void *s, size_t len, void *ctx)
{
	struct pub *p = ctx;

	if (p->row == 0)
		return;
	if (p->field == 0)
		p->code = atoi(s);
	else
		snprintf(p->name, sizeof(p->name), "%.*s", (int)len, (const char *)s);
	p->field++;
}

static void
pub_row(int c, void *ctx)
{
	struct pub *p = ctx;
	const struct fb_la *la;
	(void)c;

	if (p->row++ == 0)
		return;
	la = fb_la_by_code(p->code);
	if (!la)
		fail_msg("public code %d (%s) is not in the table", p->code, p->name);
	if (la->former)
		fail_msg("public code %d is marked former", p->code);
	/* Names agree once folded (the list writes "St Helens", DfE "St. Helens"). */
	if (fb_la_by_name(p->name, strlen(p->name)) != la)
		fail_msg("public name '%s' does not match code %d", p->name, p->code);
	p->field = 0;
	p->checked++;
}

static void
test_against_public_list(void **state)
{
	FILE *f = fopen(public_path, "rb");
	struct csv_parser parser;
	struct pub p = { 0 };
	char buf[4096];
	size_t n, current = 0;
	(void)state;

	assert_non_null(f);
	assert_int_equal(csv_init(&parser, CSV_APPEND_NULL), 0);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		assert_int_equal(csv_parse(&parser, buf, n, pub_field, pub_row, &p), n);
	assert_int_equal(csv_fini(&parser, pub_field, pub_row, &p), 0);
	csv_free(&parser);
	fclose(f);
	assert_int_equal(p.checked, 153);
	for (size_t i = 0; i < fb_la_table_len; i++)
		current += !fb_la_table[i].former;
	assert_int_equal(current, 153);   /* and no current row the list lacks */
}

static void
test_south_east(void **state)
{
	/* DfE codes of the 19 South East LAs, checked against DfE's LAIT list. */
	static const struct { int code; const char *name; } se[] = {
		{ 867, "Bracknell Forest" }, { 846, "Brighton and Hove" },
		{ 825, "Buckinghamshire" }, { 845, "East Sussex" }, { 850, "Hampshire" },
		{ 921, "Isle of Wight" }, { 886, "Kent" }, { 887, "Medway" },
		{ 826, "Milton Keynes" }, { 931, "Oxfordshire" }, { 851, "Portsmouth" },
		{ 870, "Reading" }, { 871, "Slough" }, { 852, "Southampton" },
		{ 936, "Surrey" }, { 869, "West Berkshire" }, { 938, "West Sussex" },
		{ 868, "Windsor and Maidenhead" }, { 872, "Wokingham" },
	};
	size_t n = 0;
	(void)state;

	for (size_t i = 0; i < 19; i++) {
		const struct fb_la *la = fb_la_by_code(se[i].code);

		assert_non_null(la);
		assert_string_equal(la->name, se[i].name);
		assert_string_equal(la->region, "South East");
	}
	for (size_t i = 0; i < fb_la_table_len; i++)
		n += !fb_la_table[i].former && strcmp(fb_la_table[i].region, "South East") == 0;
	assert_int_equal(n, 19);
}

static int
code_of(const char *name)
{
	const struct fb_la *la = fb_la_by_name(name, strlen(name));

	return la ? la->code : -1;
}

static void
test_names(void **state)
{
	(void)state;
	/* Spellings from Ofsted's published fostering data. */
	assert_int_equal(code_of("Brighton and Hove"), 846);
	assert_int_equal(code_of("Brighton & Hove"), 846);
	assert_int_equal(code_of("  BRIGHTON   AND HOVE "), 846);
	assert_int_equal(code_of("Kingston Upon Hull"), 810);
	assert_int_equal(code_of("Bristol"), 801);
	assert_int_equal(code_of("St. Helens"), 342);
	assert_int_equal(code_of("St Helens"), 342);
	assert_int_equal(code_of("Richmond Upon Thames"), 318);
	assert_int_equal(code_of("Windsor & Maidenhead"), 868);
	assert_int_equal(code_of("Durham"), 840);
	/* Regions and groupings are not authorities. */
	assert_int_equal(code_of("South East"), -1);
	assert_int_equal(code_of("England"), -1);
	assert_int_equal(code_of("Inner London"), -1);
	assert_int_equal(code_of("London Tri-borough"), -1);
	assert_int_equal(code_of(""), -1);
	/* "Dorset" is the current unitary; the old county has its own alias. */
	assert_int_equal(code_of("Dorset"), 838);
	assert_int_equal(code_of("Dorset County Council"), 835);
	assert_null(fb_la_by_code(999));
	assert_null(fb_la_by_code(-1));
	assert_null(fb_la_by_code(1000));
}

/* The "did you mean" for a name written where the code belongs. */
static void
test_suggest(void **state)
{
	static const struct {
		const char *name;
		int code;     /* 0: no suggestion */
	} cases[] = {
		{ "Medway", 887 },              /* the name itself */
		{ " MEDWAY ", 887 },
		{ "Medwey", 887 },              /* one letter wrong */
		{ "brighton & hove", 846 },     /* an alias's spelling */
		{ "Hampshre", 850 },
		{ "Dorset", 838 },              /* the current authority, not the former county */
		{ "Surrey County", 0 },         /* too far from any name */
		{ "85", 0 },
		{ "", 0 },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct fb_la *la = fb_la_suggest(cases[i].name, strlen(cases[i].name));

		if ((la ? la->code : 0) != cases[i].code)
			fail_msg("'%s': got %d, want %d", cases[i].name, la ? la->code : 0,
				 cases[i].code);
	}
}

static void
test_codes_unique(void **state)
{
	(void)state;
	for (size_t i = 0; i < fb_la_table_len; i++) {
		assert_true(fb_la_table[i].code >= 201 && fb_la_table[i].code <= 999);
		assert_ptr_equal(fb_la_by_code(fb_la_table[i].code), &fb_la_table[i]);
	}
	for (size_t i = 0; i < fb_la_aliases_len; i++)
		assert_non_null(fb_la_by_code(fb_la_aliases[i].code));
}

/* The one reader of LA codes: exactly three digits, spaces around allowed. */
static void
test_code_parse(void **state)
{
	static const struct {
		const char *s;
		int code;     /* -1: refused */
	} cases[] = {
		{ "851", 851 },
		{ " 851 ", 851 },
		{ "\t867", 867 },
		{ "999", 999 },
		{ "000", 0 },                   /* three digits, though no LA's */
		{ "085", 85 },
		{ "85", -1 },
		{ "0851", -1 },
		{ "8510", -1 },
		{ "+851", -1 },
		{ "-85", -1 },
		{ "851.0", -1 },
		{ "85 1", -1 },
		{ "85x", -1 },
		{ "Medway", -1 },
		{ "", -1 },
		{ "   ", -1 },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int code = 12345;
		int rc = fb_la_code_parse(cases[i].s, strlen(cases[i].s), &code);

		if (cases[i].code < 0) {
			if (rc != -1 || code != 12345)
				fail_msg("'%s': accepted as %d, or output touched", cases[i].s, code);
		} else if (rc != 0 || code != cases[i].code) {
			fail_msg("'%s': got %d (rc %d), want %d", cases[i].s, code, rc,
				 cases[i].code);
		}
	}
	/* Only the first len bytes are read; an absent cell is no code. */
	{
		int code = 7;

		assert_int_equal(fb_la_code_parse("8512", 3, &code), 0);
		assert_int_equal(code, 851);
		assert_int_equal(fb_la_code_parse(NULL, 0, &code), -1);
		assert_int_equal(code, 851);
	}
}

/* The name a pooled row takes: the region the LAs share, else none. */
static void
test_common_region(void **state)
{
	static const int se[] = { 851, 867, 851, 887 };      /* Portsmouth twice, Bracknell Forest, Medway */
	static const int mixed[] = { 851, 202 };              /* South East, London */
	static const int unknown[] = { 851, 999 };            /* 999 is no LA's */
	static const int pooled[] = { 851, -1 };              /* FB_LA_ALL is no LA */
	static const int former[] = { 835 };                  /* Dorset County Council */
	(void)state;

	assert_string_equal(fb_la_common_region(se, 4), "South East");
	assert_string_equal(fb_la_common_region(se, 1), "South East");
	assert_null(fb_la_common_region(mixed, 2));
	assert_string_equal(fb_la_common_region(mixed + 1, 1), "London");
	assert_null(fb_la_common_region(unknown, 2));
	assert_null(fb_la_common_region(pooled, 2));
	assert_null(fb_la_common_region(se, 0));
	assert_string_equal(fb_la_common_region(former, 1), "South West");
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_public_list),
		cmocka_unit_test(test_south_east),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_codes_unique),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_code_parse),
		cmocka_unit_test(test_common_region),
	};

	public_path = argc > 1 ? argv[1] : "tests/fixtures/la-codes-public.csv";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
