/*
 * ingest.c: CSV records from a stream, through libcsv.
 *
 * libcsv calls back once per field (cb_field) and once per record end
 * (cb_end).  It does not count lines, so we do, with the CSV readers' one
 * line counter (struct fb_csv_lines, util.h).  A plain line after the
 * header skips libcsv (parse_chunk(), ingest-split.h): it is cut into
 * g->buf in one pass and passed on as the callbacks would have.
 */
#include "fosterbeds/ingest.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/hooks.h"
#include "fosterbeds/limits.h"
#include "ingest-split.h"
#include "util.h"

/*
 * libcsv's private parser states (libcsv.c, unchanged since 3.0).  "Inside
 * a field", with the public `quoted` member, tells an unclosed quoted value
 * at end of input from one that closed; "no row begun" tells the fast path
 * that libcsv holds no part of a record.  tests/test-ingest.c checks both
 * (an unclosed quote; lines inside a quoted value), so a libcsv that
 * changes them fails the build's tests.
 */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2

#define CHUNK 65536

struct ingest {
	struct csv_parser parser;
	const struct fb_schema *schema;
	const struct fb_schema_chooser *chooser;  /* NULL: schema is fixed */
	int file;
	int delim;          /* the separator the file is read with */
	struct fb_findings *out;
	fb_row_fn fn;
	void *ctx;

	struct fb_csv_lines at;  /* the line being read, and the record's first */
	int unclosed;       /* the current record holds an unclosed quote */
	int malformed;      /* the current record has malformed quoting ... */
	size_t malformed_col;  /* ... first in this field of the file */
	int malformed_quoted;  /* ... after a closing quote (1) or in an unquoted value */

	/* The current record's fields, NUL-separated in buf. */
	char *buf;
	size_t buflen, bufcap;
	size_t *off;
	size_t nfields, offcap;

	/* The header. */
	int have_header;
	int no_header;      /* the first row named no standard column */
	size_t ncols;
	char **colname;     /* header names as shown, ncols of them */
	int *col_field;     /* schema column of each file column, or FB_NONE */
	size_t colcap;
	int field_col[FB_MAX_COLUMNS];
	int header_reject;  /* FB_NONE or the rule that spoils every row */

	long rows;
	long empty_rows, empty_first_line;

	/* An fb_refusal (limits.h) once a record passes a limit; then nothing more is kept. */
	int refused;

	struct fb_row row;  /* record()'s, all zero at first */

	/* The fast path (parse_chunk()). */
	int fast;            /* 0: every byte through libcsv (fb_ingest_set_fast()) */
	int line_open;       /* the last chunk ended inside a line, given to libcsv */
	int split_ready;     /* split is built for the header */
	struct fb_split split;
};

static void
cb_field(void *data, size_t len, void *vctx)
{
	struct ingest *g = vctx;
	long n;

	if (g->refused)
		return;
	if (g->nfields >= FB_MAX_FIELDS || g->buflen + len + 1 > FB_MAX_RECORD) {
		g->refused = g->nfields >= FB_MAX_FIELDS ? FB_E_FIELDS : FB_E_RECORD_SIZE;
		return;
	}
	n = fb_csv_lines_field(&g->at, data, len);
	fb_grow((void **)&g->off, &g->offcap, g->nfields + 1, sizeof(*g->off));
	/* Room after the value: the code lookups read a few words (fb_row.wide). */
	fb_grow((void **)&g->buf, &g->bufcap, g->buflen + len + 1 + FB_CODE_WIDE, 1);
	g->off[g->nfields++] = g->buflen;
	if (len)
		memcpy(g->buf + g->buflen, data, len);
	g->buflen += len;
	g->buf[g->buflen++] = '\0';
	/* Excel shows the record as one row: later rows are n fewer than lines. */
	if (n)
		fb_findings_map_lines(g->out, g->file, g->at.line, n);
}

static void
cb_bad(void *vctx, int quoted)
{
	struct ingest *g = vctx;

	/* The dropped byte was part of a value: the record has begun. */
	fb_csv_lines_field(&g->at, NULL, 0);
	if (g->malformed)
		return;
	g->malformed = 1;
	g->malformed_col = g->nfields;
	g->malformed_quoted = quoted;
}

static const char *
field_at(const struct ingest *g, size_t i, size_t *len)
{
	size_t end = i + 1 < g->nfields ? g->off[i + 1] - 1 : g->buflen - 1;

	*len = end - g->off[i];
	return g->buf + g->off[i];
}

