/*
 * test-registry.c: repeated beds and filled beds per household.
 *
 * Hand-worked cases for each way a bed can be kept (in its household's
 * slot or in the overflow map), then random sequences checked call by call
 * against a model that is plainly right: every key kept in full in an
 * array, searched from the start.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/registry.h"

enum { F = FB_ST_FILLED, V = FB_ST_VACANT };

static struct fb_bed
bedn(int la, int date, const char *hh, size_t hhlen, const char *id, size_t idlen, int status)
{
	struct fb_bed b;

	memset(&b, 0, sizeof(b));
	b.la_code = la;
	b.date = date;
	b.household = hh;
	b.household_len = hhlen;
	b.bed_id = id;
	b.bed_id_len = idlen;
	b.status = status;
	return b;
}

static struct fb_bed
bed(int la, int date, const char *hh, const char *id, int status)
{
	return bedn(la, date, hh, strlen(hh), id, strlen(id), status);
}

/* bed() on r: NULL expected when first is 0, else a copy of (file, first). */
static void
expect_bed(struct fb_registry *r, const char *hh, const char *id, int file, long line,
	   int first_file, long first)
{
	struct fb_bed b = bed(851, 1, hh, id, V);
	const struct fb_seen *s = fb_registry_bed(r, &b, file, line);

	if (!first) {
		if (s)
			fail_msg("%s %s at %d:%ld: first seen %d:%ld", hh, id, file, line, s->file, s->line);
		return;
	}
	assert_non_null(s);
	assert_int_equal(s->file, first_file);
	assert_int_equal(s->line, first);
}

static long
filled(struct fb_registry *r, int la, int date, const char *hh, int file, long line)
{
	struct fb_bed b = bed(la, date, hh, "1", F);

	return fb_registry_filled(r, &b, file, line)->filled;
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

	for (int i = 1; i <= 4; i++)
		assert_int_equal(filled(&r, 851, 1, "H9", 0, 10 + i), i);
	assert_int_equal(filled(&r, 851, 2, "H9", 0, 20), 1);
	fb_registry_release(&r);
}

/* Ids that differ only in length or in a NUL byte are different households. */
static void
test_ids(void **state)
{
	struct fb_registry r;
	struct fb_bed b;
	const struct fb_seen *s;
	static const char *ids[] = { "", "A", "A\0", "A\0\0", "AB", "ABCDEFGHIJKLM",
				     "ABCDEFGHIJKLMN", "ABCDEFGHIJKLMNO",
				     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn" };
	static const size_t lens[] = { 0, 1, 2, 3, 2, 13, 14, 15, 40 };
	(void)state;

	fb_registry_init(&r);
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
			b = bedn(851, 1, ids[i], lens[i], "3", 1, F);
			s = fb_registry_bed(&r, &b, 0, 10 + (long)i);
			if (round == 0) {
				assert_null(s);
				assert_int_equal(fb_registry_filled(&r, &b, 0, 10)->filled, 1);
			} else {
				assert_non_null(s);
				assert_int_equal(s->line, 10 + (long)i);
			}
		}
	}
	fb_registry_release(&r);
}

/* Canonical small bed ids go in the slot; every other spelling is its own bed. */
static void
test_bed_ids(void **state)
{
	struct fb_registry r;
	static const char *ids[] = { "0", "00", "01", "1", "+1", "1.0", " 1", "17", "254",
				     "255", "256", "999", "1000", "A", "a", "b-2", "" };
	size_t n = sizeof(ids) / sizeof(ids[0]);
	(void)state;

	fb_registry_init(&r);
	for (size_t i = 0; i < n; i++)
		expect_bed(&r, "H1", ids[i], 0, 2 + (long)i, 0, 0);
	for (size_t i = 0; i < n; i++)
		expect_bed(&r, "H1", ids[i], 0, 100, 0, 2 + (long)i);
	/* Only 0, 1, 17 and 254 are in the slot. */
	assert_int_equal(r.beds.n, n - 4);
	/* The same, each in a household of its own (first bed, in the slot or not). */
	for (size_t i = 0; i < n; i++) {
		char hh[8];

		snprintf(hh, sizeof(hh), "K%zu", i);
		expect_bed(&r, hh, ids[i], 0, 200 + (long)i, 0, 0);
		expect_bed(&r, hh, ids[i], 0, 300, 0, 200 + (long)i);
	}
	assert_int_equal(r.beds.n, 2 * (n - 4));
	fb_registry_release(&r);
}

/*
 * A household's beds: the first four close together stay in its slot, a
 * fifth, one 256 lines after the first, and one in another file go to the
 * overflow map; each repeat names its first copy's file and line.
 */
