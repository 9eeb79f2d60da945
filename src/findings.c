/*
 * findings.c: the findings list.
 */
#include "fosterbeds/findings.h"

#include <stdarg.h>
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

void
fb_findings_release(struct fb_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		finding_release(&f->items[i]);
	free(f->items);
	fb_findings_init(f, f->limit);
}

static void
count(struct fb_findings *f, enum fb_rule rule, size_t n)
{
	f->count[rule] += n;
	if (fb_rules[rule].severity == FB_SEV_ERROR)
		f->errors += n;
	else
		f->warnings += n;
}

void
fb_findings_add(struct fb_findings *f, enum fb_rule rule, int file, long line,
		const char *column, const char *value, const char *fmt, ...)
{
	struct fb_finding *fnd;
	va_list ap;
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
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fnd->message = fb_xstrdup(msg);
}

void
fb_findings_merge(struct fb_findings *dst, struct fb_findings *src)
{
	for (size_t i = 0; i < src->n; i++) {
		if (dst->limit && dst->n >= dst->limit) {
			dst->dropped++;
			finding_release(&src->items[i]);
			continue;
		}
		fb_grow((void **)&dst->items, &dst->cap, dst->n + 1, sizeof(*dst->items));
		dst->items[dst->n++] = src->items[i];
	}
	for (int r = 0; r < FB_R_COUNT; r++)
		dst->count[r] += src->count[r];
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	dst->dropped += src->dropped;
	free(src->items);
	fb_findings_init(src, src->limit);
}

/*
 * Insertion sort on (file, line): findings arrive almost in order (only the
 * once-per-file warnings come late), so this is close to linear, and it is
 * stable, which qsort is not.
 */
void
fb_findings_sort(struct fb_findings *f)
{
	for (size_t i = 1; i < f->n; i++) {
		struct fb_finding key = f->items[i];
		size_t j = i;

		while (j > 0 && (f->items[j - 1].file > key.file ||
				 (f->items[j - 1].file == key.file &&
				  f->items[j - 1].line > key.line))) {
			f->items[j] = f->items[j - 1];
			j--;
		}
		f->items[j] = key;
	}
}

char *
fb_visible(char *out, const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s;
	char *o = out;
	size_t i = 0, chars = 0;

	while (i < len && chars < FB_VALUE_MAX) {
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
