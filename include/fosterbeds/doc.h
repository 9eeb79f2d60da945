/*
 * doc.h: a document, the typed form of what a command outputs.
 *
 * A command's figures become a document in one place (doc-<name>.c); every
 * writer then writes any document from its typed cells, with no code of its
 * own per document (writer.h).  Whatever a figure is (a rate, a difference
 * in percentage points) is worked out once, in the builder, and never again
 * in a writer: a writer only decides how a kind of cell looks in its format.
 *
 * A document is a title, a subject (the region or LAs it is about), the run
 * it came from (its inputs, findings and manifest, for the metadata every
 * format carries), notes, and tables.  A table is named columns, each of one
 * kind, and rows of cells; a row may be marked pooled (a region's row: set
 * apart below a rule, in bold).  A cell is of its column's kind, or empty
 * (a rate with nothing to divide by, a value that does not apply).
 *
 * Ownership: fb_doc_init() borrows the run, and builders pass columns that
 * are static (a const array in the builder) and borrowed too; both must
 * outlive the document.  Every string handed to fb_doc_note(),
 * fb_doc_set_title() or a cell setter is copied, and the copies are freed by
 * fb_doc_release(), so a builder may pass a stack buffer.  A pointer from
 * fb_table_row() is good until the next row is added to that table.
 *
 * No cell ever holds child_ref or another personal column (standard.h):
 * builders put only figures, codes, names of LAs and regions, dates and
 * file names in documents.
 */
#ifndef FOSTERBEDS_DOC_H
#define FOSTERBEDS_DOC_H

#include <stdarg.h>
#include <stddef.h>

#include "fosterbeds/run.h"

/*
 * What a column holds, which decides how every writer shows it.  Text from
 * the input (a file name, a region name given on the command line) is
 * FB_CK_INPUT.  CSV guards every kind of text (TEXT, INPUT, CODE, CODES)
 * against running as a formula, and the text writer shows every string
 * made visible, so a builder's choice of kind never lets outside text
 * through.
 */
enum fb_cell_kind {
	FB_CK_EMPTY,    /* no value: blank in CSV and XLSX, null in JSON, a dash in HTML */
	FB_CK_TEXT,     /* text the tool wrote */
	FB_CK_INPUT,    /* text that came from the user or the input */
	FB_CK_CODE,     /* a code: an LA's "851", "ALL", a rule's FB004 */
	FB_CK_COUNT,    /* a whole number */
	FB_CK_RATE,     /* a percentage, in tenths: 663 is 66.3% */
	FB_CK_PP,       /* a difference of percentages, in tenths of a point */
	FB_CK_MONEY,    /* pence: 1234 is 12.34 */
	FB_CK_DATE,     /* days since 1970-01-01 */
	FB_CK_CODES,    /* a list of codes, one space between: "851 867" (JSON: an array) */
	FB_CK_FLAG,     /* yes or no, n 1 or 0: "true" or "false" (JSON: bare, XLSX: a boolean) */
	FB_CK_HUNDREDTHS, /* a number in hundredths, shown with two decimals: 1861 is 18.61 */
};

struct fb_column {
	const char *name;    /* the machine name: CSV header, JSON member */
	const char *title;   /* for people (XLSX, HTML), or NULL: made from the name */
	const char *brief;   /* the text table's heading, or NULL: not in the text table */
	enum fb_cell_kind kind;
	unsigned flags;      /* FB_COL_*, or 0: a column like any other */
};

/*
 * FB_COL_JSON_ONLY: a member for programs that only JSON writes (trend's
 * pools_different_las flag, beside a column that says the same in words;
 * report's las_pooled: its CSV has the standard's 16 columns).
 * FB_COL_OMIT_EMPTY: JSON leaves the member out of the rows whose cell is
 * empty (report's las_pooled, on its ALL rows only).
 * FB_COL_SKIP_ZERO: the text table leaves out the rows whose count here is
 * 0 (a reason no bed has), which the other formats keep.
 * FB_COL_PAGE_ONLY: a figure only a document's own HTML page shows (a
 * headline's change since the previous snapshot), worked out here like
 * every other; CSV, JSON and XLSX leave it out, and with no brief the text
 * table and the generic page do too.
 */
#define FB_COL_JSON_ONLY 1u
#define FB_COL_SKIP_ZERO 2u
#define FB_COL_PAGE_ONLY 4u
#define FB_COL_OMIT_EMPTY 8u

/* n holds counts, tenths, pence and dates; s holds text (owned by the document). */
struct fb_cell {
	enum fb_cell_kind kind;
	long n;
	const char *s;
};

