/*
 * standard.c: the regional bed-record standard v1.1 as tables.
 *
 * Every table here is constant and nothing is built on first use, so the
 * lookups may run in several threads at once.
 */
#include "fosterbeds/standard.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

static const struct fb_code bed_use_codes[] = {
	{ "mainstream", "a place for a child living with the carer full-time" },
	{ "respite", "a short-break place: planned breaks for children and carers" },
	{ "emergency", "a place kept for same-day, short-notice placements" },
};

static const struct fb_code status_codes[] = {
	{ "filled", "a child is living in the place on the snapshot date" },
	{ "vacant", "the place is free and could take a child now" },
	{ "unavailable", "the place exists but cannot be used now (give the reason)" },
};

static const struct fb_code unavailable_codes[] = {
	{ "carer_break", "the carer is taking a break" },
	{ "child_needs", "the needs of a child already placed rule the place out" },
	{ "sibling_only", "the place is kept for a sibling group" },
	{ "investigation", "an allegation or concern is under investigation" },
	{ "carer_health", "the carer's health" },
	{ "adaptation", "the home is awaiting adaptations" },
	{ "deregistering", "the carer is leaving fostering" },
	{ "other", "another reason" },
};

static const struct fb_code vacancy_codes[] = {
	{ "complexity", "no referral whose needs the carer can meet" },
	{ "education", "referred children are not in full-time education" },
	{ "impact_on_household", "worry about the impact on children already in the household" },
	{ "logistics", "distance, school travel or other practical reasons" },
	{ "no_match", "no suitable referral has come" },
	{ "other", "another reason" },
};

static const struct fb_code ofsted_codes[] = {
	{ "filled", "counted as filled in the Ofsted return" },
	{ "vacant", "counted as vacant in the Ofsted return" },
	{ "unavailable", "counted as not available in the Ofsted return" },
	{ "not_counted", "left out of the Ofsted return" },
};

const struct fb_code fb_categories[FB_CAT_COUNT] = {
	{ "filled", "a mainstream bed with a child in it" },
	{ "vacant", "a mainstream bed free to take a child" },
	{ "unavailable", "a mainstream bed that cannot be used now" },
	{ "respite_emergency", "a respite or emergency bed, whatever its status" },
};

#define CODES(a) a, (int)(sizeof(a) / sizeof((a)[0]))

const struct fb_field_def fb_fields[FB_F_COUNT] = {
	{ FB_F_LA_CODE, "la_code", FB_T_LA_CODE, FB_REQUIRED, NULL, 0,
	  "DfE three-digit local authority code", "851" },
	{ FB_F_SNAPSHOT_DATE, "snapshot_date", FB_T_DATE, FB_REQUIRED, NULL, 0,
	  "the date the bed's status describes; YYYY-MM-DD (DD/MM/YYYY accepted with a warning)",
	  "2026-03-31" },
	{ FB_F_HOUSEHOLD_ID, "household_id", FB_T_TEXT, FB_REQUIRED, NULL, 0,
	  "the LA's own reference for the fostering household", "HH-0412" },
	{ FB_F_BED_ID, "bed_id", FB_T_TEXT, FB_REQUIRED, NULL, 0,
	  "the place within the household; unique per la_code, snapshot_date and household_id",
	  "2" },
	{ FB_F_BED_USE, "bed_use", FB_T_CODE, FB_REQUIRED, CODES(bed_use_codes),
	  "what the place is approved and kept for", "mainstream" },
	{ FB_F_STATUS, "status", FB_T_CODE, FB_REQUIRED, CODES(status_codes),
	  "the place's status on the snapshot date", "filled" },
	{ FB_F_UNAVAILABLE_REASON, "unavailable_reason", FB_T_CODE, FB_CONDITIONAL,
	  CODES(unavailable_codes),
	  "why an unavailable place cannot be used; required when status is unavailable",
	  "sibling_only" },
	{ FB_F_VACANCY_REASON, "vacancy_reason", FB_T_CODE, FB_OPTIONAL, CODES(vacancy_codes),
	  "why a vacant place has not been filled; vacant places only", "education" },
	{ FB_F_CHILD_REF, "child_ref", FB_T_TEXT, FB_OPTIONAL, NULL, 0,
	  "pseudonymous reference of the child in a filled place; never printed in any output",
	  "C104233" },
	{ FB_F_OFSTED_STATUS, "ofsted_status", FB_T_CODE, FB_OPTIONAL, CODES(ofsted_codes),
	  "how this place was counted in the LA's Ofsted fostering return", "vacant" },
};

