/*
 * submission.c: simple returns and Ofsted's published file, as one list of
 * submitted counts per LA.
 */
#include "fosterbeds/submission.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/la.h"
#include "fosterbeds/record.h"
#include "fosterbeds/number.h"
#include "util.h"

enum { R_LA_CODE, R_APPROVED, R_FILLED, R_VACANT, R_UNAVAILABLE, R_DATE, R_COUNT };

static const struct fb_schema return_schema = {
	.ncols = R_COUNT,
	.name = {
		[R_LA_CODE] = "la_code", [R_APPROVED] = "approved", [R_FILLED] = "filled",
		[R_VACANT] = "vacant", [R_UNAVAILABLE] = "unavailable",
		[R_DATE] = "snapshot_date",
	},
	.required = {
		[R_LA_CODE] = 1, [R_APPROVED] = 1, [R_FILLED] = 1, [R_VACANT] = 1,
		[R_UNAVAILABLE] = 1,
	},
};

void
fb_submission_init(struct fb_submission *s)
{
	memset(s, 0, sizeof(*s));
}

void
fb_submission_release(struct fb_submission *s)
{
	free(s->rows);
	fb_submission_init(s);
}

struct reading {
	struct fb_submission *s;
	struct fb_findings *out;
	unsigned char warned_la[1000];
	int dmy_warned;
};

static int
count(struct reading *r, const struct fb_row *row, int col, long *n)
{
	char vis[FB_VISIBLE_SIZE];
	const char *v = row->cell[col];
	size_t len = row->len[col];

	if (fb_count_parse(v, len, 0, n) == 0)
		return 0;
	fb_trim(&v, &len);
	if (len == 0) {
		fb_findings_add(r->out, FB_R_BLANK_REQUIRED, row->file, row->line,
				return_schema.name[col], NULL, "%s is blank; fill in the count "
				"as submitted", return_schema.name[col]);
		return -1;
	}
	fb_findings_add(r->out, FB_R_BAD_COUNT, row->file, row->line, return_schema.name[col],
			fb_visible(vis, v, len), "%s '%s' is not a whole number of 0 or more",
			return_schema.name[col], vis);
	return -1;
}

static void
on_return_row(void *ctx, const struct fb_row *row)
{
	struct reading *r = ctx;
	struct fb_submission *s = r->s;
	struct fb_submitted sub = { .date = FB_NO_DATE, .line = row->line, .col = -1 };
	char vis[FB_VISIBLE_SIZE];
	const char *v;
	size_t len;
	int bad = 0, why;
	enum fb_date_form form;

	s->rows_read++;
	if (row->reject != FB_NONE) {
		s->rows_rejected++;
		s->rejected_by[row->reject]++;
		return;
	}
	fb_findings_row_start(r->out);
	v = row->cell[R_LA_CODE];
	len = row->len[R_LA_CODE];
	fb_trim(&v, &len);
	if (len == 0) {
		fb_findings_add(r->out, FB_R_BLANK_REQUIRED, row->file, row->line, "la_code",
				NULL, "la_code is blank; fill in the DfE three-digit LA code");
		bad = 1;
	} else if (fb_la_code_parse(v, len, &sub.la_code) != 0) {
		fb_bad_la_code(r->out, row->file, row->line, v, len);
		bad = 1;
	} else {
		if (!fb_la_by_code(sub.la_code) && !r->warned_la[sub.la_code]++)
			fb_findings_add(r->out, FB_R_UNKNOWN_LA_CODE, row->file, row->line,
					"la_code", fb_visible(vis, v, len), "la_code '%s' is not "
					"the code of an English local authority", vis);
	}
	bad |= count(r, row, R_APPROVED, &sub.approved);
	bad |= count(r, row, R_FILLED, &sub.filled);
	bad |= count(r, row, R_VACANT, &sub.vacant);
	bad |= count(r, row, R_UNAVAILABLE, &sub.unavailable);
	if (row->cell[R_DATE]) {
		v = row->cell[R_DATE];
		len = row->len[R_DATE];
		fb_trim(&v, &len);
		if (len && fb_date_parse(v, len, &sub.date, &form) != 0) {
			fb_findings_add(r->out, FB_R_BAD_DATE, row->file, row->line,
					"snapshot_date", fb_visible(vis, v, len), "snapshot_date "
					"'%s' is not a real date in YYYY-MM-DD form", vis);
			bad = 1;
		} else if (len && form == FB_DATE_DMY && !r->dmy_warned++) {
			fb_findings_add(r->out, FB_R_DMY_DATE, row->file, row->line,
					"snapshot_date", fb_visible(vis, v, len), "snapshot_date "
					"'%s' is written DD/MM/YYYY and was read as day/month/year "
					"(said once per file)", vis);
		}
	}
	if (!bad) {
		for (size_t i = 0; i < s->n; i++) {
			if (s->rows[i].la_code == sub.la_code) {
				fb_findings_add(r->out, FB_R_DUPLICATE_RETURN_ROW, row->file,
						row->line, "la_code", NULL, "LA %03d appears again "
						"(first on line %ld); this row is not used",
						sub.la_code, s->rows[i].line);
				bad = 1;
				break;
			}
		}
	}
	if (bad) {
		s->rows_rejected++;
		if ((why = fb_findings_row_error(r->out)) >= 0)
			s->rejected_by[why]++;
		return;
	}
	fb_places_balance_check(r->out, row->file, row->line, "approved", sub.la_code,
				sub.approved, sub.filled, sub.vacant, sub.unavailable);
	fb_grow((void **)&s->rows, &s->cap, s->n + 1, sizeof(*s->rows));
	s->rows[s->n++] = sub;
	s->rows_used++;
}

