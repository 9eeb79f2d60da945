/*
 * writer.h: output formats behind one interface.
 *
 * Each format is one file (writer-text.c, writer-csv.c, writer-json.c,
 * writer-html.c, writer-xlsx.c) that fills one struct fb_writer; commands pick a writer by name and hand it what
 * to write and a FILE *, so tests can give it an in-memory stream.  Every
 * writer writes any document (doc.h) through write(); in the old
 * per-document slots, a writer that cannot write a document leaves its slot
 * NULL.
 *
 * Writers never decide exit codes.  write() says whether it failed and why;
 * the old slots never check for write errors: the command checks the stream
 * once at the end (a failed write sets the stream's error flag, which stays
 * set), and does so after write() too.
 *
 * No writer ever prints child_ref or any other column the standard marks as
 * personal; findings carry no such values (findings.h).
 */
#ifndef FOSTERBEDS_WRITER_H
#define FOSTERBEDS_WRITER_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/episodes.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/ofsted.h"
#include "fosterbeds/reconcile.h"
#include "fosterbeds/run.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"
#include "fosterbeds/trend.h"

/* What `report` writes: the run, and its rows from fb_tally_rows(). */
struct fb_report {
	const struct fb_run *run;
	const char *region_name;   /* the name given to pooled rows */
	const struct fb_tally_row *rows;
	size_t nrows;
	int breakdown;             /* --breakdown reasons: why beds go unused */
};

/*
 * What `reconcile` writes.  run holds the inputs (the bed-record files, then
 * the return) and every finding; rc the rows, the region row last.
 */
struct fb_recon_report {
	const struct fb_run *run;
	const struct fb_submission *sub;
	const struct fb_reconcile *rc;
	const char *region_name;
};

/* What a row of `ofsted` is. */
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
 */