static int
valid_utf8(const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		size_t n;

		if (b[i] < 0x80) {
			i++;
			continue;
		}
		n = fb_utf8_seq(b + i, len - i);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

static int
schema_lookup(const struct fb_schema *schema, const char *name, size_t len)
{
	fb_trim(&name, &len);
	for (int c = 0; c < schema->ncols; c++)
		if (fb_strncaseeq(schema->name[c], name, len))
			return c;
	return FB_NONE;
}

/*
 * Constant tables rather than copies filled on first use, so that reading
 * files from several threads shares no writable state.  The names repeat
 * standard.c's field names; tests/test-ingest.c checks they agree.
 */
#define FB_SCHEMA_FIELDS(date_name)                                                   \
	[FB_F_LA_CODE] = "la_code", [FB_F_SNAPSHOT_DATE] = date_name,                 \
	[FB_F_HOUSEHOLD_ID] = "household_id", [FB_F_BED_ID] = "bed_id",               \
	[FB_F_BED_USE] = "bed_use", [FB_F_STATUS] = "status",                         \
	[FB_F_UNAVAILABLE_REASON] = "unavailable_reason",                             \
	[FB_F_VACANCY_REASON] = "vacancy_reason", [FB_F_CHILD_REF] = "child_ref",     \
	[FB_F_OFSTED_STATUS] = "ofsted_status"
#define FB_SCHEMA_REQUIRED                                                            \
	[FB_F_LA_CODE] = 1, [FB_F_SNAPSHOT_DATE] = 1, [FB_F_HOUSEHOLD_ID] = 1,         \
	[FB_F_BED_ID] = 1, [FB_F_BED_USE] = 1, [FB_F_STATUS] = 1

static const struct fb_schema bed_schema = {
	.ncols = FB_F_COUNT,
	.name = { FB_SCHEMA_FIELDS("snapshot_date") },
	.required = { FB_SCHEMA_REQUIRED },
};

/* The bed schema with status_from in snapshot_date's place, then status_to. */
static const struct fb_schema episode_schema = {
	.ncols = FB_F_COUNT + 1,
	.name = { FB_SCHEMA_FIELDS("status_from"), [FB_EP_STATUS_TO] = "status_to" },
	.required = { FB_SCHEMA_REQUIRED, [FB_EP_STATUS_TO] = 1 },
};

const struct fb_schema *
fb_bed_schema(void)
{
	return &bed_schema;
}

const struct fb_schema *
fb_episode_schema(void)
{
	return &episode_schema;
}

/* The required columns of the schema as a header line, for messages. */
static void
required_header(const struct fb_schema *schema, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int f = 0; f < schema->ncols && used < size; f++) {
		int n;

		if (!schema->required[f])
			continue;
		n = snprintf(buf + used, size - used, "%s%s", used ? "," : "", schema->name[f]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/*
 * How a message names file column c.  Only a real header's cells are ever
 * shown: when the first row named no standard column it was most likely
 * data (and may hold a child_ref), so columns go by number.
 */
static const char *
column_label(const struct ingest *g, size_t c, char *buf, size_t size)
{
	if (g->no_header || c >= g->ncols) {
		snprintf(buf, size, "column %zu", c + 1);
		return buf;
	}
	snprintf(buf, size, "column '%s'", g->colname[c]);
	return buf;
}

static void
malformed_finding(struct ingest *g, long line)
{
	char label[FB_VISIBLE_SIZE + 16];

	column_label(g, g->malformed_col, label, sizeof(label));
	if (g->malformed_quoted)
		fb_findings_add_cell(g->out, FB_R_MALFORMED_QUOTE, g->file, line,
				     (int)g->malformed_col, NULL, NULL,
				"the %svalue in %s has characters after its closing double "
				"quote (like \"H1\"x), so the %s cannot be used; put the whole "
				"value inside the quotes or remove the quotes",
				g->have_header ? "" : "header's ", label,
				g->have_header ? "row" : "file");
	else
		fb_findings_add_cell(g->out, FB_R_MALFORMED_QUOTE, g->file, line,
				     (int)g->malformed_col, NULL, NULL,
				"the %svalue in %s holds a double quote but does not start "
				"with one, so the %s cannot be used; quote the whole value and "
				"double the quote inside it (\"\"), or remove it",
				g->have_header ? "" : "header's ", label,
				g->have_header ? "row" : "file");
}

static void
header(struct ingest *g)
{
	char extra[512] = "";
	size_t nextra = 0, nstandard = 0;
	char vis[FB_VISIBLE_SIZE];
	struct fb_row row;

	g->ncols = g->nfields;
	/* Every cell: a profile's column may be anywhere in a wide export. */
	if (g->chooser) {
		const char **names = fb_xcalloc(g->ncols + 1, sizeof(*names));
		size_t *lens = fb_xcalloc(g->ncols + 1, sizeof(*lens));

		for (size_t c = 0; c < g->ncols; c++) {
			names[c] = field_at(g, c, &lens[c]);
			fb_trim(&names[c], &lens[c]);
		}
		g->schema = g->chooser->choose(g->chooser->ctx, names, lens, g->ncols);
		free(names);
		free(lens);
	}
	fb_grow((void **)&g->colname, &g->colcap, g->ncols, sizeof(*g->colname));
	g->col_field = fb_xcalloc(g->colcap, sizeof(*g->col_field));
	for (int f = 0; f < FB_MAX_COLUMNS; f++)
		g->field_col[f] = FB_NONE;
	for (size_t c = 0; c < g->ncols; c++) {
		size_t len;
		const char *name = field_at(g, c, &len);

		g->col_field[c] = schema_lookup(g->schema, name, len);
		nstandard += g->col_field[c] != FB_NONE;
		g->colname[c] = NULL;
	}

	/*
	 * A first row that names no standard column is not a header: most
	 * often the header was left off the export and this is the first bed.
	 * Nothing of it is shown, and no row of the file is used.
	 */
	if (nstandard == 0) {
		char want[256];

		required_header(g->schema, want, sizeof(want));
		g->no_header = 1;
		g->header_reject = FB_R_NO_HEADER;
		fb_findings_add(g->out, FB_R_NO_HEADER, g->file, 1, NULL, NULL,
				"the file has no header row: its first row names none of the "
				"standard's columns, so it is taken for a data row (its values "
				"are not shown) and no row of the file can be used; add a "
				"first row naming the columns, e.g. %s", want);
		g->have_header = 1;
		/* Counted as a rejected row, so rows read still match the file's lines. */
		memset(&row, 0, sizeof(row));
		row.file = g->file;
		row.line = g->at.start;
		row.reject = FB_R_NO_HEADER;
		g->rows++;
		g->fn(g->ctx, &row);
		return;
	}

	for (size_t c = 0; c < g->ncols; c++) {
		size_t len;
		const char *name = field_at(g, c, &len);
		int f = g->col_field[c];

		g->colname[c] = fb_xstrdup(fb_visible(vis, name, len));
		if (f == FB_NONE) {
			size_t used = strlen(extra);

			if (nextra++ < 8)
				snprintf(extra + used, sizeof(extra) - used, "%s'%s'",
					 used ? ", " : "", len ? vis : "(blank)");
			continue;
		}
		if (g->field_col[f] != FB_NONE) {
			fb_findings_add_cell(g->out, FB_R_DUPLICATE_COLUMN, g->file, 1, (int)c,
					g->schema->name[f], vis, "column '%s' appears more than once (columns %zu and %zu); "
					"keep one copy", g->schema->name[f],
					(size_t)g->field_col[f] + 1, c + 1);
			g->header_reject = FB_R_DUPLICATE_COLUMN;
			g->col_field[c] = FB_NONE;
			continue;
		}
		g->field_col[f] = (int)c;
	}
	fb_findings_map_columns(g->out, g->file, g->schema->name, g->field_col,
				(size_t)g->schema->ncols);
	if (nextra)
		fb_findings_add(g->out, FB_R_EXTRA_COLUMNS, g->file, 1, NULL, NULL,
				"%zu column%s %s %s ignored: %s%s", nextra,
				nextra == 1 ? "" : "s", g->chooser && g->chooser->profile
				? "not mapped by the profile" : "not in the standard",
				nextra == 1 ? "is" : "are", extra,
				nextra > 8 ? ", ..." : "");
	for (int f = 0; f < g->schema->ncols; f++) {
		if (g->schema->required[f] && g->field_col[f] == FB_NONE) {
			fb_findings_add(g->out, FB_R_MISSING_COLUMN, g->file, 1, g->schema->name[f],
					NULL, "required column '%s' is missing from the header, so "
					"no row of this file can be used; add a column headed '%s' "
					"(the columns are listed by 'fosterbeds spec'); each row is "
					"counted as rejected", g->schema->name[f], g->schema->name[f]);
			g->header_reject = FB_R_MISSING_COLUMN;
		}
	}
	if (g->malformed) {
		malformed_finding(g, 1);
		if (g->header_reject == FB_NONE)
			g->header_reject = FB_R_MALFORMED_QUOTE;
	}
	g->have_header = 1;
}

/* Every field blank: a row Excel leaves behind when a row's cells are cleared. */
static int
all_blank(const struct ingest *g)
{
	for (size_t i = 0; i < g->nfields; i++) {
		size_t len;
		const char *s = field_at(g, i, &len);

		fb_trim(&s, &len);
		if (len)
			return 0;
	}
	return 1;
}

/*
 * Pass the record in g on.  plain: it came through the fast path, so it is
 * ASCII (valid UTF-8) and, having no padded value and as many values as
 * the header with at least one byte that is not a separator, not blank.
 */
static void
record(struct ingest *g, int plain)
{
	struct fb_row *row = &g->row;
	char vis[FB_VISIBLE_SIZE];

	/* A row whose only text was dropped as malformed quoting is not empty: say so. */
	if (!plain && !g->unclosed && !g->malformed && all_blank(g)) {
		if (g->empty_rows++ == 0)
			g->empty_first_line = g->at.start;
		return;
	}
	/* Reused from row to row: its cells past the schema's stay NULL. */
	row->file = g->file;
	row->line = g->at.start;
	row->wide = 1;
	row->reject = g->header_reject;
	g->rows++;

	if (plain) {
		/*
		 * As many values as the header, each ended by a NUL, off[ncols]
		 * the end (fb_split_line()); a cell of no column stays NULL.
		 */
		const char *buf = g->buf;
		const size_t *off = g->off;
		const int *field_col = g->field_col;
		int ncols = g->schema->ncols;

		/* Read through locals: row is in g, and its stores could be g's pointers. */
		for (int f = 0; f < ncols; f++) {
			int c = field_col[f];

			if (c != FB_NONE) {
				row->cell[f] = buf + off[c];
				row->len[f] = off[c + 1] - off[c] - 1;
			}
		}
		g->fn(g->ctx, row);
		return;
	}
	if (g->unclosed) {
		row->reject = FB_R_UNCLOSED_QUOTE;
	} else if (g->malformed) {
		malformed_finding(g, row->line);
		if (row->reject == FB_NONE)
			row->reject = FB_R_MALFORMED_QUOTE;
	} else if (g->nfields != g->ncols && g->header_reject == FB_NONE) {
		/* With a broken header every row is rejected already; say it once. */
		fb_findings_add(g->out, FB_R_FIELD_COUNT, g->file, row->line, NULL, NULL,
				"row has %zu field%s but the header has %zu; check for a missing "
				"or extra comma", g->nfields, g->nfields == 1 ? "" : "s", g->ncols);
		if (row->reject == FB_NONE)
			row->reject = FB_R_FIELD_COUNT;
	}
	for (int f = 0; f < g->schema->ncols; f++) {
		int c = g->field_col[f];

		if (c == FB_NONE || (size_t)c >= g->nfields) {
			row->cell[f] = NULL;
			row->len[f] = 0;
			continue;
		}
		row->cell[f] = field_at(g, (size_t)c, &row->len[f]);
		if (!plain && row->reject == FB_NONE && !valid_utf8(row->cell[f], row->len[f])) {
			const char *name = g->schema->name[f];
			int hide = strcmp(name, fb_fields[FB_F_CHILD_REF].name) == 0 ||
				   g->schema->hidden[f];

			fb_findings_add(g->out, FB_R_INVALID_UTF8, g->file, row->line, name,
					hide ? NULL : fb_visible(vis, row->cell[f], row->len[f]),
					"%s '%s' is not valid UTF-8 text; save the file as "
					"\"CSV UTF-8\" in Excel", name, hide ? "(not shown)" : vis);
			row->reject = FB_R_INVALID_UTF8;
		}
	}
	g->fn(g->ctx, row);
}

static void
cb_end(int c, void *vctx)
{
	struct ingest *g = vctx;

	if (g->refused)
		return;
	if (g->nfields > 0) {
		if (!g->have_header)
			header(g);
		else
			record(g, 0);
	}
	fb_csv_lines_end(&g->at, c);
	g->nfields = 0;
	g->buflen = 0;
	g->malformed = 0;
}

static int
parse_slow(struct ingest *g, const unsigned char *s, size_t n)
{
	return fb_csv_parse_strict(&g->parser, s, n, cb_field, cb_end, cb_bad, g);
}

/*
 * The len bytes at s, a line after the header that libcsv is not inside
 * of, passed on as cb_field() and cb_end() would pass it, when it is
 * plain (ingest-split.h).  Returns 0, having done nothing, when it is not.
 */
static int
fast_line(struct ingest *g, const unsigned char *s, size_t len)
{
	/* cb_field()'s limit: a longer line is libcsv's, which refuses it. */
	if (len + 1 > FB_MAX_RECORD)
		return 0;
	if (!g->split_ready) {
		fb_split_init(&g->split, g->delim, g->ncols);
		g->split_ready = 1;
	}
	fb_grow((void **)&g->buf, &g->bufcap, len + FB_SPLIT_SLACK + FB_CODE_WIDE, 1);
	fb_grow((void **)&g->off, &g->offcap, g->ncols + FB_SPLIT_SLACK, sizeof(*g->off));
	if (!fb_split_line(&g->split, (const char *)s, len, g->buf, g->off))
		return 0;
	g->nfields = g->ncols;
	g->buflen = g->off[g->ncols];
	/* A record of one line, ended by a LF: no line break inside. */
	fb_csv_lines_field(&g->at, NULL, 0);
	record(g, 1);
	fb_csv_lines_end(&g->at, '\n');
	g->nfields = 0;
	g->buflen = 0;
	return 1;
}

/*
 * Parse the n bytes at s, the stream's next.  Each line (to its LF) goes
 * through fast_line() when it can, else to libcsv, in order.  libcsv keeps
 * every line it may be inside of: the header, a record it began (a quoted
 * value's line break), the rest of a line the last chunk ended in, and a
 * chunk's bytes after its last LF; so a line split across chunks is
 * libcsv's, at any chunk size.  Lines libcsv is given wait in [slow, p) and
 * are parsed before the next line is looked at, as their records come
 * first and may leave libcsv inside a quoted value.
 */
static int
parse_chunk(struct ingest *g, const unsigned char *s, size_t n)
{
	const unsigned char *p = s, *end = s + n, *slow = s, *nl;

	if (!g->fast)
		return parse_slow(g, s, n);
	/*
	 * The rest of the line the last chunk ended in is libcsv's.  Its
	 * state says so too, but for a chunk that ended in spaces, which
	 * libcsv skips before a value without a change of state.
	 */
	if (g->line_open) {
		if (!(nl = memchr(p, '\n', n)))
			return parse_slow(g, s, n);
		p = nl + 1;
	}
	g->line_open = n > 0 && end[-1] != '\n';
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p)))) {
		size_t len = (size_t)(nl - p);

		/* CRLF is never plain: the lines of a Windows file wait together. */
		if (len && p[len - 1] == '\r') {
			p = nl + 1;
			continue;
		}
		if (slow < p) {
			if (parse_slow(g, slow, (size_t)(p - slow)) != 0)
				return -1;
			slow = p;
		}
		if (g->refused)
			break;
		if (g->have_header && g->parser.pstate == LIBCSV_ROW_NOT_BEGUN &&
		    fast_line(g, p, len))
			slow = nl + 1;
		p = nl + 1;
	}
	return slow < end ? parse_slow(g, slow, (size_t)(end - slow)) : 0;
}

