/*
 * standard.c: the regional bed-record standard v1.2 as tables.
 *
 * Every table here is constant and nothing is built on first use, so the
 * lookups may run in several threads at once.
 */
#include "fosterbeds/standard.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "code-index.h"
#include "util.h"

/* A code and its meaning; its length is the literal's, counted by the compiler. */
#define CODE(name, meaning) { (name), (meaning), sizeof(name) - 1 }

static const struct fb_code bed_use_codes[FB_USE_COUNT] = {
	[FB_USE_MAINSTREAM] = CODE("mainstream",
		"a place for a child living with the carer full-time"),
	[FB_USE_RESPITE] = CODE("respite",
		"a short-break place: planned breaks for children and carers"),
	[FB_USE_EMERGENCY] = CODE("emergency",
		"a place kept for same-day, short-notice placements"),
};

static const struct fb_code status_codes[FB_ST_COUNT] = {
	[FB_ST_FILLED] = CODE("filled", "a child is living in the place on the snapshot date"),
	[FB_ST_VACANT] = CODE("vacant", "the place is free and could take a child now"),
	[FB_ST_UNAVAILABLE] = CODE("unavailable",
		"the place exists but cannot be used now (give the reason)"),
};

static const struct fb_code unavailable_codes[FB_UR_COUNT] = {
	[FB_UR_CARER_BREAK] = CODE("carer_break", "the carer is taking a break"),
	[FB_UR_CHILD_NEEDS] = CODE("child_needs",
		"the needs of a child already placed rule the place out"),
	[FB_UR_SIBLING_ONLY] = CODE("sibling_only", "the place is kept for a sibling group"),
	[FB_UR_INVESTIGATION] = CODE("investigation",
		"an allegation or concern is under investigation"),
	[FB_UR_CARER_HEALTH] = CODE("carer_health", "the carer's health"),
	[FB_UR_ADAPTATION] = CODE("adaptation", "the home is awaiting adaptations"),
	[FB_UR_DEREGISTERING] = CODE("deregistering", "the carer is leaving fostering"),
	[FB_UR_OTHER] = CODE("other", "another reason"),
};

static const struct fb_code vacancy_codes[FB_VR_COUNT] = {
	[FB_VR_COMPLEXITY] = CODE("complexity", "no referral whose needs the carer can meet"),
	[FB_VR_EDUCATION] = CODE("education", "referred children are not in full-time education"),
	[FB_VR_IMPACT_ON_HOUSEHOLD] = CODE("impact_on_household",
		"worry about the impact on children already in the household"),
	[FB_VR_LOGISTICS] = CODE("logistics",
		"distance, school travel or other practical reasons"),
	[FB_VR_NO_MATCH] = CODE("no_match", "no suitable referral has come"),
	[FB_VR_OTHER] = CODE("other", "another reason"),
};

static const struct fb_code ofsted_codes[FB_OS_COUNT] = {
	[FB_OS_FILLED] = CODE("filled", "counted as filled in the Ofsted return"),
	[FB_OS_VACANT] = CODE("vacant", "counted as vacant in the Ofsted return"),
	[FB_OS_UNAVAILABLE] = CODE("unavailable",
		"counted as not available in the Ofsted return"),
	[FB_OS_NOT_COUNTED] = CODE("not_counted", "left out of the Ofsted return"),
};

const struct fb_code fb_categories[FB_CAT_COUNT] = {
	[FB_CAT_FILLED] = CODE("filled", "a mainstream bed with a child in it"),
	[FB_CAT_VACANT] = CODE("vacant", "a mainstream bed free to take a child"),
	[FB_CAT_UNAVAILABLE] = CODE("unavailable", "a mainstream bed that cannot be used now"),
	[FB_CAT_RESPITE_EMERGENCY] = CODE("respite_emergency",
		"a respite or emergency bed, whatever its status"),
};

/* A field's code table and how many codes it has. */
#define CODES(a) .codes = (a), .ncodes = (int)(sizeof(a) / sizeof((a)[0]))

