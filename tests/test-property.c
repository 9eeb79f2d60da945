/*
 * test-property.c: random files of bed records, valid and invalid, made by
 * a seeded generator (the same files every run), read as validate and
 * report read them; every count the run, the tally and the documents give
 * must equal the count the test made itself while writing the file.
 *
 * Each file has its columns in a random order (names in random case), a
 * random line ending, some values quoted, and rows of households of one to
 * three beds (never over the limit of FB015) at two dates of four LAs.
 * A row is valid, valid with one warning (FB007 a day-first date, FB010 a
 * reason on a bed whose status takes none, FB016 a child_ref on a bed not
 * filled; FB007 is one finding a file), or broken in one way, so the rule it is rejected under is known:
 * FB004 an unknown status, FB005 a blank bed_use, FB006 an impossible date,
 * FB009 an unavailable bed with no reason, FB011 a repeat of an earlier
 * bed, FB012 a field too many, FB017 a bad la_code.
 *
 * Then files of episodes (spec/bed-episodes.md): chains of episodes per
 * bed, some rejected, whose bed-nights over a period, per LA and pooled,
 * the test counts itself.
 *
 * A failure names the file's seed and prints the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/date.h"
#include "fosterbeds/doc.h"
#include "fosterbeds/doc-report.h"
#include "fosterbeds/episodes.h"
#include "fosterbeds/hooks.h"
#include "fosterbeds/run.h"
#include "fosterbeds/tally.h"
#include "test-random.h"

#define NFILES 400
#define MAX_ROWS 80
#define TODAY 20788   /* 2026-12-01 */

static const int las[] = { 851, 867, 852, 826 };
#define NLA 4
static const int dates[] = { 20543, 20634 };   /* 2026-03-31, 2026-06-30 */
static const char *const iso[] = { "2026-03-31", "2026-06-30" };
static const char *const dmy[] = { "31/03/2026", "30/06/2026" };
#define NDATE 2

static const char *const uses[] = { "mainstream", "respite", "emergency" };
static const char *const statuses[] = { "filled", "vacant", "unavailable" };
static const char *const unavailable_reasons[] = { "carer_break", "child_needs", "sibling_only",
	"investigation", "carer_health", "adaptation", "deregistering", "other" };
static const char *const vacancy_reasons[] = { "complexity", "education",
	"impact_on_household", "logistics", "no_match", "other", "" };
static const char *const ofsted_statuses[] = { "filled", "vacant", "unavailable", "not_counted",
	"" };

