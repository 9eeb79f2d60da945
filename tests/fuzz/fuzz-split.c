/*
 * fuzz-split: ingest's fast path (src/ingest-split.h) against
 * libcsv, which defines what a CSV file's values are.  On any bytes:
 *
 *  - each line (to a LF), cut by fb_split_line() with each separator, is
 *    either declined or cut into exactly the values libcsv reads from it
 *    in strict mode;
 *  - a whole ingest with the fast path on gives the same rows (line,
 *    reject, every cell and its length), findings (rule, line, column,
 *    value, message, Excel's row and column), status and byte count as with
 *    it off, each read through a source that returns blocks of 1, 3, 7,
 *    64, 4096 and 65536 bytes, so lines split across reads are tried at
 *    every offset; and a stream read to its end gives the same at every
 *    block size as read a byte at a time.
 *
 * Any difference aborts.
 */
#include "fuzz.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ingest-split.h"
#include "util.h"

/* libcsv's values of one line, and how the line ended. */
struct csv_line {
	char *buf;           /* the values, one after another */
	size_t len, cap;
	size_t *off, *vlen;
	size_t n, ncap, vcap;
	int records, bad;
};

static void
csv_value(void *s, size_t len, void *vctx)
{
	struct csv_line *l = vctx;

	fb_grow((void **)&l->off, &l->ncap, l->n + 1, sizeof(*l->off));
	fb_grow((void **)&l->vlen, &l->vcap, l->n + 1, sizeof(*l->vlen));
	fb_grow((void **)&l->buf, &l->cap, l->len + len + 1, 1);
	fb_memcpy(l->buf + l->len, s, len);
	l->off[l->n] = l->len;
	l->vlen[l->n++] = len;
	l->len += len;
}

static void
csv_end(int c, void *vctx)
{
	struct csv_line *l = vctx;

	(void)c;
	l->records++;
}

static void
csv_bad(void *vctx, int quoted)
{
	struct csv_line *l = vctx;

	(void)quoted;
	l->bad++;
}

/*
 * The line at s (len bytes, no LF), cut by the splitter and by libcsv with
 * delim.  p is made once for every line: a parser's first value takes a
 * block of FB_CSV_BLOCK bytes, slow to take afresh for each line.
 */
static void
check_line(const uint8_t *s, size_t len, int delim, struct csv_line *l, struct csv_parser *p)
{
	struct fb_split sp;
	size_t nsep = 0, tries[3];
	char *buf = fb_xmalloc(len + FB_SPLIT_SLACK);
	size_t *off;

	for (size_t i = 0; i < len; i++)
		nsep += s[i] == delim;
	off = fb_xcalloc(nsep + 2 + FB_SPLIT_SLACK, sizeof(*off));

	/* libcsv, as ingest makes it, on the line and its LF. */
	l->len = l->n = 0;
	l->records = l->bad = 0;
	csv_set_delim(p, (unsigned char)delim);
	FZ_CHECK(fb_csv_parse_strict(p, s, len, csv_value, csv_end, csv_bad, l) == 0 &&
		 fb_csv_parse_strict(p, "\n", 1, csv_value, csv_end, csv_bad, l) == 0,
		 "libcsv failed");
	/* Nothing is left after the LF; this makes the parser as new for the next line. */
	FZ_CHECK(csv_fini(p, csv_value, csv_end, l) == 0, "csv_fini");

	/*
	 * The splitter asked for as many values as the separators make, as
	 * libcsv read, and one more: whenever it cuts the line, it must be
	 * into exactly libcsv's values.
	 */
	tries[0] = nsep + 1;
	tries[1] = l->n ? l->n : nsep + 1;
	tries[2] = l->n + 1 <= nsep + 2 ? l->n + 1 : nsep + 2;
	for (int t = 0; t < 3; t++) {
		size_t got;

		fb_split_init(&sp, delim, tries[t]);
		got = fb_split_line(&sp, (const char *)s, len, buf, off);
		if (got == 0)
			continue;
		FZ_CHECK(got == tries[t], "cut into %zu values, not %zu", got, tries[t]);
		FZ_CHECK(l->records == 1 && l->bad == 0, "libcsv read %d records, %d bad "
			 "bytes, from a line the splitter cut", l->records, l->bad);
		FZ_CHECK(l->n == got, "libcsv read %zu values, the splitter %zu", l->n, got);
		FZ_CHECK(off[got] <= len + 1, "the values take %zu bytes of %zu", off[got],
			 len + 1);
		for (size_t i = 0; i < got; i++) {
			size_t end = off[i + 1] - 1;

			FZ_CHECK(buf[end] == '\0', "value %zu is not NUL-ended", i);
			FZ_CHECK(end - off[i] == l->vlen[i] &&
				 memcmp(buf + off[i], l->buf + l->off[i], l->vlen[i]) == 0,
				 "value %zu: the splitter's '%.*s', libcsv's '%.*s'", i,
				 (int)(end - off[i]), buf + off[i], (int)l->vlen[i],
				 l->buf + l->off[i]);
		}
	}
	free(buf);
	free(off);
}