/*
 * The stream's next bytes into chunk (CHUNK bytes): as many as one read
 * gives, but the first chunk is filled (or the stream ends).  Its bytes
 * decide the encoding, the byte-order mark, a workbook and the separator,
 * and a pipe or a slow source may hand them over a byte at a time.
 * Returns the bytes read, 0 at the end, -1 when the source failed before
 * giving any.
 */
static long
read_chunk(const struct fb_source *in, unsigned char *chunk, int first)
{
	long got = in->read(in->ctx, chunk, CHUNK), more;

	while (first && got > 0 && got < CHUNK) {
		/* A failure after some bytes: those first, then the next read says it. */
		if ((more = in->read(in->ctx, chunk + got, CHUNK - (size_t)got)) <= 0)
			break;
		got += more;
	}
	return got;
}

/* Read the rest of a stream that is not parsed, counting and tapping it. */
static int
skip_rest(const struct fb_source *in, unsigned char *chunk, long long *bytes,
	  const struct fb_ingest_tap *tap)
{
	long n;

	while ((n = in->read(in->ctx, chunk, CHUNK)) > 0) {
		*bytes += n;
		if (*bytes > FB_MAX_STREAM) {
			errno = FB_E_STREAM_SIZE;
			return -1;
		}
		if (tap)
			tap->fn(tap->ctx, chunk, (size_t)n);
	}
	return n < 0 ? -1 : 0;
}

