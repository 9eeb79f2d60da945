/*
 * test-random.h: what the tests that write random files share: a seeded
 * generator (splitmix64: small, and the same numbers on every machine, so
 * a failing seed can be run again) and a growing text buffer, for the
 * tests that write random files or trace what they read.  For cmocka
 * tests: include after <cmocka.h>.
 */
#ifndef TESTS_TEST_RANDOM_H
#define TESTS_TEST_RANDOM_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static inline uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A number from 0 to n - 1. */
static inline unsigned
rnd(uint64_t *s, unsigned n)
{
	return (unsigned)(next(s) % n);
}

/* A growing text buffer. */
struct text {
	char *s;
	size_t len, cap;
};

static inline void
put(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline void
put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if ((size_t)n < t->cap - t->len)
			break;
		t->cap = (t->cap + (size_t)n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		assert_non_null(t->s);
	}
	t->len += (size_t)n;
}

#endif
