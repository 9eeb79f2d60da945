/*
 * fuzz-common.c: the invariants every fuzz target checks (fuzz.h).
 */
#include "fuzz.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fosterbeds/host.h"
#include "fosterbeds/writer.h"

void
fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: invariant failed: %s: ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void
fz_init(void)
{
	fb_host_install();
}

int
fz_one_in(const uint8_t *data, size_t size, unsigned n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h % n == 0;
}

/* Personal values */

void
fz_secrets_init(struct fz_secrets *s)
{
	memset(s, 0, sizeof(*s));
}

void
fz_secrets_release(struct fz_secrets *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	for (size_t i = 0; i < s->nother; i++)
		free(s->other[i]);
	free(s->v);
	free(s->other);
}

static void
push(char ***v, size_t *n, size_t *cap, const char *s, size_t len)
{
	char *copy;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = realloc(*v, *cap * sizeof(**v));
		FZ_CHECK(*v != NULL, "out of memory");
	}
	copy = malloc(len + 1);
	FZ_CHECK(copy != NULL, "out of memory");
	memcpy(copy, s, len);
	copy[len] = '\0';
	(*v)[(*n)++] = copy;
}

void
fz_secret_add(struct fz_secrets *s, const char *v, size_t len)
{
	/* A cell with a NUL in it is compared up to the NUL, as the outputs would hold it. */
	len = strnlen(v, len);
	push(&s->v, &s->n, &s->cap, v, len);
}

void
fz_other_add(struct fz_secrets *s, const char *v, size_t len)
{
	len = strnlen(v, len);
	push(&s->other, &s->nother, &s->othercap, v, len);
}

void
fz_other_bytes(struct fz_secrets *s, const uint8_t *data, size_t size)
{
	/* Compared as strings: one piece between each NUL byte and the next. */
	for (size_t at = 0; at < size;) {
		size_t n = strnlen((const char *)data + at, size - at);

		if (n)
			fz_other_add(s, (const char *)data + at, n);
		at += n + 1;
	}
}

static void
secret_row(void *ctx, const struct fb_row *row)
{
	struct fz_secrets *s = ctx;

	for (int c = 0; c < FB_MAX_COLUMNS; c++) {
		if (!row->cell[c])
			continue;
		if (c == FB_F_CHILD_REF) {
			fz_secret_add(s, row->cell[c], row->len[c]);
		} else {
			/*
			 * Its escaped form too, as findings show it: '20\x1C8'
			 * holds "C8" though the value does not.
			 */
			char *vis = malloc(FB_VISIBLE_ALL_SIZE(row->len[c]));

			fz_other_add(s, row->cell[c], row->len[c]);
			if (vis) {
				fb_visible_all(vis, row->cell[c], row->len[c]);
				fz_other_add(s, vis, strlen(vis));
				free(vis);
			}
		}
	}
}

/*
 * The header's names, split at commas (their quotes dropped): a finding names a
 * column, so a child_ref value equal to a header name (the fuzzer copies
 * one into the other) is in the output as that name, not as the child's.
 */
static void
header_names(struct fz_secrets *s, const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t end = nl ? (size_t)(nl - data) : size, from = 0;

	for (size_t at = 0; at <= end; at++) {
		if (at < end && data[at] != ',' && data[at] != '\r')
			continue;
		size_t stop = at;

		if (from < stop && data[from] == '"')
			from++;
		if (stop > from && data[stop - 1] == '"')
			stop--;
		if (stop > from)
			fz_other_add(s, (const char *)data + from, stop - from);
		from = at + 1;
	}
}

void
fz_secrets_from_csv(struct fz_secrets *s, const uint8_t *data, size_t size)
{
	const struct fb_schema *schemas[] = { fb_bed_schema(), fb_episode_schema() };

	header_names(s, data, size);

	for (size_t i = 0; i < sizeof(schemas) / sizeof(schemas[0]); i++) {
		struct fb_findings f;
		struct fb_memory_source m;
		struct fb_source src;
		long long bytes;

		fb_findings_init(&f, 1);
		fb_source_memory(&src, &m, data, size);
		fb_ingest(&src, schemas[i], 0, &f, secret_row, s, &bytes, NULL);
		fb_findings_release(&f);
	}
}

/*
 * Names and words the outputs hold whatever the input: a secret equal to
 * one of these, or inside one, proves nothing.
 */
