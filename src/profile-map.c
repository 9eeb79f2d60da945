/*
 * profile-map.c: reading an input through a mapping profile (profile.h,
 * spec/profiles.md): its header matched to the profile's columns, and each
 * local row's values mapped onto a standard row.
 */
#include "fosterbeds/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile-internal.h"
#include "util.h"

/* Distinct unmapped values kept per input for FB039; more are only counted. */
#define UNMAPPED_MAX 32

struct fb_profile_unmapped {
	int col;
	char *value;
	long n;
};

/* Headers */

int
fb_profile_header_matches(const struct fb_profile_column *c, const char *name, size_t len)
{
	char a[256], b[256];

	fb_trim(&name, &len);
	if (len == 0)
		return 0;
	if (c->header && fb_strncaseeq(c->header, name, len))
		return 1;
	if (c->nalias) {
		fb_profile_squash(name, len, a, sizeof(a));
		for (size_t i = 0; i < c->nalias; i++) {
			fb_profile_squash(c->alias[i], strlen(c->alias[i]), b, sizeof(b));
			if (strcmp(a, b) == 0)
				return 1;
		}
	}
	if (c->pattern) {
		char *z = fb_xstrndup(name, len);
		int hit = regexec(&c->re, z, 0, NULL, 0) == 0;

		free(z);
		return hit;
	}
	return 0;
}

/* Reading an input */

static const char *
base_name(const char *name)
{
	const char *slash = strrchr(name, '/'), *back = strrchr(name, '\\');

	if (back && (!slash || back > slash))
		slash = back;
	return slash ? slash + 1 : name;
}

/* snapshot_date from the file name: the pattern's first group, else its match. */
static int
date_from_name(const struct fb_profile *p, const char *name, char out[FB_DATE_TEXT_SIZE])
{
	regmatch_t m[2];
	const char *base = base_name(name);
	const char *s;
	size_t len;
	int days;
	enum fb_date_form form;

	if (regexec(&p->name_re, base, 2, m, 0) != 0)
		return -1;
	if (m[1].rm_so < 0)
		m[1] = m[0];
	s = base + m[1].rm_so;
	len = (size_t)(m[1].rm_eo - m[1].rm_so);
	/*
	 * Spelled again from the date, the same ten characters: a memcpy of
	 * them was a false -Wstringop-overread under LTO, where a test's short
	 * file name reached here as a literal.
	 */
	if (len == FB_DATE_LEN && fb_date_parse(s, len, &days, &form) == 0 && form == FB_DATE_ISO) {
		fb_date_format(days, out);
		return 0;
	}
	for (size_t i = 0; i < p->ndate_formats; i++)
		if (fb_profile_date_read(p->date_format[i], s, len, out) == 0)
			return 0;
	return -1;
}

struct fb_profile_input *
fb_profile_input_new(const struct fb_profile *p, const char *name, int file,
		     struct fb_findings *out)
{
	struct fb_profile_input *in = fb_xcalloc(1, sizeof(*in));
	char vis[FB_VISIBLE_SIZE];

	in->p = p;
	in->file = file;
	in->out = out;
	in->reject_all = FB_NONE;
	for (size_t c = 0; c < FB_PROFILE_MAX_COLUMNS; c++)
		in->pos[c] = -1;
	if (p->name_pattern && date_from_name(p, name, in->name_date) != 0) {
		const char *base = base_name(name);

		fb_findings_add(out, FB_R_MISSING_COLUMN, file, 1, "snapshot_date",
				fb_visible(vis, base, strlen(base)),
				"the file name '%s' holds no date that the profile's "
				"snapshot_date_from_name pattern '%s' finds, so no row of this "
				"file has a snapshot_date; rename the file or give "
				"snapshot_date in the profile's [constant] section", vis,
				p->name_pattern);
		in->reject_all = FB_R_MISSING_COLUMN;
	}
	return in;
}

void
fb_profile_input_free(struct fb_profile_input *in)
{
	if (!in)
		return;
	for (size_t c = 0; c < FB_PROFILE_MAX_COLUMNS; c++)
		free(in->colname[c]);
	for (size_t i = 0; i < in->nunmapped; i++)
		free(in->unmapped[i].value);
	free(in->unmapped);
	free(in);
}

/* Whether the file must have column c. */
static int
column_required(const struct fb_profile *p, const struct fb_profile_column *c)
{
	if (c->kind != FB_PK_COLUMN || c->field == FB_EP_STATUS_TO)
		return 1;
	return fb_fields[c->field].presence == FB_REQUIRED &&
	       !(c->field == FB_F_BED_USE && fb_profile_set_anywhere(p, FB_F_BED_USE));
}

