/*
 * figures.c: integer-exact rates.
 */
#include "fosterbeds/figures.h"

#include <stdio.h>

#include "fosterbeds/standard.h"

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

const char *
fb_group_name(int group)
{
	return group ? "respite_emergency" : "mainstream";
}

size_t
fb_reason_lines(const struct fb_counts *c, struct fb_reason_line out[FB_REASON_LINES])
{
	static const int statuses[2] = { FB_ST_UNAVAILABLE, FB_ST_VACANT };
	size_t n = 0;

	for (int k = 0; k < 2; k++) {
		int st = statuses[k];
		enum fb_field f = st == FB_ST_UNAVAILABLE ? FB_F_UNAVAILABLE_REASON
							 : FB_F_VACANCY_REASON;
		int ncodes = fb_fields[f].ncodes;

		for (int g = 0; g < 2; g++) {
			const long *by = st == FB_ST_UNAVAILABLE ? c->unavailable_by[g] : c->vacant_by[g];
			long total = 0;

			for (int r = 0; r <= ncodes + 1; r++)
				total += by[r];
			for (int r = 0; r <= ncodes + 1; r++) {
				out[n].status = st;
				out[n].group = g;
				out[n].reason = r < ncodes ? fb_fields[f].codes[r].name
					      : r == ncodes ? "not_recorded" : "not_recognised";
				out[n].beds = by[r];
				out[n].group_beds = total;
				out[n].share = fb_pct_tenths(by[r], total);
				n++;
			}
		}
	}
	return n;
}