static const char *const fixed_words[] = {
	"sha256", "utf8", "UTF-8", "UTF-16", "utf16", "1252", "x86_64", "xl/", "FB0",
};

static int
has_letter_and_digit(const char *s)
{
	int alpha = 0, digit = 0;

	for (; *s; s++) {
		alpha |= isalpha((unsigned char)*s) != 0;
		digit |= isdigit((unsigned char)*s) != 0;
	}
	return alpha && digit;
}

static int
innocent(const struct fz_secrets *s, const char *v)
{
	if (strlen(v) < 6 || !has_letter_and_digit(v))
		return 1;
	for (size_t i = 0; i < sizeof(fixed_words) / sizeof(fixed_words[0]); i++)
		if (strstr(fixed_words[i], v) || strstr(v, fixed_words[i]))
			return 1;
	for (size_t i = 0; i < s->nother; i++)
		if (strstr(s->other[i], v))
			return 1;
	return 0;
}

void
fz_secrets_keep(struct fz_secrets *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++) {
		if (innocent(s, s->v[i]))
			free(s->v[i]);
		else
			s->v[n++] = s->v[i];
	}
	s->n = n;
}

void
fz_secrets_of_csv(struct fz_secrets *s, const uint8_t *data, size_t size, const char *name)
{
	fz_secrets_init(s);
	fz_secrets_from_csv(s, data, size);
	fz_other_add(s, name, strlen(name));
	fz_secrets_keep(s);
}

void
fz_no_secret(const struct fz_secrets *s, const char *text, size_t len, const char *what)
{
	if (!s || !text)
		return;
	for (size_t i = 0; i < s->n; i++) {
		size_t vl = strlen(s->v[i]);

		for (size_t at = 0; at + vl <= len; at++) {
			const char *p = memchr(text + at, s->v[i][0], len - at - vl + 1);

			if (!p)
				break;
			at = (size_t)(p - text);
			FZ_CHECK(memcmp(p, s->v[i], vl) != 0,
				 "the child_ref value '%s' is in %s at byte %zu", s->v[i], what, at);
		}
	}
}

/* Accounting */

void
fz_check_run(const struct fb_run *run)
{
	long read = 0, used = 0, rejected = 0, tread, tused, trejected;

	for (size_t i = 0; i < run->ninputs; i++) {
		const struct fb_input *in = &run->inputs[i];
		long by = 0;

		FZ_CHECK(in->rows_read == in->rows_used + in->rows_rejected + in->rows_dropped +
			 in->rows_outside_filter,
			 "input %zu (%s): %ld read, %ld used, %ld rejected, %ld dropped, "
			 "%ld outside", i, in->role, in->rows_read, in->rows_used,
			 in->rows_rejected, in->rows_dropped, in->rows_outside_filter);
		FZ_CHECK(in->rows_used >= 0 && in->rows_rejected >= 0, "input %zu: negative", i);
		for (int r = 0; r < FB_R_COUNT; r++)
			by += in->rejected_by[r];
		/* Returns and Ofsted's files are not counted by rule yet (issue 15, defect 12). */
		if (strcmp(in->role, "records") == 0 || strcmp(in->role, "episodes") == 0)
			FZ_CHECK(by == in->rows_rejected, "input %zu: rejected_by sums to %ld, "
				 "%ld rejected", i, by, in->rows_rejected);
		read += in->rows_read;
		used += in->rows_used;
		rejected += in->rows_rejected;
	}
	fb_run_totals(run, &tread, &tused, &trejected);
	FZ_CHECK(tread == read && tused == used && trejected == rejected,
		 "totals %ld/%ld/%ld, inputs %ld/%ld/%ld", tread, tused, trejected, read, used,
		 rejected);
}

/* Writing */

static long
member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (long)json_integer_value(v) : 0;
}