static void
test_overflow(void **state)
{
	struct fb_registry r;
	(void)state;

	fb_registry_init(&r);
	expect_bed(&r, "H1", "1", 0, 10, 0, 0);
	expect_bed(&r, "H1", "2", 0, 11, 0, 0);
	expect_bed(&r, "H1", "3", 0, 265, 0, 0);     /* delta 255: the slot */
	expect_bed(&r, "H1", "4", 0, 266, 0, 0);     /* delta 256: overflow */
	expect_bed(&r, "H1", "5", 0, 9, 0, 0);       /* before the first: overflow */
	expect_bed(&r, "H1", "6", 1, 13, 0, 0);      /* another file: overflow */
	expect_bed(&r, "H1", "7", 0, 14, 0, 0);      /* fourth in the slot */
	expect_bed(&r, "H1", "8", 0, 15, 0, 0);      /* fifth: overflow */
	assert_int_equal(r.beds.n, 4);      /* 4, 5, 6, 8 */
	expect_bed(&r, "H1", "1", 2, 900, 0, 10);
	expect_bed(&r, "H1", "2", 2, 901, 0, 11);
	expect_bed(&r, "H1", "3", 2, 902, 0, 265);
	expect_bed(&r, "H1", "4", 2, 903, 0, 266);
	expect_bed(&r, "H1", "5", 2, 904, 0, 9);
	expect_bed(&r, "H1", "6", 2, 905, 1, 13);
	expect_bed(&r, "H1", "7", 2, 906, 0, 14);
	expect_bed(&r, "H1", "8", 2, 907, 0, 15);
	/* Households first seen in a file or at a line a slot cannot hold. */
	expect_bed(&r, "H2", "1", 70000, 5, 0, 0);
	expect_bed(&r, "H2", "2", 3, 6, 0, 0);       /* the slot's first bed */
	expect_bed(&r, "H2", "1", 3, 7, 70000, 5);
	expect_bed(&r, "H2", "2", 70000, 8, 3, 6);
	expect_bed(&r, "H3", "1", 0, LONG_MAX - 1, 0, 0);
	expect_bed(&r, "H3", "1", 0, 1, 0, LONG_MAX - 1);
	expect_bed(&r, "H3", "2", 65534, 3, 0, 0);
	expect_bed(&r, "H3", "2", 0, 4, 65534, 3);
	assert_int_equal(r.beds.n, 6);      /* and H2's 1, H3's 1 */
	fb_registry_release(&r);
}

/* Filled beds are counted per household-date, and the count stops at 255. */
static void
test_filled(void **state)
{
	struct fb_registry r;
	const char *longid = "a-household-id-of-forty-bytes-0123456789";
	(void)state;

	fb_registry_init(&r);
	for (long i = 1; i <= 300; i++) {
		assert_int_equal(filled(&r, 851, 1, "H1", 0, i), i < 255 ? i : 255);
		assert_int_equal(filled(&r, 851, 1, longid, 0, i), i < 255 ? i : 255);
	}
	assert_int_equal(filled(&r, 851, 2, "H1", 0, 1), 1);
	assert_int_equal(filled(&r, 852, 1, longid, 0, 1), 1);
	/* A bed may be counted without being registered first. */
	assert_int_equal(filled(&r, 851, 1, "H2", 0, 1), 1);
	expect_bed(&r, "H2", "1", 0, 2, 0, 0);
	assert_int_equal(filled(&r, 851, 1, "H2", 0, 2), 2);
	fb_registry_release(&r);
}

/* Past 65,535 (la_code, date) pairs, households are kept wholly in the maps. */
static void
test_many_groups(void **state)
{
	struct fb_registry r;
	struct fb_bed b;
	const struct fb_seen *s;
	(void)state;

	fb_registry_init(&r);
	for (int date = 0; date < 70; date++) {
		for (int la = 0; la < 1000; la++) {
			b = bed(la, date, "H", "1", F);
			assert_null(fb_registry_bed(&r, &b, 0, date * 1000 + la));
			assert_int_equal(fb_registry_filled(&r, &b, 0, 0)->filled, 1);
		}
	}
	for (int date = 0; date < 70; date += 3) {
		for (int la = 0; la < 1000; la += 7) {
			b = bed(la, date, "H", "1", F);
			s = fb_registry_bed(&r, &b, 1, 5);
			assert_non_null(s);
			assert_int_equal(s->file, 0);
			assert_int_equal(s->line, date * 1000 + la);
			b = bed(la, date, "H", "2", F);
			assert_null(fb_registry_bed(&r, &b, 0, 5));
			assert_int_equal(fb_registry_filled(&r, &b, 0, 0)->filled, 2);
		}
	}
	fb_registry_release(&r);
}

