/*
 * test-episodes.c: bed-nights arithmetic (period edges, open-ended and
 * one-night episodes, the leap day), overlaps and gaps through a run, and
 * random episodes checked against a model that is plainly right: every
 * episode kept whole in an array, beds found by searching it from the start.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fosterbeds/host.h"
#include "fosterbeds/date.h"
#include "fosterbeds/episodes.h"
#include "fosterbeds/run.h"

static int
day(const char *iso)
{
	int d;
	enum fb_date_form form;

	assert_int_equal(fb_date_parse(iso, strlen(iso), &d, &form), 0);
	return d;
}

static void
test_nights_table(void **state)
{
	/* Period 2028-02-15..2028-03-05: 15 February nights (29 days) + 5 in March. */
	struct fb_period p = { day("2028-02-15"), day("2028-03-05") };
	static const struct {
		const char *from, *to;  /* to NULL: open-ended */
		long nights;
	} t[] = {
		{ "2028-01-01", "2028-02-20", 6 },   /* starts before the period */
		{ "2028-02-21", NULL, 14 },          /* open-ended: to the period's end */
		{ "2028-02-29", "2028-02-29", 1 },   /* one night, the leap day */
		{ "2028-03-01", "2028-03-31", 5 },   /* ends after the period */
		{ "2027-12-01", "2028-02-14", 0 },   /* ends the day before */
		{ "2028-03-06", "2028-03-20", 0 },   /* starts the day after */
		{ "2028-02-15", "2028-02-15", 1 },   /* the first date alone */
		{ "2028-03-05", NULL, 1 },           /* the last date, open */
		{ "2028-01-01", NULL, 20 },          /* the whole period */
		{ "2028-02-28", "2028-03-01", 3 },   /* over the leap day */
	};

	(void)state;
	assert_int_equal(p.to - p.from + 1, 20);
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(fb_span_nights(day(t[i].from),
						   t[i].to ? day(t[i].to) : FB_EP_OPEN, &p),
				 t[i].nights);
	/* Not a leap year: 2027-02-28 to 2027-03-01 is two nights. */
	p.from = day("2027-02-01");
	p.to = day("2027-03-31");
	assert_int_equal(fb_span_nights(day("2027-02-28"), day("2027-03-01"), &p), 2);
}

#define HDR "la_code,status_from,status_to,household_id,bed_id,bed_use,status," \
	    "unavailable_reason,vacancy_reason\n"

static void
read_text(struct fb_run *run, const char *text)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");

	assert_non_null(in);
	assert_int_equal(fb_run_read(run, "ep.csv", in), 0);
	fclose(in);
}

static void
test_overlap_rejects_both(void **state)
{
	struct fb_run run;
	struct fb_nights_row *rows;
	size_t n;

	(void)state;
	fb_run_init(&run, day("2030-01-01"), 0);
	fb_run_set_period(&run, day("2028-02-15"), day("2028-03-05"));
	read_text(&run, HDR
		  "851,2028-02-01,2028-02-20,H1,1,mainstream,filled,,\n"
		  "851,2028-02-20,,H1,1,mainstream,vacant,,no_match\n"
		  "851,2028-02-01,2028-03-31,H1,2,mainstream,filled,,\n");
	fb_run_end(&run);
	assert_string_equal(run.inputs[0].role, "episodes");
	assert_int_equal(run.findings.count[FB_R_EPISODE_OVERLAP], 1);
	assert_int_equal(run.inputs[0].rows_read, 3);
	assert_int_equal(run.inputs[0].rows_used, 1);
	assert_int_equal(run.inputs[0].rows_rejected, 2);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_EPISODE_OVERLAP], 2);
	assert_non_null(strstr(run.findings.items[0].message, "line 2"));
	assert_int_equal(run.findings.items[0].line, 3);
	n = fb_episodes_bed_nights(&run.episodes, &run.period, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].n.approved, 20);
	assert_int_equal(rows[0].n.filled, 20);
	free(rows);
	fb_run_release(&run);
}

