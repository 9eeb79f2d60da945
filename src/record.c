/*
 * record.c: the rules that need only one row.
 *
 * Every rule is tried on every row, so one pass shows the user all that is
 * wrong with a row, not just the first thing.
 */
#include "fosterbeds/record.h"

#include <string.h>

#include "fosterbeds/classify.h"
#include "fosterbeds/date.h"
#include "fosterbeds/la.h"
#include "code-index.h"
#include "util.h"

void
fb_checker_init(struct fb_checker *c, int today, struct fb_findings *out)
{
	memset(c, 0, sizeof(*c));
	c->today = today;
	c->out = out;
	c->input.date_column = "snapshot_date";
	for (int f = 0; f < FB_F_COUNT; f++)
		if (fb_fields[f].type == FB_T_CODE)
			fb_code_index_init(&c->codes[f], (enum fb_field)f);
}

static void
first_error(int *reject, enum fb_rule rule)
{
	if (*reject == FB_NONE)
		*reject = rule;
}

static int
nonblank(const struct fb_row *row, enum fb_field f)
{
	const char *s = row->cell[f];
	size_t len = row->len[f];

	if (!s)
		return 0;
	fb_trim(&s, &len);
	return len > 0;
}

/* present()'s finding for a required value left blank; returns 0. */
static int
blank_required(struct fb_checker *c, const struct fb_row *row, enum fb_field f, int *reject)
{
	const char *name = fb_fields[f].name, *meaning = fb_fields[f].meaning;

	if (f == FB_F_SNAPSHOT_DATE && strcmp(c->input.date_column, name) != 0) {
		name = c->input.date_column;
		meaning = "the first date of the episode, YYYY-MM-DD";
	}
	fb_findings_add(c->out, FB_R_BLANK_REQUIRED, row->file, row->line, name,
			NULL, "%s is blank; fill in %s", name, meaning);
	first_error(reject, FB_R_BLANK_REQUIRED);
	return 0;
}

/*
 * A required value must be there; returns 1 when it is, with *s and *len
 * set to it without surrounding spaces.
 */
static FB_ROW_INLINE int
present(struct fb_checker *c, const struct fb_row *row, enum fb_field f, int *reject,
	const char **s, size_t *len)
{
	*s = row->cell[f];
	*len = row->len[f];
	fb_trim(s, len);
	return *len ? 1 : blank_required(c, row, f, reject);
}

/* ": did you mean 'x'?" when a code is near value, else "". */
static const char *
did_you_mean(enum fb_field f, const char *s, size_t len, char *buf, size_t size)
{
	int near = fb_code_suggest(f, s, len);

	if (near == FB_NONE)
		return "";
	snprintf(buf, size, ": did you mean '%s'?", fb_fields[f].codes[near].name);
	return buf;
}

/*
 * The rest of code(), for a value fb_code_lookup() did not find (blank, or
 * not a code): most values never come here.
 */
static int
not_a_code(struct fb_checker *c, const struct fb_row *row, enum fb_field f, int *reject)
{
	const char *s = row->cell[f];
	size_t len = row->len[f];
	char vis[FB_VISIBLE_SIZE], hint[64];
	const char *name = fb_fields[f].name;

	fb_trim(&s, &len);
	if (len == 0)
		return FB_NONE;
	fb_visible(vis, s, len);
	if (fb_fields[f].presence == FB_REQUIRED) {
		fb_findings_add(c->out, FB_R_UNKNOWN_CODE, row->file, row->line, name, vis,
				"%s '%s' is not one of %s%s", name, vis, fb_field_code_list(f),
				did_you_mean(f, s, len, hint, sizeof(hint)));
		first_error(reject, FB_R_UNKNOWN_CODE);
		return FB_NONE;
	}
	fb_findings_add(c->out, FB_R_UNKNOWN_OPTIONAL_CODE, row->file, row->line, name, vis,
			"%s '%s' is not one of %s; the bed is still counted, %s%s", name, vis,
			fb_field_code_list(f), f == FB_F_OFSTED_STATUS
			? "and reconcile takes its ofsted_status as not recorded (none)"
			: "with this reason as not recognised",
			did_you_mean(f, s, len, hint, sizeof(hint)));
	return FB_UNRECOGNISED;
}