/*
 * The separator of a file whose first line is the n bytes at b: a comma,
 * unless the line holds none; then a semicolon or a tab, if it has one.
 */
static int
find_delim(const unsigned char *b, size_t n)
{
	int semi = 0, tab = 0;

	for (size_t i = 0; i < n && b[i] != '\n' && b[i] != '\r'; i++) {
		if (b[i] == ',')
			return ',';
		semi |= b[i] == ';';
		tab |= b[i] == '\t';
	}
	return semi ? ';' : tab ? '\t' : ',';
}

/*
 * The quoted value being read never closed: FB019 on its record, which
 * the caller passes on rejected.  how says what became of the rest.
 */
static void
unclosed_finding(struct ingest *g, const char *how)
{
	long at = fb_csv_lines_here(&g->at);
	size_t col = g->nfields;
	char label[FB_VISIBLE_SIZE + 16];

	if (!g->have_header)
		snprintf(label, sizeof(label), "column %zu of the header", col + 1);
	else
		column_label(g, col, label, sizeof(label));
	g->unclosed = 1;
	fb_findings_add(g->out, FB_R_UNCLOSED_QUOTE, g->file, at,
			g->have_header && !g->no_header && col < g->ncols ? g->colname[col] : NULL,
			NULL, "a quoted value in %s opens on line %ld and %s; add the closing "
			"double quote", label, g->at.line, how);
}

