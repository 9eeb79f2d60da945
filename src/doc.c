/*
 * doc.c: building documents (doc.h), and a cell's plain text.
 */
#include "fosterbeds/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/filter.h"
#include "fosterbeds/standard.h"
#include "util.h"

void
fb_doc_init(struct fb_doc *d, const char *command, const struct fb_run *run)
{
	memset(d, 0, sizeof(*d));
	d->command = command;
	d->run = run;
	d->title = "";
}

void
fb_doc_release(struct fb_doc *d)
{
	for (size_t i = 0; i < d->nstrings; i++)
		free(d->strings[i]);
	free(d->strings);
	free(d->notes);
	for (size_t t = 0; t < d->ntables; t++) {
		free(d->tables[t].cells);
		free(d->tables[t].pooled);
	}
	free(d->tables);
	memset(d, 0, sizeof(*d));
}

static const char *
own(struct fb_doc *d, char *s)
{
	if (d->nstrings == d->strcap) {
		d->strcap = d->strcap ? 2 * d->strcap : 16;
		d->strings = fb_xrealloc(d->strings, d->strcap * sizeof(*d->strings));
	}
	d->strings[d->nstrings++] = s;
	return s;
}

const char *
fb_doc_strdup(struct fb_doc *d, const char *s)
{
	return own(d, fb_xstrdup(s ? s : ""));
}

char *
fb_doc_strdup_size(struct fb_doc *d, size_t size)
{
	char *s = fb_xcalloc(size ? size : 1, 1);

	own(d, s);
	return s;
}

char *
fb_doc_vprintf(struct fb_doc *d, const char *fmt, va_list ap)
{
	va_list again;
	int len;
	char *s;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	s = fb_doc_strdup_size(d, (size_t)(len < 0 ? 0 : len) + 1);
	if (len > 0)
		vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

void
fb_doc_set_title(struct fb_doc *d, const char *title, const char *subject)
{
	d->title = fb_doc_strdup(d, title);
	d->subject = subject ? fb_doc_strdup(d, subject) : NULL;
}

void
fb_doc_note(struct fb_doc *d, enum fb_note_place place, const char *key, const char *fmt, ...)
{
	va_list ap;
	char first[256], *text;
	int len;

	/* Most notes fit the first try; a longer one is measured by it. */
	va_start(ap, fmt);
	len = vsnprintf(first, sizeof(first), fmt, ap);
	va_end(ap);
	if (len < 0) {
		len = 0;
		first[0] = '\0';
	}
	text = fb_xmalloc((size_t)len + 1);
	if ((size_t)len < sizeof(first)) {
		memcpy(text, first, (size_t)len + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(text, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	if (d->nnotes == d->notecap) {
		d->notecap = d->notecap ? 2 * d->notecap : 8;
		d->notes = fb_xrealloc(d->notes, d->notecap * sizeof(*d->notes));
	}
	d->notes[d->nnotes].place = place;
	d->notes[d->nnotes].key = key ? fb_doc_strdup(d, key) : NULL;
	d->notes[d->nnotes].text = own(d, text);
	d->nnotes++;
}

void
fb_doc_note_totals(struct fb_doc *d, const char *what_rows)
{
	const struct fb_run *run = d->run;
	long read, used, rejected, by[FB_R_COUNT] = { 0 };
	char list[FB_R_COUNT * 32] = "", what[64 + 1000 * 4] = "";
	size_t n = 0;

	fb_run_totals(run, &read, &used, &rejected);
	for (size_t i = 0; i < run->ninputs; i++)
		for (int k = 0; k < FB_R_COUNT; k++)
			by[k] += run->inputs[i].rejected_by[k];
	for (int k = 0; k < FB_R_COUNT && n < sizeof(list); k++)
		if (by[k])
			n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s %ld",
					      n ? ", " : " (", fb_rules[k].code, by[k]);
	if (n && n + 1 < sizeof(list))
		list[n] = ')', list[n + 1] = '\0';
	if (run->filter.active) {
		size_t k = (size_t)snprintf(what, sizeof(what), ", %ld outside the filter (",
					    fb_run_outside_filter(run));

		fb_filter_describe(&run->filter, what + k, sizeof(what) - k - 1);
		strcat(what, ")");
	}
	if (run->profile) {
		long dropped = 0;

		for (size_t i = 0; i < run->ninputs; i++)
			dropped += run->inputs[i].rows_dropped;
		if (dropped)
			snprintf(what + strlen(what), sizeof(what) - strlen(what),
				 ", %ld dropped by the profile (FB040)", dropped);
	}
	fb_doc_note(d, FB_NOTE_AFTER, NULL, "%s: %ld read, %ld used, %ld rejected%s%s",
		    what_rows, read, used, rejected, list, what);
	/* Only with --profile (profile.h), so other runs say what they did. */
	if (run->profile)
		fb_doc_note(d, FB_NOTE_AFTER, NULL, "Read through the mapping profile %s (%s%s%s)",
			    run->profile->path,
			    run->profile->system ? run->profile->system : "system not named",
			    run->profile->la ? ", for " : "",
			    run->profile->la ? run->profile->la : "");
}

void
fb_doc_note_ms(struct fb_doc *d)
{
	fb_doc_note(d, FB_NOTE_AFTER, NULL, "MS = mainstream beds only; Util excl%% leaves "
		    "respite and emergency beds out of both counts.");
}

void
fb_doc_define_incl(struct fb_doc *d, const char *unit, const char *aside)
{
	fb_doc_note(d, FB_NOTE_DEFINE, "utilisation_incl_pct", "Filled %s as a share of all "
		    "approved %s, respite and emergency beds included%s%s%s.", unit, unit,
		    aside ? " (" : "", aside ? aside : "", aside ? ")" : "");
}

void
fb_doc_define_excl(struct fb_doc *d, const char *unit)
{
	fb_doc_note(d, FB_NOTE_DEFINE, "utilisation_excl_pct", "Filled mainstream %s as a "
		    "share of mainstream approved %s: respite and emergency beds left out.",
		    unit, unit);
}

const struct fb_note *
fb_doc_find_note(const struct fb_doc *d, const char *key)
{
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].key && strcmp(d->notes[i].key, key) == 0)
			return &d->notes[i];
	return NULL;
}

struct fb_table *
fb_doc_table(struct fb_doc *d, const char *name, const struct fb_column *cols, size_t ncols,
	     const char *empty)
{
	struct fb_table *t;

	if (d->ntables == d->tablecap) {
		d->tablecap = d->tablecap ? 2 * d->tablecap : 2;
		d->tables = fb_xrealloc(d->tables, d->tablecap * sizeof(*d->tables));
	}
	t = &d->tables[d->ntables++];
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->cols = cols;
	t->ncols = ncols;
	t->empty = empty;
	return t;
}

int
fb_table_shown(const struct fb_table *t, unsigned hide_bit)
{
	return !(t->hide & hide_bit);
}

struct fb_cell *
fb_table_row(struct fb_table *t, int pooled)
{
	struct fb_cell *row;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->cells = fb_xrealloc(t->cells, t->cap * (t->ncols ? t->ncols : 1) *
				       sizeof(*t->cells));
		t->pooled = fb_xrealloc(t->pooled, t->cap);
	}
	row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++)
		row[i] = (struct fb_cell){ .kind = FB_CK_EMPTY, .n = 0, .s = NULL };
	t->pooled[t->nrows++] = pooled != 0;
	return row;
}