const struct fb_rule_def fb_rules[FB_R_COUNT] = {
	{ FB_R_MISSING_COLUMN, "FB001", FB_SEV_ERROR, "missing-column",
	  "a required column is missing from the header; no row of the file can be used",
	  "add the column to the header (names are in 'fosterbeds spec')" },
	{ FB_R_EXTRA_COLUMNS, "FB002", FB_SEV_WARNING, "extra-columns",
	  "the header has columns that are not in the standard; they are ignored",
	  "nothing to do if they are local additions; check for a misspelt standard column" },
	{ FB_R_DUPLICATE_COLUMN, "FB003", FB_SEV_ERROR, "duplicate-column",
	  "a standard column appears twice in the header; no row of the file can be used",
	  "keep one copy of the column" },
	{ FB_R_UNKNOWN_CODE, "FB004", FB_SEV_ERROR, "unknown-code",
	  "a required coded column (bed_use, status) holds a value that is not one of its codes; the row cannot be used",
	  "use the code the message suggests, or one of the codes it lists" },
	{ FB_R_BLANK_REQUIRED, "FB005", FB_SEV_ERROR, "blank-required",
	  "a required value is blank",
	  "fill in the value" },
	{ FB_R_BAD_DATE, "FB006", FB_SEV_ERROR, "bad-date",
	  "snapshot_date is not a real calendar date in YYYY-MM-DD (or DD/MM/YYYY) form",
	  "write the date as YYYY-MM-DD, e.g. 2026-03-31" },
	{ FB_R_DMY_DATE, "FB007", FB_SEV_WARNING, "dmy-date",
	  "snapshot_date is written DD/MM/YYYY (as Excel re-saves dates); it is read as day/month/year",
	  "check the dates were day-first; save them as YYYY-MM-DD to silence this" },
	{ FB_R_FUTURE_DATE, "FB008", FB_SEV_WARNING, "future-date",
	  "snapshot_date is after today",
	  "check the date; a snapshot describes beds on a day that has passed" },
	{ FB_R_NO_UNAVAILABLE_REASON, "FB009", FB_SEV_ERROR, "no-unavailable-reason",
	  "an unavailable bed has no unavailable_reason",
	  "record why the bed cannot be used" },
	{ FB_R_REASON_WRONG_STATUS, "FB010", FB_SEV_WARNING, "reason-wrong-status",
	  "a reason is given for a bed whose status does not take it (unavailable_reason on a bed that is not unavailable, vacancy_reason on a bed that is not vacant); the reason is ignored",
	  "clear the reason or correct the status" },
	{ FB_R_DUPLICATE_BED, "FB011", FB_SEV_ERROR, "duplicate-bed",
	  "the same la_code, snapshot_date, household_id and bed_id appear on more than one row; the first is used",
	  "remove the repeated row or give the bed its own bed_id" },
	{ FB_R_FIELD_COUNT, "FB012", FB_SEV_ERROR, "field-count",
	  "a row has more or fewer fields than the header",
	  "check for a missing or extra comma, or an unquoted comma inside a value" },
	{ FB_R_INVALID_UTF8, "FB013", FB_SEV_ERROR, "invalid-utf8",
	  "a value is not valid UTF-8 text",
	  "save the file as \"CSV UTF-8\" in Excel" },
	{ FB_R_UTF16, "FB014", FB_SEV_ERROR, "utf16-file",
	  "the file is UTF-16 text (Excel's \"Unicode Text\"); it cannot be read",
	  "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\"" },
	{ FB_R_OVER_LIMIT, "FB015", FB_SEV_WARNING, "over-limit",
	  "a household has more than three filled beds, above the usual fostering limit",
	  "check the household has an exemption to the usual fostering limit" },
	{ FB_R_CHILD_REF_NOT_FILLED, "FB016", FB_SEV_WARNING, "child-ref-not-filled",
	  "child_ref is given on a bed that is not filled",
	  "clear child_ref or correct the status" },
	{ FB_R_BAD_LA_CODE, "FB017", FB_SEV_ERROR, "bad-la-code",
	  "la_code is not a three-digit number",
	  "use the DfE three-digit LA code, e.g. 851 for Portsmouth" },
	{ FB_R_UNKNOWN_LA_CODE, "FB018", FB_SEV_WARNING, "unknown-la-code",
	  "la_code is three digits but not the code of an English local authority",
	  "check the code against DfE's list; the rows are used with an empty LA name" },
	{ FB_R_UNCLOSED_QUOTE, "FB019", FB_SEV_ERROR, "unclosed-quote",
	  "a quoted value never closes, so the rest of the file was read as one value",
	  "add the closing double quote" },
	{ FB_R_NO_HEADER, "FB020", FB_SEV_ERROR, "no-header",
	  "the file has no header row: it is empty, or its first row names no standard column (a data row is never read as the header); no row of it can be used",
	  "export the file again with its header row" },
	{ FB_R_NO_ROWS, "FB021", FB_SEV_WARNING, "no-rows",
	  "the file has a header but no data rows",
	  "check the export selected any beds" },
	{ FB_R_EMPTY_ROWS, "FB022", FB_SEV_WARNING, "empty-rows",
	  "rows with no values at all (only commas, as Excel leaves after rows are cleared) are skipped like blank lines",
	  "nothing to do; delete the empty rows to silence this" },
	/* Rules about a submitted return (spec/reconcile.md). */
	{ FB_R_BAD_COUNT, "FB023", FB_SEV_ERROR, "bad-count",
	  "a count in a submitted return is not a whole number of 0 or more",
	  "write the count as digits only, e.g. 135" },
	{ FB_R_DUPLICATE_RETURN_ROW, "FB024", FB_SEV_ERROR, "duplicate-return-row",
	  "an LA appears on more than one row of a submitted return, or in two columns of Ofsted's file; the first is used",
	  "keep one row per LA" },
	{ FB_R_UNBALANCED_RETURN, "FB025", FB_SEV_WARNING, "unbalanced-return",
	  "approved places differ from filled + vacant + unavailable in a simple return, or by more than 10 (more than Ofsted's rounding to 5 explains) in Ofsted's published file",
	  "check the return's figures; the row is used as submitted" },
	{ FB_R_UNMATCHED_AUTHORITY, "FB026", FB_SEV_ERROR, "unmatched-authority",
	  "an authority named in Ofsted's published file matches no English LA in the built-in table and no known joint fostering service; its column is left out of every sum",
	  "correct the heading to the LA's name (the message suggests the nearest), or report a joint service so it can be added" },
	{ FB_R_UNKNOWN_RETURN_LAYOUT, "FB027", FB_SEV_ERROR, "unknown-return-layout",
	  "the return is neither a simple return (columns la_code, approved, filled, vacant, unavailable) nor Ofsted's published LA-level fostering data",
	  "give a CSV with those columns, or Ofsted's file as downloaded" },
	{ FB_R_ONE_SIDE_ONLY, "FB028", FB_SEV_WARNING, "one-side-only",
	  "an LA is in the bed records but not the return, or in the return but not the records; it is left out of the region row",
	  "add the missing side, or ignore if the LA is not meant to be compared" },
	/* Rules about a run over several snapshots (trend). */
	{ FB_R_MISSING_SNAPSHOT, "FB029", FB_SEV_WARNING, "missing-snapshot",
	  "an LA has no records for a snapshot date that other LAs have; its trend has a gap there, never a zero",
	  "add the LA's records for that date, or ignore if it did not report then" },
	/* Rules about bed-status episodes (spec/bed-episodes.md). */
	{ FB_R_EPISODE_REVERSED, "FB030", FB_SEV_ERROR, "episode-reversed",
	  "an episode's status_from is after its status_to",
	  "correct the dates: status_to is the last date the bed held the status, on or after status_from" },
	{ FB_R_EPISODE_OVERLAP, "FB031", FB_SEV_ERROR, "episode-overlap",
	  "two episodes of one bed (la_code, household_id, bed_id) share a date; neither is counted",
	  "end the earlier episode the day before the later one starts, or remove the copy" },
	{ FB_R_EPISODE_GAP, "FB032", FB_SEV_WARNING, "episode-gap",
	  "a bed has no episode for some dates inside the period between two of its episodes; it is not counted on those nights",
	  "add the missing episode, or ignore if the bed was deregistered and re-approved" },
	/* A rule about a submitted return, after the episode rules for numbering's sake. */
	{ FB_R_DATE_MISMATCH, "FB033", FB_SEV_ERROR, "date-mismatch",
	  "an LA's bed records have no snapshot of the date the return counts at (its snapshot_date, or 31 March ending a published file's year), or of the --records-date given; its row shows the return only and is left out of the region",
	  "give the records of that date, or --records-date DATE to compare records of another date (no bridge or drivers are drawn then)" },
	/* Rules about values read but not recognised, and about quoting. */
	{ FB_R_UNKNOWN_OPTIONAL_CODE, "FB034", FB_SEV_WARNING, "unknown-optional-code",
	  "an optional coded column (unavailable_reason, vacancy_reason, ofsted_status) holds a value that is not one of its codes; the bed is still counted in its status, the value as not recognised",
	  "use the code the message suggests, or one of the codes it lists" },
	{ FB_R_MALFORMED_QUOTE, "FB035", FB_SEV_ERROR, "malformed-quote",
	  "a value has characters after its closing double quote (\"H1\"x), or a double quote inside a value that does not start with one; the row cannot be used",
	  "put the whole value inside the quotes, doubling any quote within it (\"\"), or remove the quotes" },
	/* How a file is laid out, and what a profile (spec/profiles.md) could not map. */
	{ FB_R_OTHER_SEPARATOR, "FB036", FB_SEV_WARNING, "other-separator",
	  "the header has no comma but has semicolons (or tabs), as Excel saves CSV in many locales; the file is read with that separator",
	  "nothing, if the file reads as expected; save it as \"CSV UTF-8 (Comma delimited)\" to silence the warning" },
	{ FB_R_WORKBOOK, "FB037", FB_SEV_ERROR, "workbook-file",
	  "the file is a spreadsheet workbook (.xlsx, .xls or .ods), not CSV text; no row of it was read",
	  "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\" (File > Save As)" },
	{ FB_R_UNMAPPED_VALUE, "FB038", FB_SEV_ERROR, "unmapped-value",
	  "a value in a column the profile maps is not one of the local values the profile lists; the row cannot be used",
	  "add the value to the profile's mapping for that column (the message suggests the nearest), or correct the export" },
	{ FB_R_UNMAPPED_SUMMARY, "FB039", FB_SEV_WARNING, "unmapped-summary",
	  "once per file read through a profile: every value the profile could not map, by column, with how many rows had it",
	  "add the values to the profile, then read the file again" },
	{ FB_R_PROFILE_DROPPED, "FB040", FB_SEV_WARNING, "profile-dropped",
	  "rows the profile says are not beds (a drop value, such as a totals row, or a household with no places) were left out; counted, never silent",
	  "nothing, if the rows are not beds; otherwise correct the profile's drop values" },
	{ FB_R_HOUSEHOLD_COUNTS, "FB041", FB_SEV_ERROR, "household-counts",
	  "a household row's place counts (profile expansion) are not whole numbers from 0 to 99, or the approved places do not equal the beds counted; the row cannot be used",
	  "correct the counts in the export" },
};

