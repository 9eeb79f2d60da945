/*
 * ofsted.c: Ofsted's wide published file, through libcsv and iconv.
 *
 * The file is small (a few hundred rows), so it is read whole into a table
 * of cells; its size does not grow with any LA's bed records.
 */
#include "fosterbeds/ofsted.h"

#include <csv.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/la.h"
#include "fosterbeds/number.h"
#include "util.h"

const char *const fb_ofsted_measure_names[FB_OM_COUNT] = {
	"approved", "filled", "vacant", "unavailable", "households",
	"short_break_households", "emergency_households", "exemption_households",
};

/* How each measure's label begins, folded (see fold_label); exact when marked. */
static const struct {
	const char *label;
	int exact;
} labels[FB_OM_COUNT] = {
	{ "number of approved foster places", 0 },
	{ "number of filled places", 0 },
	{ "number of vacant places", 0 },
	{ "number of places not available", 0 },
	{ "total approved households", 0 },
	{ "short breaks", 1 },
	{ "emergency", 1 },
	{ "number of households with exemptions", 0 },
};

/* Column headings that are not authorities. */
static const char *const not_authorities[] = {
	"England", "Inner London", "Outer London", "North East", "North West", "Yorkshire and The Humber", "East Midlands",
	"West Midlands", "East of England", "London", "South East", "South West",
};

struct table {
	char ***cell;      /* rows of cells */
	size_t *ncells;
	long *line;        /* physical line each row starts on */
	size_t nrows, cap;
	/* The row being read. */
	char **cur;
	size_t ncur, curcap;
	long at_line, row_line;
	int in_row, last_cr;
	/* Malformed quoting is said once per row, at the line the row starts. */
	struct fb_findings *out;
	int file;
	long bad_line;
};

static void
t_bad(void *ctx, int quoted)
{
	struct table *t = ctx;
	long line = t->in_row ? t->row_line : t->at_line;

	if (line == t->bad_line)
		return;
	t->bad_line = line;
	fb_findings_add(t->out, FB_R_MALFORMED_QUOTE, t->file, line, NULL, NULL,
			"%s, so a value on this row was read without it; check the row "
			"against the file as Ofsted published it",
			quoted ? "a value has characters after its closing double quote"
			       : "a value holds a double quote but does not start with one");
}

static void
t_field(void *s, size_t len, void *ctx)
{
	struct table *t = ctx;
	const char *p = s;

	if (!t->in_row) {
		t->in_row = 1;
		t->row_line = t->at_line;
	}
	fb_grow((void **)&t->cur, &t->curcap, t->ncur + 1, sizeof(*t->cur));
	t->cur[t->ncur++] = fb_xstrndup(p, len);
	for (size_t i = 0; i < len; i++)
		t->at_line += p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'));
}

static void
t_row(int c, void *ctx)
{
	struct table *t = ctx;
	/* CRLF arrives as a row ended by CR, then an empty one ended by LF. */
	int crlf = c == '\n' && t->last_cr && !t->in_row;

	if ((c == '\n' && !crlf) || c == '\r')
		t->at_line++;
	t->last_cr = c == '\r';
	if (!t->in_row)
		return;
	fb_grow((void **)&t->cell, &t->cap, t->nrows + 1, sizeof(*t->cell));
	t->ncells = fb_xrealloc(t->ncells, t->cap * sizeof(*t->ncells));
	t->line = fb_xrealloc(t->line, t->cap * sizeof(*t->line));
	t->cell[t->nrows] = t->cur;
	t->ncells[t->nrows] = t->ncur;
	t->line[t->nrows] = t->row_line;
	t->nrows++;
	t->cur = NULL;
	t->ncur = t->curcap = 0;
	t->in_row = 0;
}

static void
table_release(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncells[r]; c++)
			free(t->cell[r][c]);
		free(t->cell[r]);
	}
	for (size_t c = 0; c < t->ncur; c++)
		free(t->cur[c]);
	free(t->cur);
	free(t->cell);
	free(t->ncells);
	free(t->line);
}

/* Ofsted's files are Windows-1252; anything not valid UTF-8 is taken as that. */
static char *
to_utf8(const char *data, size_t len, size_t *outlen)
{
	iconv_t cd;
	size_t cap = len * 3 + 1, left = cap;
	char *out = fb_xmalloc(cap), *o = out, *in = (char *)data;
	size_t inleft = len;

	for (size_t i = 0; i < len;) {
		size_t n = fb_utf8_seq((const unsigned char *)data + i, len - i);

		if (n == 0)
			goto convert;
		i += n;
	}
	memcpy(out, data, len);
	*outlen = len;
	return out;
convert:
	cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1 || iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		/* No converter, or a byte 1252 leaves undefined: keep the bytes. */
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		memcpy(out, data, len);
		*outlen = len;
		return out;
	}
	iconv_close(cd);
	*outlen = cap - left;
	return out;
}

