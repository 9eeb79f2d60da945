/*
 * test-util.c: the shared helpers of util.c: allocation and the host's
 * out-of-memory hook, trimming and comparing, edit distance, hashing,
 * UTF-8, the memory byte source, libcsv in strict mode and the CSV readers'
 * line counter.  Expected values are worked out by hand (FNV-1a's from its
 * published test vectors).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <csv.h>

#include "util.h"

static void
test_alloc(void **state)
{
	char *s;
	void *p;
	(void)state;

	/* Zero bytes is still a pointer that can be freed or grown. */
	p = fb_xmalloc(0);
	assert_non_null(p);
	p = fb_xrealloc(p, 0);
	assert_non_null(p);
	free(p);
	p = fb_xcalloc(0, 8);
	assert_non_null(p);
	free(p);
	p = fb_xcalloc(4, sizeof(int));
	assert_int_equal(((int *)p)[3], 0);
	free(p);

	s = fb_xstrndup("status,bed_use", 6);
	assert_string_equal(s, "status");
	free(s);
	s = fb_xstrndup("a\0b", 3);          /* len bytes, NULs included, then one more */
	assert_memory_equal(s, "a\0b\0", 4);
	free(s);
	s = fb_xstrdup("");
	assert_string_equal(s, "");
	free(s);
}

static void
test_grow(void **state)
{
	long *buf = NULL;
	size_t cap = 0;
	(void)state;

	/* From nothing to 16 elements, then doubling: never a realloc per element. */
	fb_grow((void **)&buf, &cap, 1, sizeof(*buf));
	assert_int_equal(cap, 16);
	fb_grow((void **)&buf, &cap, 16, sizeof(*buf));
	assert_int_equal(cap, 16);
	fb_grow((void **)&buf, &cap, 17, sizeof(*buf));
	assert_int_equal(cap, 32);
	fb_grow((void **)&buf, &cap, 100, sizeof(*buf));
	assert_int_equal(cap, 128);
	buf[127] = 7;                         /* all of it is there */
	fb_grow((void **)&buf, &cap, 5, sizeof(*buf));
	assert_int_equal(cap, 128);           /* never shrinks */
	assert_int_equal(buf[127], 7);
	free(buf);
}

static jmp_buf oom_jump;
static int oom_calls;

static void
oom_handler(void)
{
	oom_calls++;
	longjmp(oom_jump, 1);
}

/*
 * A size that cannot be had goes to the host's handler, which here jumps
 * back; no allocation is tried (so no sanitizer sees a huge malloc).
 */
static void
test_out_of_memory_hook(void **state)
{
	const struct fb_hooks saved = *fb_hooks_get();
	struct fb_hooks h = { .out_of_memory = oom_handler };
	void *volatile buf = NULL;
	size_t cap = 0;
	(void)state;

	fb_hooks_set(&h);
	assert_ptr_equal(fb_hooks_get()->out_of_memory, oom_handler);
	assert_null(fb_hooks_get()->decode_1252);
	oom_calls = 0;
	if (setjmp(oom_jump) == 0) {
		void *b = buf;

		fb_grow_to(&b, &cap, SIZE_MAX / 4, 16);
		fail_msg("fb_grow_to() returned for %zu elements of 16 bytes", SIZE_MAX / 4);
	}
	assert_int_equal(oom_calls, 1);
	assert_null(buf);
	assert_int_equal(cap, 0);
	fb_hooks_set(NULL);
	assert_null(fb_hooks_get()->out_of_memory);
	fb_hooks_set(&saved);
}

static void
test_trim(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "851", "851" },
		{ "  851 ", "851" },
		{ "\t851\t", "851" },
		{ " a b ", "a b" },             /* inside spaces stay */
		{ "   ", "" },
		{ "", "" },
		{ "\n851\r", "\n851\r" },       /* only spaces and tabs */
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *s = cases[i].in;
		size_t len = strlen(s);

		fb_trim(&s, &len);
		assert_int_equal(len, strlen(cases[i].out));
		assert_memory_equal(s, cases[i].out, len);
		assert_true(s >= cases[i].in && s + len <= cases[i].in + strlen(cases[i].in));
	}
}