/*
 * A coded value: FB_NONE when blank.  A value that is not a code is an
 * error in a required column (the bed cannot be placed) and a warning in an
 * optional one, FB_UNRECOGNISED: a misspelt reason must not take the bed
 * out of the figures.
 */
static FB_ROW_INLINE int
code(struct fb_checker *c, const struct fb_row *row, enum fb_field f, int *reject)
{
	const char *s = row->cell[f];
	size_t len = row->len[f];
	int v;

	if (!s || len == 0)
		return FB_NONE;
	if ((v = fb_code_guess(&c->codes[f], s, len, row->wide ? FB_CODE_WIDE : len)) == FB_NONE)
		v = fb_code_lookup(f, s, len);
	return v != FB_NONE ? v : not_a_code(c, row, f, reject);
}

void
fb_bad_la_code(struct fb_findings *out, int file, long line, const char *s, size_t len)
{
	const struct fb_la *la = fb_la_suggest(s, len);
	char vis[FB_VISIBLE_SIZE];

	fb_visible(vis, s, len);
	/* A name where the code belongs: point at the code, from the LA table. */
	if (la)
		fb_findings_add(out, FB_R_BAD_LA_CODE, file, line, "la_code", vis,
				"la_code '%s' is not a three-digit DfE LA code: did you mean "
				"%03d (%s)?", vis, la->code, la->name);
	else
		fb_findings_add(out, FB_R_BAD_LA_CODE, file, line, "la_code", vis,
				"la_code '%s' is not a three-digit DfE LA code (e.g. 851 for "
				"Portsmouth; the codes are in DfE's list of local authorities)",
				vis);
}

/* 1 when code (0..999) is an authority's: the table is scanned once per code. */
int
fb_checker_say_once(struct fb_checker_input *in, enum fb_rule rule, int la_code, int date)
{
	if (rule == FB_R_UNKNOWN_LA_CODE) {
		if (in->la_warned[la_code])
			return 0;
		in->la_warned[la_code] = 1;
		return 1;
	}
	if (rule != FB_R_FUTURE_DATE)
		return 1;
	for (int i = 0; i < in->nfuture_warned; i++)
		if (in->future_warned[i] == date)
			return 0;
	/* Past this many distinct future dates the file is plainly wrong; stop. */
	if (in->nfuture_warned == FB_FUTURE_WARN_MAX)
		return 0;
	in->future_warned[in->nfuture_warned++] = date;
	return 1;
}

void
fb_checker_input_add(struct fb_checker_input *dst, const struct fb_checker_input *src,
		     long offset)
{
	if (src->dmy_rows && dst->dmy_rows == 0) {
		dst->dmy_first_line = src->dmy_first_line + offset;
		memcpy(dst->dmy_first, src->dmy_first, sizeof(dst->dmy_first));
	}
	dst->dmy_rows += src->dmy_rows;
	if (src->noreason_rows && dst->noreason_rows == 0)
		dst->noreason_first_line = src->noreason_first_line + offset;
	dst->noreason_rows += src->noreason_rows;
}

static int
la_known(struct fb_checker *c, int code)
{
	if (!c->la_known[code])
		c->la_known[code] = fb_la_by_code(code) ? 1 : -1;
	return c->la_known[code] > 0;
}

/* s (len bytes) is the la_code without surrounding spaces. */
static void
la_code(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed, int *reject,
	const char *s, size_t len)
{
	char vis[FB_VISIBLE_SIZE];

	if (fb_la_code_parse(s, len, &bed->la_code) != 0) {
		fb_bad_la_code(c->out, row->file, row->line, s, len);
		first_error(reject, FB_R_BAD_LA_CODE);
		return;
	}
	if (!la_known(c, bed->la_code) && fb_checker_say_once(&c->input, FB_R_UNKNOWN_LA_CODE, bed->la_code, 0))
		fb_findings_add(c->out, FB_R_UNKNOWN_LA_CODE, row->file, row->line, "la_code",
				fb_visible(vis, s, len), "la_code '%s' is not the code of an "
				"English local authority; its rows are used with an empty name "
				"(said once per file)", vis);
}