const struct fb_schema *
fb_profile_input_schema(struct fb_profile_input *in, const char *const *names,
			const size_t *lens, size_t n)
{
	const struct fb_profile *p = in->p;
	char s1[300], s2[300], vis[FB_VISIBLE_SIZE];

	memset(&in->schema, 0, sizeof(in->schema));
	in->schema.ncols = (int)p->ncols;
	for (size_t i = 0; i < n; i++) {
		int first = -1;

		for (size_t c = 0; c < p->ncols; c++) {
			if (!fb_profile_header_matches(&p->col[c], names[i], lens[i]))
				continue;
			fb_visible(vis, names[i], lens[i]);
			if (first >= 0) {
				fb_findings_add_cell(in->out, FB_R_DUPLICATE_COLUMN, in->file, 1,
						     (int)i, NULL, vis,
						     "the header '%s' (column %zu) is matched by both "
						     "%s and %s of the profile, so no row of this file "
						     "can be used; make the profile's headers, aliases "
						     "and patterns tell them apart", vis, i + 1,
						     fb_profile_section_name(&p->col[first], s1,
						     			sizeof(s1)),
						     fb_profile_section_name(&p->col[c], s2,
						     			sizeof(s2)));
				in->reject_all = FB_R_DUPLICATE_COLUMN;
				continue;
			}
			first = (int)c;
			if (in->pos[c] >= 0) {
				fb_findings_add_cell(in->out, FB_R_DUPLICATE_COLUMN, in->file, 1,
						     (int)i, NULL, vis,
						     "columns %d and %zu of the header both match %s "
						     "of the profile, so no row of this file can be "
						     "used; keep one, or make the profile tell them "
						     "apart", in->pos[c] + 1, i + 1,
						     fb_profile_section_name(&p->col[c], s1,
						     			sizeof(s1)));
				in->reject_all = FB_R_DUPLICATE_COLUMN;
				continue;
			}
			in->pos[c] = (int)i;
		}
	}
	for (size_t c = 0; c < p->ncols; c++) {
		const struct fb_profile_column *col = &p->col[c];

		free(in->colname[c]);
		if (in->pos[c] >= 0) {
			const char *s = names[in->pos[c]];
			size_t len = lens[in->pos[c]];

			in->colname[c] = fb_xstrndup(s, len);
		} else if (col->header) {
			in->colname[c] = fb_xstrdup(col->header);
		} else if (col->nalias) {
			in->colname[c] = fb_xstrdup(col->alias[0]);
		} else {
			size_t len = strlen(col->pattern) + 16;

			in->colname[c] = fb_xmalloc(len);
			snprintf(in->colname[c], len, "/%s/", col->pattern);
		}
		in->schema.name[c] = in->colname[c];
		in->schema.required[c] = column_required(p, col);
		in->schema.hidden[c] = col->kind == FB_PK_COLUMN && col->field == FB_F_CHILD_REF;
	}
	return &in->schema;
}

/* Tell the findings where both the export's and the standard's names are. */
static void
map_columns(struct fb_profile_input *in)
{
	const char *name[2 * FB_PROFILE_MAX_COLUMNS];
	int col[2 * FB_PROFILE_MAX_COLUMNS];
	size_t n = 0;

	for (size_t c = 0; c < in->p->ncols; c++) {
		name[n] = in->colname[c];
		col[n++] = in->pos[c];
		if (in->p->col[c].kind == FB_PK_COLUMN) {
			name[n] = fb_profile_field_name(in->p, in->p->col[c].field);
			col[n++] = in->pos[c];
		}
	}
	fb_findings_map_columns(in->out, in->file, name, col, n);
	in->mapped_cols = 1;
}

static void
count_unmapped(struct fb_profile_input *in, int col, const char *s, size_t len)
{
	struct fb_profile_unmapped *u;

	for (size_t i = 0; i < in->nunmapped; i++) {
		u = &in->unmapped[i];
		if (u->col == col && strlen(u->value) == len && memcmp(u->value, s, len) == 0) {
			u->n++;
			return;
		}
	}
	if (in->nunmapped == UNMAPPED_MAX) {
		in->unmapped_more++;
		return;
	}
	fb_grow((void **)&in->unmapped, &in->unmappedcap, in->nunmapped + 1,
		sizeof(*in->unmapped));
	u = &in->unmapped[in->nunmapped++];
	u->col = col;
	u->value = fb_xstrndup(s, len);
	u->n = 1;
}

/* What a local value maps to, for messages: "filled", "bed_use respite", "dropped". */
static void
describe(const struct fb_profile_value *v, char *buf, size_t size)
{
	switch (v->action) {
	case FB_PA_VALUE:
		snprintf(buf, size, "%s", fb_fields[v->field].codes[v->code].name);
		break;
	case FB_PA_SET:
		snprintf(buf, size, "%s %s", fb_fields[v->field].name,
			 fb_fields[v->field].codes[v->code].name);
		break;
	case FB_PA_KEEP:
		snprintf(buf, size, "kept");
		break;
	default:
		snprintf(buf, size, "dropped");
	}
}

