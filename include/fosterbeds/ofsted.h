/*
 * ofsted.h: Ofsted's published "Local authority level fostering data".
 *
 * Ofsted publishes one wide CSV a year: a column per authority and region,
 * rows of topic / sub-topic / measure, thousands written with commas, ".."
 * for suppressed cells, counts rounded to the nearest 5, Windows-1252 text,
 * and a layout that moves between years.  This reader finds what it needs
 * by content, not position: the header row is the one naming "England", the
 * measure labels sit in the column before it, and each measure is found by
 * its label.  Authority names are matched to DfE codes through the LA table
 * and its aliases; a name that matches nothing is FB026, never dropped
 * silently; region columns and groupings are recognised and skipped.
 *
 * A suppressed or blank cell stays missing (FB_MISSING), never 0, and is
 * counted in `missing`.  Whether places balance (FB025) is left to the
 * caller, which checks only the authorities it shows or compares.
 */
#ifndef FOSTERBEDS_OFSTED_H
#define FOSTERBEDS_OFSTED_H

#include <stddef.h>

#include "fosterbeds/findings.h"

/* A count that the source does not give (suppressed "..", or blank). */
#define FB_MISSING (-1L)

enum fb_ofsted_measure {
	FB_OM_APPROVED,        /* Number of approved foster places */
	FB_OM_FILLED,          /* Number of filled places */
	FB_OM_VACANT,          /* Number of vacant places */
	FB_OM_UNAVAILABLE,     /* Number of places not available */
	FB_OM_HOUSEHOLDS,      /* Total approved households */
	FB_OM_SHORT_BREAK,     /* households whose primary offer is short breaks */
	FB_OM_EMERGENCY,       /* households whose primary offer is emergency */
	FB_OM_EXEMPTIONS,      /* households with exemptions to the fostering limit */
	FB_OM_COUNT
};

/* Output column names of the measures, in enum order. */
extern const char *const fb_ofsted_measure_names[FB_OM_COUNT];

struct fb_ofsted_la {
	int la_code;
	long v[FB_OM_COUNT];   /* FB_MISSING where not given */
};

struct fb_ofsted {
	struct fb_ofsted_la *las;   /* in the file's column order */
	size_t n, cap;
	char year[16];              /* "2018-19", or "" when unknown */
	long missing;               /* cells suppressed or blank, over the measures read */
	long unmatched;             /* authority columns that matched no LA */
	long places_line;           /* line of the approved places row */
};

void fb_ofsted_init(struct fb_ofsted *o);
void fb_ofsted_release(struct fb_ofsted *o);

/* 1 when the len bytes at data look like Ofsted's published file. */
int fb_ofsted_looks_like(const char *data, size_t len);

/*
 * Read the published file held in data (len bytes), pushing findings
 * (tagged with file) into out.  path is used only to find the year in the
 * file's name ("..._2018-19_..." or "2018_to_2019") when year is NULL.
 * Returns 0, or -1 when the layout is not recognised (FB027 pushed).
 */
int fb_ofsted_read(struct fb_ofsted *o, const char *data, size_t len, const char *path,
		   const char *year, int file, struct fb_findings *out);

/*
 * Warn (FB025) when approved differs from filled + vacant + unavailable and
 * all four are given.  Shared by both kinds of return: Ofsted's own data
 * does not always balance (exemptions, rounding), so it is never an error.
 */
void fb_places_balance_check(struct fb_findings *out, int file, long line,
			     const char *column, int la_code, long approved, long filled,
			     long vacant, long unavailable);

#endif
