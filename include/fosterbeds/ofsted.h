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
 * caller, which checks only the authorities it shows or compares:
 * fb_ofsted_rows_add() does so for those it adds.
 *
 * fb_ofsted_rows_add() pools what was read into the rows `ofsted` shows:
 * each authority, then each region's sum beside Ofsted's own figure and the
 * difference, with notes that say why the two differ.
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
	long duplicates;            /* authority columns of an LA or joint service again */
	/*
	 * The authority columns as an input's rows (run.h): read = used +
	 * rejected, used the LA and joint service columns, rejected the
	 * unmatched (FB026) and repeated (FB024) ones, by rule.
	 */
	long rows_read, rows_used, rows_rejected;
	long rejected_by[FB_R_COUNT];
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

/* Pooling: the rows `ofsted` shows */

/*
 * What a row is.  Each region that the file covers gets three rows in
 * turn: the sum of its authorities and joint services, Ofsted's own column
 * for the region and the difference (Ofsted minus the sum); the last two
 * only when the file has the region's column.  England gets the same three
 * when every region is wanted (its "published" row adds up the nine region
 * columns, since England's own column counts independent agencies too),
 * then that column of its own.
 */
enum fb_ofsted_kind {
	FB_OK_LA,                 /* an authority */
	FB_OK_JOINT,              /* a joint fostering service (fb_joint_services) */
	FB_OK_REGION,             /* a region: the sum of its authorities */
	FB_OK_REGION_PUBLISHED,   /* the region's own column, as Ofsted publishes it */
	FB_OK_REGION_DIFF,        /* published minus sum */
	FB_OK_ENGLAND,            /* every authority of the file summed */
	FB_OK_ENGLAND_PUBLISHED,  /* Ofsted's nine region columns added up */
	FB_OK_ENGLAND_DIFF,       /* those minus the sum */
	FB_OK_ENGLAND_ALL,        /* Ofsted's England column: independent agencies too */
	FB_OK_COUNT
};

/* The kinds' names in the `kind` column. */
extern const char *const fb_ofsted_kind_names[FB_OK_COUNT];

/*
 * One row of `ofsted`.  Counts are FB_MISSING where not known, except on
 * the difference rows, which may be negative: there `given` says which are.
 * Every string is the rows' own (fb_ofsted_rows_release frees them) or a
 * constant (a region's or joint service's name from the tables).
 */
struct fb_ofsted_row {
	char year[16];            /* "2018-19", "" when unknown */
	int la_code;              /* FB_LA_ALL for every row but an authority's */
	const char *region;       /* "" on England's rows */
	char *name;               /* the shown name; NULL on an authority's row */
	enum fb_ofsted_kind kind;
	long v[FB_OM_COUNT];
	unsigned given;           /* difference rows: FB_OM_BIT(m) when v[m] is known */
	/*
	 * Filled, vacant and unavailable as shares: num over den, from the
	 * authorities that give both (FB_MISSING: no share).
	 */
	long pct_num[3], pct_den[3];
	int nla;                  /* sum rows: the area's LAs with a column in the file */
	int pooled;               /* sum rows: LAs whose approved places are in the sum */
	const char *covered_by;   /* an authority's row: the joint service publishing it */
	char *not_pooled;         /* sum rows: LAs with a measure not in the sum, or NULL */
	char *note;               /* why, in words, or NULL */
};

/* 1 for the rows that are not one authority's or joint service's own. */
int fb_ofsted_row_pooled(const struct fb_ofsted_row *row);

/* The rows of one or more files, in the order they were added. */
struct fb_ofsted_rows {
	struct fb_ofsted_row *v;
	size_t n, cap;
	long missing;             /* cells suppressed or blank, over every file added */
};

void fb_ofsted_rows_init(struct fb_ofsted_rows *rows);
void fb_ofsted_rows_release(struct fb_ofsted_rows *rows);

/*
 * Add one file's rows: its authorities (by DfE code) and joint services
 * in region only (an index of fb_la_regions, or -1 for every region), then
 * each such region's sum, published and difference rows, and, when every
 * region is wanted, England's.  A measure's sum adds the authorities (and
 * joint services) that give it; a suppressed or blank cell is left out,
 * never read as 0, and the sum row's not_pooled names the authorities it
 * lacks.  Columns that matched no LA (FB026) count in no sum but are named.
 * The notes say in words why a sum and Ofsted's figure differ (suppressed
 * authorities, unmatched columns, joint services, rounding to 5).
 *
 * Sorts o's authorities by code.  Pushes FB025 (tagged with file) into out
 * for each authority and joint service added whose places do not balance
 * by more than rounding explains.  Nothing of o is kept: o may be released
 * before rows.
 */
void fb_ofsted_rows_add(struct fb_ofsted_rows *rows, struct fb_ofsted *o, int only, int file,
			struct fb_findings *out);

#endif