static void
test_strncaseeq(void **state)
{
	(void)state;
	assert_true(fb_strncaseeq("status", "STATUS", 6));
	assert_true(fb_strncaseeq("bed_use", "Bed_Use,status", 7));   /* t need not end */
	assert_false(fb_strncaseeq("status", "STAT", 4));            /* s is longer */
	assert_false(fb_strncaseeq("st", "STATUS", 6));              /* s is shorter */
	assert_false(fb_strncaseeq("status", "statuz", 6));
	assert_true(fb_strncaseeq("", "", 0));
	assert_int_equal(fb_ascii_lower('Q'), 'q');
	assert_int_equal(fb_ascii_lower('q'), 'q');
	assert_int_equal(fb_ascii_lower('@'), '@');                   /* 'A' - 1 */
	assert_int_equal(fb_ascii_lower('['), '[');                   /* 'Z' + 1 */
	assert_int_equal(fb_ascii_lower((char)0xc9), (char)0xc9);     /* not ASCII */
}

static size_t
dist(const char *a, const char *b, size_t max)
{
	return fb_edit_distance(a, strlen(a), b, strlen(b), max);
}

static void
test_edit_distance(void **state)
{
	char long_b[70];
	(void)state;

	assert_int_equal(dist("kitten", "sitting", 3), 3);     /* k->s, e->i, +g */
	assert_int_equal(dist("Medwey", "medway", 2), 1);       /* case is ignored */
	assert_int_equal(dist("vacant", "vacant", 0), 0);
	assert_int_equal(dist("", "abc", 3), 3);
	assert_int_equal(dist("abc", "", 3), 3);
	assert_int_equal(dist("filed", "filled", 2), 1);
	assert_int_equal(dist("ab", "ba", 2), 2);               /* no transpositions */
	/* Past max: max + 1, whether the lengths or the letters tell. */
	assert_int_equal(dist("abc", "xyz", 1), 2);
	assert_int_equal(dist("a", "abcd", 2), 3);
	assert_int_equal(dist("sibling_only", "carer_break", 2), 3);
	/* b longer than 64 bytes is always far. */
	memset(long_b, 'a', 65);
	long_b[65] = '\0';
	assert_int_equal(dist(long_b, long_b, 5), 6);
	long_b[64] = '\0';
	assert_int_equal(dist(long_b, long_b, 5), 0);
}

static void
test_hash(void **state)
{
	(void)state;
	/* FNV-1a 64-bit test vectors. */
	assert_true(fb_hash(FB_HASH_INIT, "", 0) == 0xcbf29ce484222325ull);
	assert_true(fb_hash(FB_HASH_INIT, "a", 1) == 0xaf63dc4c8601ec8cull);
	assert_true(fb_hash(FB_HASH_INIT, "foobar", 6) == 0x85944171f73967e8ull);
	/* Hashing on from a part is hashing the whole. */
	assert_true(fb_hash(fb_hash(FB_HASH_INIT, "foo", 3), "bar", 3) ==
		    0x85944171f73967e8ull);
}

static void
test_utf8_seq(void **state)
{
	static const struct {
		const char *bytes;
		size_t len, want;
	} cases[] = {
		{ "A", 1, 1 },
		{ "\x7f", 1, 1 },
		{ "\xc3\xa9", 2, 2 },                 /* e acute */
		{ "\xe2\x82\xac", 3, 3 },             /* euro sign */
		{ "\xf0\x9f\x98\x80", 4, 4 },         /* U+1F600 */
		{ "\xf4\x8f\xbf\xbf", 4, 4 },         /* U+10FFFF, the last */
		{ "\xc3\xa9", 1, 0 },                 /* cut short */
		{ "\xe2\x82", 2, 0 },
		{ "\x80", 1, 0 },                     /* a continuation byte alone */
		{ "\xc3\x41", 2, 0 },                 /* not followed by one */
		{ "\xc0\x80", 2, 0 },                 /* overlong NUL */
		{ "\xc1\xbf", 2, 0 },                 /* overlong */
		{ "\xe0\x80\x80", 3, 0 },             /* overlong */
		{ "\xf0\x80\x80\x80", 4, 0 },         /* overlong */
		{ "\xed\xa0\x80", 3, 0 },             /* U+D800, a surrogate */
		{ "\xf4\x90\x80\x80", 4, 0 },         /* U+110000, past the last */
		{ "\xf5\x80\x80\x80", 4, 0 },
		{ "\xe9", 1, 0 },                     /* Windows-1252 e acute */
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t got = fb_utf8_seq((const unsigned char *)cases[i].bytes, cases[i].len);

		if (got != cases[i].want)
			fail_msg("case %zu: got %zu, want %zu", i, got, cases[i].want);
	}
}