/* The model: every bed and household in full, searched linearly. */
struct mbed {
	int la, date;
	char hh[48], id[8];
	size_t hhlen, idlen;
	int file;
	long line;
};

struct mhh {
	int la, date;
	char hh[48];
	size_t hhlen;
	long filled;
};

struct model {
	struct mbed *beds;
	struct mhh *hhs;
	size_t nbeds, nhhs;
};

static const struct mbed *
model_bed(struct model *m, const struct fb_bed *b, int file, long line)
{
	struct mbed *e;

	for (size_t i = 0; i < m->nbeds; i++) {
		e = &m->beds[i];
		if (e->la == b->la_code && e->date == b->date && e->hhlen == b->household_len &&
		    memcmp(e->hh, b->household, e->hhlen) == 0 && e->idlen == b->bed_id_len &&
		    memcmp(e->id, b->bed_id, e->idlen) == 0)
			return e;
	}
	e = &m->beds[m->nbeds++];
	e->la = b->la_code;
	e->date = b->date;
	memcpy(e->hh, b->household, b->household_len);
	e->hhlen = b->household_len;
	memcpy(e->id, b->bed_id, b->bed_id_len);
	e->idlen = b->bed_id_len;
	e->file = file;
	e->line = line;
	return NULL;
}

static long
model_filled(struct model *m, const struct fb_bed *b)
{
	struct mhh *e;

	for (size_t i = 0; i < m->nhhs; i++) {
		e = &m->hhs[i];
		if (e->la == b->la_code && e->date == b->date && e->hhlen == b->household_len &&
		    memcmp(e->hh, b->household, e->hhlen) == 0)
			return ++e->filled;
	}
	e = &m->hhs[m->nhhs++];
	e->la = b->la_code;
	e->date = b->date;
	memcpy(e->hh, b->household, b->household_len);
	e->hhlen = b->household_len;
	e->filled = 1;
	return 1;
}

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#define NHH 40
#define NROWS 2000

/*
 * Random sequences: households of 1 to 40-byte ids (some differing only in
 * length), several (la_code, date) pairs, bed ids in and out of the slot's
 * range, rows mostly near their household's others but sometimes far,
 * files that go on and come back, called as run.c does (a new filled bed
 * is counted) and now and then filled() alone.
 */