int
fb_published_date(const char *year)
{
	int a, b;

	if (!year || strlen(year) != 7 || year[4] != '-')
		return FB_NO_DATE;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (year[i] < '0' || year[i] > '9'))
			return FB_NO_DATE;
	a = atoi(year);
	b = atoi(year + 5);
	if (b != (a + 1) % 100)
		return FB_NO_DATE;
	return fb_date_from_civil(a + 1, 3, 31);
}

static void
from_published(struct fb_submission *s, const struct fb_ofsted *o)
{
	/* Ofsted's fostering data counts places at 31 March, the year's end. */
	int date = fb_published_date(o->year);

	s->published = 1;
	snprintf(s->year, sizeof(s->year), "%s", o->year);
	s->missing = o->missing;
	for (size_t i = 0; i < o->n; i++) {
		const long *v = o->las[i].v;
		struct fb_submitted sub = {
			.la_code = o->las[i].la_code, .date = date,
			.approved = v[FB_OM_APPROVED], .filled = v[FB_OM_FILLED],
			.vacant = v[FB_OM_VACANT], .unavailable = v[FB_OM_UNAVAILABLE],
			.line = o->places_line, .col = o->las[i].col,
		};

		fb_grow((void **)&s->rows, &s->cap, s->n + 1, sizeof(*s->rows));
		s->rows[s->n++] = sub;
	}
	/* The file's authority columns, as the ofsted command counts them. */
	s->rows_read = o->rows_read;
	s->rows_used = o->rows_used;
	s->rows_rejected = o->rows_rejected;
	memcpy(s->rejected_by, o->rejected_by, sizeof(s->rejected_by));
}

int
fb_submission_parse(struct fb_submission *s, const char *data, size_t len, const char *name,
		    const char *year, int file, struct fb_findings *out)
{
	int rc = 0;

	if (fb_ofsted_looks_like(data, len)) {
		struct fb_ofsted o;

		fb_ofsted_init(&o);
		if (fb_ofsted_read(&o, data, len, name, year, file, out) == 0)
			from_published(s, &o);
		fb_ofsted_release(&o);
	} else if (len == 0) {
		fb_findings_add(out, FB_R_NO_HEADER, file, 1, NULL, NULL,
				"the file is empty: it has no header row");
	} else {
		struct reading r;
		struct fb_memory_source m;
		struct fb_source src;
		long long bytes;

		memset(&r, 0, sizeof(r));
		r.s = s;
		r.out = out;
		fb_source_memory(&src, &m, data, len);
		rc = fb_ingest(&src, &return_schema, file, out, on_return_row, &r, &bytes, NULL);
	}
	return rc;
}

void
fb_submission_keep(struct fb_submission *s, const struct fb_filter *filter)
{
	size_t kept = 0;

	for (size_t i = 0; i < s->n; i++) {
		if (fb_filter_keeps(filter, s->rows[i].la_code)) {
			s->rows[kept++] = s->rows[i];
			continue;
		}
		s->rows_used--;
		s->rows_outside_filter++;
	}
	s->n = kept;
}