static void
test_why(void **state)
{
	char why[16];
	(void)state;

	assert_int_equal(fb_why(why, sizeof(why), "bad '%s'", "x"), -1);
	assert_string_equal(why, "bad 'x'");
	/* Cut to the buffer, still a string. */
	assert_int_equal(fb_why(why, sizeof(why), "%s", "a reason that is too long"), -1);
	assert_string_equal(why, "a reason that i");
	/* No room: nothing written. */
	memcpy(why, "kept", 5);
	assert_int_equal(fb_why(why, 0, "%s", "lost"), -1);
	assert_string_equal(why, "kept");
}

static void
test_memory_source(void **state)
{
	struct fb_source src;
	struct fb_memory_source m;
	char buf[8];
	(void)state;

	fb_source_memory(&src, &m, "abcdefg", 7);
	assert_int_equal(src.read(src.ctx, buf, 3), 3);
	assert_memory_equal(buf, "abc", 3);
	assert_int_equal(src.read(src.ctx, buf, 3), 3);
	assert_memory_equal(buf, "def", 3);
	assert_int_equal(src.read(src.ctx, buf, 3), 1);
	assert_memory_equal(buf, "g", 1);
	assert_int_equal(src.read(src.ctx, buf, 3), 0);
	assert_int_equal(src.read(src.ctx, buf, 3), 0);
	fb_source_memory(&src, &m, "", 0);
	assert_int_equal(src.read(src.ctx, buf, 3), 0);
}

/* What the callbacks saw: fields as "[a]", record ends as "/", bad bytes as "!" or "?". */
struct seen {
	char text[256];
	struct fb_csv_lines lines;
	long starts[16];    /* the line each record began on */
	int nstarts;
	long breaks;        /* line breaks inside values */
};

static void
add_text(struct seen *s, const char *t, size_t len)
{
	size_t n = strlen(s->text);

	assert_true(n + len < sizeof(s->text));
	memcpy(s->text + n, t, len);
	s->text[n + len] = '\0';
}

static void
on_field(void *data, size_t len, void *ctx)
{
	struct seen *s = ctx;

	s->breaks += fb_csv_lines_field(&s->lines, data, len);
	add_text(s, "[", 1);
	add_text(s, data, len);
	add_text(s, "]", 1);
}

static void
on_end(int c, void *ctx)
{
	struct seen *s = ctx;

	if (s->lines.in_record) {
		assert_true(s->nstarts < 16);
		s->starts[s->nstarts++] = s->lines.start;
		add_text(s, "/", 1);
	}
	fb_csv_lines_end(&s->lines, c);
}

static void
on_bad(void *ctx, int quoted)
{
	struct seen *s = ctx;

	add_text(s, quoted ? "!" : "?", 1);
	fb_csv_lines_field(&s->lines, NULL, 0);
}

static void
parse(struct seen *s, const char *text)
{
	struct csv_parser p;

	memset(s, 0, sizeof(*s));
	fb_csv_lines_init(&s->lines);
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_REPALL_NL), 0);
	assert_int_equal(fb_csv_parse_strict(&p, text, strlen(text), on_field, on_end, on_bad, s),
			 0);
	assert_int_equal(csv_fini(&p, on_field, on_end, s), 0);
	csv_free(&p);
}

/*
 * Strict parsing drops the byte that breaks the quoting, says so, and
 * carries on in the same row: the rows still end where the file's do.
 */
static void
test_csv_parse_strict(void **state)
{
	struct seen s;
	(void)state;

	parse(&s, "\"H1\"x,2\nab\"c,d\ne,f\n");
	/* After a closing quote (!), inside an unquoted value (?); said before the value ends. */
	assert_string_equal(s.text, "![H1][2]/?[abc][d]/[e][f]/");
	assert_int_equal(s.nstarts, 3);
	assert_memory_equal(s.starts, ((const long[]){ 1, 2, 3 }), 3 * sizeof(long));
	/* Well-formed quoting is no finding: a comma and doubled quotes inside. */
	parse(&s, "a,\"b,\"\"c\"\"\"\n");
	assert_string_equal(s.text, "[a][b,\"c\"]/");
}

