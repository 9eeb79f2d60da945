/*
 * profile.h: read an authority's export as it is, through a mapping profile.
 *
 * A profile (spec/profiles.md) says how one system's export maps onto the
 * standard's bed records, or onto its episodes (spec/bed-episodes.md) for a
 * profile with [column status_from] and [column status_to]: which local header is which standard column (an
 * exact name, aliases compared without case or spaces, or a POSIX extended
 * pattern), which local values are which codes (including values that set
 * another column, and values that mark a row that is not a bed), constants
 * for columns the file lacks, the separator, the encoding, the date forms,
 * and, for one row per household, count columns that expand into beds.
 *
 * The profile is built one INI entry at a time (fb_profile_set()), so the
 * core knows nothing of files: the host's profile-read.c reads the file with
 * libinih and feeds it here.  Every error names the entry's line, and the
 * whole profile is checked (fb_profile_finish()) before any data is read.
 *
 * Reading an input through a profile (struct fb_profile_input) happens
 * between ingest and the record checks: ingest reads the file with the
 * schema the profile builds from its header, and each local row becomes zero
 * or more standard rows (struct fb_row, as ingest.h gives them), which then
 * meet every rule of the standard as a standard file's rows do, on the
 * export's own line.  A row is never lost: it is emitted (used or rejected
 * by the checks), rejected here (FB038 unmapped value, FB041 bad household
 * counts), or dropped as the profile says (counted, and said once per file
 * as FB040).
 *
 * The profile owns its strings; fb_profile_free() frees it.  Once finished
 * it is only read, so inputs may share it.
 *
 * The files: profile.c builds and checks the profile; profile-map.c reads
 * an input through it (the header matched, each row's values mapped);
 * profile-expand.c expands household rows into beds and reads the date
 * forms.  What they share is src/profile-internal.h.
 */
#ifndef FOSTERBEDS_PROFILE_H
#define FOSTERBEDS_PROFILE_H

#include <regex.h>
#include <stddef.h>

#include "fosterbeds/date.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/standard.h"

/* Columns one profile may read (ingest's FB_MAX_COLUMNS). */
#define FB_PROFILE_MAX_COLUMNS FB_MAX_COLUMNS
#define FB_PROFILE_MAX_DATE_FORMATS 8
#define FB_DATE_TEXT_SIZE (FB_DATE_LEN + 1)

/* What a profile column is. */
enum fb_profile_kind {
	FB_PK_COLUMN,    /* [column FIELD]: a standard column */
	FB_PK_FLAG,      /* [flag NAME]: a local column whose values set standard columns */
	FB_PK_COUNT,     /* [count NAME]: a household's count of beds of one kind */
	FB_PK_APPROVED,  /* [approved]: a household's approved places, checked against the counts */
};

/* What a local value does. */
enum fb_profile_action {
	FB_PA_VALUE,  /* value CODE = ...: this column's code */
	FB_PA_SET,    /* set FIELD CODE = ...: another column's code */
	FB_PA_KEEP,   /* keep = ...: nothing (a flag's "no") */
	FB_PA_DROP,   /* drop = ...: the row is not a bed */
};

struct fb_profile_value {
	char *local;                 /* as the profile spells it, spaces trimmed */
	enum fb_profile_action action;
	int field;                   /* FB_PA_VALUE: the column's; FB_PA_SET: the field set */
	int code;                    /* the code given to that field */
	long line;                   /* the profile's line */
};

struct fb_profile_column {
	enum fb_profile_kind kind;
	char *section;               /* the section as written: "column status" */
	char *name;                  /* the section's name: a field, a flag's or a count's */
	int field;                   /* FB_PK_COLUMN: the enum fb_field (status_from is
					FB_F_SNAPSHOT_DATE, status_to FB_EP_STATUS_TO); else
					FB_NONE */
	long line;                   /* the section's line */
	char *header;                /* exact header, or NULL */
	char **alias;                /* aliases, compared without case or spaces */
	size_t nalias;
	char *pattern;               /* POSIX extended pattern, ignoring case, or NULL */
	regex_t re;
	struct fb_profile_value *values;
	size_t nvalues, valcap;
	int mapped;                  /* has value/set/keep lines: an unlisted value is FB038 */
	/* FB_PK_COUNT: the beds it counts. */
	int status, bed_use, unavailable_reason, vacancy_reason, ofsted_status;
};

enum fb_profile_encoding { FB_PE_UTF8, FB_PE_1252 };

struct fb_profile {
	char *path;                  /* for messages */
	char sha256[FB_SHA256_HEX];  /* of the file's bytes (the host's reader sets it), or "" */
	long long bytes;             /* the file's size */
	char *system;                /* "Example Case System", or NULL */
	char *la;                    /* the LA it is for, or NULL */
	int delim;                   /* 0: found from the header (ingest.h) */
	enum fb_profile_encoding encoding;
	char *date_format[FB_PROFILE_MAX_DATE_FORMATS];
	size_t ndate_formats;
	char *constant[FB_F_COUNT];  /* la_code, snapshot_date (YYYY-MM-DD), or NULL */
	long constant_line[FB_F_COUNT];
	char *name_pattern;          /* snapshot_date from the file name, or NULL */
	regex_t name_re;
	long name_pattern_line;
	struct fb_profile_column col[FB_PROFILE_MAX_COLUMNS];
	size_t ncols;
	int expand;                  /* has [count] columns: one row per household */
	/*
	 * Has [column status_from] or [column status_to]: it reads episode files
	 * (spec/bed-episodes.md), status_from in snapshot_date's place
	 * (FB_F_SNAPSHOT_DATE) and status_to at FB_EP_STATUS_TO, as ingest's
	 * episode schema places them; episodes_line is the first such section's.
	 */
	int episodes;
	long episodes_line;
	int finished;
};

