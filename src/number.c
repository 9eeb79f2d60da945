/*
 * number.c: counts, parsed strictly.
 */
#include "fosterbeds/number.h"

#include "util.h"

#define COUNT_MAX 2000000000L

int
fb_count_parse(const char *s, size_t len, int thousands, long *n)
{
	long v = 0;
	size_t digits = 0, group = 0;
	int commas = 0;

	fb_trim(&s, &len);
	if (len == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == ',' && thousands) {
			/* The first group has 1-3 digits, every later one exactly 3. */
			if (group == 0 || (commas ? group != 3 : group > 3))
				return -1;
			commas = 1;
			group = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return -1;
		if (v > (COUNT_MAX - (c - '0')) / 10)
			return -1;
		v = v * 10 + (c - '0');
		digits++;
		group++;
	}
	if (digits == 0 || (commas && group != 3))
		return -1;
	*n = v;
	return 0;
}