static void
test_gap_and_reversed(void **state)
{
	struct fb_run run;

	(void)state;
	fb_run_init(&run, day("2030-01-01"), 0);
	fb_run_set_period(&run, day("2028-02-15"), day("2028-03-05"));
	read_text(&run, HDR
		  "867,2028-02-10,2028-02-25,H9,1,mainstream,filled,,\n"
		  "867,2028-03-01,,H9,1,mainstream,vacant,,\n"
		  /* A gap before the period is not warned. */
		  "867,2028-01-01,2028-01-31,H9,2,mainstream,filled,,\n"
		  "867,2028-02-10,,H9,2,mainstream,vacant,,\n"
		  "867,2028-03-10,2028-03-01,H9,3,mainstream,vacant,,\n");
	fb_run_end(&run);
	assert_int_equal(run.findings.count[FB_R_EPISODE_GAP], 1);
	assert_int_equal(run.findings.count[FB_R_EPISODE_REVERSED], 1);
	assert_int_equal(run.inputs[0].rows_used, 4);
	assert_int_equal(run.inputs[0].rejected_by[FB_R_EPISODE_REVERSED], 1);
	fb_run_release(&run);

	/* Without a period, gaps are not judged. */
	fb_run_init(&run, day("2030-01-01"), 0);
	read_text(&run, HDR
		  "867,2028-02-10,2028-02-25,H9,1,mainstream,filled,,\n"
		  "867,2028-03-01,,H9,1,mainstream,vacant,,\n");
	fb_run_end(&run);
	assert_int_equal(run.findings.count[FB_R_EPISODE_GAP], 0);
	assert_int_equal(run.findings.errors + run.findings.warnings, 0);
	fb_run_release(&run);
}

/* The model: one episode as given, its bed's key kept whole. */
struct m_ep {
	int la;
	const char *hh, *id;
	size_t hhlen, idlen;
	int from, to, use, status;
	unsigned file, line;
	int rejected;
};

static int
m_same_bed(const struct m_ep *a, const struct m_ep *b)
{
	return a->la == b->la && a->hhlen == b->hhlen && a->idlen == b->idlen &&
	       memcmp(a->hh, b->hh, a->hhlen) == 0 && memcmp(a->id, b->id, a->idlen) == 0;
}

static int
m_before(const struct m_ep *a, const struct m_ep *b)
{
	if (a->from != b->from)
		return a->from < b->from;
	if (a->to != b->to)
		return a->to < b->to;
	if (a->file != b->file)
		return a->file < b->file;
	return a->line < b->line;
}

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The finding at *next of f: rule, place, the bed and the other episode's line. */
static void
expect_finding(const struct fb_findings *f, size_t *next, enum fb_rule rule,
	       const struct m_ep *ep, const struct m_ep *other, const char *const *names)
{
	const struct fb_finding *fnd;
	char want[4 * FB_VISIBLE_SIZE], hh[FB_VISIBLE_SIZE], id[FB_VISIBLE_SIZE];
	char vis[FB_VISIBLE_SIZE];

	assert_true(*next < f->n);
	fnd = &f->items[(*next)++];
	assert_int_equal(fnd->rule, rule);
	assert_int_equal(fnd->file, ep->file);
	assert_int_equal(fnd->line, ep->line);
	snprintf(want, sizeof(want), "bed '%s' of household '%s' (la_code %03d)",
		 fb_visible(id, ep->id, ep->idlen), fb_visible(hh, ep->hh, ep->hhlen), ep->la);
	if (strncmp(fnd->message, want, strlen(want)) != 0)
		fail_msg("'%s' does not start '%s'", fnd->message, want);
	snprintf(want, sizeof(want), "episode on line %u%s%s ", other->line,
		 other->file == ep->file ? "" : " of ",
		 other->file == ep->file ? "" : fb_visible(vis, names[other->file],
							  strlen(names[other->file])));
	if (!strstr(fnd->message, want))
		fail_msg("'%s' does not hold '%s'", fnd->message, want);
}

/*
 * fb_episodes_check_across() and fb_episodes_bed_nights() on m[0..n), against
 * the rules worked out on the model: beds in first-seen order, each bed's
 * episodes by dates, then file and line.
 */