const struct fb_field_def fb_fields[FB_F_COUNT] = {
	[FB_F_LA_CODE] = {
		.id = FB_F_LA_CODE, .name = "la_code", .type = FB_T_LA_CODE,
		.presence = FB_REQUIRED,
		.meaning = "DfE three-digit local authority code",
		.example = "851",
	},
	[FB_F_SNAPSHOT_DATE] = {
		.id = FB_F_SNAPSHOT_DATE, .name = "snapshot_date", .type = FB_T_DATE,
		.presence = FB_REQUIRED,
		.meaning = "the date the bed's status describes; YYYY-MM-DD (DD/MM/YYYY accepted with a warning)",
		.example = "2026-03-31",
	},
	[FB_F_HOUSEHOLD_ID] = {
		.id = FB_F_HOUSEHOLD_ID, .name = "household_id", .type = FB_T_TEXT,
		.presence = FB_REQUIRED,
		.meaning = "the LA's own reference for the fostering household",
		.example = "HH-0412",
	},
	[FB_F_BED_ID] = {
		.id = FB_F_BED_ID, .name = "bed_id", .type = FB_T_TEXT, .presence = FB_REQUIRED,
		.meaning = "the place within the household; unique per la_code, snapshot_date and household_id",
		.example = "2",
	},
	[FB_F_BED_USE] = {
		.id = FB_F_BED_USE, .name = "bed_use", .type = FB_T_CODE,
		.presence = FB_REQUIRED, CODES(bed_use_codes),
		.meaning = "what the place is approved and kept for",
		.example = "mainstream",
	},
	[FB_F_STATUS] = {
		.id = FB_F_STATUS, .name = "status", .type = FB_T_CODE, .presence = FB_REQUIRED,
		CODES(status_codes),
		.meaning = "the place's status on the snapshot date",
		.example = "filled",
	},
	[FB_F_UNAVAILABLE_REASON] = {
		.id = FB_F_UNAVAILABLE_REASON, .name = "unavailable_reason", .type = FB_T_CODE,
		.presence = FB_CONDITIONAL, CODES(unavailable_codes),
		.meaning = "why an unavailable place cannot be used; required when status is unavailable",
		.example = "sibling_only",
	},
	[FB_F_VACANCY_REASON] = {
		.id = FB_F_VACANCY_REASON, .name = "vacancy_reason", .type = FB_T_CODE,
		.presence = FB_OPTIONAL, CODES(vacancy_codes),
		.meaning = "why a vacant place has not been filled; vacant places only",
		.example = "education",
	},
	[FB_F_CHILD_REF] = {
		.id = FB_F_CHILD_REF, .name = "child_ref", .type = FB_T_TEXT,
		.presence = FB_OPTIONAL,
		.meaning = "pseudonymous reference of the child in a filled place; never printed in any output",
		.example = "C104233",
	},
	[FB_F_OFSTED_STATUS] = {
		.id = FB_F_OFSTED_STATUS, .name = "ofsted_status", .type = FB_T_CODE,
		.presence = FB_OPTIONAL, CODES(ofsted_codes),
		.meaning = "how this place was counted in the LA's Ofsted fostering return",
		.example = "vacant",
	},
};

static const struct fb_code placement_type_codes[FB_PT_COUNT] = {
	[FB_PT_ALL] = CODE("all", "all looked-after children, whatever their placement"),
	[FB_PT_RESIDENTIAL] = CODE("residential", "children's homes and other residential settings"),
	[FB_PT_IFA] = CODE("ifa", "placements with an independent fostering agency"),
	[FB_PT_IN_HOUSE_FOSTERING] = CODE("in_house_fostering",
		"placements with the LA's own foster carers"),
	[FB_PT_KINSHIP] = CODE("kinship", "placements with family or friends carers"),
	[FB_PT_OTHER] = CODE("other", "any other placement"),
};

const struct fb_field_def fb_cost_fields[FB_CF_COUNT] = {
	[FB_CF_LA_CODE] = {
		.name = "la_code", .type = FB_T_LA_CODE, .presence = FB_REQUIRED,
		.meaning = "cost record: DfE three-digit local authority code, as in bed records",
		.example = "851",
	},
	[FB_CF_DATE] = {
		.name = "date", .type = FB_T_DATE, .presence = FB_REQUIRED,
		.meaning = "cost record: the date the average describes; YYYY-MM-DD",
		.example = "2025-04-01",
	},
	[FB_CF_PLACEMENT_TYPE] = {
		.name = "placement_type", .type = FB_T_CODE, .presence = FB_REQUIRED,
		CODES(placement_type_codes),
		.meaning = "cost record: the placements the average covers",
		.example = "residential",
	},
	[FB_CF_PLACEMENTS] = {
		.name = "placements", .type = FB_T_TEXT, .presence = FB_OPTIONAL,
		.meaning = "cost record: how many children the average covers; a whole number",
		.example = "42",
	},
	[FB_CF_AVERAGE] = {
		.name = "average_weekly_cost", .type = FB_T_TEXT, .presence = FB_REQUIRED,
		.meaning = "cost record: the average weekly cost in pounds, at most two decimals (a leading £ and thousands separators accepted)",
		.example = "6809.72",
	},
	[FB_CF_ADDITIONAL] = {
		.name = "additional_support_weekly_cost", .type = FB_T_TEXT,
		.presence = FB_OPTIONAL,
		.meaning = "cost record: the average weekly cost of extra staffing (1:1, 2:1 support) on top of the fee, counted apart",
		.example = "950.00",
	},
};

