/*
 * standard.h: the regional bed-record standard as data.
 *
 * The fields, their allowed codes, the regional categories and every
 * validation rule live in the tables behind this header, and nowhere else:
 * the validator, the classifier, `fosterbeds spec` and the tests all read
 * them.  spec/bed-records.md is the same standard in prose; when one changes
 * the other must too (tests/test-standard.c checks that every rule code is
 * documented there).
 *
 * Everything here is constant: the tables are initialised at compile time,
 * nothing is built on first use, and lookups return pointers into them and
 * never allocate or write, so any of them may be called from several
 * threads at once.
 */
#ifndef FOSTERBEDS_STANDARD_H
#define FOSTERBEDS_STANDARD_H

#include <stddef.h>

#define FB_SPEC_VERSION "1.2"

/* Fields */

enum fb_field {
	FB_F_LA_CODE,
	FB_F_SNAPSHOT_DATE,
	FB_F_HOUSEHOLD_ID,
	FB_F_BED_ID,
	FB_F_BED_USE,
	FB_F_STATUS,
	FB_F_UNAVAILABLE_REASON,
	FB_F_VACANCY_REASON,
	FB_F_CHILD_REF,
	FB_F_OFSTED_STATUS,
	FB_F_COUNT
};

enum fb_field_type {
	FB_T_LA_CODE,   /* three ASCII digits */
	FB_T_DATE,      /* YYYY-MM-DD, or DD/MM/YYYY with a warning */
	FB_T_TEXT,      /* free text identifier */
	FB_T_CODE,      /* one of the field's codes */
};

enum fb_presence {
	FB_REQUIRED,    /* column and value must be present */
	FB_CONDITIONAL, /* column optional; value required in some cases */
	FB_OPTIONAL,
};

/* Coded values.  Each domain's codes are numbered from 0; FB_NONE means blank. */
#define FB_NONE (-1)

enum fb_bed_use { FB_USE_MAINSTREAM, FB_USE_RESPITE, FB_USE_EMERGENCY, FB_USE_COUNT };
enum fb_status { FB_ST_FILLED, FB_ST_VACANT, FB_ST_UNAVAILABLE, FB_ST_COUNT };
enum fb_unavailable_reason {
	FB_UR_CARER_BREAK, FB_UR_CHILD_NEEDS, FB_UR_SIBLING_ONLY, FB_UR_INVESTIGATION,
	FB_UR_CARER_HEALTH, FB_UR_ADAPTATION, FB_UR_DEREGISTERING, FB_UR_OTHER,
	FB_UR_COUNT
};
enum fb_vacancy_reason {
	FB_VR_COMPLEXITY, FB_VR_EDUCATION, FB_VR_IMPACT_ON_HOUSEHOLD, FB_VR_LOGISTICS,
	FB_VR_NO_MATCH, FB_VR_OTHER, FB_VR_COUNT
};
enum fb_ofsted_status {
	FB_OS_FILLED, FB_OS_VACANT, FB_OS_UNAVAILABLE, FB_OS_NOT_COUNTED, FB_OS_COUNT
};

/* The regional category: exactly one per bed. */
enum fb_category {
	FB_CAT_FILLED, FB_CAT_VACANT, FB_CAT_UNAVAILABLE, FB_CAT_RESPITE_EMERGENCY,
	FB_CAT_COUNT
};

struct fb_code {
	const char *name;
	const char *meaning;
	size_t len;           /* strlen(name) */
};

struct fb_field_def {
	enum fb_field id;
	const char *name;
	enum fb_field_type type;
	enum fb_presence presence;
	const struct fb_code *codes;  /* NULL unless type is FB_T_CODE */
	int ncodes;
	const char *meaning;
	const char *example;
};

extern const struct fb_field_def fb_fields[FB_F_COUNT];
extern const struct fb_code fb_categories[FB_CAT_COUNT];

/*
 * The cost record (spec v1.2, spec/placement-costs.md): a file of its own,
 * one row per (la_code, date, placement_type).  Its fields are described by
 * the same struct as the bed record's, in a table of their own so that no
 * bed-record reader sees them; their .id is unused (0).
 */
enum fb_cost_field {
	FB_CF_LA_CODE,
	FB_CF_DATE,
	FB_CF_PLACEMENT_TYPE,
	FB_CF_PLACEMENTS,
	FB_CF_AVERAGE,
	FB_CF_ADDITIONAL,
	FB_CF_COUNT
};

enum fb_placement_type {
	FB_PT_ALL, FB_PT_RESIDENTIAL, FB_PT_IFA, FB_PT_IN_HOUSE_FOSTERING, FB_PT_KINSHIP,
	FB_PT_OTHER, FB_PT_COUNT
};

extern const struct fb_field_def fb_cost_fields[FB_CF_COUNT];

/*
 * The placement_type code of value (len bytes), ignoring case and
 * surrounding spaces; FB_NONE when it is not one of the codes.
 */
int fb_placement_type_lookup(const char *value, size_t len);

/*
 * The code number of value (len bytes, any bytes: one holding a NUL is no
 * code) in field's code list, ignoring case and surrounding spaces; FB_NONE
 * when value is not one of the codes.  A field has at most eight codes, and
 * their first bytes rule out almost every wrong one.
 */
int fb_code_lookup(enum fb_field field, const char *value, size_t len);

/*
 * A field's codes placed by a hash of their length and end bytes, so that
 * a value spelt as the standard spells it is found with one compare (a
 * search through the codes mispredicts a branch or two a value: a tenth of
 * the time a row took).  Made by fb_code_index_init(), then only read, by
 * any thread.
 */
#define FB_CODE_INDEX_CODES 8   /* a field's codes at most */
#define FB_CODE_WIDE 24         /* a code's bytes at most (the longest has 19) */