/* Every object in v that has rows_read: its rows add up. */
static void
json_accounts(json_t *v)
{
	const char *key;
	json_t *m;
	size_t i;

	if (json_is_object(v)) {
		if (json_is_integer(json_object_get(v, "rows_read"))) {
			long read = member(v, "rows_read");
			long sum = member(v, "rows_used") + member(v, "rows_rejected") +
				member(v, "rows_outside_filter") + member(v, "rows_dropped_by_profile");
			json_t *role = json_object_get(v, "role"), *by = json_object_get(v, "rejected_by");
			json_t *inputs = json_object_get(v, "inputs");

			/*
			 * The run's totals have no rows_dropped_by_profile of their own
			 * (issue 15): the inputs' are added, so they must at least add
			 * up with them.
			 */
			if (json_is_array(inputs) && !json_object_get(v, "rows_dropped_by_profile"))
				json_array_foreach(inputs, i, m)
					sum += member(m, "rows_dropped_by_profile");

			FZ_CHECK(read == sum, "JSON: rows_read %ld, the others sum to %ld", read, sum);
			if (json_is_object(by) && json_is_string(role) &&
			    (strcmp(json_string_value(role), "records") == 0 ||
			     strcmp(json_string_value(role), "episodes") == 0)) {
				long n = 0;

				json_object_foreach(by, key, m)
					n += json_is_integer(m) ? (long)json_integer_value(m) : 0;
				FZ_CHECK(n == member(v, "rows_rejected"),
					 "JSON: rejected_by sums to %ld, rows_rejected %ld", n,
					 member(v, "rows_rejected"));
			}
		}
		json_object_foreach(v, key, m)
			json_accounts(m);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			json_accounts(m);
	}
}

static void
check_json(const char *text, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(text, len, 0, &err);

	FZ_CHECK(root != NULL, "JSON does not parse: line %d column %d: %s", err.line,
		 err.column, err.text);
	json_accounts(root);
	json_decref(root);
}

/*
 * Every string of d, which every format (the workbook too) is written from,
 * and every finding of its run, which the writers add.
 */
static void
check_doc(const struct fb_doc *d, const struct fz_secrets *s)
{
	for (size_t i = 0; d->run && i < d->run->findings.n; i++) {
		const struct fb_finding *f = &d->run->findings.items[i];

		if (f->column)
			fz_no_secret(s, f->column, strlen(f->column), "a finding's column");
		if (f->value)
			fz_no_secret(s, f->value, strlen(f->value), "a finding's value");
		fz_no_secret(s, f->message, strlen(f->message), "a finding's message");
	}
	if (d->title)
		fz_no_secret(s, d->title, strlen(d->title), "the title");
	if (d->subject)
		fz_no_secret(s, d->subject, strlen(d->subject), "the subject");
	for (size_t i = 0; i < d->nnotes; i++)
		fz_no_secret(s, d->notes[i].text, strlen(d->notes[i].text), "a note");
	for (size_t t = 0; t < d->ntables; t++) {
		const struct fb_table *tb = &d->tables[t];

		for (size_t i = 0; i < tb->nrows * tb->ncols; i++)
			if (tb->cells[i].s)
				fz_no_secret(s, tb->cells[i].s, strlen(tb->cells[i].s), tb->name);
	}
}

void
fz_write_all(const struct fb_doc *d, const struct fz_secrets *s, int xlsx)
{
	static const char *const formats[] = { "text", "csv", "json", "html", "xlsx" };

	check_doc(d, s);
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		const struct fb_writer *w = fb_writer_find(formats[i]);
		struct fb_error e = { 0 };
		char *text = NULL;
		size_t len = 0;
		FILE *out;
		int rc;

		if (strcmp(formats[i], "xlsx") == 0 && !xlsx)
			continue;
		FZ_CHECK(w != NULL, "no writer %s", formats[i]);
		out = open_memstream(&text, &len);
		FZ_CHECK(out != NULL, "open_memstream");
		rc = w->write(out, d, &e);
		FZ_CHECK(fclose(out) == 0, "fclose");
		FZ_CHECK(rc == 0, "the %s writer failed: %s", formats[i], e.message);
		if (strcmp(formats[i], "json") == 0)
			check_json(text, len);
		/*
		 * A page's stylesheet and charts hold colours ("#CC79A7") any
		 * value may equal; its text is the document's, checked above.
		 */
		if (strcmp(formats[i], "xlsx") == 0)
			FZ_CHECK(len > 4 && memcmp(text, "PK", 2) == 0, "not a workbook");
		else if (strcmp(formats[i], "html") != 0)
			fz_no_secret(s, text, len, formats[i]);
		free(text);
	}
}

void
fz_validate(struct fb_run *run, const struct fz_secrets *s, int xlsx)
{
	struct fb_doc doc;

	fb_findings_sort(&run->findings);
	fb_doc_findings(&doc, run);
	fz_write_all(&doc, s, xlsx);
	fb_doc_release(&doc);
}