/* Lower case, spaces folded, footnote marks and trailing spaces dropped. */
static void
fold_label(char *out, size_t outsz, const char *s)
{
	size_t n = 0;
	int space = 0;

	for (; *s && n + 2 < outsz; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = n > 0;
			continue;
		}
		if (c >= 0x80 || c == '*' || c == '^' || c == '?' || c == '~')
			continue;
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = fb_ascii_lower((char)c);
	}
	out[n] = '\0';
}

static int
measure_of(const char *label)
{
	char f[256];

	fold_label(f, sizeof(f), label);
	for (int m = 0; m < FB_OM_COUNT; m++) {
		size_t n = strlen(labels[m].label);

		if (strncmp(f, labels[m].label, n) == 0 && (!labels[m].exact || f[n] == '\0'))
			return m;
	}
	return -1;
}

static int
not_authority(const char *name)
{
	const char *s = name;
	size_t len = strlen(name);

	fb_trim(&s, &len);
	for (size_t i = 0; i < sizeof(not_authorities) / sizeof(not_authorities[0]); i++)
		if (fb_strncaseeq(not_authorities[i], s, len))
			return 1;
	return 0;
}

static int
find_england(char **cells, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		const char *s = cells[c];
		size_t len = strlen(s);

		fb_trim(&s, &len);
		if (fb_strncaseeq("England", s, len))
			return (int)c;
	}
	return -1;
}

int
fb_ofsted_looks_like(const char *data, size_t len)
{
	/* The header row names England within the first few lines. */
	size_t lines = 0, i;

	for (i = 0; i < len && lines < 10; i++)
		lines += data[i] == '\n';
	for (size_t k = 0; k + 7 <= i; k++)
		if (fb_strncaseeq("England", data + k, 7) &&
		    (k == 0 || data[k - 1] == ',' || data[k - 1] == '"') &&
		    (k + 7 == i || data[k + 7] == ',' || data[k + 7] == '"' || data[k + 7] == '\r' ||
		     data[k + 7] == '\n'))
			return 1;
	return 0;
}

/* "2018-19" from a name holding 2018-19, 2018_19, 2018-2019 or 2018_to_2019. */
static void
year_from_path(char out[16], const char *path)
{
	const char *name = path ? strrchr(path, '/') : NULL;

	/* The file's own name: a folder called 2024-25 says nothing about it. */
	name = name ? name + 1 : path ? path : "";
	out[0] = '\0';
	for (const char *p = name; *p; p++) {
		int a, b = -1;

		if (!(p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
		      p[3] <= '9'))
			continue;
		a = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		if ((p[4] == '-' || p[4] == '_') && p[5] >= '0' && p[5] <= '9' && p[6] >= '0' &&
		    p[6] <= '9' && !(p[7] >= '0' && p[7] <= '9'))
			b = (p[5] - '0') * 10 + (p[6] - '0');
		else if ((p[4] == '-' || p[4] == '_') && strncmp(p + 5, "20", 2) == 0 &&
			 p[7] && p[8])
			b = (p[7] - '0') * 10 + (p[8] - '0');
		else if (strncmp(p + 4, "_to_20", 6) == 0 && p[10] && p[11])
			b = (p[10] - '0') * 10 + (p[11] - '0');
		if (b == (a + 1) % 100) {
			snprintf(out, 16, "%04d-%02d", a, b);
			return;
		}
	}
}

void
fb_places_balance_check(struct fb_findings *out, int file, long line, const char *column,
			int la_code, long approved, long filled, long vacant, long unavailable)
{
	if (approved == FB_MISSING || filled == FB_MISSING || vacant == FB_MISSING ||
	    unavailable == FB_MISSING || approved == filled + vacant + unavailable)
		return;
	fb_findings_add(out, FB_R_UNBALANCED_RETURN, file, line, column, NULL,
			"LA %03d: %ld approved places but filled + vacant + unavailable = "
			"%ld + %ld + %ld = %ld; used as submitted", la_code, approved, filled,
			vacant, unavailable, filled + vacant + unavailable);
}

void
fb_ofsted_init(struct fb_ofsted *o)
{
	memset(o, 0, sizeof(*o));
}

void
fb_ofsted_release(struct fb_ofsted *o)
{
	free(o->las);
	fb_ofsted_init(o);
}