/* A source returning at most block bytes a read. */
struct blocks {
	const uint8_t *data;
	size_t size, at, block;
};

static long
blocks_read(void *ctx, void *buf, size_t size)
{
	struct blocks *b = ctx;
	size_t n = b->size - b->at;

	if (n > b->block)
		n = b->block;
	if (n > size)
		n = size;
	fb_memcpy(buf, b->data + b->at, n);
	b->at += n;
	return (long)n;
}

/* What one ingest did, as bytes to compare. */
struct trace {
	char *s;
	size_t n, cap;
	int rc;              /* what fb_ingest_with() returned */
};

static void
put(struct trace *t, const void *p, size_t len)
{
	fb_grow((void **)&t->s, &t->cap, t->n + len, 1);
	fb_memcpy(t->s + t->n, p, len);
	t->n += len;
}

static void
put_str(struct trace *t, const char *s)
{
	size_t len = s ? strlen(s) + 1 : 0;

	put(t, &len, sizeof(len));
	put(t, s, len);
}

static void
on_row(void *ctx, const struct fb_row *row)
{
	struct trace *t = ctx;

	put(t, "R", 1);
	put(t, &row->file, sizeof(row->file));
	put(t, &row->line, sizeof(row->line));
	put(t, &row->reject, sizeof(row->reject));
	for (int f = 0; f < FB_MAX_COLUMNS; f++) {
		size_t len = row->cell[f] ? row->len[f] : (size_t)-1;

		put(t, &len, sizeof(len));
		if (row->cell[f]) {
			FZ_CHECK(row->cell[f][row->len[f]] == '\0', "cell %d not NUL-ended", f);
			put(t, row->cell[f], row->len[f]);
		}
	}
}

static void
on_tap(void *ctx, const unsigned char *bytes, size_t len)
{
	put(ctx, bytes, len);
}

static const struct fb_schema *
choose(void *ctx, const char *const *names, const size_t *lens, size_t n)
{
	(void)ctx;
	for (size_t c = 0; c < n; c++)
		if (lens[c] == 11 && memcmp(names[c], "status_from", 11) == 0)
			return fb_episode_schema();
	return fb_bed_schema();
}

/* Abort when a and b, read block bytes at a time, are not the same trace. */
static void
differ(const struct trace *a, const struct trace *b, size_t block, const char *what)
{
	size_t at = 0;

	if (a->n == b->n && memcmp(a->s, b->s, a->n) == 0)
		return;
	while (at < a->n && at < b->n && a->s[at] == b->s[at])
		at++;
	fz_fail(__FILE__, __LINE__, "same trace", "reading %zu bytes at a time, %s at byte %zu "
		"of their trace (%zu and %zu bytes)", block, what, at, a->n, b->n);
}

