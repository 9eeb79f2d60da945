/*
 * test-split-ways.c: the fast path's splitter built each way it can be
 * (ingest-split.c, FB_SPLIT_WAY): sixteen bytes at once (SSE2), eight read
 * as a number, and a byte at a time.  A build uses one, chosen by its
 * compiler and machine, so the others would go untested where CI runs;
 * here all three cut the same random lines, and must cut them alike:
 * declining the same lines, and giving the same values for the rest.  The
 * build's way is tried twice on x86-64: counting bits with the CPU's
 * popcount instruction, as it does there, and without.
 * That the way in use reads as libcsv does is tests/fuzz/fuzz-split.c's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ingest-split.h"
#include "test-random.h"

/* The two ways built besides the default (tests/meson.build renames them). */
void fb_split_init_words(struct fb_split *sp, int delim, size_t nfields);
size_t fb_split_line_words(const struct fb_split *sp, const char *line, size_t len, char *buf,
			   size_t *off);
void fb_split_init_bytes(struct fb_split *sp, int delim, size_t nfields);
size_t fb_split_line_bytes(const struct fb_split *sp, const char *line, size_t len, char *buf,
			   size_t *off);

#define MAXLEN 90
#define MAXFIELDS 48

struct cut {
	size_t n;
	size_t off[MAXFIELDS + FB_SPLIT_SLACK];
	char buf[MAXLEN + FB_SPLIT_SLACK];
};

/* A value of cut c as text, for a message. */
static const char *
value(const struct cut *c, size_t i)
{
	return c->buf + c->off[i];
}

static void
same_cut(const struct cut *a, const struct cut *b, const char *way, const char *line,
	 size_t len, size_t nfields)
{
	if (a->n != b->n)
		fail_msg("'%.*s' (%zu values): the default way gives %zu, the %s way %zu",
			 (int)len, line, nfields, a->n, way, b->n);
	if (a->n == 0)
		return;
	if (a->off[a->n] != b->off[b->n])
		fail_msg("'%.*s': the values take %zu bytes one way, %zu the %s way", (int)len,
			 line, a->off[a->n], b->off[b->n], way);
	for (size_t i = 0; i < a->n; i++)
		if (a->off[i] != b->off[i] || strcmp(value(a, i), value(b, i)) != 0)
			fail_msg("'%.*s': value %zu is '%s' by default, '%s' the %s way", (int)len,
				 line, i, value(a, i), value(b, i), way);
}

/*
 * A random line of at most MAXLEN bytes: values joined by delim, each
 * plain, quoted whole (maybe holding the separator), empty, or noise (any
 * of the bytes the splitter treats apart: quotes, spaces, CR, LF, bytes
 * past ASCII, separators), so that some lines are cut and some declined,
 * with quotes and separators falling at every place in a word.
 */
static size_t
random_line(uint64_t *s, int delim, char *line)
{
	static const char letters[] = "abcdefghij0123456789-";
	static const char noise[] = "a,;\t\" \r\n\x80\xc3\xa9\"";
	size_t len = 0, nvalues = 1 + rnd(s, 14);

	for (size_t v = 0; v < nvalues && len < MAXLEN - 24; v++) {
		unsigned kind = rnd(s, 10), n = rnd(s, 16);

		if (v)
			line[len++] = (char)delim;
		if (kind < 5) {
			for (unsigned i = 0; i < n; i++)
				line[len++] = letters[rnd(s, sizeof(letters) - 1)];
		} else if (kind < 8) {
			line[len++] = '"';
			for (unsigned i = 0; i < n; i++)
				line[len++] = rnd(s, 8) ? letters[rnd(s, sizeof(letters) - 1)]
							: (char)delim;
			line[len++] = '"';
		} else if (kind == 8) {
			for (unsigned i = 0; i < n % 4; i++)
				line[len++] = noise[rnd(s, sizeof(noise) - 1)];
		}
	}
	return len;
}