static void
test_random(void **state)
{
	static const char *bed_ids[] = { "0", "1", "2", "3", "4", "5", "6", "17", "254", "255",
					 "1000", "01", "A", "b-2", "" };
	static const size_t id_lens[] = { 1, 2, 5, 10, 13, 14, 15, 40 };
	static const int las[] = { 851, 852, 867 }, dates[] = { 20000, 20001, 0 };
	struct model m;
	(void)state;

	m.beds = malloc(NROWS * sizeof(*m.beds));
	m.hhs = malloc(NROWS * sizeof(*m.hhs));
	assert_non_null(m.beds);
	assert_non_null(m.hhs);
	for (uint64_t seed = 1; seed <= 200; seed++) {
		uint64_t s = seed * 0x9e3779b97f4a7c15ull;
		char hh[NHH][48];
		size_t hhlen[NHH];
		int hhla[NHH], hhdate[NHH], recent = 0, file = 0;
		long line = 1;
		struct fb_registry r;

		m.nbeds = m.nhhs = 0;
		for (int h = 0; h < NHH; h++) {
			hhlen[h] = id_lens[rnd(&s) % 8];
			/* Bytes past the id, which a wide add reads and must not use. */
			for (size_t i = 0; i < sizeof(hh[h]); i++)
				hh[h][i] = (char)(rnd(&s) | 1);
			/* A small alphabet, so ids share prefixes and lengths. */
			for (size_t i = 0; i < hhlen[h]; i++)
				hh[h][i] = "HH0\0"[rnd(&s) % 4];
			hhla[h] = las[rnd(&s) % 3];
			hhdate[h] = dates[rnd(&s) % 3];
		}
		fb_registry_init(&r);
		/* One seed in five can make only a few slots: the rest go to the maps. */
		if (seed % 5 == 0)
			r.max_slots = (uint32_t)(seed / 5 % 30);
		for (int row = 0; row < NROWS; row++) {
			int h = rnd(&s) % 4 ? recent : (int)(rnd(&s) % NHH);
			const char *id = bed_ids[rnd(&s) % (sizeof(bed_ids) / sizeof(bed_ids[0]))];
			struct fb_bed b = bedn(hhla[h], hhdate[h], hh[h], hhlen[h], id, strlen(id),
					       rnd(&s) % 2 ? F : V);
			const struct fb_seen *got;
			const struct mbed *want;
			uint64_t x = rnd(&s) % 100;
			long filled = -1;

			recent = h;
			if (x > 50)
				fb_registry_prefetch(&r, fb_registry_hash(&b));
			/* A hint of the slots to come, at random: the index is rebuilt. */
			if (x == 10)
				fb_registry_expect(&r, (size_t)(rnd(&s) % 3000));
			line += x < 5 ? 300 : 1;
			if (x == 5)
				file++;
			else if (x == 6)
				file = (int)(rnd(&s) % (unsigned)(file + 1));
			else if (x == 7)
				file = 70000;
			if (x == 8 || x == 9) {
				/* filled() alone, as a caller other than run.c might. */
				long w = model_filled(&m, &b);

				assert_int_equal(fb_registry_filled(&r, &b, file, line)->filled,
						 w < 255 ? w : 255);
				continue;
			}
			want = model_bed(&m, &b, file, line);
			/*
			 * One seed in two through fb_registry_add(), or as run.c calls
			 * it, reading ids as words (the bytes past them are not zero).
			 */
			if (seed % 4 == 1)
				got = fb_registry_add(&r, &b, file, line, &filled);
			else if (seed % 4 == 3)
				got = fb_registry_add_hashed(&r, &b, fb_registry_hash_wide(&b), 1,
							     file, line, &filled);
			else
				got = fb_registry_bed(&r, &b, file, line);
			if (!want) {
				assert_null(got);
			} else {
				assert_non_null(got);
				assert_int_equal(got->file, want->file);
				assert_int_equal(got->line, want->line);
			}
			if (!want && b.status == F) {
				long w = model_filled(&m, &b);

				if (!(seed % 2))
					filled = fb_registry_filled(&r, &b, file, line)->filled;
				assert_int_equal(filled, w < 255 ? w : 255);
			} else if (seed % 2) {
				assert_int_equal(filled, 0);
			}
		}
		fb_registry_release(&r);
	}
	free(m.beds);
	free(m.hhs);
}

/* Many households: the index grows and keeps every slot. */
static void
test_growth(void **state)
{
	struct fb_registry r;
	char hh[16];
	(void)state;

	fb_registry_init(&r);
	for (int round = 0; round < 2; round++) {
		for (long i = 0; i < 200000; i++) {
			struct fb_bed b;
			const struct fb_seen *s;

			snprintf(hh, sizeof(hh), "HH%08ld", i);
			b = bed(851 + (int)(i % 3), 20000, hh, "1", F);
			s = fb_registry_bed(&r, &b, 0, i + 2);
			if (round == 0) {
				assert_null(s);
			} else {
				assert_non_null(s);
				assert_int_equal(s->line, i + 2);
			}
		}
	}
	fb_registry_release(&r);
}

/*
 * fb_registry_hash_wide() reads an id as two words: the same hash as
 * fb_registry_hash() for every length, whatever the bytes after the id,
 * and 0 past the inline length as there.
 */
static void
test_hash_wide(void **state)
{
	unsigned seed = 20261202;
	unsigned char buf[40];
	(void)state;

	for (int i = 0; i < 20000; i++) {
		size_t len = (size_t)(rand_r(&seed) % 20);
		struct fb_bed b;

		for (size_t k = 0; k < sizeof(buf); k++)
			buf[k] = (unsigned char)(i % 3 == 0 ? 0 : i % 3 == 1 ? 0xff : rand_r(&seed));
		for (size_t k = 0; k < len; k++)
			buf[k] = (unsigned char)(rand_r(&seed) % 4 ? 'A' + rand_r(&seed) % 26 : rand_r(&seed));
		b = bedn(100 + rand_r(&seed) % 900, 20000 + rand_r(&seed) % 100, (const char *)buf,
			 len, "1", 1, F);
		if (fb_registry_hash_wide(&b) != fb_registry_hash(&b))
			fail_msg("an id of %zu bytes: %llx read wide, %llx copied", len,
				 (unsigned long long)fb_registry_hash_wide(&b),
				 (unsigned long long)fb_registry_hash(&b));
		if (len > FB_REGISTRY_ID_INLINE)
			assert_true(fb_registry_hash_wide(&b) == 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_bed_ids),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_filled),
		cmocka_unit_test(test_many_groups),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_hash_wide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