/*
 * Which writers leave a table out (struct fb_table.hide): 0, the default, is
 * none.  A table may be for one kind of reader only: a listing in the text
 * form's own shape, or what JSON's metadata block already holds.
 */
enum {
	FB_HIDE_TEXT = 1 << 0,
	FB_HIDE_JSON = 1 << 1,
	FB_HIDE_XLSX = 1 << 2,
	FB_HIDE_HTML = 1 << 3,
};
/* CSV writes one table, csv_table (struct fb_doc), whatever the bits say. */
#define FB_TEXT_ONLY (FB_HIDE_JSON | FB_HIDE_XLSX | FB_HIDE_HTML)

/*
 * How the text writer lays a table out; the other formats ignore it.
 */
enum fb_text_layout {
	FB_TEXT_ROWS,        /* aligned columns with a brief heading, a line a row (the default) */
	/*
	 * Each row's first cell as it is, one line each; a document with such a
	 * table has them as its whole text form (no title, notes or other
	 * table): output read like a compiler's messages.
	 */
	FB_TEXT_LINES,
	/*
	 * For a table in long form whose columns with a brief are, in order, a
	 * group, a row label, a column label and a value: each group gets a
	 * line of its own (the group column's brief and value), then a small
	 * table of values by row and column label, in the order they first come
	 * (at most 32 row and 16 column labels a group).
	 */
	FB_TEXT_CROSSTAB,
};

struct fb_table {
	const char *name;    /* a sheet's name ("Summary") */
	const struct fb_column *cols;
	size_t ncols;
	struct fb_cell *cells;   /* nrows rows of ncols cells */
	unsigned char *pooled;   /* per row: 1 for a pooled (region) row */
	size_t nrows, cap;
	const char *empty;   /* what the text table says when there is no row */
	enum fb_text_layout text;
	/*
	 * What the text says above the table, or NULL: the builder's own
	 * words (never outside text), which may wrap with '\n'.
	 */
	const char *intro;
	/*
	 * A table whose rows belong to rows of the first table: nest is how
	 * many of its first columns name the row each belongs to (the same
	 * cells as that row's first columns; its rows in the first table's
	 * order), 0 for a table of its own.  JSON writes such rows inside the
	 * row they belong to, as an array called member, without those
	 * columns (one column left: an array of its values, not of objects);
	 * the other formats write the table as it is.
	 */
	size_t nest;
	const char *member;
	/* Set by a builder after fb_doc_table(); their zero values are the usual. */
	const char *key;     /* JSON member, or NULL: "rows" for the first table, else name */
	unsigned hide;       /* FB_HIDE_* bits: the writers that leave it out */
};

/* 1 when a writer whose bit is hide_bit writes t. */
int fb_table_shown(const struct fb_table *t, unsigned hide_bit);

/*
 * Where a note goes.  Every note but FB_NOTE_JSON_NUMBER is in XLSX's Notes
 * sheet (its key, or "note", as the topic; a note keyed "title", for JSON,
 * is the sheet's title row); a keyed note that is not FB_NOTE_DEFINE is also
 * a member of JSON's top-level object.
 */
enum fb_note_place {
	FB_NOTE_INTRO,    /* said before the tables (text, HTML) */
	FB_NOTE_AFTER,    /* said after them (text, HTML) */
	FB_NOTE_DATA,     /* for programs and workbooks only (JSON, XLSX) */
	FB_NOTE_DEFINE,   /* what a column means, key its name (XLSX, HTML) */
	FB_NOTE_NUMBER,   /* as FB_NOTE_DATA, its text a number: bare in JSON (empty: null) */
	FB_NOTE_JSON_NUMBER, /* a number for programs only (JSON, bare): what the others say
			       in words */
};

/*
 * A note is one line: the text writer shows a '\n' in it, as any control
 * character, as an escape (a file name in it cannot split it), so a
 * builder wanting two lines adds two notes, and a blank line an empty one.
 */
struct fb_note {
	enum fb_note_place place;
	const char *key;     /* JSON member and XLSX topic, or NULL */
	const char *text;
};

struct fb_doc {
	const char *command;     /* "report --period": the XLSX "made by" note */
	const char *title;       /* "Foster-bed utilisation in bed-nights, 2028-02-15 to ..." */
	const char *subject;     /* "South East", or NULL */
	const struct fb_run *run;
	struct fb_note *notes;
	size_t nnotes, notecap;
	struct fb_table *tables;
	size_t ntables, tablecap;
	size_t csv_table;        /* the table CSV writes (a CSV file holds one): 0, the first */
	char **strings;          /* every copy the document owns */
	size_t nstrings, strcap;
};