/* The nearest mapped values to s, as "'Occupied' (filled), ...", in buf. */
static void
suggest(const struct fb_profile_column *c, const char *s, size_t len, char *buf, size_t size)
{
	size_t used = 0, shown = 0;

	buf[0] = '\0';
	for (size_t dist = 0; dist <= 3 && shown < 3; dist++) {
		for (size_t i = 0; i < c->nvalues && shown < 3; i++) {
			const struct fb_profile_value *v = &c->values[i];
			char what[96];
			int k;

			if (v->action == FB_PA_DROP ||
			    fb_edit_distance(s, len, v->local, strlen(v->local), 3) != dist)
				continue;
			/* The same local value under two actions is one suggestion. */
			if (fb_profile_value_of(c, v->local, strlen(v->local), 0) != v)
				continue;
			describe(v, what, sizeof(what));
			k = snprintf(buf + used, size - used, "%s'%s' (%s)", shown ? ", " : "",
				     v->local, what);
			if (k < 0 || (size_t)k >= size - used)
				return;
			used += (size_t)k;
			shown++;
		}
	}
	if (shown)
		return;
	for (size_t i = 0; i < c->nvalues && shown < 6; i++) {
		int k;

		if (c->values[i].action == FB_PA_DROP)
			continue;
		k = snprintf(buf + used, size - used, "%s'%s'", shown ? ", " : "",
			     c->values[i].local);
		if (k < 0 || (size_t)k >= size - used)
			return;
		used += (size_t)k;
		shown++;
	}
}

static void
unmapped(struct fb_profile_input *in, size_t c, long line, const char *s, size_t len)
{
	const struct fb_profile_column *col = &in->p->col[c];
	char vis[FB_VISIBLE_SIZE], near[512], sec[300];
	int close;

	count_unmapped(in, (int)c, s, len);
	suggest(col, s, len, near, sizeof(near));
	close = near[0] && strchr(near, '(') != NULL;
	fb_findings_add(in->out, FB_R_UNMAPPED_VALUE, in->file, line, in->colname[c],
			fb_visible(vis, s, len),
			"'%s' in column '%s' is not a value the profile maps for %s, so the row "
			"cannot be used; %s %s; add it to %s in %s", vis, in->colname[c],
			col->kind == FB_PK_COLUMN ? col->name : "its flag",
			close ? "the nearest values it maps are" : "the values it maps are", near,
			fb_profile_section_name(col, sec, sizeof(sec)), in->p->path);
}

/* A drop: counted, and said once per file by fb_profile_input_end(). */
void
fb_profile_dropped(struct fb_profile_input *in, long line, const char *fmt, const char *a,
		   const char *b)
{
	if (in->dropped++ == 0) {
		in->dropped_first = line;
		snprintf(in->dropped_why, sizeof(in->dropped_why), fmt, a, b);
	}
}

/*
 * A date column's value by the profile's formats, the first that reads it;
 * else left as it is, for the record checks to judge (FB006).  status_to
 * (an episode's) has its own buffer, read in the same row as status_from.
 */
static void
read_date(struct fb_profile_input *in, int field, const char *s, size_t len, struct fb_row *std)
{
	const struct fb_profile *p = in->p;
	char *out = field == FB_EP_STATUS_TO ? in->date_to : in->date;

	for (size_t i = 0; i < p->ndate_formats; i++)
		if (fb_profile_date_read(p->date_format[i], s, len, out) == 0) {
			std->cell[field] = out;
			std->len[field] = strlen(out);
			return;
		}
}