void
fb_table_line(struct fb_doc *d, struct fb_table *t, const char *fmt, ...)
{
	struct fb_cell *c = fb_table_row(t, 0);
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = fb_doc_vprintf(d, fmt, ap);
	va_end(ap);
	if (t->ncols)
		c[0] = (struct fb_cell){ .kind = FB_CK_TEXT, .s = s };
}

const struct fb_cell *
fb_table_cell(const struct fb_table *t, size_t r, size_t i)
{
	return &t->cells[r * t->ncols + i];
}

const struct fb_table *
fb_doc_find_table(const struct fb_doc *d, const char *name)
{
	for (size_t t = 0; t < d->ntables; t++)
		if (strcmp(d->tables[t].name, name) == 0)
			return &d->tables[t];
	return NULL;
}

size_t
fb_table_find_column(const struct fb_table *t, const char *name)
{
	size_t i = 0;

	while (i < t->ncols && strcmp(t->cols[i].name, name) != 0)
		i++;
	return i;
}

void
fb_cell_text(struct fb_doc *d, struct fb_cell *c, enum fb_cell_kind kind, const char *s)
{
	c->kind = kind;
	c->n = 0;
	c->s = fb_doc_strdup(d, s);
}

void
fb_cell_number(struct fb_cell *c, enum fb_cell_kind kind, long n)
{
	c->s = NULL;
	c->n = n;
	c->kind = (kind == FB_CK_RATE || kind == FB_CK_PP) && n == FB_PCT_NONE ? FB_CK_EMPTY
									     : kind;
}

int
fb_cell_kind_numeric(enum fb_cell_kind kind)
{
	return kind == FB_CK_COUNT || kind == FB_CK_RATE || kind == FB_CK_PP ||
	       kind == FB_CK_MONEY || kind == FB_CK_HUNDREDTHS;
}

const char *
fb_cell_format(const struct fb_cell *c, char buf[FB_DOC_CELL_BUF])
{
	unsigned long p;

	switch (c->kind) {
	case FB_CK_TEXT:
	case FB_CK_INPUT:
	case FB_CK_CODE:
	case FB_CK_CODES:
		return c->s ? c->s : "";
	case FB_CK_FLAG:
		return c->n ? "true" : "false";
	case FB_CK_COUNT:
		snprintf(buf, FB_DOC_CELL_BUF, "%ld", c->n);
		return buf;
	case FB_CK_RATE:
	case FB_CK_PP:
		return fb_pct_format(c->n, buf);
	case FB_CK_MONEY:
	case FB_CK_HUNDREDTHS:
		p = c->n < 0 ? 0UL - (unsigned long)c->n : (unsigned long)c->n;
		snprintf(buf, FB_DOC_CELL_BUF, "%s%lu.%02lu", c->n < 0 ? "-" : "", p / 100, p % 100);
		return buf;
	case FB_CK_DATE:
		fb_date_format((int)c->n, buf);
		return buf;
	case FB_CK_EMPTY:
	default:
		buf[0] = '\0';
		return buf;
	}
}
