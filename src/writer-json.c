/*
 * writer-json.c: JSON for other programs, with the run's metadata.
 *
 * Every document opens with the same block: tool and spec version, each
 * input's size, SHA-256 (as in a --manifest, spec/manifest.md) and rows
 * read, used and rejected (by rule), and the findings counted by rule, so a
 * result can always be traced to what produced it.  Rates are numbers with
 * one decimal.  An empty value (an unknown LA's name, a rate with nothing to
 * divide by) is null in every document.
 */
#include "fosterbeds/writer.h"

#include <stdlib.h>
#include <string.h>

#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/standard.h"
#include "util.h"

/*
 * The first n bytes of s as a JSON string.  JSON is UTF-8 (RFC 8259), and a
 * file name need not be: each byte that does not begin a valid sequence is
 * U+FFFD, the replacement character, so the output always parses.
 */
static void
strn(FILE *out, const char *s, size_t n)
{
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t len = fb_utf8_seq((const unsigned char *)s + i, n - i);

		if (len == 0) {
			fputs("\\ufffd", out);
			continue;
		}
		if (len > 1) {
			fwrite(s + i, 1, len, out);
			i += len - 1;
			continue;
		}
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (c < 0x20)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

static void
str(FILE *out, const char *s)
{
	strn(out, s, strlen(s));
}

static void
by_rule(FILE *out, const long *counts, const size_t *scounts)
{
	int first = 1;

	fputc('{', out);
	for (int r = 0; r < FB_R_COUNT; r++) {
		long n = counts ? counts[r] : (long)scounts[r];

		if (!n)
			continue;
		fprintf(out, "%s\"%s\": %ld", first ? "" : ", ", fb_rules[r].code, n);
		first = 0;
	}
	fputc('}', out);
}

/* null, or {"region": NAME or null, "la_codes": ["851", ...] or null}: what the run kept. */
static void
filter(FILE *out, const struct fb_filter *f)
{
	int k = 0;

	if (!f->active) {
		fputs("null", out);
		return;
	}
	fputs("{\"region\": ", out);
	if (f->region)
		str(out, f->region);
	else
		fputs("null", out);
	fputs(", \"la_codes\": ", out);
	if (f->region) {
		fputs("null}", out);
		return;
	}
	fputc('[', out);
	for (int c = 0; c < 1000; c++)
		if (f->keep[c])
			fprintf(out, "%s\"%03d\"", k++ ? ", " : "", c);
	fputs("]}", out);
}

static void
metadata(FILE *out, const struct fb_run *run)
{
	long read, used, rejected;

	fb_run_totals(run, &read, &used, &rejected);
	fprintf(out, "  \"tool\": \"fosterbeds\",\n  \"tool_version\": \"%s\",\n"
		"  \"spec_version\": \"%s\",\n", FB_TOOL_VERSION, FB_SPEC_VERSION);
	/* The same block --manifest writes, so a JSON result can be traced on its own. */
	if (run->argc > 0 && run->write_manifest) {
		fputs("  \"manifest\": ", out);
		run->write_manifest(out, run);
		fputs(",\n", out);
	}
	fputs("  \"filter\": ", out);
	filter(out, &run->filter);
	fputs(",\n  \"inputs\": [", out);
	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];

		fputs(i ? ",\n    {" : "\n    {", out);
		fputs("\"name\": ", out);
		str(out, in->name);
		fprintf(out, ", \"role\": \"%s\", \"bytes\": %lld, \"sha256\": ", in->role,
			in->size);
		if (in->sha256[0])
			str(out, in->sha256);
		else
			fputs("null", out);
		fprintf(out, ", \"rows_read\": %ld, \"rows_used\": %ld, \"rows_rejected\": %ld, "
			"\"rows_outside_filter\": %ld, \"rejected_by\": ", in->rows_read,
			in->rows_used, in->rows_rejected, in->rows_outside_filter);
		by_rule(out, in->rejected_by, NULL);
		/* Only through a profile, so a run without one writes what it always did. */
		if (run->profile)
			fprintf(out, ", \"rows_dropped_by_profile\": %ld", in->rows_dropped);
		fputs(", \"error\": ", out);
		if (in->error)
			str(out, fb_strerror(in->error));
		else
			fputs("null", out);
		fputc('}', out);
	}
	fputs(run->ninputs ? "\n  ],\n" : "],\n", out);
	fprintf(out, "  \"rows_read\": %ld,\n  \"rows_used\": %ld,\n  \"rows_rejected\": %ld,\n"
		"  \"rows_outside_filter\": %ld,\n", read, used, rejected,
		fb_run_outside_filter(run));
	fprintf(out, "  \"errors\": %zu,\n  \"warnings\": %zu,\n  \"findings_by_code\": ",
		run->findings.errors, run->findings.warnings);
	by_rule(out, NULL, run->findings.count);
	fputs(",\n", out);
}

/* Any document */

/*
 * A cell: numbers and flags bare, empty cells and empty text null, a list
 * of codes an array of strings, the rest strings.
 */