/*
 * Parse the n bytes at s, the stream's next, with g itself, a chunk at a
 * time, each followed by the limits' checks.  Returns 0 to read on; else
 * 1 with *status the stream's: refused (-1, errno set) or, for a quoted
 * value open past the limit, what reading the rest of the stream gave.
 */
static int
parse_direct(struct ingest *g, const unsigned char *s, size_t n, const struct fb_source *in,
	     long long *bytes, const struct fb_ingest_tap *tap, int *status)
{
	do {
		size_t len = n < CHUNK ? n : CHUNK;

		if (parse_chunk(g, s, len) != 0) {
			errno = ENOMEM;
			*status = -1;
			return 1;
		}
		s += len;
		n -= len;
		/* The value being read counts too: a quote that never closes. */
		if (!g->refused && g->buflen + g->parser.entry_pos > FB_MAX_RECORD)
			g->refused = FB_E_RECORD_SIZE;
		/*
		 * A quoted value open past the limit is, as at the end of the
		 * file, a quote that never closes: said on its row, which is
		 * rejected, and the rest of the file is only read (to hash it).
		 */
		if (g->refused == FB_E_RECORD_SIZE && g->have_header &&
		    g->parser.pstate == LIBCSV_FIELD_BEGUN && g->parser.quoted) {
			struct fb_row row = { .file = g->file, .line = fb_csv_lines_here(&g->at),
					      .reject = FB_R_UNCLOSED_QUOTE };
			unsigned char *chunk = fb_xmalloc(CHUNK);

			unclosed_finding(g, "is still open 16 MiB later (the most a row may "
					 "be), so the rest of the file was not read");
			g->rows++;
			g->fn(g->ctx, &row);
			*status = skip_rest(in, chunk, bytes, tap);
			free(chunk);
			return 1;
		}
		if (g->refused) {
			errno = g->refused;
			*status = -1;
			return 1;
		}
	} while (n > 0);
	return 0;
}

/*
 * Blocks (ingest.h, struct fb_ingest_blocks).  g, the file's own state,
 * reads on wherever a block's parse cannot be used; a block parsed apart
 * has a state of its own (struct job), made from g's header, that either
 * ends at a record's start like g's (then only g's line count moves on)
 * or is taken over by g, which reads the next block on from it.
 */
struct job {
	struct ingest s;            /* the block's own state, from a record's start */
	int has_parser;             /* s.parser is libcsv's, to be freed */
	struct fb_findings out;     /* its findings, lines counted from its first */
	void *block;                /* begin()'s; NULL: g reads the block */
	unsigned char *bytes;
	size_t n, cap;
	void *thread;               /* parsing on a thread of its own until joined */
	int failed;                 /* libcsv failed: out of memory */
};

/* What is read ahead of the blocks parsed. */
struct reader {
	const struct fb_source *in;
	long long *bytes;
	const struct fb_ingest_tap *tap;
	unsigned char *carry;       /* read, not yet in a block: from at to ncarry */
	size_t at, ncarry, carrycap;
	int ended;                  /* the source gave its last byte */
	int error;                  /* errno of a failed read or a refusal: nothing more is read */
};

/*
 * s is at a record's start after a LF, holding nothing and refused
 * nothing: the next bytes can be parsed by a state made afresh.
 */
static int
at_record_start(const struct ingest *s)
{
	return s->have_header && s->parser.pstate == LIBCSV_ROW_NOT_BEGUN && !s->line_open &&
	       !s->refused && !s->at.in_record && s->nfields == 0 && s->buflen == 0;
}

/* libcsv holds nothing of a record: a parser made afresh would be the same. */
static int
parser_at_rest(const struct csv_parser *p)
{
	return p->pstate == LIBCSV_ROW_NOT_BEGUN && p->entry_pos == 0 && !p->quoted &&
	       p->spaces == 0 && p->status == CSV_SUCCESS;
}

/*
 * s: g's header and settings, to parse a block from a record's start.
 * keep_parser: s's parser, at rest, is kept (a new one allocates libcsv's
 * 1 MiB buffer, FB_CSV_BLOCK: hundreds of times a file, block by block).
 */
