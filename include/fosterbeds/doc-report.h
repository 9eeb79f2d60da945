/*
 * doc-report.h: where report's columns are in its document (fb_doc_report(),
 * doc.h), for the writers that read a cell by what it is (the HTML page's
 * charts) rather than write every column alike.
 *
 * The first table (REPORT_TABLE) has a column per enum fb_report_col, in
 * that order; with --breakdown reasons the second (REASONS_TABLE) has one
 * per enum fb_reason_col.  Its rows come FB_REASON_LINES (figures.h) to a
 * row of the first table, in fb_reason_lines()'s order.  The first table's
 * rows are fb_tally_rows()'s: by LA and date, then the ALL rows by date.
 */
#ifndef FOSTERBEDS_DOC_REPORT_H
#define FOSTERBEDS_DOC_REPORT_H

enum { FB_REPORT_TABLE, FB_REASONS_TABLE };

enum fb_report_col {
	FB_RC_CODE, FB_RC_NAME, FB_RC_DATE, FB_RC_APPROVED, FB_RC_FILLED, FB_RC_VACANT,
	FB_RC_UNAVAILABLE, FB_RC_RESPITE, FB_RC_MS_APPROVED, FB_RC_MS_FILLED, FB_RC_MS_VACANT,
	FB_RC_MS_UNAVAILABLE, FB_RC_INCL, FB_RC_EXCL, FB_RC_VACANT_PCT, FB_RC_UNAVAILABLE_PCT,
	FB_RC_NLA,      /* JSON only: how many LAs an ALL row pools */
	/* For the page only (FB_COL_PAGE_ONLY): respite/emergency beds by status, */
	FB_RC_RE_FILLED, FB_RC_RE_VACANT, FB_RC_RE_UNAVAILABLE,
	/* and on an ALL row, the change since the previous date's, in points. */
	FB_RC_INCL_CHANGE, FB_RC_EXCL_CHANGE, FB_RC_VACANT_CHANGE, FB_RC_UNAVAILABLE_CHANGE,
	FB_RC_COUNT
};

enum fb_reason_col {
	FB_XC_CODE, FB_XC_NAME, FB_XC_DATE, FB_XC_STATUS, FB_XC_GROUP, FB_XC_REASON,
	FB_XC_BEDS, FB_XC_SHARE,
	FB_XC_GROUP_BEDS,   /* for the page only: the beds the share is of */
	FB_XC_COUNT
};

#endif