const char *
fb_severity_name(enum fb_severity sev)
{
	return sev == FB_SEV_ERROR ? "error" : "warning";
}

int
fb_code_lookup(enum fb_field field, const char *value, size_t len)
{
	char folded[32];

	fb_trim(&value, &len);
	if (len == 0 || len >= sizeof(folded))
		return FB_NONE;
	for (size_t k = 0; k < len; k++)
		folded[k] = fb_ascii_lower(value[k]);
	/*
	 * A field has at most eight codes, and the first byte rejects almost
	 * every wrong one; strncmp stops at a shorter name's NUL, so name[len]
	 * is only read when name is at least len bytes long.
	 */
	for (int c = 0; c < fb_fields[field].ncodes; c++) {
		const char *name = fb_fields[field].codes[c].name;

		if (name[0] == folded[0] && strncmp(name, folded, len) == 0 && name[len] == '\0')
			return c;
	}
	return FB_NONE;
}

int
fb_code_suggest(enum fb_field field, const char *value, size_t len)
{
	char norm[64];
	size_t max, best = (size_t)-1;
	int found = FB_NONE, ties = 0, prefix = FB_NONE, nprefix = 0;

	fb_trim(&value, &len);
	if (len == 0 || len >= sizeof(norm))
		return FB_NONE;
	for (size_t k = 0; k < len; k++)
		norm[k] = value[k] == ' ' || value[k] == '-' ? '_' : fb_ascii_lower(value[k]);
	max = len < 6 ? 1 : 2;
	for (int c = 0; c < fb_fields[field].ncodes; c++) {
		const char *name = fb_fields[field].codes[c].name;
		size_t nlen = strlen(name), d;

		if (len >= 4 && len <= nlen && memcmp(name, norm, len) == 0) {
			prefix = c;
			nprefix++;
		}
		d = fb_edit_distance(norm, len, name, nlen, max);
		if (d > max)
			continue;
		if (d < best) {
			best = d;
			found = c;
			ties = 0;
		} else if (d == best) {
			ties++;
		}
	}
	if (found != FB_NONE && !ties)
		return found;
	return nprefix == 1 ? prefix : FB_NONE;
}

/*
 * Each coded field's codes as one line, for messages: constant, because a
 * list joined on first use would be writable state shared between threads.
 * tests/test-standard.c checks each against the code tables.
 */
static const char *const code_lists[FB_F_COUNT] = {
	[FB_F_BED_USE] = "mainstream, respite, emergency",
	[FB_F_STATUS] = "filled, vacant, unavailable",
	[FB_F_UNAVAILABLE_REASON] = "carer_break, child_needs, sibling_only, investigation, "
				    "carer_health, adaptation, deregistering, other",
	[FB_F_VACANCY_REASON] = "complexity, education, impact_on_household, logistics, "
				"no_match, other",
	[FB_F_OFSTED_STATUS] = "filled, vacant, unavailable, not_counted",
};

const char *
fb_field_code_list(enum fb_field field)
{
	return code_lists[field] ? code_lists[field] : "";
}