static int
state_for_block(struct ingest *s, const struct ingest *g, struct fb_findings *out,
		fb_row_fn fn, void *ctx, int keep_parser)
{
	/* The buffers of the block s last read, kept for this one. */
	char *buf = s->buf;
	size_t *off = s->off, bufcap = s->bufcap, offcap = s->offcap;
	struct csv_parser parser = s->parser;

	memset(s, 0, sizeof(*s));
	s->buf = buf;
	s->bufcap = bufcap;
	s->off = off;
	s->offcap = offcap;
	if (keep_parser)
		s->parser = parser;
	else if (fb_csv_init(&s->parser, CSV_STRICT | CSV_REPALL_NL) != 0)
		return -1;
	csv_set_delim(&s->parser, (unsigned char)g->delim);
	s->schema = g->schema;
	s->file = g->file;
	s->delim = g->delim;
	s->out = out;
	s->fn = fn;
	s->ctx = ctx;
	fb_csv_lines_init(&s->at);
	s->have_header = 1;
	s->no_header = g->no_header;
	s->ncols = g->ncols;
	/* g's, which no one changes once the header is read; s does not free them. */
	s->colname = g->colname;
	s->col_field = g->col_field;
	memcpy(s->field_col, g->field_col, sizeof(s->field_col));
	s->header_reject = g->header_reject;
	s->fast = g->fast;
	s->split = g->split;
	s->split_ready = g->split_ready;
	return 0;
}

/*
 * g reads on from where the block's state s left off (its line count is
 * add_counts()'s); s is left holding g's old buffers, to be freed.
 */
static void
take_over(struct ingest *g, struct ingest *s)
{
	struct csv_parser parser = g->parser;
	char *buf = g->buf;
	size_t *off = g->off, bufcap = g->bufcap, offcap = g->offcap;

	g->parser = s->parser;
	s->parser = parser;
	g->buf = s->buf;
	g->bufcap = s->bufcap;
	s->buf = buf;
	s->bufcap = bufcap;
	g->off = s->off;
	g->offcap = s->offcap;
	s->off = off;
	s->offcap = offcap;
	g->buflen = s->buflen;
	g->nfields = s->nfields;
	g->unclosed = s->unclosed;
	g->malformed = s->malformed;
	g->malformed_col = s->malformed_col;
	g->malformed_quoted = s->malformed_quoted;
	g->line_open = s->line_open;
	g->refused = s->refused;
}

/* The counts of a block's state s (offset lines further in the file) added to g's. */
static void
add_counts(struct ingest *g, const struct ingest *s, long offset)
{
	g->rows += s->rows;
	if (s->empty_rows && !g->empty_rows)
		g->empty_first_line = s->empty_first_line + offset;
	g->empty_rows += s->empty_rows;
	g->at = s->at;
	g->at.line += offset;
	g->at.start += offset;
}

static void
parse_job(void *vj)
{
	struct job *j = vj;

	j->failed = parse_chunk(&j->s, j->bytes, j->n) != 0;
}

static void
job_release(struct ingest *g, const struct fb_ingest_blocks *b, struct job *j)
{
	if (j->block)
		b->end(g->ctx, j->block);
	j->block = NULL;
	fb_findings_release(&j->out);
}

/* Parse j's bytes apart, on a thread of its own when the hooks start one. */
static void
job_start(struct ingest *g, const struct fb_ingest_blocks *b, struct job *j)
{
	const struct fb_hooks *h = fb_hooks_get();

	fb_findings_init(&j->out, 0);
	fb_findings_map_like(&j->out, g->out, g->file);
	j->failed = 0;
	j->thread = NULL;
	if (!g->have_header || !(j->block = b->begin(g->ctx, &j->out)))
		return;
	/* The last block's parser, unless it was left inside a record. */
	if (j->has_parser && !parser_at_rest(&j->s.parser)) {
		csv_free(&j->s.parser);
		j->has_parser = 0;
	}
	if (state_for_block(&j->s, g, &j->out, b->row, j->block, j->has_parser) != 0) {
		b->end(g->ctx, j->block);
		j->block = NULL;
		return;
	}
	j->has_parser = 1;
	if (b->workers > 1 && h->thread_start && h->thread_join)
		j->thread = h->thread_start(parse_job, j);
	if (!j->thread)
		parse_job(j);
}

/*
 * Hand j's rows over, in the stream's order: committed as parsed when g
 * was at a record's start as j began, else read on by g.  Returns 1, with
 * *status set, when the stream stops here.
 */
static int
job_finish(struct ingest *g, const struct fb_ingest_blocks *b, struct job *j,
	   struct reader *r, int *status)
{
	const struct fb_hooks *h = fb_hooks_get();
	int stop = 0;

	if (j->thread)
		h->thread_join(j->thread);
	j->thread = NULL;
	if (j->block && at_record_start(g)) {
		long offset = g->at.line - 1;

		if (j->failed) {
			errno = ENOMEM;
			*status = -1;
			stop = 1;
		} else {
			fb_findings_take_shifts(g->out, &j->out, g->file, offset);
			b->commit(g->ctx, j->block, &j->out, offset);
			add_counts(g, &j->s, offset);
			if (!at_record_start(&j->s))
				take_over(g, &j->s);
			if (g->refused) {
				errno = g->refused;
				*status = -1;
				stop = 1;
			}
		}
	} else {
		stop = parse_direct(g, j->bytes, j->n, r->in, r->bytes, r->tap, status);
	}
	job_release(g, b, j);
	return stop;
}

/*
 * j: the carried bytes, then the stream's next, up to size bytes in all
 * (or its end), each read checked and tapped as fb_ingest_with() does;
 * cut after its last LF, the rest carried to the next block.  A block
 * with no LF is taken whole, but at the stream's end, where it is the
 * last line's start, carried.
 */