struct fb_ofsted_row {
	const char *year;         /* "" when unknown */
	int la_code;              /* FB_LA_ALL for every row but an authority's */
	const char *region;       /* "" on England's rows */
	const char *name;         /* the shown name; NULL on an authority's row */
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

/* What `ofsted` writes. */
struct fb_ofsted_report {
	const struct fb_run *run;  /* the inputs and findings */
	const struct fb_ofsted_row *rows;
	size_t nrows;
	long missing;              /* cells suppressed or blank */
};

/* 1 for the rows that are not one authority's or joint service's own. */
int fb_ofsted_row_pooled(const struct fb_ofsted_row *row);

/* What `trend` writes. */
struct fb_trend_report {
	const struct fb_run *run;
	const struct fb_trend *trend;
	const char *region_name;
};

/*
 * Why a writer failed, for the command to say: err is an errno value (EIO
 * when there is none), message the reason in words.
 */
struct fb_error {
	int err;
	char message[256];
};

/*
 * A writer.  write() writes any document (doc.h) from its typed cells and
 * returns 0, or -1 with *e saying why (a failed write to out, a workbook
 * that could not be made).  binary formats are not written to a terminal.
 *
 * The per-document slots below are the old interface, kept while the
 * commands move to documents one at a time; a command whose output is a
 * document (report, report --period, reconcile) uses write() alone.
 */
struct fb_writer {
	const char *name;
	int binary;
	int (*write)(FILE *out, const struct fb_doc *doc, struct fb_error *e);
	/* validate: every finding, a summary by code, and each input's rows. */
	void (*findings)(FILE *out, const struct fb_run *run);
	/* report: per-(LA, date) rows and pooled rows. */
	void (*report)(FILE *out, const struct fb_report *rep);
	/* spec: the standard's fields, codes, categories and rules. */
	void (*catalogue)(FILE *out);
	/* reconcile: submitted against standardised, with the bridge. */
	void (*reconcile)(FILE *out, const struct fb_recon_report *rep);
	/* reconcile --bridge: the bridge alone, long format (CSV only). */
	void (*bridge)(FILE *out, const struct fb_recon_report *rep);
	/* ofsted: Ofsted's published figures per authority and region. */
	void (*ofsted)(FILE *out, const struct fb_ofsted_report *rep);
	/* trend: each snapshot's figures and the change since the last. */
	void (*trend)(FILE *out, const struct fb_trend_report *rep);
};

extern const struct fb_writer fb_writer_text;
extern const struct fb_writer fb_writer_csv;
extern const struct fb_writer fb_writer_json;
extern const struct fb_writer fb_writer_html;
extern const struct fb_writer fb_writer_xlsx;

/*
 * Why the last write could not be made, when a writer failed for a reason
 * of its own rather than a failed write (the xlsx writer: "string exceeds
 * Excel's limit"); NULL otherwise.  The command says it.
 */
const char *fb_writer_failure(void);

/*
 * A writer's result once it has written to out: 0, or -1 with *e filled
 * when out's error indicator is set (a failed write).
 */
int fb_writer_stream_result(FILE *out, struct fb_error *e);

/* The writer called name ("table" is the text writer), or NULL. */
const struct fb_writer *fb_writer_find(const char *name);

/* Shared by the writers */

/* One finding as text, "FILE:LINE: severity CODE: message" and a newline. */
void fb_finding_line(FILE *out, const struct fb_run *run, const struct fb_finding *f);

/* The LA name for a report row: the region name for pooled rows, "" if unknown. */
const char *fb_report_la_name(const struct fb_report *rep, const struct fb_tally_row *row);

/* "851", or "ALL" for a pooled row, into buf (8 bytes). */
const char *fb_report_la_code(const struct fb_tally_row *row, char buf[8]);

/* The report CSV/JSON column names, in order, and how many there are. */
extern const char *const fb_report_columns[];
extern const size_t fb_report_ncolumns;

/*
 * Write a report row's value for column i into buf (FB_CELL_BUF bytes) as
 * text: counts as integers, rates as "66.3" or "" when undefined.  Returns
 * buf, or the LA name itself.  *is_number is set when the value is a number
 * (for JSON), cleared for text and empty rates.
 */
#define FB_CELL_BUF 1024  /* room for a list of every LA code */
const char *fb_report_cell(const struct fb_report *rep, const struct fb_tally_row *row,
			   size_t i, char buf[FB_CELL_BUF], int *is_number);

/* The reconcile CSV/JSON columns, in order, and a row's value in column i. */
extern const char *const fb_recon_columns[];
extern const size_t fb_recon_ncolumns;
const char *fb_recon_cell(const struct fb_recon_report *rep, const struct fb_recon_row *row,
			  size_t i, char buf[FB_CELL_BUF], int *is_number);

/*
 * The reconcile output's title: it says when some LA's records and return
 * are from different dates (--records-date).
 */
const char *fb_recon_title(const struct fb_recon_report *rep);

/*
 * The note every reconcile output carries when some LA's records and return
 * are from different dates, written into buf (FB_CELL_BUF bytes): both
 * dates, and that no bridge or drivers are drawn.  NULL when none is.
 */
const char *fb_recon_dates_note(const struct fb_recon_report *rep, char buf[FB_CELL_BUF]);

/* The ofsted CSV/JSON columns, in order, and a row's value in column i. */
extern const char *const fb_ofsted_columns[];
extern const size_t fb_ofsted_ncolumns;
const char *fb_ofsted_cell(const struct fb_ofsted_row *row, size_t i, char buf[FB_CELL_BUF],
			   int *is_number);

/* The reasons CSV columns, in order. */
extern const char *const fb_reason_columns[];
extern const size_t fb_reason_ncolumns;

/* The trend CSV/JSON columns, in order, and a row's value in column i. */
extern const char *const fb_trend_columns[];
extern const size_t fb_trend_ncolumns;
const char *fb_trend_cell(const struct fb_trend_report *rep, const struct fb_trend_row *row,
			  size_t i, char buf[FB_CELL_BUF], int *is_number);

/* Bridge row labels: ofsted_status names with "none" for FB_OS_BLANK. */
const char *fb_bridge_status_name(int ofsted_status);

#endif