int
fb_placement_type_lookup(const char *value, size_t len)
{
	fb_trim(&value, &len);
	for (int c = 0; c < FB_PT_COUNT; c++) {
		const char *name = placement_type_codes[c].name;
		size_t k = 0;

		while (k < len && name[k] && name[k] == fb_ascii_lower(value[k]))
			k++;
		if (k == len && name[k] == '\0')
			return c;
	}
	return FB_NONE;
}

const struct fb_rule_def fb_rules[FB_R_COUNT] = {
	[FB_R_MISSING_COLUMN] = {
		.id = FB_R_MISSING_COLUMN, .code = "FB001", .severity = FB_SEV_ERROR,
		.name = "missing-column",
		.summary = "a required column is missing from the header; no row of the file can be used",
		.action = "add the column to the header (names are in 'fosterbeds spec')",
	},
	[FB_R_EXTRA_COLUMNS] = {
		.id = FB_R_EXTRA_COLUMNS, .code = "FB002", .severity = FB_SEV_WARNING,
		.name = "extra-columns",
		.summary = "the header has columns that are not in the standard; they are ignored",
		.action = "nothing to do if they are local additions; check for a misspelt standard column",
	},
	[FB_R_DUPLICATE_COLUMN] = {
		.id = FB_R_DUPLICATE_COLUMN, .code = "FB003", .severity = FB_SEV_ERROR,
		.name = "duplicate-column",
		.summary = "a standard column appears twice in the header; no row of the file can be used",
		.action = "keep one copy of the column",
	},
	[FB_R_UNKNOWN_CODE] = {
		.id = FB_R_UNKNOWN_CODE, .code = "FB004", .severity = FB_SEV_ERROR,
		.name = "unknown-code",
		.summary = "a required coded column (bed_use, status) holds a value that is not one of its codes; the row cannot be used",
		.action = "use the code the message suggests, or one of the codes it lists",
	},
	[FB_R_BLANK_REQUIRED] = {
		.id = FB_R_BLANK_REQUIRED, .code = "FB005", .severity = FB_SEV_ERROR,
		.name = "blank-required",
		.summary = "a required value is blank",
		.action = "fill in the value",
	},
	[FB_R_BAD_DATE] = {
		.id = FB_R_BAD_DATE, .code = "FB006", .severity = FB_SEV_ERROR,
		.name = "bad-date",
		.summary = "snapshot_date is not a real calendar date in YYYY-MM-DD (or DD/MM/YYYY) form",
		.action = "write the date as YYYY-MM-DD, e.g. 2026-03-31",
	},
	[FB_R_DMY_DATE] = {
		.id = FB_R_DMY_DATE, .code = "FB007", .severity = FB_SEV_WARNING,
		.name = "dmy-date",
		.summary = "snapshot_date is written DD/MM/YYYY (as Excel re-saves dates); it is read as day/month/year",
		.action = "check the dates were day-first; save them as YYYY-MM-DD to silence this",
	},
	[FB_R_FUTURE_DATE] = {
		.id = FB_R_FUTURE_DATE, .code = "FB008", .severity = FB_SEV_WARNING,
		.name = "future-date",
		.summary = "snapshot_date is after today",
		.action = "check the date; a snapshot describes beds on a day that has passed",
	},
	[FB_R_NO_UNAVAILABLE_REASON] = {
		.id = FB_R_NO_UNAVAILABLE_REASON, .code = "FB009", .severity = FB_SEV_ERROR,
		.name = "no-unavailable-reason",
		.summary = "an unavailable bed has no unavailable_reason",
		.action = "record why the bed cannot be used",
	},
	[FB_R_REASON_WRONG_STATUS] = {
		.id = FB_R_REASON_WRONG_STATUS, .code = "FB010", .severity = FB_SEV_WARNING,
		.name = "reason-wrong-status",
		.summary = "a reason is given for a bed whose status does not take it (unavailable_reason on a bed that is not unavailable, vacancy_reason on a bed that is not vacant); the reason is ignored",
		.action = "clear the reason or correct the status",
	},
	[FB_R_DUPLICATE_BED] = {
		.id = FB_R_DUPLICATE_BED, .code = "FB011", .severity = FB_SEV_ERROR,
		.name = "duplicate-bed",
		.summary = "the same la_code, snapshot_date, household_id and bed_id appear on more than one row; the first is used",
		.action = "remove the repeated row or give the bed its own bed_id",
	},
	[FB_R_FIELD_COUNT] = {
		.id = FB_R_FIELD_COUNT, .code = "FB012", .severity = FB_SEV_ERROR,
		.name = "field-count",
		.summary = "a row has more or fewer fields than the header",
		.action = "check for a missing or extra comma, or an unquoted comma inside a value",
	},
	[FB_R_INVALID_UTF8] = {
		.id = FB_R_INVALID_UTF8, .code = "FB013", .severity = FB_SEV_ERROR,
		.name = "invalid-utf8",
		.summary = "a value is not valid UTF-8 text",
		.action = "save the file as \"CSV UTF-8\" in Excel",
	},
	[FB_R_UTF16] = {
		.id = FB_R_UTF16, .code = "FB014", .severity = FB_SEV_ERROR,
		.name = "utf16-file",
		.summary = "the file is UTF-16 text (Excel's \"Unicode Text\"); it cannot be read",
		.action = "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\"",
	},
	[FB_R_OVER_LIMIT] = {
		.id = FB_R_OVER_LIMIT, .code = "FB015", .severity = FB_SEV_WARNING,
		.name = "over-limit",
		.summary = "a household has more than three filled beds, above the usual fostering limit",
		.action = "check the household has an exemption to the usual fostering limit",
	},
	[FB_R_CHILD_REF_NOT_FILLED] = {
		.id = FB_R_CHILD_REF_NOT_FILLED, .code = "FB016", .severity = FB_SEV_WARNING,
		.name = "child-ref-not-filled",
		.summary = "child_ref is given on a bed that is not filled",
		.action = "clear child_ref or correct the status",
	},
	[FB_R_BAD_LA_CODE] = {
		.id = FB_R_BAD_LA_CODE, .code = "FB017", .severity = FB_SEV_ERROR,
		.name = "bad-la-code",
		.summary = "la_code is not a three-digit number",
		.action = "use the DfE three-digit LA code, e.g. 851 for Portsmouth",
	},
	[FB_R_UNKNOWN_LA_CODE] = {
		.id = FB_R_UNKNOWN_LA_CODE, .code = "FB018", .severity = FB_SEV_WARNING,
		.name = "unknown-la-code",
		.summary = "la_code is three digits but not the code of an English local authority",
		.action = "check the code against DfE's list; the rows are used with an empty LA name",
	},
	[FB_R_UNCLOSED_QUOTE] = {
		.id = FB_R_UNCLOSED_QUOTE, .code = "FB019", .severity = FB_SEV_ERROR,
		.name = "unclosed-quote",
		.summary = "a quoted value never closes, so the rest of the file was read as one value",
		.action = "add the closing double quote",
	},
	[FB_R_NO_HEADER] = {
		.id = FB_R_NO_HEADER, .code = "FB020", .severity = FB_SEV_ERROR,
		.name = "no-header",
		.summary = "the file has no header row: it is empty, or its first row names no standard column (a data row is never read as the header); no row of it can be used",
		.action = "export the file again with its header row",
	},
	[FB_R_NO_ROWS] = {
		.id = FB_R_NO_ROWS, .code = "FB021", .severity = FB_SEV_WARNING,
		.name = "no-rows",
		.summary = "the file has a header but no data rows",
		.action = "check the export selected any beds",
	},
	[FB_R_EMPTY_ROWS] = {
		.id = FB_R_EMPTY_ROWS, .code = "FB022", .severity = FB_SEV_WARNING,
		.name = "empty-rows",
		.summary = "rows with no values at all (only commas, as Excel leaves after rows are cleared) are skipped like blank lines",
		.action = "nothing to do; delete the empty rows to silence this",
	},
	/* Rules about a submitted return (spec/reconcile.md). */
	[FB_R_BAD_COUNT] = {
		.id = FB_R_BAD_COUNT, .code = "FB023", .severity = FB_SEV_ERROR,
		.name = "bad-count",
		.summary = "a count in a submitted return is not a whole number of 0 or more",
		.action = "write the count as digits only, e.g. 135",
	},
	[FB_R_DUPLICATE_RETURN_ROW] = {
		.id = FB_R_DUPLICATE_RETURN_ROW, .code = "FB024", .severity = FB_SEV_ERROR,
		.name = "duplicate-return-row",
		.summary = "an LA appears on more than one row of a submitted return, or in two columns of Ofsted's file; the first is used",
		.action = "keep one row per LA",
	},
	[FB_R_UNBALANCED_RETURN] = {
		.id = FB_R_UNBALANCED_RETURN, .code = "FB025", .severity = FB_SEV_WARNING,
		.name = "unbalanced-return",
		.summary = "approved places differ from filled + vacant + unavailable in a simple return, or by more than 10 (more than Ofsted's rounding to 5 explains) in Ofsted's published file",
		.action = "check the return's figures; the row is used as submitted",
	},
	[FB_R_UNMATCHED_AUTHORITY] = {
		.id = FB_R_UNMATCHED_AUTHORITY, .code = "FB026", .severity = FB_SEV_ERROR,
		.name = "unmatched-authority",
		.summary = "an authority named in Ofsted's published file matches no English LA in the built-in table and no known joint fostering service; its column is left out of every sum",
		.action = "correct the heading to the LA's name (the message suggests the nearest), or report a joint service so it can be added",
	},
	[FB_R_UNKNOWN_RETURN_LAYOUT] = {
		.id = FB_R_UNKNOWN_RETURN_LAYOUT, .code = "FB027", .severity = FB_SEV_ERROR,
		.name = "unknown-return-layout",
		.summary = "the return is neither a simple return (columns la_code, approved, filled, vacant, unavailable) nor Ofsted's published LA-level fostering data",
		.action = "give a CSV with those columns, or Ofsted's file as downloaded",
	},
	[FB_R_ONE_SIDE_ONLY] = {
		.id = FB_R_ONE_SIDE_ONLY, .code = "FB028", .severity = FB_SEV_WARNING,
		.name = "one-side-only",
		.summary = "an LA is in the bed records but not the return, or in the return but not the records; it is left out of the region row",
		.action = "add the missing side, or ignore if the LA is not meant to be compared",
	},
	/* Rules about a run over several snapshots (trend). */
	[FB_R_MISSING_SNAPSHOT] = {
		.id = FB_R_MISSING_SNAPSHOT, .code = "FB029", .severity = FB_SEV_WARNING,
		.name = "missing-snapshot",
		.summary = "an LA has no records for a snapshot date that other LAs have; its trend has a gap there, never a zero",
		.action = "add the LA's records for that date, or ignore if it did not report then",
	},
	/* Rules about bed-status episodes (spec/bed-episodes.md). */
	[FB_R_EPISODE_REVERSED] = {
		.id = FB_R_EPISODE_REVERSED, .code = "FB030", .severity = FB_SEV_ERROR,
		.name = "episode-reversed",
		.summary = "an episode's status_from is after its status_to",
		.action = "correct the dates: status_to is the last date the bed held the status, on or after status_from",
	},
	[FB_R_EPISODE_OVERLAP] = {
		.id = FB_R_EPISODE_OVERLAP, .code = "FB031", .severity = FB_SEV_ERROR,
		.name = "episode-overlap",
		.summary = "two episodes of one bed (la_code, household_id, bed_id) share a date; neither is counted",
		.action = "end the earlier episode the day before the later one starts, or remove the copy",
	},
	[FB_R_EPISODE_GAP] = {
		.id = FB_R_EPISODE_GAP, .code = "FB032", .severity = FB_SEV_WARNING,
		.name = "episode-gap",
		.summary = "a bed has no episode for some dates inside the period between two of its episodes; it is not counted on those nights",
		.action = "add the missing episode, or ignore if the bed was deregistered and re-approved",
	},
	/* A rule about a submitted return, after the episode rules for numbering's sake. */
	[FB_R_DATE_MISMATCH] = {
		.id = FB_R_DATE_MISMATCH, .code = "FB033", .severity = FB_SEV_ERROR,
		.name = "date-mismatch",
		.summary = "an LA's bed records have no snapshot of the date the return counts at (its snapshot_date, or 31 March ending a published file's year), or of the --records-date given; its row shows the return only and is left out of the region",
		.action = "give the records of that date, or --records-date DATE to compare records of another date (no bridge or drivers are drawn then)",
	},
	/* Rules about values read but not recognised, and about quoting. */
	[FB_R_UNKNOWN_OPTIONAL_CODE] = {
		.id = FB_R_UNKNOWN_OPTIONAL_CODE, .code = "FB034", .severity = FB_SEV_WARNING,
		.name = "unknown-optional-code",
		.summary = "an optional coded column (unavailable_reason, vacancy_reason, ofsted_status) holds a value that is not one of its codes; the bed is still counted in its status, the value as not recognised",
		.action = "use the code the message suggests, or one of the codes it lists",
	},
	[FB_R_MALFORMED_QUOTE] = {
		.id = FB_R_MALFORMED_QUOTE, .code = "FB035", .severity = FB_SEV_ERROR,
		.name = "malformed-quote",
		.summary = "a value has characters after its closing double quote (\"H1\"x), or a double quote inside a value that does not start with one; the row cannot be used",
		.action = "put the whole value inside the quotes, doubling any quote within it (\"\"), or remove the quotes",
	},	/* How a file is laid out, and what a profile (spec/profiles.md) could not map. */
	[FB_R_OTHER_SEPARATOR] = {
		.id = FB_R_OTHER_SEPARATOR, .code = "FB036", .severity = FB_SEV_WARNING,
		.name = "other-separator",
		.summary = "the header has no comma but has semicolons (or tabs), as Excel saves CSV in many locales; the file is read with that separator",
		.action = "nothing, if the file reads as expected; save it as \"CSV UTF-8 (Comma delimited)\" to silence the warning",
	},
	[FB_R_WORKBOOK] = {
		.id = FB_R_WORKBOOK, .code = "FB037", .severity = FB_SEV_ERROR,
		.name = "workbook-file",
		.summary = "the file is a spreadsheet workbook (.xlsx, .xls or .ods), not CSV text; no row of it was read",
		.action = "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\" (File > Save As)",
	},
	[FB_R_UNMAPPED_VALUE] = {
		.id = FB_R_UNMAPPED_VALUE, .code = "FB038", .severity = FB_SEV_ERROR,
		.name = "unmapped-value",
		.summary = "a value in a column the profile maps is not one of the local values the profile lists; the row cannot be used",
		.action = "add the value to the profile's mapping for that column (the message suggests the nearest), or correct the export",
	},
	[FB_R_UNMAPPED_SUMMARY] = {
		.id = FB_R_UNMAPPED_SUMMARY, .code = "FB039", .severity = FB_SEV_WARNING,
		.name = "unmapped-summary",
		.summary = "once per file read through a profile: every value the profile could not map, by column, with how many rows had it",
		.action = "add the values to the profile, then read the file again",
	},
	[FB_R_PROFILE_DROPPED] = {
		.id = FB_R_PROFILE_DROPPED, .code = "FB040", .severity = FB_SEV_WARNING,
		.name = "profile-dropped",
		.summary = "rows the profile says are not beds (a drop value, such as a totals row, or a household with no places) were left out; counted, never silent",
		.action = "nothing, if the rows are not beds; otherwise correct the profile's drop values",
	},
	[FB_R_HOUSEHOLD_COUNTS] = {
		.id = FB_R_HOUSEHOLD_COUNTS, .code = "FB041", .severity = FB_SEV_ERROR,
		.name = "household-counts",
		.summary = "a household row's place counts (profile expansion) are not whole numbers from 0 to 99, or the approved places do not equal the beds counted; the row cannot be used",
		.action = "correct the counts in the export",
	},
	/* Rules about cost records (spec/placement-costs.md). */
	[FB_R_UNKNOWN_PLACEMENT_TYPE] = {
		.id = FB_R_UNKNOWN_PLACEMENT_TYPE, .code = "FB042", .severity = FB_SEV_ERROR,
		.name = "unknown-placement-type",
		.summary = "a cost record's placement_type is not one of its codes; the row is not used",
		.action = "use one of the codes: all, residential, ifa, in_house_fostering, kinship, other",
	},
	[FB_R_BAD_COST] = {
		.id = FB_R_BAD_COST, .code = "FB043", .severity = FB_SEV_ERROR,
		.name = "bad-cost",
		.summary = "a cost is not an amount of pounds of 0 or more with at most two decimals, or placements is not a whole number; the row is not used",
		.action = "write the amount as digits, e.g. 1364.58 (a leading £ and thousands commas are accepted)",
	},
	[FB_R_DUPLICATE_COST] = {
		.id = FB_R_DUPLICATE_COST, .code = "FB044", .severity = FB_SEV_ERROR,
		.name = "duplicate-cost",
		.summary = "the same la_code, date and placement_type appear on more than one cost row; the first is used",
		.action = "keep one row per LA, date and placement type",
	},
	[FB_R_COST_NO_PLACEMENTS] = {
		.id = FB_R_COST_NO_PLACEMENTS, .code = "FB045", .severity = FB_SEV_ERROR,
		.name = "cost-no-placements",
		.summary = "a cost row gives placements 0 with a cost: an average over no child; the row is not used",
		.action = "give the number of children the average covers, or leave placements blank",
	},
	[FB_R_FUTURE_COST_DATE] = {
		.id = FB_R_FUTURE_COST_DATE, .code = "FB046", .severity = FB_SEV_WARNING,
		.name = "future-cost-date",
		.summary = "a cost record's date is after today",
		.action = "check the date; an average describes costs on a day that has passed",
	},
	[FB_R_NOT_POOLED] = {
		.id = FB_R_NOT_POOLED, .code = "FB047", .severity = FB_SEV_WARNING,
		.name = "not-pooled",
		.summary = "an LA has a cost at one of two dates a region row compares but not the other; it is left out of that region row",
		.action = "add the LA's cost for the missing date, or ignore if it did not report then",
	},
};