static void
check_model(struct m_ep *m, size_t n, const struct fb_period *period)
{
	static const char *const names[] = { "a.csv", "b.csv", "c.csv", NULL };
	struct fb_episodes e;
	struct fb_findings f;
	struct fb_nights_row *rows;
	struct fb_nights la[1000];
	struct m_ep **bed = calloc(n + 1, sizeof(*bed));
	long rejected[3] = { 0 }, got[3] = { 0 };
	size_t next = 0, nrows, k = 0;
	char *done = calloc(n + 1, 1);

	assert_non_null(bed);
	assert_non_null(done);
	fb_episodes_init(&e);
	fb_findings_init(&f, 0);
	for (size_t i = 0; i < n; i++) {
		struct fb_bed b = { .la_code = m[i].la, .date = m[i].from, .household = m[i].hh,
				    .household_len = m[i].hhlen, .bed_id = m[i].id,
				    .bed_id_len = m[i].idlen, .bed_use = m[i].use,
				    .status = m[i].status };

		fb_episodes_add(&e, &b, m[i].to, (int)m[i].file, m[i].line);
	}
	assert_int_equal(e.n, n);
	fb_episodes_check_across(&e, period, &f, names);

	memset(la, 0, sizeof(la));
	for (size_t i = 0; i < n; i++) {
		size_t nb = 0, cover = 0, prev = 0;
		int have_prev = 0;

		if (done[i])
			continue;
		/* The bed's episodes, sorted by insertion. */
		for (size_t j = i; j < n; j++) {
			size_t at = nb;

			if (done[j] || !m_same_bed(&m[i], &m[j]))
				continue;
			done[j] = 1;
			while (at > 0 && m_before(&m[j], bed[at - 1])) {
				bed[at] = bed[at - 1];
				at--;
			}
			bed[at] = &m[j];
			nb++;
		}
		for (size_t j = 1; j < nb; j++) {
			if (bed[j]->from <= bed[cover]->to) {
				expect_finding(&f, &next, FB_R_EPISODE_OVERLAP, bed[j], bed[cover],
					       names);
				bed[j]->rejected = bed[cover]->rejected = 1;
			}
			if (bed[j]->to > bed[cover]->to)
				cover = j;
		}
		for (size_t j = 0; period && j < nb; j++) {
			if (bed[j]->rejected)
				continue;
			if (have_prev && bed[j]->from > (long)bed[prev]->to + 1 &&
			    fb_span_nights(bed[prev]->to + 1, bed[j]->from - 1, period) > 0)
				expect_finding(&f, &next, FB_R_EPISODE_GAP, bed[j], bed[prev],
					       names);
			prev = j;
			have_prev = 1;
		}
	}
	assert_int_equal(next, f.n);

	for (size_t i = 0; i < n; i++) {
		long nights = period ? fb_span_nights(m[i].from, m[i].to, period) : 0;
		struct fb_nights *c = &la[m[i].la];

		rejected[m[i].file] += m[i].rejected;
		if (m[i].rejected || !period)
			continue;
		c->approved += nights;
		c->filled += m[i].status == FB_ST_FILLED ? nights : 0;
		c->vacant += m[i].status == FB_ST_VACANT ? nights : 0;
		c->unavailable += m[i].status == FB_ST_UNAVAILABLE ? nights : 0;
		c->ms_approved += m[i].use == FB_USE_MAINSTREAM ? nights : 0;
		c->ms_filled += m[i].use == FB_USE_MAINSTREAM &&
				m[i].status == FB_ST_FILLED ? nights : 0;
	}
	for (size_t i = 0; i < e.n; i++) {
		assert_int_equal(e.items[i].rejected, FB_R_EPISODE_OVERLAP);
		got[e.items[i].file]++;
	}
	for (int i = 0; i < 3; i++)
		assert_int_equal(got[i], rejected[i]);

	if (!period)
		goto out;
	nrows = fb_episodes_bed_nights(&e, period, &rows);
	for (int code = 0; code < 1000; code++) {
		if (la[code].approved == 0)
			continue;
		assert_true(k < nrows);
		assert_int_equal(rows[k].la_code, code);
		assert_memory_equal(&rows[k].n, &la[code], sizeof(la[code]));
		k++;
	}
	assert_int_equal(nrows, k ? k + 1 : 0);
	free(rows);
out:
	free(bed);
	free(done);
	fb_findings_release(&f);
	fb_episodes_release(&e);
}