/*
 * s (len bytes) is the date without surrounding spaces.  A date read from
 * the memo is warned about exactly as one parsed: the counts and
 * once-per-file lists below see every row.
 */
static void
snapshot_date(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed,
	      int *reject, const char *s, size_t len)
{
	char vis[FB_VISIBLE_SIZE], iso[FB_DATE_LEN + 1];
	enum fb_date_form form;

	if (fb_date_parse_memo(&c->date_memo, s, len, &bed->date, &form) != 0) {
		fb_findings_add(c->out, FB_R_BAD_DATE, row->file, row->line, c->input.date_column,
				fb_visible(vis, s, len), "%s '%s' is not a real date "
				"in YYYY-MM-DD form; write it like 2026-03-31", c->input.date_column, vis);
		first_error(reject, FB_R_BAD_DATE);
		return;
	}
	if (form == FB_DATE_DMY && c->input.dmy_rows++ == 0) {
		c->input.dmy_first_line = row->line;
		fb_visible(c->input.dmy_first, s, len);
	}
	if (bed->date > c->today && fb_checker_say_once(&c->input, FB_R_FUTURE_DATE, 0, bed->date)) {
		fb_date_format(bed->date, iso);
		fb_findings_add(c->out, FB_R_FUTURE_DATE, row->file, row->line, c->input.date_column,
				fb_visible(vis, s, len), "%s '%s' is in the future "
				"(%s); check the date (said once per file and date)", c->input.date_column,
				vis, iso);
	}
}

/* A reason the bed's status does not take: warned, then ignored. */
static void
misplaced_reason(struct fb_checker *c, const struct fb_row *row, const struct fb_bed *bed,
		 enum fb_field f, int reason, int takes_status)
{
	const char *name;

	/* An unrecognised reason has had its own warning. */
	if (bed->status == FB_NONE || bed->status == takes_status || reason < 0)
		return;
	name = fb_fields[f].codes[reason].name;
	fb_findings_add(c->out, FB_R_REASON_WRONG_STATUS, row->file, row->line,
			fb_fields[f].name, name, "%s '%s' is given but status is %s; the "
			"reason is ignored: clear it or correct the status", fb_fields[f].name,
			name, fb_fields[FB_F_STATUS].codes[bed->status].name);
}

int
fb_checker_check(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed)
{
	return fb_checker_check_as(c, row, bed, "snapshot_date");
}