static void
test_ways_agree(void **state)
{
	size_t kept = 0, lines = 0;
	int popcnt = 0;
	(void)state;

	for (uint64_t seed = 1; seed <= 200000; seed++) {
		uint64_t s = seed;
		char line[MAXLEN];
		int delim = ",;\t"[rnd(&s, 3)];
		size_t len = random_line(&s, delim, line), nsep = 0;

		for (size_t i = 0; i < len; i++)
			nsep += line[i] == delim;
		for (size_t nfields = nsep ? nsep : 1; nfields <= nsep + 2 && nfields <= MAXFIELDS;
		     nfields++) {
			struct fb_split sp, spw, spb, sps;
			struct cut d, w, b, c;

			fb_split_init(&sp, delim, nfields);
			fb_split_init_words(&spw, delim, nfields);
			fb_split_init_bytes(&spb, delim, nfields);
			/* The build's way without the popcount instruction, where it has one. */
			sps = sp;
			sps.popcnt = 0;
			d.n = fb_split_line(&sp, line, len, d.buf, d.off);
			w.n = fb_split_line_words(&spw, line, len, w.buf, w.off);
			b.n = fb_split_line_bytes(&spb, line, len, b.buf, b.off);
			c.n = fb_split_line(&sps, line, len, c.buf, c.off);
			same_cut(&d, &w, "eight-byte", line, len, nfields);
			same_cut(&d, &b, "byte", line, len, nfields);
			same_cut(&d, &c, "no-popcount", line, len, nfields);
			popcnt |= sp.popcnt;
			kept += d.n != 0;
			lines++;
		}
	}
	/* Cut and declined lines both, or half the comparison was for nothing. */
	assert_true(kept > lines / 10);
	assert_true(kept < lines - lines / 10);
#if defined(__x86_64__) && !defined(__POPCNT__) && (defined(__GNUC__) || defined(__clang__))
	/* Every x86-64 this runs on has it: else the two were the same way. */
	assert_true(popcnt);
#endif
}

/* Lines as the fast path meets them: the values must be those written. */
static void
test_plain_and_quoted(void **state)
{
	static const struct {
		const char *line;
		size_t nfields;
		const char *want;     /* the values joined by '|'; NULL: declined */
	} cases[] = {
		{ "851,2026-03-31,H1,1,mainstream,filled,,,C1,filled", 10,
		  "851|2026-03-31|H1|1|mainstream|filled|||C1|filled" },
		{ "851,\"2026-03-31\",\"H,1\",1,\"a\"", 5, "851|2026-03-31|H,1|1|a" },
		{ "\"abcdefghijklmno\",\"p\"", 2, "abcdefghijklmno|p" },
		{ "abcdefghijklmno,\"p\"\"q\"", 2, NULL },
		{ "abcdefghijklmnop\"q\",r", 2, NULL },
		{ "\"abcdefghijklmnop\"x,r", 2, NULL },
		{ "\"abcdefghijklmnopqrstuvwxyz", 1, NULL },
		{ "\"\",\"\"", 2, NULL },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fb_split sp[3];
		size_t (*split[3])(const struct fb_split *, const char *, size_t, char *,
				   size_t *) = { fb_split_line, fb_split_line_words,
						 fb_split_line_bytes };
		size_t len = strlen(cases[i].line);

		fb_split_init(&sp[0], ',', cases[i].nfields);
		fb_split_init_words(&sp[1], ',', cases[i].nfields);
		fb_split_init_bytes(&sp[2], ',', cases[i].nfields);
		for (int k = 0; k < 3; k++) {
			struct cut c;
			char got[MAXLEN * 2] = "";

			c.n = split[k](&sp[k], cases[i].line, len, c.buf, c.off);
			if (!cases[i].want) {
				if (c.n != 0)
					fail_msg("way %d cut '%s', which is libcsv's", k, cases[i].line);
				continue;
			}
			assert_int_equal(c.n, cases[i].nfields);
			for (size_t v = 0; v < c.n; v++) {
				strcat(got, v ? "|" : "");
				strcat(got, value(&c, v));
			}
			assert_string_equal(got, cases[i].want);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ways_agree),
		cmocka_unit_test(test_plain_and_quoted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
