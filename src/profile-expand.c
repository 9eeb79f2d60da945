/*
 * profile-expand.c: a mapping profile's household rows expanded into beds,
 * and the date forms it reads (profile.h, spec/profiles.md).
 */
#include "fosterbeds/profile.h"

#include <stdio.h>
#include <string.h>

#include "fosterbeds/number.h"
#include "profile-internal.h"
#include "util.h"

/* Dates */

int
fb_profile_date_format_check(const char *fmt, char *why, size_t whylen)
{
	int seen[128] = { 0 };

	for (const char *s = fmt; *s; s++) {
		if (*s != '%')
			continue;
		s++;
		switch (*s) {
		case 'd': case 'm': case 'Y': case 'H': case 'M': case 'S':
			if (seen[(unsigned char)*s]++)
				return fb_why(why, whylen, "date format '%s' has %%%c twice", fmt, *s);
			break;
		case '%':
			break;
		case '\0':
			return fb_why(why, whylen, "date format '%s' ends in a lone %%", fmt);
		default:
			return fb_why(why, whylen, "date format '%s' has %%%c; only %%d, %%m, %%Y, "
				      "%%H, %%M, %%S and %%%% are read", fmt, *s);
		}
	}
	if (!seen['d'] || !seen['m'] || !seen['Y'])
		return fb_why(why, whylen, "date format '%s' needs %%d, %%m and %%Y", fmt);
	return 0;
}

/* Up to max digits at *s (at least min), as a number; advances *s. */
static int
digits(const char **s, const char *end, int min, int max, int *n)
{
	int k = 0;

	*n = 0;
	while (*s < end && k < max && **s >= '0' && **s <= '9') {
		*n = *n * 10 + (**s - '0');
		(*s)++;
		k++;
	}
	return k >= min ? 0 : -1;
}

int
fb_profile_date_read(const char *fmt, const char *s, size_t len, char out[FB_DATE_TEXT_SIZE])
{
	const char *end;
	int y = -1, m = -1, d = -1, v;

	fb_trim(&s, &len);
	end = s + len;
	for (const char *f = fmt; *f; f++) {
		if (*f != '%' || f[1] == '%') {
			if (s == end || *s != *f)
				return -1;
			s++;
			f += *f == '%';
			continue;
		}
		f++;
		switch (*f) {
		case 'd':
			if (digits(&s, end, 1, 2, &d) != 0)
				return -1;
			break;
		case 'm':
			if (digits(&s, end, 1, 2, &m) != 0)
				return -1;
			break;
		case 'Y':
			if (digits(&s, end, 4, 4, &y) != 0)
				return -1;
			break;
		case 'H':
			if (digits(&s, end, 1, 2, &v) != 0 || v > 23)
				return -1;
			break;
		case 'M':
		case 'S':
			if (digits(&s, end, 1, 2, &v) != 0 || v > 59)
				return -1;
			break;
		default:
			return -1;
		}
	}
	if (s != end || y < 0 || m < 0 || d < 0)
		return -1;
	snprintf(out, FB_DATE_TEXT_SIZE, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return 0;
}

/* Households */

/* A household row's count in column c: 0 to 99, blank 0. */
static int
read_count(const struct fb_row *local, size_t c, long *n)
{
	const char *s = local->cell[c];
	size_t len = local->len[c];

	if (!s)
		return -1;
	fb_trim(&s, &len);
	if (len == 0) {
		*n = 0;
		return 0;
	}
	return fb_count_parse(s, len, 0, n) == 0 && *n >= 0 && *n <= 99 ? 0 : -1;
}

void
fb_profile_expand(struct fb_profile_input *in, const struct fb_row *local, struct fb_row *std,
       fb_row_fn fn, void (*drop)(void *), void *ctx)
{
	const struct fb_profile *p = in->p;
	long count[FB_PROFILE_MAX_COLUMNS], total = 0, approved = -1, bed = 0;
	char vis[FB_VISIBLE_SIZE];

	for (size_t c = 0; c < p->ncols; c++) {
		const struct fb_profile_column *col = &p->col[c];
		long n;

		if (col->kind != FB_PK_COUNT && col->kind != FB_PK_APPROVED)
			continue;
		if (read_count(local, c, &n) != 0) {
			fb_findings_add(in->out, FB_R_HOUSEHOLD_COUNTS, in->file, local->line,
					in->colname[c],
					fb_visible(vis, local->cell[c] ? local->cell[c] : "",
						   local->cell[c] ? local->len[c] : 0),
					"the household's count '%s' in column '%s' is not a whole "
					"number from 0 to 99, so none of its beds can be used", vis,
					in->colname[c]);
			std->reject = FB_R_HOUSEHOLD_COUNTS;
			fn(ctx, std);
			return;
		}
		if (col->kind == FB_PK_APPROVED)
			approved = n;
		else
			total += count[c] = n;
	}
	if (approved >= 0 && approved != total) {
		fb_findings_add(in->out, FB_R_HOUSEHOLD_COUNTS, in->file, local->line, NULL, NULL,
				"the household has %ld approved places but its counts add up to "
				"%ld beds, so none of its beds can be used; correct the counts",
				approved, total);
		std->reject = FB_R_HOUSEHOLD_COUNTS;
		fn(ctx, std);
		return;
	}
	if (total == 0) {
		fb_profile_dropped(in, local->line, "a household row with no places%s%s", "", "");
		drop(ctx);
		return;
	}
	for (size_t c = 0; c < p->ncols; c++) {
		const struct fb_profile_column *col = &p->col[c];
		const int *code[] = {
			[FB_F_BED_USE] = &col->bed_use, [FB_F_STATUS] = &col->status,
			[FB_F_UNAVAILABLE_REASON] = &col->unavailable_reason,
			[FB_F_VACANCY_REASON] = &col->vacancy_reason,
		};

		if (col->kind != FB_PK_COUNT)
			continue;
		for (int f = FB_F_BED_USE; f <= FB_F_VACANCY_REASON; f++) {
			std->cell[f] = *code[f] == FB_NONE ? NULL : fb_fields[f].codes[*code[f]].name;
			std->len[f] = std->cell[f] ? strlen(std->cell[f]) : 0;
		}
		std->cell[FB_F_OFSTED_STATUS] = col->ofsted_status == FB_NONE ? NULL
				: fb_fields[FB_F_OFSTED_STATUS].codes[col->ofsted_status].name;
		std->len[FB_F_OFSTED_STATUS] = std->cell[FB_F_OFSTED_STATUS]
			? strlen(std->cell[FB_F_OFSTED_STATUS]) : 0;
		for (long k = 0; k < count[c]; k++) {
			snprintf(in->bed_id, sizeof(in->bed_id), "%ld", ++bed);
			std->cell[FB_F_BED_ID] = in->bed_id;
			std->len[FB_F_BED_ID] = strlen(in->bed_id);
			fn(ctx, std);
		}
	}
}
