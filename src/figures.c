/*
 * figures.c: integer-exact rates.
 */
#include "fosterbeds/figures.h"

#include <stdio.h>

/* num / den rounded half away from zero, den > 0. */
static long long
div_round(long long num, long long den)
{
	if (num >= 0)
		return (2 * num + den) / (2 * den);
	return -((-2 * num + den) / (2 * den));
}

long
fb_pct_tenths(long num, long den)
{
	if (den == 0)
		return FB_PCT_NONE;
	return (long)div_round(1000LL * num, den);
}

long
fb_pp_diff_tenths(long a, long b, long c, long d)
{
	if (b == 0 || d == 0)
		return FB_PCT_NONE;
	/* a/b - c/d = (a*d - c*b) / (b*d); counts are far below 2^31. */
	return (long)div_round(1000LL * ((long long)a * d - (long long)c * b),
			       (long long)b * d);
}

char *
fb_pct_format(long tenths, char buf[FB_PCT_BUF])
{
	long a = tenths < 0 ? -tenths : tenths;

	if (tenths == FB_PCT_NONE)
		buf[0] = '\0';
	else
		snprintf(buf, FB_PCT_BUF, "%s%ld.%ld", tenths < 0 ? "-" : "", a / 10, a % 10);
	return buf;
}

void
fb_rates_compute(struct fb_rates *r, const struct fb_counts *c)
{
	r->utilisation_incl = fb_pct_tenths(c->filled, c->approved);
	r->utilisation_excl = fb_pct_tenths(c->ms_filled, c->ms_approved);
	r->vacant = fb_pct_tenths(c->vacant, c->approved);
	r->unavailable = fb_pct_tenths(c->unavailable, c->approved);
}
