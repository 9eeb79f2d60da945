/*
 * writer.c: the writer table, and the report's columns, shared by every
 * format so that CSV, JSON and the table agree on names and values.
 */
#include "fosterbeds/writer.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/la.h"

static const struct {
	const char *name;
	const struct fb_writer *writer;
} writers[] = {
	{ "text", &fb_writer_text },
	{ "table", &fb_writer_text },
	{ "csv", &fb_writer_csv },
	{ "json", &fb_writer_json },
	{ "html", &fb_writer_html },
	{ "xlsx", &fb_writer_xlsx },
};

const struct fb_writer *
fb_writer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(writers[i].name, name) == 0)
			return writers[i].writer;
	return NULL;
}

int
fb_writer_stream_result(FILE *out, struct fb_error *e)
{
	if (!ferror(out))
		return 0;
	e->err = errno ? errno : EIO;
	snprintf(e->message, sizeof(e->message), "%s", strerror(e->err));
	return -1;
}

/* reconcile */

enum recon_column {
	R_LA_CODE, R_LA_NAME, R_S_APPROVED, R_S_FILLED, R_S_VACANT, R_S_UNAVAILABLE,
	R_S_FILLED_PCT, R_S_VACANT_PCT, R_S_UNAVAILABLE_PCT, R_APPROVED, R_FILLED, R_VACANT,
	R_UNAVAILABLE, R_UTIL_INCL, R_UTIL_EXCL, R_VACANT_PCT, R_UNAVAILABLE_PCT,
	R_FILLED_DIFF, R_VACANT_DIFF, R_UNAVAILABLE_DIFF, R_DATE, R_RETURN_DATE, R_DATE_SOURCE,
	R_NLA,
	R_COUNT
};

const char *const fb_recon_columns[] = {
	"la_code", "la_name", "submitted_approved", "submitted_filled", "submitted_vacant",
	"submitted_unavailable", "submitted_filled_pct", "submitted_vacant_pct",
	"submitted_unavailable_pct", "approved", "filled", "vacant", "unavailable",
	"utilisation_incl_pct", "utilisation_excl_pct", "vacant_pct", "unavailable_pct",
	"filled_pp_diff", "vacant_pp_diff", "unavailable_pp_diff", "snapshot_date",
	"return_date", "date_source", "las_pooled",
};
const size_t fb_recon_ncolumns = R_COUNT;

static const char *
number(char buf[FB_CELL_BUF], long v, int *is_number)
{
	if (v == FB_MISSING) {
		*is_number = 0;
		buf[0] = '\0';
	} else {
		snprintf(buf, FB_CELL_BUF, "%ld", v);
	}
	return buf;
}

static const char *
rate(char buf[FB_CELL_BUF], long tenths, int *is_number)
{
	*is_number = tenths != FB_PCT_NONE;
	return fb_pct_format(tenths, buf);
}

/* A rate of two submitted counts, either of which may be missing. */
static long
sub_pct(long num, long den)
{
	return num == FB_MISSING || den == FB_MISSING ? FB_PCT_NONE : fb_pct_tenths(num, den);
}

static long
diff(const struct fb_recon_row *r, long std_num, long sub_num)
{
	if (!r->has_records || !r->has_return || sub_num == FB_MISSING ||
	    r->sub.approved == FB_MISSING)
		return FB_PCT_NONE;
	return fb_pp_diff_tenths(std_num, r->std.approved, sub_num, r->sub.approved);
}