void fb_doc_init(struct fb_doc *d, const char *command, const struct fb_run *run);
void fb_doc_release(struct fb_doc *d);

/* A copy of s the document owns. */
const char *fb_doc_strdup(struct fb_doc *d, const char *s);

/* size bytes the document owns, the first '\0', for a builder to fill. */
char *fb_doc_strdup_size(struct fb_doc *d, size_t size);

/* printf-style text the document owns. */
char *fb_doc_vprintf(struct fb_doc *d, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

void fb_doc_set_title(struct fb_doc *d, const char *title, const char *subject);

/* Add a note (printf-style text). */
void fb_doc_note(struct fb_doc *d, enum fb_note_place place, const char *key,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * The note a document read from the run's rows ends with (FB_NOTE_AFTER):
 * "Rows: 8 read, 7 used, 1 rejected (FB004 1), 6 outside the filter (--la
 * 867)", what naming the rows.  d->run must be set.
 */
void fb_doc_note_totals(struct fb_doc *d, const char *what);

/*
 * The notes that say what the utilisation rates are, for every document
 * that has them (report, report --period, trend), so they say the same:
 * fb_doc_note_ms() the "MS = mainstream beds only" note after the tables;
 * fb_doc_define_incl() and fb_doc_define_excl() define utilisation_incl_pct
 * and utilisation_excl_pct (FB_NOTE_DEFINE) for a document that counts
 * unit ("beds", "bed-nights"), the first followed by aside in brackets
 * unless it is NULL.
 */
void fb_doc_note_ms(struct fb_doc *d);
void fb_doc_define_incl(struct fb_doc *d, const char *unit, const char *aside);
void fb_doc_define_excl(struct fb_doc *d, const char *unit);

/* The note whose key is key, or NULL. */
const struct fb_note *fb_doc_find_note(const struct fb_doc *d, const char *key);

/*
 * Add a table of ncols columns (cols is borrowed), and what the text says
 * when it has no row (or NULL).  Returns it: good until the next table is
 * added, so a builder fills one table before it starts the next.
 */
struct fb_table *fb_doc_table(struct fb_doc *d, const char *name,
			      const struct fb_column *cols, size_t ncols, const char *empty);

/* Add a row, every cell empty; returns its ncols cells. */
struct fb_cell *fb_table_row(struct fb_table *t, int pooled);

/* Add a row whose first cell is text (printf-style): a line of an FB_TEXT_LINES table. */
void fb_table_line(struct fb_doc *d, struct fb_table *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Row r's cell in column i. */
const struct fb_cell *fb_table_cell(const struct fb_table *t, size_t r, size_t i);

/*
 * The first table called name, or NULL: for a page or a test that reads a
 * document by its tables' names rather than their positions.
 */
const struct fb_table *fb_doc_find_table(const struct fb_doc *d, const char *name);

/* The index of the first column called name, or t->ncols when there is none. */
size_t fb_table_find_column(const struct fb_table *t, const char *name);

/*
 * Cell setters.  A rate or pp of FB_PCT_NONE (figures.h) leaves the cell
 * empty, so "nothing to divide by" is never written as 0.
 */
void fb_cell_text(struct fb_doc *d, struct fb_cell *c, enum fb_cell_kind kind, const char *s);
void fb_cell_number(struct fb_cell *c, enum fb_cell_kind kind, long n);

/*
 * A cell as plain text into buf (FB_DOC_CELL_BUF bytes), the form CSV,
 * JSON and the text table share: counts "46", rates and pp "58.7" and
 * "-0.4", money "12.34", dates "2028-02-15", text and lists of codes as
 * they are, flags "true" or "false", empty "".
 * Returns buf or the cell's own text.
 */
#define FB_DOC_CELL_BUF 32
const char *fb_cell_format(const struct fb_cell *c, char buf[FB_DOC_CELL_BUF]);

/* 1 for the kinds that are numbers (JSON writes them bare, text right-aligns them). */
int fb_cell_kind_numeric(enum fb_cell_kind kind);

/*
 * The documents.  Each builds from the figures alone, computing every
 * derived figure (a rate, a pooled row's name) once.
 */
struct fb_nights_row;
struct fb_period;

/*
 * report --period: bed-nights per LA and pooled (episodes.h), over period,
 * with region_name naming the pooled row.  rows and run are borrowed.
 */
void fb_doc_period(struct fb_doc *d, const struct fb_run *run, const struct fb_period *period,
		   const char *region_name, const struct fb_nights_row *rows, size_t nrows);

struct fb_tally_row;

/*
 * report: the figures per LA and snapshot date, then the pooled rows
 * (tally.h, fb_tally_rows()), with region_name naming the pooled rows; with
 * breakdown, a second table of why beds go unused (fb_reason_lines()), one
 * row per row, status, group and reason, nested in JSON and the table CSV
 * writes.  run and rows are borrowed.  The columns' positions are in
 * doc-report.h, for the HTML page.
 */
void fb_doc_report(struct fb_doc *d, const struct fb_run *run, const struct fb_tally_row *rows,
		   size_t nrows, const char *region_name, int breakdown);

struct fb_trend;

/* trend: each snapshot's figures and changes (trend.h); run and tr borrowed. */
void fb_doc_trend(struct fb_doc *d, const struct fb_run *run, const struct fb_trend *tr,
		  const char *region_name);

struct fb_ofsted_rows;

struct fb_cost_table;
struct fb_bed_value;

/*
 * costs: the placement cost benchmark (spec/placement-costs.md), its rows
 * costs.c's (fb_cost_table_build), region rows named region_name; notes
 * say which LAs each region row left out and how the figures are worked.
 * With bv (costs --beds), a second table: what a filled bed is worth, an
 * upper bound, labelled so.
 */
void fb_doc_costs(struct fb_doc *d, const struct fb_run *run, const struct fb_cost_table *ct,
		  const struct fb_bed_value *bv, const char *region_name);

/*
 * ofsted: Ofsted's published figures per authority and pooled per region
 * (ofsted.h, fb_ofsted_rows_add), with each row's shares of approved
 * places.  run is borrowed; nothing of rows is kept.
 */
void fb_doc_ofsted(struct fb_doc *d, const struct fb_run *run,
		   const struct fb_ofsted_rows *rows);

/*
 * check-manifest: the manifest m read from path, the folders its inputs were
 * looked for in and each input's check (manifest.h, the host's), with
 * found[i] the path input i was read from or NULL (found may be NULL).  All
 * borrowed.
 */
struct fb_manifest;
struct fb_manifest_folders;
struct fb_manifest_check;
void fb_doc_manifest(struct fb_doc *d, const char *path, const struct fb_manifest *m,
		     const struct fb_manifest_folders *folders,
		     const struct fb_manifest_check *checks, const char *const *found);

/*
 * validate: every finding the run kept (its findings, sorted), a summary by
 * code and each input's rows; run is borrowed.  No cell holds child_ref or a
 * personal value: findings never carry one (findings.h).
 */
void fb_doc_findings(struct fb_doc *d, const struct fb_run *run);

/*
 * The run's findings and inputs as two tables, "Findings" (every finding
 * run kept, as validate's) and "Inputs" (a row per input), appended to d
 * for the workbook alone: text, JSON and HTML say them their own way, and
 * CSV writes csv_table.  Every builder of a document with a run calls it
 * last, once its own tables are added, so the workbook's sheets are its
 * figures, then Findings and Inputs (and the writer's Notes).  Nothing when
 * run is NULL.  validate's document has these tables of its own.
 */
void fb_doc_run_tables(struct fb_doc *d, const struct fb_run *run);

/*
 * spec: the standard's fields, their codes, the regional categories and
 * the rules (standard.h), as tables; no run.
 */
void fb_doc_catalogue(struct fb_doc *d);

struct fb_reconcile;
struct fb_submission;

/* fb_doc_reconcile()'s flags: the bridge alone (reconcile --bridge). */
#define FB_DOC_RECON_BRIDGE 1u

/*
 * reconcile: the records against the return (reconcile.h), region_name
 * naming the region row.  Its tables: "Reconcile" (a row per LA, then the
 * region: the counts as submitted and their shares, the standardised counts
 * and rates, the differences in points, the dates), "Bridge" (long form: a
 * row per LA, ofsted_status and category, then no_record rows, for the rows
 * compared at one date) and "Drivers" (each such row's reasons in words,
 * largest first, at most 12), the last two nested in the first's rows in
 * JSON; their columns are in doc-reconcile.h.  With FB_DOC_RECON_BRIDGE,
 * the Bridge table alone.  The last input of run is the return; run, sub
 * and rc borrowed.
 */
void fb_doc_reconcile(struct fb_doc *d, const struct fb_run *run,
		      const struct fb_submission *sub, const struct fb_reconcile *rc,
		      const char *region_name, unsigned flags);

#endif