const char *
fb_severity_name(enum fb_severity sev)
{
	return sev == FB_SEV_ERROR ? "error" : "warning";
}

int
fb_code_lookup(enum fb_field field, const char *value, size_t len)
{
	const struct fb_field_def *def = &fb_fields[field];
	char folded[32];

	/*
	 * Most values are a code as the standard spells it: try that first,
	 * with no copy, folding or trimming.  Codes are lower case with no
	 * space at either end, so a value that matches here is the one the
	 * folded search below would find.  Lengths are compared before
	 * bytes, so a value holding a NUL ("filled\0d") is never read as
	 * shorter than it is.
	 */
	for (int c = 0; c < def->ncodes; c++)
		if (def->codes[c].len == len && def->codes[c].name[0] == value[0] &&
		    memcmp(def->codes[c].name, value, len) == 0)
			return c;
	fb_trim(&value, &len);
	if (len == 0 || len >= sizeof(folded))
		return FB_NONE;
	for (size_t k = 0; k < len; k++)
		folded[k] = fb_ascii_lower(value[k]);
	/*
	 * A field has at most eight codes, and the first byte rejects almost
	 * every wrong one.  Lengths are compared first: a value may hold a NUL
	 * byte ("filled\0d"), where strncmp would stop and call it equal.
	 */
	for (int c = 0; c < def->ncodes; c++) {
		const char *name = def->codes[c].name;

		if (name[0] == folded[0] && def->codes[c].len == len &&
		    memcmp(name, folded, len) == 0)
			return c;
	}
	return FB_NONE;
}

void
fb_code_index_init(struct fb_code_index *x, enum fb_field field)
{
	const struct fb_field_def *def = &fb_fields[field];

	memset(x, 0, sizeof(*x));
	memset(x->at, FB_CODE_INDEX_CODES, sizeof(x->at));
	/* Two codes with one hash: the first is guessed, the second searched for. */
	for (int c = def->ncodes - 1; c >= 0; c--) {
		x->at[fb_code_hash(def->codes[c].name, def->codes[c].len)] = (unsigned char)c;
		x->len[c] = (unsigned char)def->codes[c].len;
		memcpy(x->name[c], def->codes[c].name, def->codes[c].len);
	}
}

int
fb_code_lookup_indexed(const struct fb_code_index *x, enum fb_field field, const char *value,
		       size_t len, size_t readable)
{
	int c = len ? fb_code_guess(x, value, len, readable) : FB_NONE;

	return c != FB_NONE ? c : fb_code_lookup(field, value, len);
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
