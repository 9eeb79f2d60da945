/*
 * scale-assert.h: a test that work grows as n log n, not n squared, for the
 * unit tests (test-findings.c, test-trend-core.c).  Include after cmocka.h.
 *
 * run(n) does the work once on an input of size n, checks its result, and
 * returns the CPU seconds the work itself took.  The least of three runs at
 * n and at 4n are compared: four times the input may take up to eight
 * times as long (n log n with cache effects is 4-6; quadratic is 16).  CPU
 * time, the least of three, so a busy machine or valgrind slows both alike.
 */
#ifndef SCALE_ASSERT_H
#define SCALE_ASSERT_H

#include <stddef.h>
#include <time.h>

static double
scale_best_of_three(double (*run)(size_t), size_t n)
{
	double best = 1e9;

	for (int i = 0; i < 3; i++) {
		double t = run(n);

		if (t < best)
			best = t;
	}
	return best;
}

static void
assert_scales(const char *what, double (*run)(size_t), size_t n)
{
	double small = scale_best_of_three(run, n), big = scale_best_of_three(run, 4 * n);

	print_message("%s: %zu %.4f s, %zu %.4f s\n", what, n, small, 4 * n, big);
	assert_true(big < 8 * small + 0.01);
}

/* CPU seconds since t0. */
static inline double
scale_seconds(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

#endif
