/*
 * reconcile.h: an LA's bed records against what it submitted to Ofsted.
 *
 * For each LA in either input, one row holds the counts as submitted and the
 * standardised counts from the bed records at one snapshot date: the date
 * given as records_date when there is one, else the date the return counts
 * at (a simple return's snapshot_date, 31 March ending a published file's
 * year), else the LA's latest.  The two sides must meet: an LA whose records
 * lack that date is FB033 (an error) and its row keeps the records' side
 * empty, so the other LAs are still compared.  A row whose records_date
 * differs from the return's own date is cross-dated: its differences mix
 * change over time with counting choices, so it gets no bridge and no
 * drivers, and a region row pooling it is cross-dated too.  The region row
 * (la_code FB_LA_ALL) pools only LAs present on both sides with all four
 * submitted counts; an LA on one side only is FB028 and its row keeps the
 * other side empty.
 *
 * The bridge explains the difference bed by bed: the tally's bridge counts
 * say how each bed was counted in the return (its ofsted_status) against its
 * status and use; the places in the return that no bed accounts for are the
 * submitted counts minus the beds counted that way.  Drivers turn the bridge
 * into sentences, largest first.
 */
#ifndef FOSTERBEDS_RECONCILE_H
#define FOSTERBEDS_RECONCILE_H

#include <stddef.h>

#include "fosterbeds/findings.h"
#include "fosterbeds/submission.h"
#include "fosterbeds/tally.h"

/* Where a row's records' date came from. */
enum fb_recon_date_source {
	FB_RD_LATEST,             /* the LA's latest snapshot: the return names no date */
	FB_RD_RETURN,             /* the return's date */
	FB_RD_OPTION,             /* records_date (--records-date) */
};

struct fb_recon_row {
	int la_code;              /* FB_LA_ALL for the region */
	int date;                 /* records' snapshot compared, FB_NO_DATE if none or mixed */
	int return_date;          /* the return's date, FB_NO_DATE if none or mixed */
	enum fb_recon_date_source date_source;
	int cross_dated;          /* date and return_date differ: no bridge, no drivers */
	int has_records, has_return;
	struct fb_submitted sub;  /* as submitted; FB_MISSING where not given */
	struct fb_counts std;     /* standardised, with the bridge */
	int nla;                  /* region: LAs pooled */
};

struct fb_reconcile {
	struct fb_recon_row *rows;  /* LAs by code, then the region row */
	size_t n;
	int left_out;               /* LAs not pooled in the region row */
	int mismatched;             /* of them, LAs whose records lack the date (FB033) */
	int cross_dated;            /* LA rows compared across dates */
	int records_date;           /* as given to fb_reconcile_build */
};

/*
 * Pair tally (from the bed records) with sub, pushing FB028 and FB033
 * findings tagged with return_file.  records_date is the records' date to
 * compare every LA at, or FB_NO_DATE to take the return's.  The region row
 * is always last.
 */
void fb_reconcile_build(struct fb_reconcile *rc, const struct fb_tally *tally,
			const struct fb_submission *sub, int records_date, int return_file,
			struct fb_findings *out);

/*
 * The distinct snapshot dates of the bed records in tally, of la_code only
 * unless it is FB_LA_ALL, ascending, into dates (at most max); returns how
 * many there are (which may exceed max).
 */
size_t fb_reconcile_dates(const struct fb_tally *tally, int la_code, int *dates, size_t max);
void fb_reconcile_release(struct fb_reconcile *rc);

/* Places per submitted bucket that no bed record accounts for. */
enum fb_unaccounted { FB_UA_FILLED, FB_UA_VACANT, FB_UA_UNAVAILABLE, FB_UA_COUNT };

/*
 * Submitted count of the bucket minus the beds whose ofsted_status is that
 * bucket (negative when the records count more); 0 when either side is
 * missing or the row is cross-dated.
 */
long fb_recon_unaccounted(const struct fb_recon_row *r, enum fb_unaccounted bucket);

/* Beds of the row by ofsted_status (FB_OS_* or FB_OS_BLANK) and category. */
long fb_recon_bridge(const struct fb_recon_row *r, int ofsted_status, enum fb_category cat);

/* One reason the return and the records differ. */
struct fb_driver {
	long beds;
	int overlay;      /* 1: explains only the excluding view (respite/emergency
			     beds counted under their own status) */
	char text[160];   /* a plain-English sentence, no final full stop */
};

/*
 * The row's drivers, at most max of them (none for a cross-dated row): first those that move the filled,
 * vacant and unavailable differences (a bed counted under another status,
 * left out, with no ofsted_status, or places with no bed record), largest
 * first; then the overlay ones.  Returns how many were written to out.
 */
size_t fb_recon_drivers(const struct fb_recon_row *r, struct fb_driver *out, size_t max);

#endif