int
fb_checker_check_as(struct fb_checker *c, const struct fb_row *row, struct fb_bed *bed,
		    const char *date_column)
{
	int reject = FB_NONE;
	long line = row->line;
	const char *s;
	size_t len;

	c->input.file = row->file;
	c->input.date_column = date_column;
	memset(bed, 0, sizeof(*bed));
	bed->bed_use = bed->status = bed->unavailable_reason = FB_NONE;
	bed->vacancy_reason = bed->ofsted_status = FB_NONE;
	if (row->reject != FB_NONE)
		return row->reject;

	if (present(c, row, FB_F_LA_CODE, &reject, &s, &len))
		la_code(c, row, bed, &reject, s, len);
	if (present(c, row, FB_F_SNAPSHOT_DATE, &reject, &s, &len))
		snapshot_date(c, row, bed, &reject, s, len);
	if (present(c, row, FB_F_HOUSEHOLD_ID, &reject, &s, &len)) {
		bed->household = s;
		bed->household_len = len;
	}
	if (present(c, row, FB_F_BED_ID, &reject, &s, &len)) {
		bed->bed_id = s;
		bed->bed_id_len = len;
	}
	if (present(c, row, FB_F_BED_USE, &reject, &s, &len))
		bed->bed_use = code(c, row, FB_F_BED_USE, &reject);
	if (present(c, row, FB_F_STATUS, &reject, &s, &len))
		bed->status = code(c, row, FB_F_STATUS, &reject);
	bed->unavailable_reason = code(c, row, FB_F_UNAVAILABLE_REASON, &reject);
	bed->vacancy_reason = code(c, row, FB_F_VACANCY_REASON, &reject);
	bed->ofsted_status = code(c, row, FB_F_OFSTED_STATUS, &reject);
	bed->has_child_ref = nonblank(row, FB_F_CHILD_REF);

	/*
	 * An unrecognised reason has its own warning already; only a missing one
	 * counts here.  A file with no such column at all is told once, at
	 * the header, when it ends: one error per row would bury the fix.
	 */
	if (bed->status == FB_ST_UNAVAILABLE && !row->cell[FB_F_UNAVAILABLE_REASON]) {
		if (c->input.noreason_rows++ == 0)
			c->input.noreason_first_line = line;
		first_error(&reject, FB_R_NO_UNAVAILABLE_REASON);
	} else if (bed->status == FB_ST_UNAVAILABLE && !nonblank(row, FB_F_UNAVAILABLE_REASON)) {
		fb_findings_add(c->out, FB_R_NO_UNAVAILABLE_REASON, row->file, line,
				"unavailable_reason", NULL, "bed is unavailable but "
				"unavailable_reason is blank; record why it cannot be used (one of %s)",
				fb_field_code_list(FB_F_UNAVAILABLE_REASON));
		first_error(&reject, FB_R_NO_UNAVAILABLE_REASON);
	}
	misplaced_reason(c, row, bed, FB_F_UNAVAILABLE_REASON, bed->unavailable_reason,
			 FB_ST_UNAVAILABLE);
	misplaced_reason(c, row, bed, FB_F_VACANCY_REASON, bed->vacancy_reason, FB_ST_VACANT);
	if (bed->has_child_ref && bed->status != FB_NONE && bed->status != FB_ST_FILLED)
		fb_findings_add(c->out, FB_R_CHILD_REF_NOT_FILLED, row->file, line, "child_ref",
				NULL, "child_ref is given on a bed whose status is %s; clear "
				"child_ref or correct the status (the reference is not shown)",
				fb_fields[FB_F_STATUS].codes[bed->status].name);

	/* reconcile's bridge counts an unrecognised ofsted_status as not recorded. */
	if (bed->ofsted_status == FB_UNRECOGNISED)
		bed->ofsted_status = FB_NONE;
	if (bed->status != FB_ST_UNAVAILABLE)
		bed->unavailable_reason = FB_NONE;
	if (bed->status != FB_ST_VACANT)
		bed->vacancy_reason = FB_NONE;
	if (reject == FB_NONE)
		bed->category = fb_classify(bed->bed_use, bed->status);
	return reject;
}

void
fb_checker_file_end(struct fb_checker *c)
{
	if (c->input.dmy_rows)
		fb_findings_add(c->out, FB_R_DMY_DATE, c->input.file, c->input.dmy_first_line,
				c->input.date_column, c->input.dmy_first, "%s '%s' is written "
				"DD/MM/YYYY and was read as day/month/year; %ld row%s of this "
				"file use%s that form (said once per file)", c->input.date_column,
				c->input.dmy_first,
				c->input.dmy_rows, c->input.dmy_rows == 1 ? "" : "s",
				c->input.dmy_rows == 1 ? "s" : "");
	if (c->input.noreason_rows)
		fb_findings_add(c->out, FB_R_NO_UNAVAILABLE_REASON, c->input.file, 1,
				"unavailable_reason", NULL, "the header has no unavailable_reason "
				"column, so the %ld unavailable bed%s of this file (the first on line "
				"%ld) cannot be used and %s counted as rejected; add an "
				"unavailable_reason column giving why each cannot be used (one of %s)",
				c->input.noreason_rows, c->input.noreason_rows == 1 ? "" : "s",
				c->input.noreason_first_line, c->input.noreason_rows == 1 ? "is" : "are",
				fb_field_code_list(FB_F_UNAVAILABLE_REASON));
	c->input.noreason_rows = 0;
	c->input.dmy_rows = 0;
	c->input.nfuture_warned = 0;
	memset(c->input.la_warned, 0, sizeof(c->input.la_warned));
}
