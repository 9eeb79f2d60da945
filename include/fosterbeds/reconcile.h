/*
 * reconcile.h: an LA's bed records against what it submitted to Ofsted.
 *
 * For each LA in either input, one row holds the counts as submitted and the
 * standardised counts from the bed records at one snapshot date (the date
 * the return names, else the LA's latest).  The region row (la_code
 * FB_LA_ALL) pools only LAs present on both sides with all four submitted
 * counts; an LA on one side only is FB028 and its row keeps the other side
 * empty.
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

struct fb_recon_row {
	int la_code;              /* FB_LA_ALL for the region */
	int date;                 /* records' snapshot compared, FB_NO_DATE if none or mixed */
	int date_from_return;     /* the return named the date */
	int has_records, has_return;
	struct fb_submitted sub;  /* as submitted; FB_MISSING where not given */
	struct fb_counts std;     /* standardised, with the bridge */
	int nla;                  /* region: LAs pooled */
};

struct fb_reconcile {
	struct fb_recon_row *rows;  /* LAs by code, then the region row */
	size_t n;
	int left_out;               /* LAs not pooled in the region row */
};

/*
 * Pair tally (from the bed records) with sub, pushing FB028 findings tagged
 * with return_file.  The region row is always last.
 */
void fb_reconcile_build(struct fb_reconcile *rc, const struct fb_tally *tally,
			const struct fb_submission *sub, int return_file,
			struct fb_findings *out);
void fb_reconcile_release(struct fb_reconcile *rc);

/* Places per submitted bucket that no bed record accounts for. */
enum fb_unaccounted { FB_UA_FILLED, FB_UA_VACANT, FB_UA_UNAVAILABLE, FB_UA_COUNT };

/*
 * Submitted count of the bucket minus the beds whose ofsted_status is that
 * bucket (negative when the records count more); 0 when either side is
 * missing.
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
 * The row's drivers, at most max of them: first those that move the filled,
 * vacant and unavailable differences (a bed counted under another status,
 * left out, with no ofsted_status, or places with no bed record), largest
 * first; then the overlay ones.  Returns how many were written to out.
 */
size_t fb_recon_drivers(const struct fb_recon_row *r, struct fb_driver *out, size_t max);

#endif
