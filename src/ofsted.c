/*
 * ofsted.c: Ofsted's wide published file, through libcsv and the host's
 * Windows-1252 decoder (hooks.h).
 *
 * The file is small (a few hundred rows), so it is read whole into a table
 * of cells; its size does not grow with any LA's bed records.
 */
#include "fosterbeds/ofsted.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/la.h"
#include "fosterbeds/number.h"
#include "util.h"

const char *const fb_ofsted_measure_names[FB_OM_COUNT] = {
	[FB_OM_APPROVED] = "approved",
	[FB_OM_FILLED] = "filled",
	[FB_OM_VACANT] = "vacant",
	[FB_OM_UNAVAILABLE] = "unavailable",
	[FB_OM_HOUSEHOLDS] = "households",
	[FB_OM_SHORT_BREAK] = "short_break_households",
	[FB_OM_EMERGENCY] = "emergency_households",
	[FB_OM_EXEMPTIONS] = "exemption_households",
};

/* How each measure's label begins, folded (see fold_label); exact when marked. */
static const struct {
	const char *label;
	int exact;
} labels[FB_OM_COUNT] = {
	[FB_OM_APPROVED] = { "number of approved foster places", 0 },
	[FB_OM_FILLED] = { "number of filled places", 0 },
	[FB_OM_VACANT] = { "number of vacant places", 0 },
	[FB_OM_UNAVAILABLE] = { "number of places not available", 0 },
	[FB_OM_HOUSEHOLDS] = { "total approved households", 0 },
	[FB_OM_SHORT_BREAK] = { "short breaks", 1 },
	[FB_OM_EMERGENCY] = { "emergency", 1 },
	[FB_OM_EXEMPTIONS] = { "number of households with exemptions", 0 },
};

/*
 * Known joint fostering services (spec/reconcile.md, "Joint fostering
 * services", gives the sources).  London Tri-borough is in both of Ofsted's
 * files in tests/fixtures/ofsted, with its three members' columns "..".
 */
const struct fb_joint_service fb_joint_services[] = {
	{
		.name = "London Tri-borough",
		.aliases = { "Tri-borough", "London Triborough", NULL },
		.region = "London",
		.members = { 205, 207, 213, 0 },
	},
};
const size_t fb_joint_services_len = sizeof(fb_joint_services) / sizeof(fb_joint_services[0]);

/* Sub-regional groupings whose authorities have columns of their own. */
static const char *const groupings[] = { "Inner London", "Outer London" };

struct table {
	char ***cell;      /* rows of cells */
	size_t *ncells;
	long *line;        /* physical line each row starts on */
	size_t nrows, cap;
	/* The row being read. */
	char **cur;
	size_t ncur, curcap;
	struct fb_csv_lines at;  /* the line being read, and the row's first */
	/* Malformed quoting is said once per row, at the line the row starts. */
	struct fb_findings *out;
	int file;
	long bad_line;
};

static void
t_bad(void *ctx, int quoted)
{
	struct table *t = ctx;
	long line = fb_csv_lines_here(&t->at);

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
	long n = fb_csv_lines_field(&t->at, p, len);

	fb_grow((void **)&t->cur, &t->curcap, t->ncur + 1, sizeof(*t->cur));
	t->cur[t->ncur++] = fb_xstrndup(p, len);
	/* One row in Excel over n more lines: later rows are n fewer. */
	if (n)
		fb_findings_map_lines(t->out, t->file, t->at.line, n);
}