const char *
fb_recon_cell(const struct fb_recon_report *rep, const struct fb_recon_row *row, size_t i,
	      char buf[FB_CELL_BUF], int *is_number)
{
	const struct fb_submitted *s = &row->sub;
	const struct fb_counts *c = &row->std;
	struct fb_rates r;
	const struct fb_la *la;

	*is_number = 1;
	/* A region pooling no LA (every LA on one side or at another date) has no figures. */
	if (row->la_code == FB_LA_ALL && row->nla == 0 && i >= R_S_APPROVED && i < R_NLA) {
		*is_number = 0;
		buf[0] = '\0';
		return buf;
	}
	if (i >= R_APPROVED && i <= R_UNAVAILABLE_PCT && !row->has_records) {
		*is_number = 0;
		buf[0] = '\0';
		return buf;
	}
	fb_rates_compute(&r, c);
	switch ((enum recon_column)i) {
	case R_LA_CODE:
		*is_number = 0;
		if (row->la_code == FB_LA_ALL)
			return "ALL";
		snprintf(buf, FB_CELL_BUF, "%03d", row->la_code);
		return buf;
	case R_LA_NAME:
		*is_number = 0;
		if (row->la_code == FB_LA_ALL)
			return rep->region_name;
		la = fb_la_by_code(row->la_code);
		return la ? la->name : "";
	case R_S_APPROVED: return number(buf, row->has_return ? s->approved : FB_MISSING, is_number);
	case R_S_FILLED: return number(buf, row->has_return ? s->filled : FB_MISSING, is_number);
	case R_S_VACANT: return number(buf, row->has_return ? s->vacant : FB_MISSING, is_number);
	case R_S_UNAVAILABLE:
		return number(buf, row->has_return ? s->unavailable : FB_MISSING, is_number);
	case R_S_FILLED_PCT:
		return rate(buf, row->has_return ? sub_pct(s->filled, s->approved) : FB_PCT_NONE,
			    is_number);
	case R_S_VACANT_PCT:
		return rate(buf, row->has_return ? sub_pct(s->vacant, s->approved) : FB_PCT_NONE,
			    is_number);
	case R_S_UNAVAILABLE_PCT:
		return rate(buf, row->has_return ? sub_pct(s->unavailable, s->approved)
						 : FB_PCT_NONE, is_number);
	case R_APPROVED: return number(buf, c->approved, is_number);
	case R_FILLED: return number(buf, c->filled, is_number);
	case R_VACANT: return number(buf, c->vacant, is_number);
	case R_UNAVAILABLE: return number(buf, c->unavailable, is_number);
	case R_UTIL_INCL: return rate(buf, r.utilisation_incl, is_number);
	case R_UTIL_EXCL: return rate(buf, r.utilisation_excl, is_number);
	case R_VACANT_PCT: return rate(buf, r.vacant, is_number);
	case R_UNAVAILABLE_PCT: return rate(buf, r.unavailable, is_number);
	case R_FILLED_DIFF: return rate(buf, diff(row, c->filled, s->filled), is_number);
	case R_VACANT_DIFF: return rate(buf, diff(row, c->vacant, s->vacant), is_number);
	case R_UNAVAILABLE_DIFF:
		return rate(buf, diff(row, c->unavailable, s->unavailable), is_number);
	case R_DATE:
		*is_number = 0;
		if (row->date == FB_NO_DATE) {
			buf[0] = '\0';
			return buf;
		}
		fb_date_format(row->date, buf);
		return buf;
	case R_RETURN_DATE:
		*is_number = 0;
		if (!row->has_return || row->return_date == FB_NO_DATE) {
			buf[0] = '\0';
			return buf;
		}
		fb_date_format(row->return_date, buf);
		return buf;
	case R_DATE_SOURCE:
		*is_number = 0;
		if (row->la_code == FB_LA_ALL)
			return row->date == FB_NO_DATE ? "mixed" : "";
		if (!row->has_records)
			return "";
		return row->date_source == FB_RD_OPTION ? "records_date"
		     : row->date_source == FB_RD_RETURN ? "return" : "latest";
	case R_NLA:
		if (row->la_code != FB_LA_ALL) {
			*is_number = 0;
			return "";
		}
		snprintf(buf, FB_CELL_BUF, "%d", row->nla);
		return buf;
	default:
		*is_number = 0;
		return "";
	}
}

const char *
fb_recon_title(const struct fb_recon_report *rep)
{
	return rep->rc->cross_dated ? "Bed records against the Ofsted return, from different dates"
				    : "Bed records against the Ofsted return";
}

const char *
fb_recon_dates_note(const struct fb_recon_report *rep, char buf[FB_CELL_BUF])
{
	const struct fb_reconcile *rc = rep->rc;
	char records[FB_DATE_LEN + 1], ret[FB_DATE_LEN + 1] = "";
	int compared = 0, several = 0;

	if (!rc->cross_dated)
		return NULL;
	for (size_t i = 0; i + 1 < rc->n; i++) {
		const struct fb_recon_row *r = &rc->rows[i];
		char d[FB_DATE_LEN + 1];

		compared += r->has_records && r->has_return;
		if (!r->cross_dated)
			continue;
		fb_date_format(r->return_date, d);
		several |= ret[0] && strcmp(ret, d) != 0;
		memcpy(ret, d, sizeof(d));
	}
	fb_date_format(rc->records_date, records);
	snprintf(buf, FB_CELL_BUF, "The two sides are from different dates: the bed records "
		 "are of %s (--records-date) and the return counts at %s. The differences mix "
		 "change over time with counting choices, so no bridge or drivers are drawn%s",
		 records, several ? "several other dates" : ret,
		 compared > rc->cross_dated ? " for the LAs compared across dates." : ".");
	return buf;
}

const char *
fb_bridge_status_name(int ofsted_status)
{
	if (ofsted_status == FB_OS_BLANK)
		return "none";
	return fb_fields[FB_F_OFSTED_STATUS].codes[ofsted_status].name;
}
