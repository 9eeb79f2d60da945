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

const char *
fb_report_la_name(const struct fb_report *rep, const struct fb_tally_row *row)
{
	const struct fb_la *la;

	if (row->la_code == FB_LA_ALL)
		return rep->region_name;
	la = fb_la_by_code(row->la_code);
	return la ? la->name : "";
}

const char *
fb_report_la_code(const struct fb_tally_row *row, char buf[8])
{
	if (row->la_code == FB_LA_ALL)
		return "ALL";
	snprintf(buf, 8, "%03d", row->la_code);
	return buf;
}

enum column {
	C_LA_CODE, C_LA_NAME, C_DATE, C_APPROVED, C_FILLED, C_VACANT, C_UNAVAILABLE,
	C_RESPITE, C_MS_APPROVED, C_MS_FILLED, C_MS_VACANT, C_MS_UNAVAILABLE,
	C_UTIL_INCL, C_UTIL_EXCL, C_VACANT_PCT, C_UNAVAILABLE_PCT, C_COUNT
};

const char *const fb_report_columns[] = {
	"la_code", "la_name", "snapshot_date", "approved", "filled", "vacant",
	"unavailable", "respite_emergency", "mainstream_approved", "mainstream_filled",
	"mainstream_vacant", "mainstream_unavailable", "utilisation_incl_pct",
	"utilisation_excl_pct", "vacant_pct", "unavailable_pct",
};
const size_t fb_report_ncolumns = C_COUNT;

