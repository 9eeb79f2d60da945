/*
 * findings.c: the findings list.
 */
#include "fosterbeds/findings.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
fb_findings_init(struct fb_findings *f, size_t limit)
{
	memset(f, 0, sizeof(*f));
	f->limit = limit;
}

static void
finding_release(struct fb_finding *fnd)
{
	free(fnd->column);
	free(fnd->value);
	free(fnd->message);
}

static void
maps_release(struct fb_findings *f)
{
	for (size_t i = 0; i < f->nmaps; i++) {
		free(f->maps[i].shift);
		free(f->maps[i].name);
		free(f->maps[i].col);
	}
	free(f->maps);
	f->maps = NULL;
	f->nmaps = f->mapcap = 0;
}

void
fb_findings_release(struct fb_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		finding_release(&f->items[i]);
	free(f->items);
	maps_release(f);
	fb_findings_init(f, f->limit);
}

/*
 * The index of file's map, or f->nmaps when it has none.  Few files, and
 * findings of one file come together: the last is the usual hit.
 */
static size_t
map_index(const struct fb_findings *f, int file)
{
	for (size_t i = f->nmaps; i-- > 0;)
		if (f->maps[i].file == file)
			return i;
	return f->nmaps;
}

static const struct fb_file_map *
map_find(const struct fb_findings *f, int file)
{
	size_t i = map_index(f, file);

	return i < f->nmaps ? &f->maps[i] : NULL;
}

/* file's map, made empty when it has none. */
static struct fb_file_map *
map_of(struct fb_findings *f, int file)
{
	struct fb_file_map *m;
	size_t i = map_index(f, file);

	if (i < f->nmaps)
		return &f->maps[i];
	fb_grow((void **)&f->maps, &f->mapcap, f->nmaps + 1, sizeof(*f->maps));
	m = &f->maps[f->nmaps++];
	memset(m, 0, sizeof(*m));
	m->file = file;
	return m;
}

void
fb_findings_map_columns(struct fb_findings *f, int file, const char *const *name,
			const int *col, size_t n)
{
	struct fb_file_map *m = map_of(f, file);

	free(m->name);
	free(m->col);
	m->name = fb_xcalloc(n ? n : 1, sizeof(*m->name));
	m->col = fb_xcalloc(n ? n : 1, sizeof(*m->col));
	for (size_t i = 0; i < n; i++) {
		m->name[i] = name[i];
		m->col[i] = col[i];
	}
	m->ncols = n;
}

void
fb_findings_map_lines(struct fb_findings *f, int file, long line, long extra)
{
	struct fb_file_map *m = map_of(f, file);
	long total = m->nshift ? m->shift[m->nshift - 1].less + extra : extra;

	if (m->nshift && m->shift[m->nshift - 1].from == line) {
		m->shift[m->nshift - 1].less = total;
		return;
	}
	fb_grow((void **)&m->shift, &m->shiftcap, m->nshift + 1, sizeof(*m->shift));
	m->shift[m->nshift].from = line;
	m->shift[m->nshift++].less = total;
}

/* Excel's row of line: the line less the extra line breaks of records before it. */
static long
row_of(const struct fb_file_map *m, long line)
{
	size_t lo = 0, hi;

	if (!m || line <= 0)
		return line > 0 ? line : 0;
	hi = m->nshift;
	/* The last shift whose from is at or before line. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->shift[mid].from <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? line - m->shift[lo - 1].less : line;
}

static int
col_of(const struct fb_file_map *m, const char *column)
{
	if (!m || !column)
		return -1;
	for (size_t i = 0; i < m->ncols; i++)
		if (m->name[i] && strlen(m->name[i]) == strlen(column) &&
		    fb_strncaseeq(m->name[i], column, strlen(column)))
			return m->col[i];
	return -1;
}

char *
fb_column_letters(char *out, int col)
{
	char rev[FB_COLUMN_LETTERS];
	size_t n = 0;

	out[0] = '\0';
	if (col < 0)
		return out;
	/* Bijective base 26: A..Z, then AA; an int needs at most 7 letters. */
	for (long c = (long)col + 1; c > 0 && n < sizeof(rev) - 1; c = (c - 1) / 26)
		rev[n++] = (char)('A' + (c - 1) % 26);
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
	return out;
}

static void
count(struct fb_findings *f, enum fb_rule rule, size_t n)
{
	f->count[rule] += n;
	if (fb_rules[rule].severity == FB_SEV_ERROR) {
		f->errors += n;
		if (!f->row_error)
			f->row_error = (int)rule + 1;
	} else
		f->warnings += n;
}

static void
add(struct fb_findings *f, enum fb_rule rule, int file, long line, int col,
    const char *column, const char *value, const char *fmt, va_list ap)
	__attribute__((format(printf, 8, 0)));

static void
add(struct fb_findings *f, enum fb_rule rule, int file, long line, int col,
    const char *column, const char *value, const char *fmt, va_list ap)
{
	const struct fb_file_map *m = map_find(f, file);
	struct fb_finding *fnd;
	char msg[1024];

	count(f, rule, 1);
	if (f->limit && f->n >= f->limit) {
		f->dropped++;
		return;
	}
	fb_grow((void **)&f->items, &f->cap, f->n + 1, sizeof(*f->items));
	fnd = &f->items[f->n++];
	fnd->rule = rule;
	fnd->file = file;
	fnd->line = line;
	fnd->column = column ? fb_xstrdup(column) : NULL;
	/* The one place that guarantees a child's reference is never kept. */
	if (column && strcmp(column, fb_fields[FB_F_CHILD_REF].name) == 0)
		value = NULL;
	fnd->value = value ? fb_xstrdup(value) : NULL;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fnd->message = fb_xstrdup(msg);
	fnd->row = row_of(m, line);
	fnd->col = col >= -1 ? col : col_of(m, column);
}