/* Building (the host reads the file; see profile-read.c) */

/* A new, empty profile read from path (for messages). */
struct fb_profile *fb_profile_new(const char *path);
void fb_profile_free(struct fb_profile *p);

/*
 * One entry of section (e.g. "column status") at line.  Returns 0, or -1
 * with the reason in why (no line or file: the caller adds them).  A section
 * of "" with a key is an entry before any section: an error.
 */
int fb_profile_set(struct fb_profile *p, const char *section, const char *key,
		   const char *value, long line, char *why, size_t whylen);

/*
 * A section header seen at line (so an empty or unknown section is an error
 * on its own line).  Returns 0 or -1 with why.
 */
int fb_profile_section(struct fb_profile *p, const char *section, long line, char *why,
		       size_t whylen);

/*
 * Check the profile as a whole: every required column mapped or constant,
 * no header mapped twice, expansion consistent.  Returns 0, or -1 with why
 * and *line (0 when the error has no one line).
 */
int fb_profile_finish(struct fb_profile *p, long *line, char *why, size_t whylen);

/* Dates */

/*
 * Check a date format: %d, %m and %Y once each, optionally %H, %M and %S
 * once each, %% and any other character literally.  Returns 0 or -1 with why.
 */
int fb_profile_date_format_check(const char *fmt, char *why, size_t whylen);

/*
 * Read the len bytes at s (spaces around ignored) by fmt: %d and %m one or
 * two digits, %Y four, %H, %M and %S one or two (the time must be a real
 * one, and is otherwise ignored), other characters as themselves.  Returns
 * 0 and writes "YYYY-MM-DD" (not yet checked as a calendar date: the record
 * checks do that, FB006) into out, or -1.
 */
int fb_profile_date_read(const char *fmt, const char *s, size_t len,
			 char out[FB_DATE_TEXT_SIZE]);

/* The name of field as p reads it: "status_from" for an episode profile's
 * FB_F_SNAPSHOT_DATE, "status_to" for FB_EP_STATUS_TO, else the standard's. */
const char *fb_profile_field_name(const struct fb_profile *p, int field);

/* c's section as the profile writes it ("[column status]"), in buf; returns buf. */
const char *fb_profile_section_name(const struct fb_profile_column *c, char *buf, size_t size);

/* Headers */

/* 1 when column c of p matches the header name (len bytes), else 0. */
int fb_profile_header_matches(const struct fb_profile_column *c, const char *name, size_t len);

/* Reading an input */

struct fb_profile_unmapped;

/* One input read through a profile; see fb_profile_input_new(). */
struct fb_profile_input {
	const struct fb_profile *p;
	int file;
	struct fb_findings *out;
	struct fb_schema schema;           /* built from the header, for ingest */
	char *colname[FB_PROFILE_MAX_COLUMNS];  /* the schema's names (owned) */
	int pos[FB_PROFILE_MAX_COLUMNS];   /* each profile column's place in the file, or -1 */
	int mapped_cols;                   /* the columns were told to the findings */
	int reject_all;                    /* FB_NONE, or the rule that spoils every row */
	char name_date[FB_DATE_TEXT_SIZE]; /* snapshot_date from the file name, or "" */
	char date[FB_DATE_TEXT_SIZE];      /* a date read by the profile's formats */
	char date_to[FB_DATE_TEXT_SIZE];   /* an episode's status_to, read so */
	char bed_id[24];                   /* an expanded bed's bed_id */
	long dropped, dropped_first;       /* rows dropped, and the first's line */
	char dropped_why[FB_VISIBLE_SIZE + 64];
	struct fb_profile_unmapped *unmapped;
	size_t nunmapped, unmappedcap;
	long unmapped_more;                /* distinct values past the kept ones */
};

/*
 * Begin reading file (named name, for snapshot_date_from_name) through p,
 * pushing findings to out.  Free with fb_profile_input_free().
 */
struct fb_profile_input *fb_profile_input_new(const struct fb_profile *p, const char *name,
					      int file, struct fb_findings *out);
void fb_profile_input_free(struct fb_profile_input *in);

/*
 * The schema to read the file with (an fb_schema_chooser's choose(), with
 * the same arguments): the profile's columns, named as this header names
 * them.  A header cell that two columns match, or two cells one column
 * matches, is FB003 at line 1 and rejects every row.
 */
const struct fb_schema *fb_profile_input_schema(struct fb_profile_input *in,
						const char *const *names, const size_t *lens,
						size_t n);

/*
 * Turn one local row (read with that schema) into standard rows: fn(ctx,
 * row) for each (one, or one per bed of a household row; a row rejected by
 * ingest or here is passed on once, with reject set), or drop(ctx) once for
 * a row the profile drops.
 */
void fb_profile_input_row(struct fb_profile_input *in, const struct fb_row *local,
			  fb_row_fn fn, void (*drop)(void *ctx), void *ctx);

/* After the file: FB039 (unmapped values by column) and FB040 (rows dropped). */
void fb_profile_input_end(struct fb_profile_input *in);

#endif