/*
 * Lines as an editor numbers them: LF, CRLF and a lone CR each end one,
 * blank lines count, and a quoted value's line breaks move later records
 * down.  By hand, for the text below:
 *   line 1  a,b          CRLF
 *   line 2  (blank)      CRLF
 *   line 3  c,"x         CRLF inside the value
 *   line 4  y"           LF
 *   line 5  d            lone CR
 *   line 6  e            LF
 *   line 7  f            (no line end)
 * so the records begin on lines 1, 3, 5, 6 and 7, and one line break is
 * inside a value.
 */
static void
test_csv_lines(void **state)
{
	static const long want[] = { 1, 3, 5, 6, 7 };
	struct seen s;
	(void)state;

	parse(&s, "a,b\r\n\r\nc,\"x\r\ny\"\nd\re\nf");
	assert_string_equal(s.text, "[a][b]/[c][x\r\ny]/[d]/[e]/[f]/");
	assert_int_equal(s.nstarts, 5);
	assert_memory_equal(s.starts, want, sizeof(want));
	assert_int_equal(s.breaks, 1);
	assert_int_equal(s.lines.line, 7);
	assert_int_equal(fb_csv_lines_here(&s.lines), 7);

	/* A lone CR inside a value is one break, as is CRLF; LF CR is two. */
	parse(&s, "\"1\r2\",\"3\r\n4\",\"5\n\r6\"\nz\n");
	assert_int_equal(s.breaks, 4);
	assert_int_equal(s.nstarts, 2);
	assert_int_equal(s.starts[1], 6);
	assert_int_equal(s.lines.line, 7);
}

/* Where a finding about the current record goes: its first line, mid-record. */
static void
test_csv_lines_here(void **state)
{
	struct fb_csv_lines l;
	(void)state;

	fb_csv_lines_init(&l);
	assert_int_equal(l.line, 1);
	assert_int_equal(fb_csv_lines_here(&l), 1);
	fb_csv_lines_end(&l, '\n');                  /* a blank line */
	assert_int_equal(fb_csv_lines_here(&l), 2);
	assert_int_equal(fb_csv_lines_field(&l, "a\nb", 3), 1);
	assert_int_equal(l.line, 3);
	assert_int_equal(fb_csv_lines_here(&l), 2);  /* the record began on line 2 */
	assert_int_equal(fb_csv_lines_field(&l, "c", 1), 0);
	fb_csv_lines_end(&l, '\n');
	assert_int_equal(fb_csv_lines_here(&l), 4);
	assert_int_equal(l.in_record, 0);
}

/* libcsv's reallocs, counted (its realloc_func takes no context). */
static size_t csv_reallocs;

static void *
counting_realloc(void *p, size_t size)
{
	csv_reallocs++;
	return realloc(p, size);
}

static size_t field_len;

static void
on_long_field(void *s, size_t len, void *ctx)
{
	(void)s;
	(void)ctx;
	field_len = len;
}

/*
 * A parser from fb_csv_init() reads a 4 MB value in a few reallocs: with
 * libcsv's default block of 128 bytes it took 32,768, each a copy under
 * AddressSanitizer.
 */
static void
test_csv_init_block(void **state)
{
	struct csv_parser p;
	size_t n = 4 << 20;
	char *text = malloc(n + 2);
	(void)state;

	assert_non_null(text);
	memset(text, 'x', n);
	memcpy(text + n, "\n", 2);
	assert_int_equal(fb_csv_init(&p, CSV_STRICT | CSV_REPALL_NL), 0);
	csv_set_realloc_func(&p, counting_realloc);
	csv_reallocs = field_len = 0;
	assert_int_equal(fb_csv_parse_strict(&p, text, n + 1, on_long_field, NULL, NULL, NULL), 0);
	csv_fini(&p, on_long_field, NULL, NULL);
	csv_free(&p);
	free(text);
	assert_int_equal(field_len, n);
	assert_true(csv_reallocs <= 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_out_of_memory_hook),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_strncaseeq),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_utf8_seq),
		cmocka_unit_test(test_why),
		cmocka_unit_test(test_memory_source),
		cmocka_unit_test(test_csv_parse_strict),
		cmocka_unit_test(test_csv_init_block),
		cmocka_unit_test(test_csv_lines),
		cmocka_unit_test(test_csv_lines_here),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