void
fb_findings_add(struct fb_findings *f, enum fb_rule rule, int file, long line,
		const char *column, const char *value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	/* -2: the column's position comes from its name, through the file's map. */
	add(f, rule, file, line, -2, column, value, fmt, ap);
	va_end(ap);
}

void
fb_findings_add_cell(struct fb_findings *f, enum fb_rule rule, int file, long line,
		     int col, const char *column, const char *value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(f, rule, file, line, col < 0 ? -1 : col, column, value, fmt, ap);
	va_end(ap);
}

void
fb_findings_take(struct fb_findings *dst, struct fb_findings *src, size_t from, size_t to,
		 long offset, int (*keep)(void *ctx, const struct fb_finding *f), void *ctx)
{
	const struct fb_file_map *m = NULL;
	int mfile = -1;

	for (size_t i = from; i < to && i < src->n; i++) {
		struct fb_finding *fnd = &src->items[i];

		fnd->line += offset;
		if (keep && !keep(ctx, fnd)) {
			finding_release(fnd);
			memset(fnd, 0, sizeof(*fnd));
			continue;
		}
		count(dst, fnd->rule, 1);
		if (dst->limit && dst->n >= dst->limit) {
			dst->dropped++;
			finding_release(fnd);
			memset(fnd, 0, sizeof(*fnd));
			continue;
		}
		if (!m || mfile != fnd->file) {
			m = map_find(dst, fnd->file);
			mfile = fnd->file;
		}
		fnd->row = row_of(m, fnd->line);
		fb_grow((void **)&dst->items, &dst->cap, dst->n + 1, sizeof(*dst->items));
		dst->items[dst->n++] = *fnd;
		memset(fnd, 0, sizeof(*fnd));
	}
}

void
fb_findings_take_shifts(struct fb_findings *dst, const struct fb_findings *src, int file,
			long offset)
{
	const struct fb_file_map *ms = map_find(src, file);
	long before = 0;

	for (size_t i = 0; ms && i < ms->nshift; i++) {
		fb_findings_map_lines(dst, file, ms->shift[i].from + offset,
				      ms->shift[i].less - before);
		before = ms->shift[i].less;
	}
}

void
fb_findings_map_like(struct fb_findings *dst, const struct fb_findings *src, int file)
{
	const struct fb_file_map *m = map_find(src, file);

	if (m && m->ncols)
		fb_findings_map_columns(dst, file, m->name, m->col, m->ncols);
}

static int
before(const struct fb_finding *a, const struct fb_finding *b)
{
	return a->file < b->file || (a->file == b->file && a->line < b->line);
}

/*
 * Merge sort a[0..n) on (file, line), tmp holding n: stable (an equal
 * finding never passes one pushed before it), which qsort is not, and
 * n log n however the findings arrive.  Halves already in order are left
 * as they are, so the usual list, almost in order (only the once-per-file
 * warnings come late), costs little more than one pass.
 */
static void
merge_sort(struct fb_finding *a, struct fb_finding *tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	merge_sort(a, tmp, half);
	merge_sort(a + half, tmp, n - half);
	if (!before(&a[half], &a[half - 1]))
		return;
	while (i < half && j < n)
		tmp[k++] = before(&a[j], &a[i]) ? a[j++] : a[i++];
	while (i < half)
		tmp[k++] = a[i++];
	/* What is left of the second half is already in place. */
	memcpy(a, tmp, k * sizeof(*a));
}

void
fb_findings_sort(struct fb_findings *f)
{
	struct fb_finding *tmp;

	if (f->n < 2)
		return;
	tmp = fb_xcalloc(f->n, sizeof(*tmp));
	merge_sort(f->items, tmp, f->n);
	free(tmp);
}

/* The one escaper of text from outside: fb_visible() cut after max characters. */
static char *
visible(char *out, const char *s, size_t len, size_t max)
{
	const unsigned char *b = (const unsigned char *)s;
	char *o = out;
	size_t i = 0, chars = 0;

	while (i < len && chars < max) {
		size_t n = fb_utf8_seq(b + i, len - i);

		if (n == 0 || b[i] < 0x20 || b[i] == 0x7f) {
			if (b[i] == '\n')
				o += sprintf(o, "\\n");
			else if (b[i] == '\r')
				o += sprintf(o, "\\r");
			else if (b[i] == '\t')
				o += sprintf(o, "\\t");
			else
				o += sprintf(o, "\\x%02X", b[i]);
			i++;
		} else {
			memcpy(o, b + i, n);
			o += n;
			i += n;
		}
		chars++;
	}
	if (i < len)
		o += sprintf(o, "...");
	*o = '\0';
	return out;
}

void
fb_findings_row_start(struct fb_findings *f)
{
	f->row_error = 0;
}

int
fb_findings_row_error(const struct fb_findings *f)
{
	return f->row_error - 1;
}

char *
fb_visible(char *out, const char *s, size_t len)
{
	return visible(out, s, len, FB_VALUE_MAX);
}

char *
fb_visible_all(char *out, const char *s, size_t len)
{
	return visible(out, s, len, SIZE_MAX);
}

char *
fb_visible_dup(const char *s)
{
	size_t len = strlen(s);

	return fb_visible_all(fb_xmalloc(FB_VISIBLE_ALL_SIZE(len)), s, len);
}
