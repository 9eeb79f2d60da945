/*
 * same-run.h: whether two runs over the same inputs, read two ways (in
 * blocks or a row at a time, on one thread or several), came out the
 * same: every finding in order (rule, file, line, Excel's row and column,
 * column name, value, message), the findings' counts, each input's row
 * counts and size, the tally's groups in the order they were made, and
 * the LAs' first files and those outside the filter.  For
 * tests/test-blocks.c and tests/fuzz/fuzz-blocks.c.
 */
#ifndef TESTS_SAME_RUN_H
#define TESTS_SAME_RUN_H

#include <stdio.h>
#include <string.h>

#include "fosterbeds/run.h"
#include "fosterbeds/tally.h"

static int
same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* NULL when a and b are the same, else what differs first (in why). */
static const char *
same_run(const struct fb_run *a, const struct fb_run *b, char *why, size_t size)
{
	const struct fb_findings *fa = &a->findings, *fb = &b->findings;

	if (fa->n != fb->n || fa->dropped != fb->dropped || fa->errors != fb->errors ||
	    fa->warnings != fb->warnings) {
		snprintf(why, size, "findings: %zu kept (%zu dropped, %zu errors, %zu warnings) "
			 "against %zu (%zu, %zu, %zu)", fa->n, fa->dropped, fa->errors, fa->warnings,
			 fb->n, fb->dropped, fb->errors, fb->warnings);
		return why;
	}
	for (int r = 0; r < FB_R_COUNT; r++)
		if (fa->count[r] != fb->count[r]) {
			snprintf(why, size, "FB%03d: %zu findings against %zu", r + 1, fa->count[r],
				 fb->count[r]);
			return why;
		}
	for (size_t i = 0; i < fa->n; i++) {
		const struct fb_finding *x = &fa->items[i], *y = &fb->items[i];

		if (x->rule != y->rule || x->file != y->file || x->line != y->line ||
		    x->row != y->row || x->col != y->col || !same_text(x->column, y->column) ||
		    !same_text(x->value, y->value) || !same_text(x->message, y->message)) {
			snprintf(why, size, "finding %zu: FB%03d line %ld row %ld col %d '%s' "
				 "against FB%03d line %ld row %ld col %d '%s'", i, x->rule + 1,
				 x->line, x->row, x->col, x->message, y->rule + 1, y->line, y->row,
				 y->col, y->message);
			return why;
		}
	}
	if (a->ninputs != b->ninputs) {
		snprintf(why, size, "%zu inputs against %zu", a->ninputs, b->ninputs);
		return why;
	}
	for (size_t i = 0; i < a->ninputs; i++) {
		const struct fb_input *x = &a->inputs[i], *y = &b->inputs[i];

		if (x->rows_read != y->rows_read || x->rows_used != y->rows_used ||
		    x->rows_rejected != y->rows_rejected || x->rows_dropped != y->rows_dropped ||
		    x->rows_outside_filter != y->rows_outside_filter || x->size != y->size ||
		    x->error != y->error || strcmp(x->role, y->role) != 0 ||
		    memcmp(x->rejected_by, y->rejected_by, sizeof(x->rejected_by)) != 0) {
			snprintf(why, size, "input %zu: %ld read, %ld used, %ld rejected, %ld "
				 "outside, error %d against %ld, %ld, %ld, %ld, %d", i, x->rows_read,
				 x->rows_used, x->rows_rejected, x->rows_outside_filter, x->error,
				 y->rows_read, y->rows_used, y->rows_rejected,
				 y->rows_outside_filter, y->error);
			return why;
		}
	}
	if (fb_tally_ngroups(&a->tally) != fb_tally_ngroups(&b->tally)) {
		snprintf(why, size, "tally: %zu groups against %zu", fb_tally_ngroups(&a->tally),
			 fb_tally_ngroups(&b->tally));
		return why;
	}
	for (size_t i = 0; i < fb_tally_ngroups(&a->tally); i++) {
		int la, date, lb, db;
		const struct fb_counts *x = fb_tally_group(&a->tally, i, &la, &date);
		const struct fb_counts *y = fb_tally_group(&b->tally, i, &lb, &db);

		if (la != lb || date != db || memcmp(x, y, sizeof(*x)) != 0) {
			snprintf(why, size, "tally group %zu: %03d/%d (%ld beds) against %03d/%d "
				 "(%ld)", i, la, date, x->approved, lb, db, y->approved);
			return why;
		}
	}
	if (memcmp(a->la_first_file, b->la_first_file, sizeof(a->la_first_file)) != 0 ||
	    memcmp(a->la_outside, b->la_outside, sizeof(a->la_outside)) != 0) {
		snprintf(why, size, "the LAs' first files or those outside the filter");
		return why;
	}
	return NULL;
}

#endif