static void
fill(struct reader *r, struct job *j, size_t size)
{
	size_t cut, take = r->ncarry - r->at < size ? r->ncarry - r->at : size, rest;

	fb_grow((void **)&j->bytes, &j->cap, size, 1);
	fb_memcpy(j->bytes, r->carry + r->at, take);
	j->n = take;
	r->at += take;
	while (r->at == r->ncarry && !r->ended && !r->error && j->n < size) {
		size_t want = size - j->n < CHUNK ? size - j->n : CHUNK;
		long got = r->in->read(r->in->ctx, j->bytes + j->n, want);

		if (got <= 0) {
			r->ended = got == 0;
			r->error = got < 0 ? (errno ? errno : EIO) : 0;
			break;
		}
		*r->bytes += got;
		if (*r->bytes > FB_MAX_STREAM)
			r->error = FB_E_STREAM_SIZE;
		else if (memchr(j->bytes + j->n, 0, (size_t)got))
			r->error = FB_E_NOT_TEXT;
		if (r->error)
			break;
		if (r->tap)
			r->tap->fn(r->tap->ctx, j->bytes + j->n, (size_t)got);
		j->n += (size_t)got;
	}
	for (cut = j->n; cut > 0 && j->bytes[cut - 1] != '\n'; cut--)
		;
	if (cut == 0 && (j->n == 0 || (j->n == size && !r->ended && !r->error)))
		return;
	rest = j->n - cut;
	j->n = cut;
	if (cut + rest == take) {
		/* Every byte came from the carry: the rest is still there, just before at. */
		r->at -= rest;
		return;
	}
	fb_grow((void **)&r->carry, &r->carrycap, rest ? rest : 1, 1);
	fb_memcpy(r->carry, j->bytes + cut, rest);
	r->at = 0;
	r->ncarry = rest;
}

/*
 * Read the rest of the stream in blocks, p (n bytes) being the first
 * chunk's after the byte-order mark.  Returns 0 at the stream's end with g
 * holding what is left of it (a last line without a LF, libcsv's state);
 * 1 when the stream stopped, with *status set.
 */
static int
read_blocks(struct ingest *g, const struct fb_ingest_blocks *b, const struct fb_source *in,
	    const unsigned char *p, size_t n, long long *bytes, const struct fb_ingest_tap *tap,
	    int *status)
{
	size_t nw = b->workers > 1 ? (size_t)b->workers : 1, head = 0, nq = 0, done = 0;
	size_t size = b->size < FB_INGEST_BLOCK_MAX ? b->size : FB_INGEST_BLOCK_MAX;
	struct job *ring = fb_xcalloc(nw, sizeof(*ring));
	struct reader r = { .in = in, .bytes = bytes, .tap = tap };
	int stop = 0;

	/*
	 * The first chunk a line at a time as without blocks, to the header's
	 * end and a record's start; the rest is carried to the first block.
	 */
	while (!stop && done < n && !at_record_start(g)) {
		const unsigned char *nl = memchr(p + done, '\n', n - done);
		size_t len = nl ? (size_t)(nl - p) + 1 - done : n - done;

		stop = parse_direct(g, p + done, len, in, bytes, tap, status);
		done += len;
	}
	r.ncarry = n - done;
	r.carry = fb_xmalloc(r.ncarry ? r.ncarry : 1);
	r.carrycap = r.ncarry ? r.ncarry : 1;
	fb_memcpy(r.carry, p + done, r.ncarry);
	while (!stop) {
		struct job *j;

		if (nq == nw) {
			stop = job_finish(g, b, &ring[head], &r, status);
			head = (head + 1) % nw;
			nq--;
			continue;
		}
		j = &ring[(head + nq) % nw];
		fill(&r, j, size);
		if (j->n == 0)
			break;
		job_start(g, b, j);
		nq++;
	}
	for (; nq > 0; nq--, head = (head + 1) % nw) {
		if (!stop)
			stop = job_finish(g, b, &ring[head], &r, status);
		else {
			if (ring[head].thread)
				fb_hooks_get()->thread_join(ring[head].thread);
			ring[head].thread = NULL;
			job_release(g, b, &ring[head]);
		}
	}
	if (!stop && r.at < r.ncarry)
		stop = parse_direct(g, r.carry + r.at, r.ncarry - r.at, in, bytes, tap, status);
	if (!stop && r.error) {
		errno = r.error;
		*status = -1;
		stop = 1;
	}
	for (size_t i = 0; i < nw; i++) {
		if (ring[i].has_parser)
			csv_free(&ring[i].s.parser);
		free(ring[i].bytes);
		free(ring[i].s.buf);
		free(ring[i].s.off);
	}
	free(ring);
	free(r.carry);
	return stop;
}

void
fb_ingest_options_init(struct fb_ingest_options *o)
{
	*o = (struct fb_ingest_options){ .fast = 1 };
}

void
fb_ingest_set_fast(struct fb_ingest_options *o, int on)
{
	o->fast = on;
}

int
fb_ingest(const struct fb_source *in, const struct fb_schema *schema, int file, struct fb_findings *out,
	  fb_row_fn fn, void *ctx, long long *bytes, const struct fb_ingest_tap *tap)
{
	struct fb_ingest_options o;

	fb_ingest_options_init(&o);
	return fb_ingest_with(&o, in, schema, NULL, file, out, fn, ctx, bytes, tap);
}