/* The standard's columns, in its order (standard.h's fields). */
enum { C_LA, C_DATE, C_HH, C_BED, C_USE, C_STATUS, C_UR, C_VR, C_CHILD, C_OS, NCOL };
static const char *const colnames[NCOL] = { "la_code", "snapshot_date", "household_id",
	"bed_id", "bed_use", "status", "unavailable_reason", "vacancy_reason", "child_ref",
	"ofsted_status" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct counts {
	long approved, filled, vacant, unavailable, respite;
	long ms_approved, ms_filled, ms_vacant, ms_unavailable;
};

/* What the test counted while it wrote the file. */
struct expect {
	long rows, used, rejected;
	long rejected_by[FB_R_COUNT];
	long findings[FB_R_COUNT];
	struct counts c[NLA][NDATE];
};


struct key {
	int la, date, hh, bed;
};

static void
count_bed(struct counts *c, int use, int status)
{
	c->approved++;
	c->filled += status == 0;
	c->vacant += status == 1;
	c->unavailable += status == 2;
	c->respite += use != 0;
	if (use == 0) {
		c->ms_approved++;
		c->ms_filled += status == 0;
		c->ms_vacant += status == 1;
		c->ms_unavailable += status == 2;
	}
}

/* Write the file of seed into t, and what it holds into e. */
static void
generate(uint64_t seed, struct text *t, struct expect *e)
{
	uint64_t s = seed;
	int order[NCOL];
	const char *eol = rnd(&s, 3) == 0 ? "\r\n" : "\n";
	int nrows = 1 + (int)rnd(&s, MAX_ROWS), row = 0, hh = 0;
	struct key keys[MAX_ROWS];
	size_t nkeys = 0;

	memset(e, 0, sizeof(*e));
	t->len = 0;
	put(t, "%s", "");
	for (int i = 0; i < NCOL; i++)
		order[i] = i;
	for (int i = NCOL - 1; i > 0; i--) {
		int j = (int)rnd(&s, (unsigned)i + 1), x = order[i];

		order[i] = order[j];
		order[j] = x;
	}
	for (int i = 0; i < NCOL; i++) {
		const char *name = colnames[order[i]];

		put(t, "%s", i ? "," : "");
		if (rnd(&s, 4) == 0)   /* any case */
			for (const char *p = name; *p; p++)
				put(t, "%c", *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		else
			put(t, "%s", name);
	}

	while (row < nrows) {
		int la = (int)rnd(&s, NLA), date = (int)rnd(&s, NDATE);
		int beds = 1 + (int)rnd(&s, 3);

		hh++;
		for (int b = 1; b <= beds && row < nrows; b++, row++) {
			char la_s[8], hh_s[16], bed_s[8], child[16];
			const char *v[NCOL] = { 0 };
			int use = (int)rnd(&s, 3), status = (int)rnd(&s, 3);
			unsigned kind = rnd(&s, 20);
			int rule = -1, warn = -1, extra = 0;
			struct key k = { la, date, hh, b };

			snprintf(child, sizeof(child), "CR%06u", rnd(&s, 1000000));
			v[C_USE] = uses[use];
			v[C_STATUS] = statuses[status];
			v[C_UR] = status == 2 ? unavailable_reasons[rnd(&s, N(unavailable_reasons))] : "";
			v[C_VR] = status == 1 ? vacancy_reasons[rnd(&s, N(vacancy_reasons))] : "";
			v[C_CHILD] = status == 0 ? child : "";
			v[C_OS] = ofsted_statuses[rnd(&s, N(ofsted_statuses))];
			v[C_DATE] = iso[date];

			/* One row in five broken, one in six with a warning: each one way. */
			switch (kind) {
			case 0:
				rule = FB_R_UNKNOWN_CODE;
				v[C_STATUS] = "Vacnt";
				v[C_UR] = v[C_VR] = v[C_CHILD] = "";
				break;
			case 1:
				rule = FB_R_BLANK_REQUIRED;
				v[C_USE] = "";
				break;
			case 2:
				rule = FB_R_BAD_DATE;
				v[C_DATE] = "2026-02-30";
				break;
			case 3:
				rule = FB_R_NO_UNAVAILABLE_REASON;
				v[C_STATUS] = "unavailable";
				v[C_UR] = v[C_VR] = v[C_CHILD] = "";
				break;
			case 4:
				if (nkeys > 0) {
					rule = FB_R_DUPLICATE_BED;
					k = keys[rnd(&s, (unsigned)nkeys)];
					v[C_DATE] = iso[k.date];
				}
				break;
			case 5:
				rule = FB_R_FIELD_COUNT;
				extra = 1;
				break;
			case 6:
				rule = FB_R_BAD_LA_CODE;
				break;
			case 7:
				warn = FB_R_DMY_DATE;
				v[C_DATE] = dmy[date];
				break;
			case 8:
				if (status == 1) {
					warn = FB_R_REASON_WRONG_STATUS;
					v[C_UR] = "carer_break";
				}
				break;
			case 9:
				if (status != 0) {
					warn = FB_R_CHILD_REF_NOT_FILLED;
					v[C_CHILD] = child;
				}
				break;
			}
			if (rule == FB_R_BAD_LA_CODE)
				snprintf(la_s, sizeof(la_s), "85X");
			else
				snprintf(la_s, sizeof(la_s), "%d", las[k.la]);
			snprintf(hh_s, sizeof(hh_s), "H%d", k.hh);
			snprintf(bed_s, sizeof(bed_s), "%d", k.bed);
			v[C_LA] = la_s;
			v[C_HH] = hh_s;
			v[C_BED] = bed_s;

			put(t, "%s", eol);
			for (int i = 0; i < NCOL; i++) {
				const char *x = v[order[i]];

				if (rnd(&s, 8) == 0)
					put(t, "%s\"%s\"", i ? "," : "", x);
				else
					put(t, "%s%s", i ? "," : "", x);
			}
			if (extra)
				put(t, ",x");

			e->rows++;
			if (rule >= 0) {
				e->rejected++;
				e->rejected_by[rule]++;
				e->findings[rule]++;
				/* A broken row takes no bed of its household: the bed is made again. */
				if (rule != FB_R_DUPLICATE_BED)
					b--;
				continue;
			}
			e->used++;
			if (warn >= 0)
				e->findings[warn]++;
			count_bed(&e->c[la][date], use, status);
			keys[nkeys++] = k;
		}
	}
	if (rnd(&s, 4) != 0)
		put(t, "%s", eol);
	/* Day-first dates are one finding a file, saying how many rows have them. */
	e->findings[FB_R_DMY_DATE] = e->findings[FB_R_DMY_DATE] > 0;
}

static uint64_t failing_seed;
static const struct text *failing_text;

#define CHECK(what, got, want) \
	check_equal(what, (long)(got), (long)(want), __LINE__)

static void
check_equal(const char *what, long got, long want, int line)
{
	if (got == want)
		return;
	print_error("line %d: seed %llu: %s: got %ld, the file holds %ld\n--- the file:\n%.*s\n---\n",
		    line, (unsigned long long)failing_seed, what, got, want,
		    (int)failing_text->len, failing_text->s);
	fail();
}

static int
la_index(int code)
{
	for (int i = 0; i < NLA; i++)
		if (las[i] == code)
			return i;
	return -1;
}

static int
date_index(int days)
{
	for (int i = 0; i < NDATE; i++)
		if (dates[i] == days)
			return i;
	return -1;
}

static void
check_counts(const char *what, const struct fb_counts *got, const struct counts *want)
{
	char w[64];

#define ONE(field) \
	snprintf(w, sizeof(w), "%s " #field, what); \
	CHECK(w, got->field, want->field)
	ONE(approved);
	ONE(filled);
	ONE(vacant);
	ONE(unavailable);
	ONE(ms_approved);
	ONE(ms_filled);
	ONE(ms_vacant);
	ONE(ms_unavailable);
#undef ONE
	snprintf(w, sizeof(w), "%s respite_emergency", what);
	CHECK(w, got->respite_emergency, want->respite);
}

/* The tally's rows, LA by LA and pooled, against the counts the test made. */
static void
check_tally(const struct fb_tally_row *rows, size_t n, const struct expect *e)
{
	size_t groups = 0, pooled = 0;

	for (int l = 0; l < NLA; l++)
		for (int d = 0; d < NDATE; d++)
			groups += e->c[l][d].approved > 0;
	for (int d = 0; d < NDATE; d++)
		for (int l = 0; l < NLA; l++)
			if (e->c[l][d].approved > 0) {
				pooled++;
				break;
			}
	CHECK("tally rows", n, groups + pooled);
	for (size_t i = 0; i < n; i++) {
		int d = date_index(rows[i].date);
		struct counts all = { 0 };

		CHECK("a known date", d >= 0, 1);
		if (rows[i].la_code == FB_LA_ALL) {
			for (int l = 0; l < NLA; l++) {
				const struct counts *c = &e->c[l][d];

				all.approved += c->approved;
				all.filled += c->filled;
				all.vacant += c->vacant;
				all.unavailable += c->unavailable;
				all.respite += c->respite;
				all.ms_approved += c->ms_approved;
				all.ms_filled += c->ms_filled;
				all.ms_vacant += c->ms_vacant;
				all.ms_unavailable += c->ms_unavailable;
			}
			check_counts("ALL", &rows[i].counts, &all);
		} else {
			int l = la_index(rows[i].la_code);

			CHECK("a known LA", l >= 0, 1);
			check_counts("LA", &rows[i].counts, &e->c[l][d]);
		}
	}
}

/* The report's table: each LA row's figures are the test's. */
static void
check_report(const struct fb_doc *doc, const struct expect *e)
{
	const struct fb_table *t = &doc->tables[FB_REPORT_TABLE];
	static const struct {
		int col;
		size_t off;
	} cols[] = {
		{ FB_RC_APPROVED, offsetof(struct counts, approved) },
		{ FB_RC_FILLED, offsetof(struct counts, filled) },
		{ FB_RC_VACANT, offsetof(struct counts, vacant) },
		{ FB_RC_UNAVAILABLE, offsetof(struct counts, unavailable) },
		{ FB_RC_RESPITE, offsetof(struct counts, respite) },
		{ FB_RC_MS_APPROVED, offsetof(struct counts, ms_approved) },
		{ FB_RC_MS_FILLED, offsetof(struct counts, ms_filled) },
	};
	size_t seen = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		const struct fb_cell *code = fb_table_cell(t, r, FB_RC_CODE);
		const struct fb_cell *date = fb_table_cell(t, r, FB_RC_DATE);
		int l, d;

		if (t->pooled[r])
			continue;
		l = la_index(atoi(code->s ? code->s : "0"));
		d = date_index((int)date->n);
		CHECK("report: a known LA", l >= 0, 1);
		CHECK("report: a known date", d >= 0, 1);
		for (size_t i = 0; i < N(cols); i++) {
			const struct fb_cell *c = fb_table_cell(t, r, (size_t)cols[i].col);

			CHECK(t->cols[cols[i].col].name, c->n,
			      *(const long *)((const char *)&e->c[l][d] + cols[i].off));
		}
		seen++;
	}
	for (int l = 0; l < NLA; l++)
		for (int d = 0; d < NDATE; d++)
			seen -= e->c[l][d].approved > 0;
	CHECK("report: LA rows", seen, 0);
}

/* validate's summary by code: each rule's findings. */
static void
check_findings_doc(const struct fb_doc *doc, const struct expect *e)
{
	const struct fb_table *t = fb_doc_find_table(doc, "Summary by code");
	size_t code, n;
	long total = 0, want = 0;

	assert_non_null(t);
	code = fb_table_find_column(t, "code");
	n = fb_table_find_column(t, "findings");
	assert_true(code < t->ncols && n < t->ncols);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = fb_table_cell(t, r, code)->s;
		int rule = s ? atoi(s + 2) - 1 : -1;

		CHECK("validate: a rule", rule >= 0 && rule < FB_R_COUNT, 1);
		CHECK(s, fb_table_cell(t, r, n)->n, e->findings[rule]);
		total += fb_table_cell(t, r, n)->n;
	}
	for (int r = 0; r < FB_R_COUNT; r++)
		want += e->findings[r];
	CHECK("validate: findings", total, want);
}

static void
test_random_files(void **state)
{
	struct text t = { 0 };
	(void)state;

	failing_text = &t;
	for (uint64_t i = 0; i < NFILES; i++) {
		uint64_t seed = 0x15f0 + i;
		struct expect e;
		struct fb_run run;
		struct fb_memory_source m;
		struct fb_source src;
		struct fb_tally_row *rows;
		struct fb_doc doc;
		const struct fb_input *in;
		size_t n;
		long read, used, rejected;

		failing_seed = seed;
		generate(seed, &t, &e);
		fb_run_init(&run, TODAY, i % 3 == 0 ? 3 : 0);
		fb_source_memory(&src, &m, t.s, t.len);
		assert_int_equal(fb_run_read_source(&run, "random.csv", &src, NULL), 0);
		fb_run_end(&run);

		in = &run.inputs[0];
		CHECK("rows read", in->rows_read, e.rows);
		CHECK("rows used", in->rows_used, e.used);
		CHECK("rows rejected", in->rows_rejected, e.rejected);
		CHECK("read = used + rejected", in->rows_read, in->rows_used + in->rows_rejected);
		fb_run_totals(&run, &read, &used, &rejected);
		CHECK("total read", read, e.rows);
		for (int r = 0; r < FB_R_COUNT; r++) {
			char what[48];

			snprintf(what, sizeof(what), "rejected_by FB%03d", r + 1);
			CHECK(what, in->rejected_by[r], e.rejected_by[r]);
			snprintf(what, sizeof(what), "findings FB%03d", r + 1);
			CHECK(what, run.findings.count[r], e.findings[r]);
		}

		n = fb_tally_rows(&run.tally, &rows);
		check_tally(rows, n, &e);
		fb_doc_report(&doc, &run, rows, n, "Region", 0);
		check_report(&doc, &e);
		fb_doc_release(&doc);
		free(rows);

		fb_findings_sort(&run.findings);
		fb_doc_findings(&doc, &run);
		check_findings_doc(&doc, &e);
		fb_doc_release(&doc);
		fb_run_release(&run);
	}
	free(t.s);
}

/* Episodes */

#define PERIOD_FROM 20179  /* 2025-04-01 */
#define PERIOD_TO 20543    /* 2026-03-31 */

/* Bed-nights the test counted, per LA. */
struct nights {
	long approved, filled, vacant, unavailable, ms_approved, ms_filled;
};

struct expect_ep {
	long rows, used, rejected;
	struct nights n[NLA];
};

static long
clipped(int from, int to)
{
	int lo = from > PERIOD_FROM ? from : PERIOD_FROM, hi = to < PERIOD_TO ? to : PERIOD_TO;

	return hi >= lo ? hi - lo + 1 : 0;
}

/*
 * A file of episodes: beds of one to three a household, each a chain of
 * episodes of 1 to 60 days that never overlap (some with gaps, the last
 * sometimes open), starting before the period and ending after it; one
 * episode in ten has an unknown status (FB004) and is rejected.
 */
static void
generate_episodes(uint64_t seed, struct text *t, struct expect_ep *e)
{
	uint64_t s = seed;
	int nbeds = 1 + (int)rnd(&s, 30), hh = 0;

	memset(e, 0, sizeof(*e));
	t->len = 0;
	put(t, "la_code,status_from,status_to,household_id,bed_id,bed_use,status,"
	    "unavailable_reason,vacancy_reason,child_ref,ofsted_status");
	for (int bed = 0; bed < nbeds;) {
		int la = (int)rnd(&s, NLA), beds = 1 + (int)rnd(&s, 3);

		hh++;
		for (int b = 1; b <= beds; b++, bed++) {
			int use = (int)rnd(&s, 3);
			int from = PERIOD_FROM - 30 + (int)rnd(&s, 60);

			while (from <= PERIOD_TO + 20) {
				int status = (int)rnd(&s, 3), open = rnd(&s, 12) == 0;
				int to = open ? FB_EP_OPEN : from + (int)rnd(&s, 60);
				int broken = rnd(&s, 10) == 0;
				char f[FB_DATE_LEN + 1], tt[FB_DATE_LEN + 1] = "";
				long nights;

				fb_date_format(from, f);
				if (!open)
					fb_date_format(to, tt);
				put(t, "\n%d,%s,%s,H%d,%d,%s,%s,%s,,%s,", las[la], f, tt, hh, b,
				    uses[use], broken ? "Vacnt" : statuses[status],
				    !broken && status == 2 ? "carer_break" : "",
				    !broken && status == 0 ? "CR000001" : "");
				e->rows++;
				if (broken) {
					e->rejected++;
				} else {
					struct nights *n = &e->n[la];

					e->used++;
					nights = clipped(from, open ? PERIOD_TO : to);
					n->approved += nights;
					n->filled += status == 0 ? nights : 0;
					n->vacant += status == 1 ? nights : 0;
					n->unavailable += status == 2 ? nights : 0;
					n->ms_approved += use == 0 ? nights : 0;
					n->ms_filled += use == 0 && status == 0 ? nights : 0;
				}
				if (open)
					break;
				/* The next episode the day after, or after a gap. */
				from = to + 1 + (rnd(&s, 4) == 0 ? 1 + (int)rnd(&s, 10) : 0);
			}
		}
	}
	put(t, "\n");
}

static void
test_random_episodes(void **state)
{
	struct text t = { 0 };
	(void)state;

	failing_text = &t;
	for (uint64_t i = 0; i < NFILES / 2; i++) {
		uint64_t seed = 0xe915 + i;
		struct expect_ep e;
		struct fb_run run;
		struct fb_memory_source m;
		struct fb_source src;
		struct fb_nights_row *rows;
		struct nights all = { 0 };
		size_t n, las_with_nights = 0;

		failing_seed = seed;
		generate_episodes(seed, &t, &e);
		fb_run_init(&run, TODAY, 0);
		fb_run_set_period(&run, PERIOD_FROM, PERIOD_TO);
		fb_source_memory(&src, &m, t.s, t.len);
		assert_int_equal(fb_run_read_source(&run, "episodes.csv", &src, NULL), 0);
		fb_run_end(&run);
		CHECK("episodes: rows read", run.inputs[0].rows_read, e.rows);
		CHECK("episodes: rows used", run.inputs[0].rows_used, e.used);
		CHECK("episodes: rows rejected", run.inputs[0].rows_rejected, e.rejected);
		CHECK("episodes: rejected FB004", run.inputs[0].rejected_by[FB_R_UNKNOWN_CODE],
		      e.rejected);

		n = fb_episodes_bed_nights(&run.episodes, &run.period, &rows);
		for (int l = 0; l < NLA; l++) {
			las_with_nights += e.n[l].approved > 0;
			all.approved += e.n[l].approved;
			all.filled += e.n[l].filled;
			all.vacant += e.n[l].vacant;
			all.unavailable += e.n[l].unavailable;
			all.ms_approved += e.n[l].ms_approved;
			all.ms_filled += e.n[l].ms_filled;
		}
		CHECK("bed-night rows", n, las_with_nights ? las_with_nights + 1 : 0);
		for (size_t r = 0; r < n; r++) {
			const struct nights *want = rows[r].la_code == FB_LA_ALL ? &all
				: la_index(rows[r].la_code) >= 0 ? &e.n[la_index(rows[r].la_code)] : NULL;

			CHECK("bed-nights: a known LA", want != NULL, 1);
			CHECK("bed-nights approved", rows[r].n.approved, want->approved);
			CHECK("bed-nights filled", rows[r].n.filled, want->filled);
			CHECK("bed-nights vacant", rows[r].n.vacant, want->vacant);
			CHECK("bed-nights unavailable", rows[r].n.unavailable, want->unavailable);
			CHECK("bed-nights ms_approved", rows[r].n.ms_approved, want->ms_approved);
			CHECK("bed-nights ms_filled", rows[r].n.ms_filled, want->ms_filled);
		}
		free(rows);
		fb_run_release(&run);
	}
	free(t.s);
}

/* The generator itself: the same seed, the same file; another seed, another. */
static void
test_reproducible(void **state)
{
	struct text a = { 0 }, b = { 0 }, c = { 0 };
	struct expect e;
	(void)state;

	generate(42, &a, &e);
	generate(42, &b, &e);
	generate(43, &c, &e);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.s, b.s, a.len);
	assert_true(a.len != c.len || memcmp(a.s, c.s, a.len) != 0);
	free(a.s);
	free(b.s);
	free(c.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_random_files),
		cmocka_unit_test(test_random_episodes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
