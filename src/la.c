/*
 * la.c: lookups in the LA table (the data itself is in la-table.c).
 */
#include "fosterbeds/la.h"

#include <string.h>

#include "util.h"

int
fb_la_code_parse(const char *s, size_t len, int *code)
{
	if (!s)
		return -1;
	fb_trim(&s, &len);
	if (len != 3 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
	    s[2] < '0' || s[2] > '9')
		return -1;
	*code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	return 0;
}

/*
 * A scan of the constant table rather than an index built on first use: a
 * lazily built index is writable state shared between threads, and the
 * table is short (about 150 rows), so the scan costs little per row.
 */
const struct fb_la *
fb_la_by_code(int code)
{
	for (size_t i = 0; i < fb_la_table_len; i++)
		if (fb_la_table[i].code == code)
			return &fb_la_table[i];
	return NULL;
}

size_t
fb_la_fold_name(char *out, size_t outsz, const char *s, size_t len)
{
	size_t n = 0;
	int space = 0;

	for (size_t i = 0; i < len && n + 5 < outsz; i++) {
		char c = s[i];

		if (c == '.')
			continue;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		if (c == '&') {
			memcpy(out + n, "and", 3);
			n += 3;
		} else {
			out[n++] = fb_ascii_lower(c);
		}
	}
	out[n] = '\0';
	return n;
}

const struct fb_la *
fb_la_by_name(const char *name, size_t len)
{
	char want[128], have[128];
	size_t wn = fb_la_fold_name(want, sizeof(want), name, len);

	if (wn == 0)
		return NULL;
	for (size_t i = 0; i < fb_la_table_len; i++) {
		const char *n = fb_la_table[i].name;

		if (fb_la_fold_name(have, sizeof(have), n, strlen(n)) == wn && memcmp(have, want, wn) == 0)
			return &fb_la_table[i];
	}
	for (size_t i = 0; i < fb_la_aliases_len; i++) {
		const char *n = fb_la_aliases[i].name;

		if (fb_la_fold_name(have, sizeof(have), n, strlen(n)) == wn && memcmp(have, want, wn) == 0)
			return fb_la_by_code(fb_la_aliases[i].code);
	}
	return NULL;
}

/* One candidate name against the folded want: keeps the nearest, and whether it ties. */
static void
nearer(const char *want, size_t wn, const char *name, const struct fb_la *la, size_t max,
       size_t *best, const struct fb_la **found, int *tie)
{
	char have[128];
	size_t hn = fb_la_fold_name(have, sizeof(have), name, strlen(name));
	size_t d = fb_edit_distance(want, wn, have, hn, max);

	if (d > max || !la || la->former)
		return;
	if (d < *best) {
		*best = d;
		*found = la;
		*tie = 0;
	} else if (d == *best && *found != la) {
		*tie = 1;
	}
}

const struct fb_la *
fb_la_suggest(const char *name, size_t len)
{
	char want[128];
	const struct fb_la *found = fb_la_by_name(name, len);
	size_t wn, max, best = (size_t)-1;
	int tie = 0;

	if (found)
		return found;
	wn = fb_la_fold_name(want, sizeof(want), name, len);
	if (wn == 0)
		return NULL;
	max = wn < 6 ? 1 : 2;
	for (size_t i = 0; i < fb_la_table_len; i++)
		nearer(want, wn, fb_la_table[i].name, &fb_la_table[i], max, &best, &found, &tie);
	for (size_t i = 0; i < fb_la_aliases_len; i++)
		nearer(want, wn, fb_la_aliases[i].name, fb_la_by_code(fb_la_aliases[i].code), max,
		       &best, &found, &tie);
	return tie ? NULL : found;
}

const char *const fb_la_regions[FB_NREGIONS] = {
	"North East", "North West", "Yorkshire and The Humber", "East Midlands",
	"West Midlands", "East of England", "London", "South East", "South West",
};
const size_t fb_la_regions_len = sizeof(fb_la_regions) / sizeof(fb_la_regions[0]);

const char *
fb_la_region_by_name(const char *name)
{
	char want[128], have[128];
	size_t wn = fb_la_fold_name(want, sizeof(want), name, strlen(name));

	if (wn == 0)
		return NULL;
	for (size_t i = 0; i < fb_la_regions_len; i++) {
		const char *r = fb_la_regions[i];

		if (fb_la_fold_name(have, sizeof(have), r, strlen(r)) == wn && memcmp(have, want, wn) == 0)
			return r;
	}
	return NULL;
}

const char *
fb_la_common_region(const int *codes, size_t n)
{
	const char *region = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct fb_la *la = fb_la_by_code(codes[i]);

		if (!la || (region && strcmp(region, la->region) != 0))
			return NULL;
		region = la->region;
	}
	return region;
}
