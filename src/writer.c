/*
 * writer.c: the writer table, and the report's columns, shared by every
 * format so that CSV, JSON and the table agree on names and values.
 */
#include "fosterbeds/writer.h"

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
};

const struct fb_writer *
fb_writer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(writers[i].name, name) == 0)
			return writers[i].writer;
	return NULL;
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
