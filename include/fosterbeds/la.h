/*
 * la.h: the built-in table of English local authorities.
 *
 * Every authority that has run children's services in England since 2010 has a
 * row, keyed by its DfE three-digit LA code (the code used in SSDA903 and
 * other DfE returns).  Names are spelt as DfE and Ofsted publish them; the
 * aliases table holds the other spellings seen in published files ("Brighton
 * & Hove", "Kingston Upon Hull"), so that a name read from a published file
 * can be matched to its code.
 *
 * Authorities that no longer exist (merged or split since 2010) keep their
 * row, marked former, because older returns and Ofsted releases still use
 * them.
 *
 * The table is static data: nothing here allocates, and every pointer
 * returned points into the table and lives as long as the program.
 */
#ifndef FOSTERBEDS_LA_H
#define FOSTERBEDS_LA_H

#include <stddef.h>

struct fb_la {
	int code;             /* DfE three-digit LA code, 201..999 */
	const char *name;     /* as DfE / Ofsted spell it */
	const char *region;   /* English region, as Ofsted names it */
	const char *gss;      /* ONS GSS code, "" when unknown */
	int former;           /* 1 when the authority no longer exists */
};

struct fb_la_alias {
	int code;
	const char *name;     /* another spelling of the authority's name */
};

extern const struct fb_la fb_la_table[];
extern const size_t fb_la_table_len;
extern const struct fb_la_alias fb_la_aliases[];
extern const size_t fb_la_aliases_len;

/* Codes */

/*
 * Read the len bytes at s (NULL for an absent cell; spaces and tabs around
 * allowed) as a DfE LA code: exactly three digits, so "851" and " 851 " are
 * codes and "85", "0851", "+851" and "851.0" are not.  Returns 0 and sets
 * *code (0..999), or -1 and leaves *code untouched.  Whether an authority
 * has the code is not asked: that is fb_la_by_code().  The one reader of LA
 * codes, in bed records, returns and --la alike.
 */
int fb_la_code_parse(const char *s, size_t len, int *code);

/* Lookup */

/* The authority with this DfE code, or NULL when there is none. */
const struct fb_la *fb_la_by_code(int code);

/*
 * The authority whose name or alias matches name (len bytes, need not be
 * NUL-terminated), or NULL.  Matching ignores case, surrounding spaces, runs
 * of spaces, full stops, and treats "&" as "and", so "St Helens", "St.
 * Helens" and "ST HELENS" all match.
 */
const struct fb_la *fb_la_by_name(const char *name, size_t len);

/*
 * Fold the len bytes at s as names are matched: lower case, "&" as "and",
 * full stops dropped, runs of spaces as one, none at either end.  Writes at
 * most outsz bytes to out, NUL-terminated; returns the folded length.
 */
size_t fb_la_fold_name(char *out, size_t outsz, const char *s, size_t len);

/*
 * The authority a name that is not a code most likely means, for a "did you
 * mean" in messages: the fb_la_by_name() match, else the one current
 * authority whose name or alias is within a small edit distance of it (1
 * for names under 6 characters, else 2, compared as fb_la_by_name() folds
 * them), else NULL (none near, or two equally near).
 */
const struct fb_la *fb_la_suggest(const char *name, size_t len);

/* Regions */

/* The nine English regions, spelt as Ofsted and the table spell them, in Ofsted's order. */
#define FB_NREGIONS 9
extern const char *const fb_la_regions[FB_NREGIONS];
extern const size_t fb_la_regions_len;

/*
 * The region named name (NUL-terminated), matched as LA names are (case,
 * spaces, full stops and "&" for "and" do not matter, nothing else may
 * differ: "south  east" is "South East", "South" is nothing), as its
 * fb_la_regions spelling; NULL when it names none.
 */
const char *fb_la_region_by_name(const char *name);

/*
 * The region every one of the n LAs in codes belongs to (an fb_la_regions
 * spelling), the name a pooled row takes when none is given; NULL when n is
 * 0, when a code is no authority's (FB_LA_ALL included: leave pooled rows
 * out), or when the LAs span two regions.  Repeated codes are fine.
 */
const char *fb_la_common_region(const int *codes, size_t n);

#endif