/*
 * Random episodes over beds whose keys run into each other if not kept
 * apart ("1" "23" and "12" "3"), hold NUL and bytes past ASCII, or are long
 * enough for a length of two bytes; dates at both ends of what a date may be;
 * lines that step by 1, by the most a step holds and by one more, go back,
 * and change file (or, for every third seed, only go on, as when files are
 * read one after another); enough beds for the table to grow many times.
 */
static void
test_random(void **state)
{
	static char longhh[300], longid[200];
	static const struct {
		const char *s;
		size_t len;
	} hh[] = { { "", 0 }, { "1", 1 }, { "12", 2 }, { "H", 1 }, { "a\0b", 3 },
		   { "a\0c", 3 }, { "\xc3\xa9t\xe9", 4 }, { longhh, 130 }, { longhh, 300 } },
	  id[] = { { "", 0 }, { "3", 1 }, { "23", 2 }, { "1", 1 }, { "\0", 1 },
		   { longid, 200 } };
	static const int las[] = { 0, 1, 255, 256, 851, 999 };
	static const unsigned steps[] = { 1, 1, 1, 2, 1023, 1024, 5000 };
	int lo = day("2028-01-01"), first = day("1900-01-01"), last = day("9999-12-31");
	struct fb_period period = { day("2028-02-01"), day("2028-03-31") };
	char (*gen)[16] = calloc(6000, sizeof(*gen));

	(void)state;
	assert_non_null(gen);
	memset(longhh, 'h', sizeof(longhh));
	memset(longid, 'i', sizeof(longid));
	for (size_t i = 0; i < 6000; i++)
		snprintf(gen[i], sizeof(gen[i]), "HH%05zu", i);
	for (uint64_t seed = 1; seed <= 60; seed++) {
		uint64_t s = seed * 0x9e3779b97f4a7c15ull;
		size_t n = seed % 10 == 0 ? 6000 : 1 + rnd(&s) % 700;
		struct m_ep *m = calloc(n, sizeof(*m));
		unsigned file = 0, line = 1;

		assert_non_null(m);
		for (size_t i = 0; i < n; i++) {
			uint64_t r = rnd(&s);

			m[i].la = las[r % 6];
			if (seed % 10 == 0) {
				m[i].hh = gen[r % 6000 % (n / 2)];
				m[i].hhlen = strlen(m[i].hh);
				m[i].id = "1";
				m[i].idlen = 1;
			} else {
				m[i].hh = hh[r / 6 % 9].s;
				m[i].hhlen = hh[r / 6 % 9].len;
				m[i].id = id[r / 54 % 6].s;
				m[i].idlen = id[r / 54 % 6].len;
			}
			r = rnd(&s);
			m[i].from = lo + (int)(r % 120);
			m[i].to = r / 120 % 5 == 0 ? FB_EP_OPEN : m[i].from + (int)(r / 600 % 30);
			if (r / 18000 % 50 == 0)
				m[i].from = first;
			if (r / 18000 % 50 == 1)
				m[i].to = last;
			m[i].use = (int)(r / 900000 % FB_USE_COUNT);
			m[i].status = (int)(r / 2700000 % FB_ST_COUNT);
			/* Every third seed in input order, as files are read. */
			r = rnd(&s);
			if (r % 40 == 0 && (seed % 3 || file < 2)) {
				file = seed % 3 ? (unsigned)(r / 40 % 3) : file + 1;
				line = 2 + (unsigned)(r / 120 % 50);
			} else if (r % 40 == 1 && seed % 3) {
				line = line > 3 ? line - 2 : line + 7;
			} else {
				line += steps[r / 40 % 7];
			}
			m[i].file = file;
			m[i].line = line;
		}
		check_model(m, n, &period);
		for (size_t i = 0; i < n; i++)
			m[i].rejected = 0;
		check_model(m, n, NULL);
		free(m);
	}
	free(gen);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nights_table),
		cmocka_unit_test(test_overlap_rejects_both),
		cmocka_unit_test(test_gap_and_reversed),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