static void
doc_cell(FILE *out, const struct fb_cell *c)
{
	char buf[FB_DOC_CELL_BUF];
	const char *v = fb_cell_format(c, buf);

	if (c->kind == FB_CK_CODES) {
		fputc('[', out);
		for (int k = 0; *v; k++) {
			size_t n = strcspn(v, " ");

			if (k)
				fputs(", ", out);
			strn(out, v, n);
			v += n + (v[n] == ' ');
		}
		fputc(']', out);
	} else if (!*v) {
		fputs("null", out);
	} else if (fb_cell_kind_numeric(c->kind) || c->kind == FB_CK_FLAG) {
		fputs(v, out);
	} else {
		str(out, v);
	}
}

/* 1 when cells a and b hold the same value. */
static int
same_cell(const struct fb_cell *a, const struct fb_cell *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->s || b->s)
		return a->s && b->s && strcmp(a->s, b->s) == 0;
	return a->n == b->n;
}

/* 1 when row k of nested table t belongs to row r of the first table. */
static int
belongs(const struct fb_table *first, size_t r, const struct fb_table *t, size_t k)
{
	for (size_t i = 0; i < t->nest; i++)
		if (!same_cell(fb_table_cell(t, k, i), fb_table_cell(first, r, i)))
			return 0;
	return 1;
}

/*
 * Row r's members from column from on: none for the page only, and an
 * FB_COL_OMIT_EMPTY column only where it is not empty.
 */
static void
members_of(FILE *out, const struct fb_table *t, size_t r, size_t from)
{
	for (size_t i = from, n = 0; i < t->ncols; i++) {
		const struct fb_cell *c = fb_table_cell(t, r, i);

		if ((t->cols[i].flags & FB_COL_PAGE_ONLY) ||
		    ((t->cols[i].flags & FB_COL_OMIT_EMPTY) && c->kind == FB_CK_EMPTY))
			continue;
		fprintf(out, "%s\"%s\": ", n++ ? ", " : "", t->cols[i].name);
		doc_cell(out, c);
	}
}

/*
 * The first table's rows, each with the rows of the nested tables that
 * belong to it (their rows follow the first table's order: next[] is where
 * each nested table's walk has got to).
 */
static void
doc_rows(FILE *out, const struct fb_doc *d, const struct fb_table *t)
{
	size_t *next = fb_xcalloc(d->ntables + 1, sizeof(*next));

	for (size_t r = 0; r < t->nrows; r++) {
		fputs(r ? ",\n    {" : "\n    {", out);
		members_of(out, t, r, 0);
		for (size_t k = 1; t == &d->tables[0] && k < d->ntables; k++) {
			const struct fb_table *nt = &d->tables[k];
			int first = 1;

			if (!nt->nest || !fb_table_shown(nt, FB_HIDE_JSON))
				continue;
			fprintf(out, ", \"%s\": [", nt->member ? nt->member : nt->name);
			for (; next[k] < nt->nrows && belongs(t, r, nt, next[k]); next[k]++) {
				fputs(first ? "" : ", ", out);
				first = 0;
				/* One column besides those that place it: its values, not objects. */
				if (nt->ncols == nt->nest + 1) {
					doc_cell(out, fb_table_cell(nt, next[k], nt->nest));
					continue;
				}
				fputc('{', out);
				members_of(out, nt, next[k], nt->nest);
				fputc('}', out);
			}
			fputc(']', out);
		}
		fputc('}', out);
	}
	fputs(t->nrows ? "\n  ]" : "]", out);
	free(next);
}

/*
 * The run's metadata, the document's keyed notes as members (a count bare,
 * a note with no value null), then its tables JSON is not to leave out:
 * each by its key, else the first as "rows" and any other by its name, but
 * for the tables whose rows are nested in the first's.
 */
static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	size_t written = 0;

	fputs("{\n", out);
	if (d->run)
		metadata(out, d->run);
	for (size_t i = 0; i < d->nnotes; i++) {
		if (!d->notes[i].key || d->notes[i].place == FB_NOTE_DEFINE)
			continue;
		fputs("  ", out);
		str(out, d->notes[i].key);
		fputs(": ", out);
		if (d->notes[i].place == FB_NOTE_NUMBER ||
		    d->notes[i].place == FB_NOTE_JSON_NUMBER)
			fputs(*d->notes[i].text ? d->notes[i].text : "null", out);
		else
			str(out, d->notes[i].text);
		fputs(",\n", out);
	}
	for (size_t t = 0; t < d->ntables; t++) {
		const struct fb_table *tb = &d->tables[t];

		if ((t && tb->nest) || !fb_table_shown(tb, FB_HIDE_JSON))
			continue;
		fputs(written++ ? ",\n  " : "  ", out);
		str(out, tb->key ? tb->key : t ? tb->name : "rows");
		fputs(": [", out);
		doc_rows(out, d, &d->tables[t]);
	}
	fputs(written ? "\n}\n" : "  \"rows\": []\n}\n", out);
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_json = {
	.name = "json", .digests = 1, .write = write_doc,
};
