/*
 * doc-reconcile.h: where reconcile's columns are in its document
 * (fb_doc_reconcile(), doc.h), for the HTML page, which reads a cell by
 * what it is.
 *
 * The tables, in order: Reconcile (a column per enum fb_recon_col; its LA
 * rows by code, then the region row, pooled, last), Bridge (enum
 * fb_bridge_col: per LA compared at one date, in the first table's order,
 * 16 rows of ofsted_status by category in the standard's code orders, the
 * 4 of "none" when there are such beds, then the 3 no_record rows, one a
 * bucket) and Drivers (enum fb_driver_col).  With FB_DOC_RECON_BRIDGE the
 * Bridge table alone.
 */
#ifndef FOSTERBEDS_DOC_RECONCILE_H
#define FOSTERBEDS_DOC_RECONCILE_H

enum fb_recon_col {
	FB_RN_LA_CODE, FB_RN_LA_NAME, FB_RN_S_APPROVED, FB_RN_S_FILLED, FB_RN_S_VACANT,
	FB_RN_S_UNAVAILABLE, FB_RN_S_FILLED_PCT, FB_RN_S_VACANT_PCT, FB_RN_S_UNAVAILABLE_PCT,
	FB_RN_APPROVED, FB_RN_FILLED, FB_RN_VACANT, FB_RN_UNAVAILABLE, FB_RN_UTIL_INCL,
	FB_RN_UTIL_EXCL, FB_RN_VACANT_PCT, FB_RN_UNAVAILABLE_PCT, FB_RN_FILLED_DIFF,
	FB_RN_VACANT_DIFF, FB_RN_UNAVAILABLE_DIFF, FB_RN_DATE, FB_RN_RETURN_DATE,
	FB_RN_DATE_SOURCE, FB_RN_NLA,
	/* For the page only (FB_COL_PAGE_ONLY): what the excluding rate divides. */
	FB_RN_MS_APPROVED, FB_RN_MS_FILLED,
	FB_RN_COUNT
};
enum fb_bridge_col { FB_RB_LA_CODE, FB_RB_STATUS, FB_RB_CATEGORY, FB_RB_BEDS, FB_RB_COUNT };
enum fb_driver_col { FB_RDV_LA_CODE, FB_RDV_BEDS, FB_RDV_TEXT, FB_RDV_COUNT };

#endif