int
fb_ofsted_read(struct fb_ofsted *o, const char *data, size_t len, const char *path,
	       const char *year, int file, struct fb_findings *out)
{
	struct table t;
	struct csv_parser p;
	size_t ulen;
	char *text = to_utf8(data, len, &ulen);
	char vis[FB_VISIBLE_SIZE];
	int england = -1, labelcol, seen[FB_OM_COUNT] = { 0 }, status = 0;
	size_t header = 0, nauth = 0;
	int *col_la = NULL;
	long approved_line = 1;

	memset(&t, 0, sizeof(t));
	t.at_line = 1;
	t.out = out;
	t.file = file;
	if (csv_init(&p, CSV_STRICT | CSV_REPALL_NL) != 0)
		fb_out_of_memory();
	/* libcsv fails otherwise only when out of memory. */
	if (fb_csv_parse_strict(&p, text, ulen, t_field, t_row, t_bad, &t) != 0 ||
	    csv_fini(&p, t_field, t_row, &t) != 0)
		fb_out_of_memory();
	csv_free(&p);
	free(text);

	for (header = 0; header < t.nrows && header < 10; header++)
		if ((england = find_england(t.cell[header], t.ncells[header])) >= 0)
			break;
	if (england <= 0) {
		fb_findings_add(out, FB_R_UNKNOWN_RETURN_LAYOUT, file, 1, NULL, NULL,
				"no header row naming 'England' with measure labels before it, "
				"so this is not Ofsted's LA-level fostering data as published");
		status = -1;
		goto done;
	}
	labelcol = england - 1;
	snprintf(o->year, sizeof(o->year), "%s", year ? year : "");
	if (!year)
		year_from_path(o->year, path);

	/* Authorities: every named column after England that is not a region. */
	col_la = fb_xcalloc(t.ncells[header], sizeof(*col_la));
	for (size_t c = (size_t)england + 1; c < t.ncells[header]; c++) {
		const char *name = t.cell[header][c];
		const struct fb_la *la;

		col_la[c] = -1;
		if (!*name || not_authority(name))
			continue;
		la = fb_la_by_name(name, strlen(name));
		if (!la) {
			o->unmatched++;
			fb_findings_add(out, FB_R_UNMATCHED_AUTHORITY, file, t.line[header], name,
					fb_visible(vis, name, strlen(name)), "authority '%s' (column "
					"%zu) matches no English LA; its figures are left out", vis,
					c + 1);
			continue;
		}
		for (size_t k = 0; k < o->n; k++) {
			if (o->las[k].la_code == la->code) {
				fb_findings_add(out, FB_R_DUPLICATE_RETURN_ROW, file, t.line[header],
						name, fb_visible(vis, name, strlen(name)),
						"authority '%s' (column %zu) is LA %03d again; the "
						"first column is used", vis, c + 1, la->code);
				la = NULL;
				break;
			}
		}
		if (!la)
			continue;
		fb_grow((void **)&o->las, &o->cap, o->n + 1, sizeof(*o->las));
		o->las[o->n].la_code = la->code;
		for (int m = 0; m < FB_OM_COUNT; m++)
			o->las[o->n].v[m] = FB_MISSING;
		col_la[c] = (int)o->n++;
		nauth++;
	}

	/* Measures: the first row whose label matches each. */
	for (size_t r = header + 1; r < t.nrows; r++) {
		int m;

		if ((size_t)labelcol >= t.ncells[r] || (m = measure_of(t.cell[r][labelcol])) < 0 ||
		    seen[m])
			continue;
		seen[m] = 1;
		if (m == FB_OM_APPROVED)
			approved_line = t.line[r];
		for (size_t c = (size_t)england + 1; c < t.ncells[header]; c++) {
			const char *v = c < t.ncells[r] ? t.cell[r][c] : "";
			size_t vlen = strlen(v);
			long n;

			if (col_la[c] < 0)
				continue;
			fb_trim(&v, &vlen);
			if (vlen == 0 || (vlen == 2 && v[0] == '.' && v[1] == '.')) {
				o->missing++;
				continue;
			}
			if (fb_count_parse(v, vlen, 1, &n) != 0) {
				fb_findings_add(out, FB_R_BAD_COUNT, file, t.line[r],
						t.cell[header][c], fb_visible(vis, v, vlen),
						"%s for '%s' is '%s', not a count; it is left empty",
						fb_ofsted_measure_names[m], t.cell[header][c], vis);
				continue;
			}
			o->las[col_la[c]].v[m] = n;
		}
	}
	o->places_line = approved_line;
	if (!seen[FB_OM_APPROVED] || !seen[FB_OM_FILLED] || !seen[FB_OM_VACANT] ||
	    !seen[FB_OM_UNAVAILABLE]) {
		fb_findings_add(out, FB_R_UNKNOWN_RETURN_LAYOUT, file, 1, NULL, NULL,
				"the file names England but has no rows of approved, filled, "
				"vacant and not available places");
		status = -1;
	}
done:
	free(col_la);
	table_release(&t);
	return status;
}