static void
ingest(struct trace *t, int fast, const uint8_t *data, size_t size, size_t block,
       const struct fb_schema_chooser *chooser)
{
	struct fb_ingest_options o;
	struct blocks b = { data, size, 0, block };
	struct fb_source src = { blocks_read, &b };
	struct fb_ingest_tap tap;
	struct fb_findings f;
	struct trace tapped = { 0 };
	long long bytes = -1;
	int rc;

	fb_ingest_options_init(&o);
	fb_ingest_set_fast(&o, fast);
	fb_findings_init(&f, 0);
	tap = (struct fb_ingest_tap){ on_tap, &tapped };
	errno = 0;
	rc = fb_ingest_with(&o, &src, fb_bed_schema(), chooser, 3, &f, on_row, t, &bytes, &tap);
	t->rc = rc;
	put(t, "S", 1);
	put(t, &rc, sizeof(rc));
	if (rc != 0)
		put(t, &errno, sizeof(errno));
	put(t, &bytes, sizeof(bytes));
	put(t, &tapped.n, sizeof(tapped.n));
	FZ_CHECK(tapped.n <= size && memcmp(tapped.s ? tapped.s : "", data, tapped.n) == 0,
		 "the tap saw other bytes than were read");
	for (size_t i = 0; i < f.n; i++) {
		const struct fb_finding *x = &f.items[i];

		put(t, "F", 1);
		put(t, &x->rule, sizeof(x->rule));
		put(t, &x->file, sizeof(x->file));
		put(t, &x->line, sizeof(x->line));
		put(t, &x->row, sizeof(x->row));
		put(t, &x->col, sizeof(x->col));
		put_str(t, x->column);
		put_str(t, x->value);
		put_str(t, x->message);
	}
	put(t, &f.n, sizeof(f.n));
	free(tapped.s);
	fb_findings_release(&f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t block[] = { 1, 3, 7, 64, 4096, 65536 };
	static const int delim[] = { ',', ';', '\t' };
	struct csv_line l = { 0 };
	struct csv_parser parser;
	unsigned long long h = fb_hash(FB_HASH_INIT, data, size);
	struct fb_schema_chooser chooser = { choose, NULL, fb_bed_schema(), 0, 0 };
	const struct fb_schema_chooser *how;
	const uint8_t *p = data, *end = data + size;
	struct trace want = { 0 };

	fz_init();

	/* Each line, with each separator, read as ingest makes its parser. */
	FZ_CHECK(fb_csv_init(&parser, CSV_STRICT | CSV_REPALL_NL) == 0, "csv_init");
	while (p < end) {
		const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		for (size_t d = 0; d < sizeof(delim) / sizeof(delim[0]); d++)
			check_line(p, len, delim[d], &l, &parser);
		p += len + 1;
	}
	csv_free(&parser);
	free(l.buf);
	free(l.off);
	free(l.vlen);

	/*
	 * The whole stream: a fixed schema with commas, or the schema and the
	 * separator found from the header, or a semicolon or tab chosen.
	 */
	switch (h % 4) {
	case 0:
		how = NULL;
		break;
	case 1:
		how = &chooser;
		break;
	default:
		chooser.delim = h % 4 == 2 ? ';' : '\t';
		how = &chooser;
		break;
	}
	/*
	 * Fast and slow alike at each block size; and a stream read to its
	 * end reads the same at every block size (a refused one stops at a
	 * chunk, so how much was passed on first depends on the chunks).
	 */
	for (size_t i = 0; i < sizeof(block) / sizeof(block[0]); i++) {
		struct trace slow = { 0 }, fast = { 0 };

		ingest(&slow, 0, data, size, block[i], how);
		ingest(&fast, 1, data, size, block[i], how);
		differ(&fast, &slow, block[i], "the fast path's rows and findings differ from "
		       "libcsv's alone");
		if (i == 0)
			want = slow;
		else {
			if (want.rc == 0 && slow.rc == 0)
				differ(&slow, &want, block[i], "the rows and findings differ from "
				       "those read a byte at a time");
			free(slow.s);
		}
		free(fast.s);
	}
	free(want.s);
	return 0;
}
