/*
 * filter.c: --region and --la, and the suggestions when they name nothing.
 */
#include "fosterbeds/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/la.h"
#include "fosterbeds/number.h"
#include "util.h"

void
fb_filter_init(struct fb_filter *f)
{
	memset(f, 0, sizeof(*f));
}

/* 1 when name (3 letters or more) begins region, ignoring case: "South" of "South East". */
static int
begins(const char *region, const char *name)
{
	size_t n = strlen(name);

	if (n < 3 || n >= strlen(region))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (fb_ascii_lower(region[i]) != fb_ascii_lower(name[i]))
			return 0;
	return 1;
}

int
fb_filter_set_region(struct fb_filter *f, const char *name, char *why, size_t whylen)
{
	const char *region = fb_la_region_by_name(name);
	const struct fb_la *la;
	char vis[FB_VISIBLE_SIZE];
	size_t n = 0, k;

	if (region) {
		fb_filter_init(f);
		f->active = 1;
		f->region = region;
		for (size_t i = 0; i < fb_la_table_len; i++)
			if (strcmp(fb_la_table[i].region, region) == 0)
				f->keep[fb_la_table[i].code] = 1;
		return 0;
	}
	fb_visible(vis, name, strlen(name));
	if ((la = fb_la_by_name(name, strlen(name)))) {
		snprintf(why, whylen, "'%s' is an LA, not a region: give --la %03d for %s "
			 "alone, or --region \"%s\" for its region", vis, la->code, la->name,
			 la->region);
		return -1;
	}
	n = (size_t)snprintf(why, whylen, "unknown region '%s'", vis);
	k = 0;
	for (size_t i = 0; i < fb_la_regions_len && n < whylen; i++) {
		const char *r = fb_la_regions[i];

		if (!begins(r, name) && fb_edit_distance(r, strlen(r), name, strlen(name), 2) > 2)
			continue;
		n += (size_t)snprintf(why + n, whylen - n, "%s\"%s\"", k ? " or " : "; did you mean ",
				      r);
		k++;
	}
	if (k && n < whylen) {
		snprintf(why + n, whylen - n, "?");
		return -1;
	}
	for (size_t i = 0; i < fb_la_regions_len && n < whylen; i++)
		n += (size_t)snprintf(why + n, whylen - n, "%s%s",
				      i ? ", " : "; use one of Ofsted's nine: ", fb_la_regions[i]);
	return -1;
}

/*
 * Why the code vis is refused: no LA has it, or it is digits but not three
 * (code -1).  For a three-digit code, up to three codes that some LA has
 * and that differ from it in one digit, nearest in value first (a slip on
 * the last digit before one on the first).
 */
static void
unknown_code(int code, const char *vis, char *why, size_t whylen)
{
	static const int pow10[] = { 1, 10, 100 };
	size_t n = (size_t)snprintf(why, whylen, "no LA has the code '%s' (in --la)", vis);
	int k = 0;

	for (int gap = 1; gap < 1000 && code >= 100 && k < 3; gap++) {
		for (int side = -1; side <= 1 && k < 3; side += 2) {
			int cand = code + side * gap;
			const struct fb_la *la = cand >= 0 && cand < 1000 ? fb_la_by_code(cand) : NULL;
			int differ = 0;

			for (int d = 0; la && d < 3; d++)
				differ += cand / pow10[d] % 10 != code / pow10[d] % 10;
			if (!la || differ != 1 || n >= whylen)
				continue;
			n += (size_t)snprintf(why + n, whylen - n, "%s%03d (%s)",
					      k ? ", " : "; did you mean ", la->code, la->name);
			k++;
		}
	}
	if (n < whylen)
		snprintf(why + n, whylen - n, "%s", k ? "?" : "; LA codes are DfE's three-digit "
			 "codes, e.g. 851 for Portsmouth");
}

int
fb_filter_set_las(struct fb_filter *f, const char *list, char *why, size_t whylen)
{
	struct fb_filter g;
	char vis[FB_VISIBLE_SIZE];
	const char *p = list;

	fb_filter_init(&g);
	g.active = 1;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		const char *s = p;
		size_t slen = len;
		const struct fb_la *la;
		long number;
		int code;

		fb_trim(&s, &slen);
		fb_visible(vis, s, slen);
		if (slen == 0) {
			snprintf(why, whylen, "--la '%s' has an empty item; give DfE LA codes "
				 "separated by commas, e.g. 851,867", list);
			return -1;
		}
		if (fb_la_code_parse(s, slen, &code) != 0) {
			/* Digits, but not three ("85", "0851"), are codes no LA has. */
			la = fb_la_by_name(s, slen);
			if (fb_count_parse(s, slen, 0, &number) == 0)
				unknown_code(-1, vis, why, whylen);
			else if (la)
				snprintf(why, whylen, "--la takes DfE LA codes, not names: "
					 "give %03d for %s", la->code, la->name);
			else
				snprintf(why, whylen, "'%s' in --la is not an LA code; give DfE "
					 "three-digit codes, e.g. 851 for Portsmouth", vis);
			return -1;
		}
		if (!(la = fb_la_by_code(code))) {
			unknown_code(code, vis, why, whylen);
			return -1;
		}
		if (!g.keep[code])
			g.nla++;
		g.keep[code] = 1;
		if (!comma)
			break;
		p = comma + 1;
	}
	*f = g;
	return 0;
}

const char *
fb_filter_name(const struct fb_filter *f, char *buf, size_t size)
{
	size_t n = 0, k = 0;

	if (!f->active)
		return NULL;
	if (f->region) {
		snprintf(buf, size, "%s", f->region);
		return buf;
	}
	if (f->nla > 3) {
		snprintf(buf, size, "%zu chosen LAs", f->nla);
		return buf;
	}
	buf[0] = '\0';
	for (int c = 0; c < 1000 && n < size; c++) {
		if (!f->keep[c])
			continue;
		k++;
		n += (size_t)snprintf(buf + n, size - n, "%s%s",
				      k == 1 ? "" : k == f->nla ? " and " : ", ",
				      fb_la_by_code(c)->name);
	}
	return buf;
}

const char *
fb_filter_describe(const struct fb_filter *f, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (!f->active)
		return buf;
	if (f->region) {
		snprintf(buf, size, "--region \"%s\"", f->region);
		return buf;
	}
	n = (size_t)snprintf(buf, size, "--la ");
	for (int c = 0, k = 0; c < 1000 && n < size; c++)
		if (f->keep[c])
			n += (size_t)snprintf(buf + n, size - n, "%s%03d", k++ ? "," : "", c);
	return buf;
}
