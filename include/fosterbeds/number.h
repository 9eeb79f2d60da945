/*
 * number.h: strict whole-number parsing for counts.
 *
 * Counts in returns and in Ofsted's published files are whole numbers of 0
 * or more; Ofsted writes thousands with commas ("54,870").  Anything else
 * (a sign, a decimal point, a stray letter, a misplaced comma) is not a
 * count.  On failure the output is left untouched.
 */
#ifndef FOSTERBEDS_NUMBER_H
#define FOSTERBEDS_NUMBER_H

#include <stddef.h>

/*
 * Parse len bytes at s (surrounding spaces allowed) as a count.  With
 * thousands set, commas are accepted between groups of three digits
 * ("1,234,567", not "12,34").  Returns 0 and sets *n, or -1 and leaves *n
 * untouched (also when the value is above 2,000,000,000).
 */
int fb_count_parse(const char *s, size_t len, int thousands, long *n);

#endif
