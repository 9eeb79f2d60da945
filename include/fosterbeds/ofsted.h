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
 * and its aliases, or to a known joint fostering service (fb_joint_services);
 * a name that matches neither is FB026, an error naming the nearest names,
 * never dropped silently.  England's and the nine regions' own columns are
 * read as Ofsted publishes them (fb_ofsted.england, .regions), so callers
 * can set them beside the sum of the authorities; the Inner and Outer London
 * groupings are recognised and skipped.
 *
 * A suppressed or blank cell stays missing (FB_MISSING), never 0, and is
 * counted in `missing`.  Whether places balance (FB025) is left to the
 * caller, which checks only the authorities it shows or compares.
 */
#ifndef FOSTERBEDS_OFSTED_H
#define FOSTERBEDS_OFSTED_H

#include <stddef.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/la.h"

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

/* Ofsted's nine English regions are la.h's fb_la_regions, in Ofsted's order. */

/* The index of the region called name (any case, spaces trimmed), or -1. */
int fb_region_index(const char *name);

/*
 * A fostering service run jointly for several LAs, which Ofsted publishes in
 * a column of its own while the members' columns are suppressed.  The table
 * (spec/reconcile.md lists it with its sources) is short and fixed.
 */
struct fb_joint_service {
	const char *name;            /* as Ofsted heads its column */
	const char *aliases[3];      /* other spellings, NULL-terminated */
	const char *region;          /* one of fb_la_regions */
	int members[4];              /* DfE codes, 0-terminated */
};
extern const struct fb_joint_service fb_joint_services[];
extern const size_t fb_joint_services_len;

/* The joint service named name (folded as fb_la_by_name folds), or NULL. */
const struct fb_joint_service *fb_joint_by_name(const char *name, size_t len);

/* The joint service whose members include la_code, or NULL. */
const struct fb_joint_service *fb_joint_of_la(int la_code);

/* Bit m of a `suppressed` mask: measure m was "..", not blank. */
#define FB_OM_BIT(m) (1u << (m))

struct fb_ofsted_la {
	int la_code;
	int col;               /* its column in the file, 0-based, for findings */
	long v[FB_OM_COUNT];   /* FB_MISSING where not given */
	unsigned suppressed;   /* FB_OM_BIT(m) when v[m] was "..", not blank */
};

/* A joint service's column. */
struct fb_ofsted_joint {
	const struct fb_joint_service *service;
	int col;               /* its column in the file, 0-based, for findings */
	long v[FB_OM_COUNT];
	unsigned suppressed;
};

/* A column naming no LA and no joint service: FB026, left out of every sum. */
struct fb_ofsted_unmatched {
	char *name;            /* the heading, as read */
	int region;            /* index of the region column it follows, or -1 */
	long v[FB_OM_COUNT];   /* read as for an authority, for the notes only */
};

/* England's or a region's own column, as published. */
struct fb_ofsted_area {
	int given;             /* 1 when the file has the column */
	long v[FB_OM_COUNT];
};

struct fb_ofsted {
	struct fb_ofsted_la *las;   /* in the file's column order */
	size_t n, cap;
	struct fb_ofsted_joint *joints;
	size_t njoints, jcap;
	struct fb_ofsted_unmatched *bad;   /* the unmatched columns, `unmatched` of them */
	size_t bcap;
	struct fb_ofsted_area england, regions[FB_NREGIONS];
	char year[16];              /* "2018-19", or "" when unknown */
	long missing;               /* cells suppressed or blank, over the measures read */
	long unmatched;             /* authority columns that matched no LA or joint service */
	unsigned measures;          /* FB_OM_BIT(m) for each measure the file has a row of */
	long places_line;           /* line of the approved places row */
	long header_line;           /* line of the header row */
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
 * all four are given: an LA's own (simple) return, whose counts are exact.
 * Ofsted's data does not always balance (exemptions), so it is never an error.
 */
void fb_places_balance_check(struct fb_findings *out, int file, long line,
			     const char *column, int la_code, long approved, long filled,
			     long vacant, long unavailable);

/*
 * Ofsted rounds each published count to the nearest 5, so approved and
 * filled + vacant + unavailable can differ by rounding alone; differences
 * up to this many places are taken as rounding and not warned.
 */
#define FB_OFSTED_ROUNDING_SLACK 10

/*
 * The same check on Ofsted's published figures: FB025 only when the two
 * differ by more than FB_OFSTED_ROUNDING_SLACK.  name is the authority or
 * joint service, for the message, in column col of the file (0-based, or -1
 * when not known); la_code is 0 for a joint service.
 */
void fb_published_balance_check(struct fb_findings *out, int file, long line, int col,
				const char *name, int la_code, long approved, long filled,
				long vacant, long unavailable);

#endif