struct fb_code_index {
	unsigned char at[64];   /* a code number by hash; FB_CODE_INDEX_CODES: none */
	unsigned char len[FB_CODE_INDEX_CODES + 1];  /* 0 for "none": no value matches it */
	char name[FB_CODE_INDEX_CODES + 1][FB_CODE_WIDE];  /* NULs after the code */
};

void fb_code_index_init(struct fb_code_index *x, enum fb_field field);

/*
 * fb_code_lookup(field, value, len), the same answer, trying x's guess
 * first.  readable is how many bytes from value may be read (at least
 * len): with FB_CODE_WIDE of them the guess is compared without a branch
 * on the value's length (ingest's rows have them, fb_row.wide).
 */
int fb_code_lookup_indexed(const struct fb_code_index *x, enum fb_field field,
			   const char *value, size_t len, size_t readable);

/*
 * The code a value that is not one of the field's codes was most likely
 * meant to be, for a "did you mean" in messages; FB_NONE when no code is
 * near enough or two are equally near.  Case and surrounding spaces are
 * ignored, and spaces and hyphens inside the value read as '_' (a
 * drop-down's "Sibling only" is sibling_only); then a code the value
 * starts (at least 4 characters), or one within a small edit distance
 * (1 for values under 6 characters, else 2), is suggested.
 */
int fb_code_suggest(enum fb_field field, const char *value, size_t len);

/*
 * Value of a coded field that is there but not one of its codes, in an
 * optional column (unavailable_reason, vacancy_reason, ofsted_status): the
 * bed is used, and the value counted as not recognised.
 */
#define FB_UNRECOGNISED (-2)

/* The field's codes joined as "a, b, c", for messages and docs. */
const char *fb_field_code_list(enum fb_field field);

/* Rules */

enum fb_severity { FB_SEV_ERROR, FB_SEV_WARNING };

/*
 * One validation rule.  Codes are stable: a rule may be retired but its code
 * is never reused.  FB_R_COUNT is the number of rules.
 */
enum fb_rule {
	FB_R_MISSING_COLUMN,        /* FB001 */
	FB_R_EXTRA_COLUMNS,         /* FB002 */
	FB_R_DUPLICATE_COLUMN,      /* FB003 */
	FB_R_UNKNOWN_CODE,          /* FB004 */
	FB_R_BLANK_REQUIRED,        /* FB005 */
	FB_R_BAD_DATE,              /* FB006 */
	FB_R_DMY_DATE,              /* FB007 */
	FB_R_FUTURE_DATE,           /* FB008 */
	FB_R_NO_UNAVAILABLE_REASON, /* FB009 */
	FB_R_REASON_WRONG_STATUS,   /* FB010 */
	FB_R_DUPLICATE_BED,         /* FB011 */
	FB_R_FIELD_COUNT,           /* FB012 */
	FB_R_INVALID_UTF8,          /* FB013 */
	FB_R_UTF16,                 /* FB014 */
	FB_R_OVER_LIMIT,            /* FB015 */
	FB_R_CHILD_REF_NOT_FILLED,  /* FB016 */
	FB_R_BAD_LA_CODE,           /* FB017 */
	FB_R_UNKNOWN_LA_CODE,       /* FB018 */
	FB_R_UNCLOSED_QUOTE,        /* FB019 */
	FB_R_NO_HEADER,             /* FB020 */
	FB_R_NO_ROWS,               /* FB021 */
	FB_R_EMPTY_ROWS,            /* FB022 */
	FB_R_BAD_COUNT,             /* FB023 */
	FB_R_DUPLICATE_RETURN_ROW,  /* FB024 */
	FB_R_UNBALANCED_RETURN,     /* FB025 */
	FB_R_UNMATCHED_AUTHORITY,   /* FB026 */
	FB_R_UNKNOWN_RETURN_LAYOUT, /* FB027 */
	FB_R_ONE_SIDE_ONLY,         /* FB028 */
	FB_R_MISSING_SNAPSHOT,      /* FB029 */
	FB_R_EPISODE_REVERSED,      /* FB030 */
	FB_R_EPISODE_OVERLAP,       /* FB031 */
	FB_R_EPISODE_GAP,           /* FB032 */
	FB_R_DATE_MISMATCH,         /* FB033 */
	FB_R_UNKNOWN_OPTIONAL_CODE, /* FB034 */
	FB_R_MALFORMED_QUOTE,       /* FB035 */
	FB_R_OTHER_SEPARATOR,       /* FB036 */
	FB_R_WORKBOOK,              /* FB037 */
	FB_R_UNMAPPED_VALUE,        /* FB038 */
	FB_R_UNMAPPED_SUMMARY,      /* FB039 */
	FB_R_PROFILE_DROPPED,       /* FB040 */
	FB_R_HOUSEHOLD_COUNTS,      /* FB041 */
	/* Rules about cost records (spec/placement-costs.md). */
	FB_R_UNKNOWN_PLACEMENT_TYPE, /* FB042 */
	FB_R_BAD_COST,              /* FB043 */
	FB_R_DUPLICATE_COST,        /* FB044 */
	FB_R_COST_NO_PLACEMENTS,    /* FB045 */
	FB_R_FUTURE_COST_DATE,      /* FB046 */
	FB_R_NOT_POOLED,            /* FB047 */
	FB_R_COUNT
};

struct fb_rule_def {
	enum fb_rule id;
	const char *code;       /* "FB004" */
	enum fb_severity severity;
	const char *name;       /* short slug, "unknown-code" */
	const char *summary;    /* what the rule checks, for the catalogue */
	const char *action;     /* what the user should do */
};

extern const struct fb_rule_def fb_rules[FB_R_COUNT];

const char *fb_severity_name(enum fb_severity sev);

#endif