int
fb_ingest_choosing(const struct fb_source *in, const struct fb_schema_chooser *chooser, int file,
		   struct fb_findings *out, fb_row_fn fn, void *ctx, long long *bytes,
		   const struct fb_ingest_tap *tap)
{
	struct fb_ingest_options o;

	fb_ingest_options_init(&o);
	return fb_ingest_with(&o, in, NULL, chooser, file, out, fn, ctx, bytes, tap);
}

int
fb_ingest_with(const struct fb_ingest_options *o, const struct fb_source *in,
	       const struct fb_schema *schema, const struct fb_schema_chooser *chooser,
	       int file, struct fb_findings *out, fb_row_fn fn, void *ctx, long long *bytes,
	       const struct fb_ingest_tap *tap)
{
	struct ingest g;
	unsigned char *chunk = fb_xmalloc(CHUNK);
	long got;
	size_t n;
	int first = 1, status = 0;

	memset(&g, 0, sizeof(g));
	g.schema = chooser ? chooser->fallback : schema;
	g.fast = o->fast;
	g.chooser = chooser;
	g.delim = ',';
	g.file = file;
	g.out = out;
	g.fn = fn;
	g.ctx = ctx;
	fb_csv_lines_init(&g.at);
	g.header_reject = FB_NONE;
	*bytes = 0;
	if (fb_csv_init(&g.parser, CSV_STRICT | CSV_REPALL_NL) != 0) {
		free(chunk);
		errno = ENOMEM;
		return -1;
	}

	while ((got = read_chunk(in, chunk, first)) > 0) {
		unsigned char *p = chunk;

		n = (size_t)got;
		*bytes += (long long)n;
		if (*bytes > FB_MAX_STREAM) {
			errno = FB_E_STREAM_SIZE;
			status = -1;
			goto done;
		}
		/*
		 * Text never holds a NUL (UTF-16 aside, told by its first bytes):
		 * /dev/zero, a program or a disk's zeros are refused at once,
		 * before any of the chunk is parsed, not read to their end.
		 */
		if (!(first && (fb_utf16_start(p, n) || fb_workbook_start(p, n))) &&
		    memchr(p, 0, n)) {
			errno = FB_E_NOT_TEXT;
			status = -1;
			goto done;
		}
		if (tap)
			tap->fn(tap->ctx, chunk, n);
		if (first) {
			first = 0;
			if (fb_utf16_start(p, n)) {
				fb_findings_add(out, FB_R_UTF16, file, 1, NULL, NULL,
						"the file is UTF-16 text (Excel's \"Unicode Text\"), "
						"so no row of it was read; open it in Excel and save "
						"it as \"CSV UTF-8 (Comma delimited)\"");
				status = skip_rest(in, chunk, bytes, tap);
				goto done;
			}
			const char *book = fb_workbook_start(p, n);

			if (book) {
				fb_findings_add(out, FB_R_WORKBOOK, file, 1, NULL, NULL,
						"the file is %s, not CSV text, so no row of it "
						"was read; open it in Excel and save it as \"CSV "
						"UTF-8 (Comma delimited)\" (File > Save As), then "
						"give that file", book);
				status = skip_rest(in, chunk, bytes, tap);
				goto done;
			}
			if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
				p += 3;
				n -= 3;
			}
			if (chooser && chooser->delim) {
				csv_set_delim(&g.parser, (unsigned char)chooser->delim);
				g.delim = chooser->delim;
			} else if (chooser) {
				int d = find_delim(p, n);

				csv_set_delim(&g.parser, (unsigned char)d);
				g.delim = d;
				if (d != ',')
					fb_findings_add(out, FB_R_OTHER_SEPARATOR, file, 1, NULL,
							NULL, "the header has no comma, so the file "
							"is read as %s-separated, as Excel saves %s; "
							"save it as \"CSV UTF-8 (Comma delimited)\" "
							"to silence this",
							d == ';' ? "semicolon" : "tab",
							d == ';' ? "CSV in some languages"
								 : "\"Text (Tab delimited)\"");
			}
		}
		if (o->blocks && o->blocks->size && g.fast) {
			if (read_blocks(&g, o->blocks, in, p, n, bytes, tap, &status))
				goto done;
			break;
		}
		if (parse_direct(&g, p, n, in, bytes, tap, &status) != 0)
			goto done;
	}
	if (got < 0) {
		status = -1;
		goto done;
	}
	if (g.parser.pstate == LIBCSV_FIELD_BEGUN && g.parser.quoted)
		unclosed_finding(&g, "never closes, so the rest of the file was read as that one "
				 "value");
	/* Fails only when the parser is in error, which the loop above never leaves it. */
	if (csv_fini(&g.parser, cb_field, cb_end, &g) != 0) {
		errno = EINVAL;
		status = -1;
		goto done;
	}
	if (g.empty_rows)
		fb_findings_add(out, FB_R_EMPTY_ROWS, file, g.empty_first_line, NULL, NULL,
				"%ld row%s with no values at all (only %s) %s skipped, the "
				"first on this line", g.empty_rows, g.empty_rows == 1 ? "" : "s",
				g.delim == ',' ? "commas" : "separators",
				g.empty_rows == 1 ? "was" : "were");
	if (!g.have_header)
		fb_findings_add(out, FB_R_NO_HEADER, file, 1, NULL, NULL,
				"the file is empty: it has no header row");
	else if (g.rows == 0 && !g.no_header)
		fb_findings_add(out, FB_R_NO_ROWS, file, 1, NULL, NULL,
				"the file has a header but no data rows");
done:
	csv_free(&g.parser);
	for (size_t c = 0; c < g.ncols && g.colname; c++)
		free(g.colname[c]);
	free(g.colname);
	free(g.col_field);
	free(g.buf);
	free(g.off);
	free(chunk);
	return status;
}