const char *
fb_report_cell(const struct fb_report *rep, const struct fb_tally_row *row, size_t i,
	       char buf[FB_CELL_BUF], int *is_number)
{
	const struct fb_counts *c = &row->counts;
	struct fb_rates r;
	long v;

	*is_number = 1;
	switch ((enum column)i) {
	case C_LA_CODE:
		*is_number = 0;
		return fb_report_la_code(row, buf);
	case C_LA_NAME:
		*is_number = 0;
		return fb_report_la_name(rep, row);
	case C_DATE:
		*is_number = 0;
		fb_date_format(row->date, buf);
		return buf;
	case C_APPROVED: v = c->approved; break;
	case C_FILLED: v = c->filled; break;
	case C_VACANT: v = c->vacant; break;
	case C_UNAVAILABLE: v = c->unavailable; break;
	case C_RESPITE: v = c->respite_emergency; break;
	case C_MS_APPROVED: v = c->ms_approved; break;
	case C_MS_FILLED: v = c->ms_filled; break;
	case C_MS_VACANT: v = c->ms_vacant; break;
	case C_MS_UNAVAILABLE: v = c->ms_unavailable; break;
	default:
		fb_rates_compute(&r, c);
		v = i == C_UTIL_INCL ? r.utilisation_incl
		  : i == C_UTIL_EXCL ? r.utilisation_excl
		  : i == C_VACANT_PCT ? r.vacant : r.unavailable;
		*is_number = v != FB_PCT_NONE;
		return fb_pct_format(v, buf);
	}
	snprintf(buf, FB_CELL_BUF, "%ld", v);
	return buf;
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

/* ofsted */

enum { O_YEAR, O_LA_CODE, O_LA_NAME, O_REGION, O_MEASURES,
       O_FILLED_PCT = O_MEASURES + FB_OM_COUNT, O_VACANT_PCT, O_UNAVAILABLE_PCT, O_KIND,
       O_NLA, O_POOLED, O_NOT_POOLED, O_COVERED_BY, O_NOTE, O_COUNT };

const char *const fb_ofsted_columns[] = {
	"year", "la_code", "la_name", "region", "approved", "filled", "vacant", "unavailable",
	"households", "short_break_households", "emergency_households",
	"exemption_households", "filled_pct", "vacant_pct", "unavailable_pct", "kind",
	"las_in_area", "las_pooled", "not_pooled", "covered_by", "note",
};
const size_t fb_ofsted_ncolumns = O_COUNT;

const char *const fb_ofsted_kind_names[FB_OK_COUNT] = {
	"la", "joint", "region", "region_published", "region_difference", "england",
	"england_published", "england_difference", "england_all_agencies",
};

int
fb_ofsted_row_pooled(const struct fb_ofsted_row *row)
{
	return row->kind != FB_OK_LA && row->kind != FB_OK_JOINT;
}

static int
sum_row(const struct fb_ofsted_row *row)
{
	return row->kind == FB_OK_REGION || row->kind == FB_OK_ENGLAND;
}

const char *
fb_ofsted_cell(const struct fb_ofsted_row *row, size_t i, char buf[FB_CELL_BUF],
	       int *is_number)
{
	const struct fb_la *la;
	int diff = row->kind == FB_OK_REGION_DIFF || row->kind == FB_OK_ENGLAND_DIFF;

	*is_number = 0;
	switch (i) {
	case O_YEAR:
		return row->year;
	case O_LA_CODE:
		if (row->la_code == FB_LA_ALL)
			return "";
		snprintf(buf, FB_CELL_BUF, "%03d", row->la_code);
		return buf;
	case O_LA_NAME:
		if (row->name)
			return row->name;
		la = fb_la_by_code(row->la_code);
		return la ? la->name : "";
	case O_REGION:
		return row->region;
	case O_FILLED_PCT:
	case O_VACANT_PCT:
	case O_UNAVAILABLE_PCT:
		return rate(buf, sub_pct(row->pct_num[i - O_FILLED_PCT],
					 row->pct_den[i - O_FILLED_PCT]), is_number);
	case O_KIND:
		return fb_ofsted_kind_names[row->kind];
	case O_NLA:
	case O_POOLED:
		if (!sum_row(row))
			return "";
		*is_number = 1;
		snprintf(buf, FB_CELL_BUF, "%d", i == O_NLA ? row->nla : row->pooled);
		return buf;
	case O_NOT_POOLED:
		return row->not_pooled ? row->not_pooled : "";
	case O_COVERED_BY:
		return row->covered_by ? row->covered_by : "";
	case O_NOTE:
		return row->note ? row->note : "";
	default:
		if (diff) {
			if (!(row->given & FB_OM_BIT(i - O_MEASURES)))
				return "";
			*is_number = 1;
			snprintf(buf, FB_CELL_BUF, "%ld", row->v[i - O_MEASURES]);
			return buf;
		}
		*is_number = 1;
		return number(buf, row->v[i - O_MEASURES], is_number);
	}
}

/* reasons */

const char *const fb_reason_columns[] = {
	"la_code", "la_name", "snapshot_date", "status", "bed_group", "reason", "beds",
	"share_pct",
};
const size_t fb_reason_ncolumns = 8;

/* trend */

enum { T_LA_CODE, T_LA_NAME, T_DATE, T_APPROVED, T_FILLED, T_INCL, T_EXCL, T_VACANT,
       T_UNAVAILABLE, T_INCL_CHANGE, T_EXCL_CHANGE, T_VACANT_CHANGE, T_PREV_DATE, T_NLA,
       T_LAS, T_NOTE, T_COUNT };

const char *const fb_trend_columns[] = {
	"la_code", "la_name", "snapshot_date", "approved", "filled", "utilisation_incl_pct",
	"utilisation_excl_pct", "vacant_pct", "unavailable_pct", "utilisation_incl_pp_change",
	"utilisation_excl_pp_change", "vacant_pp_change", "previous_snapshot_date",
	"las_pooled", "pooled_la_codes", "change_note",
};
const size_t fb_trend_ncolumns = T_COUNT;

const char *
fb_trend_cell(const struct fb_trend_report *rep, const struct fb_trend_row *row, size_t i,
	      char buf[FB_CELL_BUF], int *is_number)
{
	static const size_t report_col[] = { 0, 1, 2, 3, 4, 12, 13, 14, 15 };
	struct fb_report r = { rep->run, rep->region_name, NULL, 0, 0 };
	int pooled = row->now->la_code == FB_LA_ALL;

	if (i <= T_UNAVAILABLE)
		return fb_report_cell(&r, row->now, report_col[i], buf, is_number);
	*is_number = 0;
	switch (i) {
	case T_INCL_CHANGE: return rate(buf, fb_trend_change_incl(row), is_number);
	case T_EXCL_CHANGE: return rate(buf, fb_trend_change_excl(row), is_number);
	case T_VACANT_CHANGE: return rate(buf, fb_trend_change_vacant(row), is_number);
	case T_PREV_DATE:
		if (!row->prev)
			return "";
		fb_date_format(row->prev->date, buf);
		return buf;
	case T_NLA:
		if (!pooled)
			return "";
		*is_number = 1;
		snprintf(buf, FB_CELL_BUF, "%zu", row->nlas);
		return buf;
	case T_LAS: {
		/* Every English LA's code fits (4 bytes each); las_pooled says how many. */
		size_t n = 0;

		buf[0] = '\0';
		for (size_t k = 0; pooled && k < row->nlas && n + 5 < FB_CELL_BUF; k++)
			n += (size_t)sprintf(buf + n, "%s%03d", k ? " " : "", row->las[k]);
		return buf;
	}
	case T_NOTE:
		return pooled && row->las_changed ? "pools different LAs from the previous snapshot" : "";
	default:
		return "";
	}
}