static void
t_row(int c, void *ctx)
{
	struct table *t = ctx;
	int in_row = t->at.in_record;
	long row_line = t->at.start;

	fb_csv_lines_end(&t->at, c);
	if (!in_row)
		return;
	fb_grow((void **)&t->cell, &t->cap, t->nrows + 1, sizeof(*t->cell));
	t->ncells = fb_xrealloc(t->ncells, t->cap * sizeof(*t->ncells));
	t->line = fb_xrealloc(t->line, t->cap * sizeof(*t->line));
	t->cell[t->nrows] = t->cur;
	t->ncells[t->nrows] = t->ncur;
	t->line[t->nrows] = row_line;
	t->nrows++;
	t->cur = NULL;
	t->ncur = t->curcap = 0;
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

/*
 * Ofsted's files are Windows-1252; anything not valid UTF-8 is taken as that
 * and decoded by the host (hooks.h).  Without a decoder, or for a byte 1252
 * leaves undefined, the bytes are kept as they are.
 */
static char *
to_utf8(const char *data, size_t len, size_t *outlen)
{
	char *(*decode)(const char *, size_t, size_t *) = fb_hooks_get()->decode_1252;
	char *out;

	for (size_t i = 0; i < len;) {
		size_t n = fb_utf8_seq((const unsigned char *)data + i, len - i);

		if (n == 0) {
			if (decode && (out = decode(data, len, outlen)))
				return out;
			break;
		}
		i += n;
	}
	out = fb_xmalloc(len + 1);
	fb_memcpy(out, data, len);
	out[len] = '\0';
	*outlen = len;
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

/* name's bytes, spaces trimmed, equal to want ignoring case. */
static int
same_name(const char *want, const char *name)
{
	const char *s = name;
	size_t len = strlen(name);

	fb_trim(&s, &len);
	return fb_strncaseeq(want, s, len);
}

int
fb_region_index(const char *name)
{
	const char *region = fb_la_region_by_name(name);

	/*
	 * By spelling, not by pointer: a build may give one string literal two
	 * copies (GCC's LTO with AddressSanitizer did, and 'South East' named
	 * no region).
	 */
	for (int g = 0; region && g < FB_NREGIONS; g++)
		if (strcmp(fb_la_regions[g], region) == 0)
			return g;
	return -1;
}

static int
grouping(const char *name)
{
	for (size_t i = 0; i < sizeof(groupings) / sizeof(groupings[0]); i++)
		if (same_name(groupings[i], name))
			return 1;
	return 0;
}

static int
folded_eq(const char *want, size_t wn, const char *name)
{
	char have[128];

	return fb_la_fold_name(have, sizeof(have), name, strlen(name)) == wn &&
	       memcmp(have, want, wn) == 0;
}

const struct fb_joint_service *
fb_joint_by_name(const char *name, size_t len)
{
	char want[128];
	size_t wn = fb_la_fold_name(want, sizeof(want), name, len);

	if (wn == 0)
		return NULL;
	for (size_t i = 0; i < fb_joint_services_len; i++) {
		const struct fb_joint_service *j = &fb_joint_services[i];

		if (folded_eq(want, wn, j->name))
			return j;
		for (size_t k = 0; k < 3 && j->aliases[k]; k++)
			if (folded_eq(want, wn, j->aliases[k]))
				return j;
	}
	return NULL;
}

const struct fb_joint_service *
fb_joint_of_la(int la_code)
{
	for (size_t i = 0; i < fb_joint_services_len; i++)
		for (size_t k = 0; k < 4 && fb_joint_services[i].members[k]; k++)
			if (fb_joint_services[i].members[k] == la_code)
				return &fb_joint_services[i];
	return NULL;
}

/*
 * Edit distance (optimal string alignment: a swap of two neighbours is one
 * edit, as in "Hampshrie") between two folded names, or a number above
 * limit as soon as it must exceed it.
 */
static size_t
distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[3][128];
	size_t *prev2 = row[0], *prev = row[1], *cur = row[2];

	if (la >= 127 || lb >= 127)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t best;

		cur[0] = i;
		best = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t d = prev[j - 1] + cost;

			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > limit)
			return limit + 1;
		{
			size_t *t = prev2;

			prev2 = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[lb];
}

struct suggestion {
	const char *name;
	int code;        /* 0 for a joint service */
	size_t d;
};

static void
consider(struct suggestion best[3], const char *want, const char *name, int code,
	 size_t limit)
{
	char have[128];
	size_t d;

	fb_la_fold_name(have, sizeof(have), name, strlen(name));
	d = distance(want, have, limit);
	if (d > limit)
		return;
	for (int k = 0; k < 3; k++) {
		if (best[k].name && (best[k].code == code && code != 0))
			return;   /* an alias of a name already suggested */
	}
	for (int k = 0; k < 3; k++) {
		if (!best[k].name || d < best[k].d) {
			for (int m = 2; m > k; m--)
				best[m] = best[m - 1];
			best[k].name = name;
			best[k].code = code;
			best[k].d = d;
			return;
		}
	}
}

/*
 * "; did you mean 'Hampshire' (850)?" for the nearest LA or joint service
 * names to name, or a pointer to DfE's list when none is close: a name is
 * close within one edit for every four characters (at least two).
 */
static void
suggest(char *out, size_t outsz, const char *name)
{
	char want[128];
	size_t wn = fb_la_fold_name(want, sizeof(want), name, strlen(name));
	size_t limit = wn / 4 < 2 ? 2 : wn / 4, n = 0, nb = 0;
	struct suggestion best[3] = { { NULL, 0, 0 }, { NULL, 0, 0 }, { NULL, 0, 0 } };

	for (size_t i = 0; i < fb_la_table_len; i++)
		if (!fb_la_table[i].former)
			consider(best, want, fb_la_table[i].name, fb_la_table[i].code, limit);
	for (size_t i = 0; i < fb_la_aliases_len; i++)
		consider(best, want, fb_la_aliases[i].name, fb_la_aliases[i].code, limit);
	for (size_t i = 0; i < fb_la_table_len; i++)
		if (fb_la_table[i].former)
			consider(best, want, fb_la_table[i].name, fb_la_table[i].code, limit);
	for (size_t i = 0; i < fb_joint_services_len; i++)
		consider(best, want, fb_joint_services[i].name, 0, limit);
	if (!best[0].name) {
		snprintf(out, outsz, "; no LA or joint service has a name close to it: check the "
			 "heading against DfE's list of LA names");
		return;
	}
	for (size_t k = 0; k < 3 && best[k].name; k++)
		nb++;
	n += (size_t)snprintf(out, outsz, ": did you mean ");
	for (size_t k = 0; k < nb && n < outsz; k++) {
		const char *sep = k == 0 ? "" : k + 1 == nb ? " or " : ", ";

		if (best[k].code)
			n += (size_t)snprintf(out + n, outsz - n, "%s'%s' (%03d)", sep, best[k].name,
					      best[k].code);
		else
			n += (size_t)snprintf(out + n, outsz - n, "%s'%s' (a joint service)", sep,
					      best[k].name);
	}
	if (n < outsz)
		snprintf(out + n, outsz - n, "?");
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
fb_published_balance_check(struct fb_findings *out, int file, long line, int col,
			   const char *name,
			   int la_code, long approved, long filled, long vacant,
			   long unavailable)
{
	long sum = filled + vacant + unavailable, gap = approved - sum;
	char who[160];

	if (approved == FB_MISSING || filled == FB_MISSING || vacant == FB_MISSING ||
	    unavailable == FB_MISSING || (gap >= -FB_OFSTED_ROUNDING_SLACK &&
					  gap <= FB_OFSTED_ROUNDING_SLACK))
		return;
	if (la_code)
		snprintf(who, sizeof(who), "%s (%03d)", name, la_code);
	else
		snprintf(who, sizeof(who), "%s", name);
	fb_findings_add_cell(out, FB_R_UNBALANCED_RETURN, file, line, col, name, NULL,
			"%s: %ld approved places but filled + vacant + unavailable = "
			"%ld + %ld + %ld = %ld, %ld apart, more than Ofsted's rounding to 5 "
			"explains (up to %d); used as published", who, approved, filled, vacant,
			unavailable, sum, gap < 0 ? -gap : gap, FB_OFSTED_ROUNDING_SLACK);
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
	free(o->joints);
	for (long i = 0; i < o->unmatched; i++)
		free(o->bad[i].name);
	free(o->bad);
	fb_ofsted_init(o);
}

/* What a column of the header row holds. */
enum col_kind { C_NONE, C_LA, C_JOINT, C_UNMATCHED, C_ENGLAND, C_REGION };

struct col {
	enum col_kind kind;
	size_t idx;      /* into las, joints, bad or regions */
};

/* Where column c's values go, with their suppressed mask, or NULL. */
static long *
target(struct fb_ofsted *o, const struct col *col, unsigned **suppressed)
{
	*suppressed = NULL;
	switch (col->kind) {
	case C_LA:
		*suppressed = &o->las[col->idx].suppressed;
		return o->las[col->idx].v;
	case C_JOINT:
		*suppressed = &o->joints[col->idx].suppressed;
		return o->joints[col->idx].v;
	case C_UNMATCHED:
		return o->bad[col->idx].v;
	case C_ENGLAND:
		return o->england.v;
	case C_REGION:
		return o->regions[col->idx].v;
	default:
		return NULL;
	}
}

static void
all_missing(long v[FB_OM_COUNT])
{
	for (int m = 0; m < FB_OM_COUNT; m++)
		v[m] = FB_MISSING;
}

/* Classify the header's columns after England's, with findings for bad names. */
static void
read_header(struct fb_ofsted *o, char **cells, size_t ncells, size_t england, long line,
	    struct col *cols, int file, struct fb_findings *out)
{
	char vis[FB_VISIBLE_SIZE], hint[512];
	int region = -1;

	cols[england].kind = C_ENGLAND;
	o->england.given = 1;
	all_missing(o->england.v);
	for (size_t c = england + 1; c < ncells; c++) {
		const char *name = cells[c];
		const struct fb_la *la;
		const struct fb_joint_service *joint;
		int g;

		cols[c].kind = C_NONE;
		/* England again (a second copy of the total) is no authority either. */
		if (!*name || grouping(name) || same_name("England", name))
			continue;
		if ((g = fb_region_index(name)) >= 0) {
			region = g;
			if (!o->regions[g].given) {
				o->regions[g].given = 1;
				all_missing(o->regions[g].v);
				cols[c].kind = C_REGION;
				cols[c].idx = (size_t)g;
			}
			continue;
		}
		if ((la = fb_la_by_name(name, strlen(name))) != NULL) {
			size_t k;

			for (k = 0; k < o->n && o->las[k].la_code != la->code; k++)
				;
			if (k < o->n) {
				fb_findings_add_cell(out, FB_R_DUPLICATE_RETURN_ROW, file, line,
						     (int)c, name, fb_visible(vis, name, strlen(name)),
						"authority '%s' (column %zu) is LA %03d again; the "
						"first column is used", vis, c + 1, la->code);
				o->duplicates++;
				continue;
			}
			fb_grow((void **)&o->las, &o->cap, o->n + 1, sizeof(*o->las));
			o->las[o->n].la_code = la->code;
			o->las[o->n].col = (int)c;
			o->las[o->n].suppressed = 0;
			all_missing(o->las[o->n].v);
			cols[c].kind = C_LA;
			cols[c].idx = o->n++;
			continue;
		}
		if ((joint = fb_joint_by_name(name, strlen(name))) != NULL) {
			size_t k;

			for (k = 0; k < o->njoints && o->joints[k].service != joint; k++)
				;
			if (k < o->njoints) {
				fb_findings_add_cell(out, FB_R_DUPLICATE_RETURN_ROW, file, line,
						     (int)c, name, fb_visible(vis, name, strlen(name)),
						"joint service '%s' (column %zu) is there again; the "
						"first column is used", vis, c + 1);
				o->duplicates++;
				continue;
			}
			fb_grow((void **)&o->joints, &o->jcap, o->njoints + 1, sizeof(*o->joints));
			o->joints[o->njoints].service = joint;
			o->joints[o->njoints].col = (int)c;
			o->joints[o->njoints].suppressed = 0;
			all_missing(o->joints[o->njoints].v);
			cols[c].kind = C_JOINT;
			cols[c].idx = o->njoints++;
			continue;
		}
		fb_visible(vis, name, strlen(name));
		suggest(hint, sizeof(hint), vis);
		fb_findings_add_cell(out, FB_R_UNMATCHED_AUTHORITY, file, line, (int)c, name, vis,
				"authority '%s' (column %zu) matches no English LA and no known "
				"joint fostering service, so its figures are left out of every "
				"sum%s", vis, c + 1, hint);
		fb_grow((void **)&o->bad, &o->bcap, (size_t)o->unmatched + 1, sizeof(*o->bad));
		o->bad[o->unmatched].name = fb_xstrdup(name);
		o->bad[o->unmatched].region = region;
		all_missing(o->bad[o->unmatched].v);
		cols[c].kind = C_UNMATCHED;
		cols[c].idx = (size_t)o->unmatched++;
	}
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
	size_t header = 0;
	struct col *cols = NULL;
	long approved_line = 1;

	memset(&t, 0, sizeof(t));
	fb_csv_lines_init(&t.at);
	t.out = out;
	t.file = file;
	if (fb_csv_init(&p, CSV_STRICT | CSV_REPALL_NL) != 0)
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

	cols = fb_xcalloc(t.ncells[header], sizeof(*cols));
	o->header_line = t.line[header];
	read_header(o, t.cell[header], t.ncells[header], (size_t)england, t.line[header], cols,
		    file, out);
	o->rows_used = (long)(o->n + o->njoints);
	o->rows_rejected = o->unmatched + o->duplicates;
	o->rows_read = o->rows_used + o->rows_rejected;
	o->rejected_by[FB_R_UNMATCHED_AUTHORITY] = o->unmatched;
	o->rejected_by[FB_R_DUPLICATE_RETURN_ROW] = o->duplicates;

	/* Measures: the first row whose label matches each. */
	for (size_t r = header + 1; r < t.nrows; r++) {
		int m;

		if ((size_t)labelcol >= t.ncells[r] || (m = measure_of(t.cell[r][labelcol])) < 0 ||
		    seen[m])
			continue;
		seen[m] = 1;
		o->measures |= FB_OM_BIT(m);
		if (m == FB_OM_APPROVED)
			approved_line = t.line[r];
		for (size_t c = (size_t)england; c < t.ncells[header]; c++) {
			const char *v = c < t.ncells[r] ? t.cell[r][c] : "";
			size_t vlen = strlen(v);
			unsigned *suppressed;
			long *into = target(o, &cols[c], &suppressed), n;
			int counted = cols[c].kind == C_LA || cols[c].kind == C_JOINT;

			if (!into)
				continue;
			fb_trim(&v, &vlen);
			if (vlen == 0 || (vlen == 2 && v[0] == '.' && v[1] == '.')) {
				o->missing += counted;
				if (suppressed && vlen == 2)
					*suppressed |= FB_OM_BIT(m);
				continue;
			}
			if (fb_count_parse(v, vlen, 1, &n) != 0) {
				if (cols[c].kind != C_UNMATCHED)
					fb_findings_add_cell(out, FB_R_BAD_COUNT, file, t.line[r],
							     (int)c, t.cell[header][c],
							     fb_visible(vis, v, vlen),
							"%s for '%s' is '%s', not a count; it is left "
							"empty", fb_ofsted_measure_names[m],
							t.cell[header][c], vis);
				continue;
			}
			into[m] = n;
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
	free(cols);
	table_release(&t);
	return status;
}
