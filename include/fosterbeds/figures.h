/*
 * figures.h: rates from counts, rounded the one way the standard allows, and
 * the shares of the reasons breakdown.
 *
 * A rate is kept as an integer number of tenths of a percent, computed from
 * the integer counts and rounded half away from zero (53 of 80 is 66.25%,
 * shown 66.3).  Going through a double and printf's %.1f would round 66.25
 * to 66.2 on some inputs, so no rate here ever touches floating point.
 */
#ifndef FOSTERBEDS_FIGURES_H
#define FOSTERBEDS_FIGURES_H

#include "fosterbeds/tally.h"

/* A rate that has no value because its denominator is 0. */
#define FB_PCT_NONE (-1000000000L)

/* 100 * num / den in tenths, rounded half away from zero; FB_PCT_NONE if den is 0. */
long fb_pct_tenths(long num, long den);

/*
 * The difference a/b - c/d, in tenths of a percentage point, from the exact
 * fractions (not from rounded rates), rounded half away from zero;
 * FB_PCT_NONE when b or d is 0.
 */
long fb_pp_diff_tenths(long a, long b, long c, long d);

/* Write tenths as "66.3", "-0.4" or "" (FB_PCT_NONE) into buf; returns buf. */
#define FB_PCT_BUF 24
char *fb_pct_format(long tenths, char buf[FB_PCT_BUF]);

/* The standard's four rates. */
struct fb_rates {
	long utilisation_incl;  /* filled / approved */
	long utilisation_excl;  /* mainstream filled / mainstream approved */
	long vacant;            /* vacant / approved */
	long unavailable;       /* unavailable / approved */
};

void fb_rates_compute(struct fb_rates *r, const struct fb_counts *c);

/*
 * The reasons breakdown of one tally row (report --breakdown reasons): unavailable beds by
 * unavailable_reason and vacant beds by vacancy_reason, mainstream and
 * respite/emergency beds apart, each reason's beds and its share of the
 * beds of that status in that group.  "not_recorded" (left blank) and
 * "not_recognised" (not one of the codes: FB034) are reasons of their own.
 * The values that were not recognised are not listed: they are typed by
 * hand and may say anything, so they appear only in the FB034 warnings.
 */
struct fb_reason_line {
	int status;        /* FB_ST_UNAVAILABLE or FB_ST_VACANT */
	int group;         /* 0 mainstream, 1 respite/emergency */
	const char *reason;  /* a code, "not_recorded" or "not_recognised" */
	long beds;
	long group_beds;   /* beds of this status in this group */
	long share;        /* tenths of a percent of group_beds, or FB_PCT_NONE */
};

/* Every line (zero ones too) for counts, in a fixed order; returns how many. */
#define FB_REASON_LINES (2 * (FB_UR_COUNT + 2) + 2 * (FB_VR_COUNT + 2))
size_t fb_reason_lines(const struct fb_counts *c, struct fb_reason_line out[FB_REASON_LINES]);

/* "mainstream" or "respite_emergency". */
const char *fb_group_name(int group);

#endif