void
fb_profile_input_row(struct fb_profile_input *in, const struct fb_row *local, fb_row_fn fn,
		     void (*drop)(void *), void *ctx)
{
	const struct fb_profile *p = in->p;
	struct fb_row std;
	int bad = 0;

	if (!in->mapped_cols)
		map_columns(in);
	memset(&std, 0, sizeof(std));
	std.file = local->file;
	std.line = local->line;
	std.reject = local->reject != FB_NONE ? local->reject : in->reject_all;
	if (std.reject != FB_NONE) {
		fn(ctx, &std);
		return;
	}
	for (int f = 0; f < FB_F_COUNT; f++) {
		if (p->constant[f]) {
			std.cell[f] = p->constant[f];
			std.len[f] = strlen(p->constant[f]);
		}
	}
	if (p->name_pattern) {
		std.cell[FB_F_SNAPSHOT_DATE] = in->name_date;
		std.len[FB_F_SNAPSHOT_DATE] = strlen(in->name_date);
	}
	/*
	 * A row that is not a bed (a totals row) is dropped before any of its
	 * values is mapped, so that its other cells raise no FB038.
	 */
	for (size_t c = 0; c < p->ncols; c++) {
		const struct fb_profile_column *col = &p->col[c];
		const struct fb_profile_value *v;
		const char *s = local->cell[c];
		size_t len = local->len[c], at = 0;

		if (!s || col->kind == FB_PK_COUNT || col->kind == FB_PK_APPROVED)
			continue;
		fb_trim(&s, &len);
		for (v = fb_profile_value_of(col, s, len, 0); len && v;
		     v = fb_profile_value_of(col, s, len, at)) {
			at = (size_t)(v - col->values) + 1;
			if (v->action != FB_PA_DROP)
				continue;
			fb_profile_dropped(in, local->line, "'%s' in column '%s'", v->local,
					   in->colname[c]);
			drop(ctx);
			return;
		}
	}
	/* The columns' own values first, so that a flag's set wins over them. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t c = 0; c < p->ncols; c++) {
			const struct fb_profile_column *col = &p->col[c];
			const struct fb_profile_value *v;
			const char *s = local->cell[c];
			size_t len = local->len[c], at = 0;

			if (col->kind == FB_PK_COUNT || col->kind == FB_PK_APPROVED)
				continue;
			if ((col->kind == FB_PK_FLAG) != pass)
				continue;
			if (!s)
				continue;
			fb_trim(&s, &len);
			if (col->kind == FB_PK_COLUMN) {
				std.cell[col->field] = local->cell[c];
				std.len[col->field] = local->len[c];
			}
			if (len == 0)
				continue;
			if ((v = fb_profile_value_of(col, s, len, 0)) == NULL) {
				if (col->mapped) {
					unmapped(in, c, local->line, s, len);
					bad = 1;
				}
				if (col->kind == FB_PK_COLUMN && (col->field == FB_F_SNAPSHOT_DATE ||
								  col->field == FB_EP_STATUS_TO))
					read_date(in, col->field, s, len, &std);
				continue;
			}
			for (; v; v = fb_profile_value_of(col, s, len, at)) {
				at = (size_t)(v - col->values) + 1;
				switch (v->action) {
				case FB_PA_VALUE:
				case FB_PA_SET:
					std.cell[v->field] = fb_fields[v->field].codes[v->code].name;
					std.len[v->field] = strlen(std.cell[v->field]);
					break;
				default:
					break;
				}
			}
		}
	}
	if (bad) {
		std.reject = FB_R_UNMAPPED_VALUE;
		fn(ctx, &std);
		return;
	}
	if (p->expand) {
		fb_profile_expand(in, local, &std, fn, drop, ctx);
		return;
	}
	fn(ctx, &std);
}

void
fb_profile_input_end(struct fb_profile_input *in)
{
	if (in->nunmapped) {
		char list[1024], vis[FB_VISIBLE_SIZE];
		size_t used = 0;
		long total = 0;

		list[0] = '\0';
		for (size_t i = 0; i < in->nunmapped; i++)
			total += in->unmapped[i].n;
		/* Grouped by column, in the order first met. */
		for (size_t i = 0; i < in->nunmapped && used + 1 < sizeof(list); i++) {
			int col = in->unmapped[i].col, seen = 0, n = 0;

			for (size_t j = 0; j < i; j++)
				seen |= in->unmapped[j].col == col;
			if (seen)
				continue;
			used += (size_t)snprintf(list + used, sizeof(list) - used, "%scolumn '%s': ",
						 used ? "; " : "", in->colname[col]);
			for (size_t j = i; j < in->nunmapped && used + 1 < sizeof(list); j++) {
				const struct fb_profile_unmapped *w = &in->unmapped[j];

				if (w->col != col)
					continue;
				used += (size_t)snprintf(list + used, sizeof(list) - used,
							 "%s'%s' %ld row%s", n++ ? ", " : "",
							 fb_visible(vis, w->value, strlen(w->value)),
							 w->n, w->n == 1 ? "" : "s");
			}
		}
		fb_findings_add(in->out, FB_R_UNMAPPED_SUMMARY, in->file, 1, NULL, NULL,
				"%ld value%s in this file %s not mapped by the profile %s, so %s "
				"rejected: %s%s", total, total == 1 ? "" : "s",
				total == 1 ? "is" : "are", in->p->path,
				total == 1 ? "the row with it was" : "the rows with them were", list,
				in->unmapped_more ? "; and more values not listed" : "");
	}
	if (in->dropped)
		fb_findings_add(in->out, FB_R_PROFILE_DROPPED, in->file, in->dropped_first, NULL,
				NULL, "%ld row%s left out: the profile says %s not a bed; "
				"the first is on this line (%s)", in->dropped,
				in->dropped == 1 ? " was" : "s were",
				in->dropped == 1 ? "it is" : "they are", in->dropped_why);
}
