/*
 * gen.c: synthetic, valid bed records and episodes for the benchmarks.
 *
 *	gen beds ROWS [DATES]	ROWS bed records at DATES quarter ends (default 4)
 *	gen episodes ROWS	ROWS episodes; prints on stderr the bed-nights
 *				they give over 2026-07-01..2026-09-30
 *
 * Everything is synthetic and deterministic (fixed seeds), and every row is
 * valid, so fosterbeds finds nothing and every tool must count the same:
 * 19 South East LAs, households of 1-4 beds (bed_id 1..4; no household has
 * more than three filled beds), keys (la_code, snapshot_date, household_id,
 * bed_id) unique.  The same households are reported at every date, as a
 * system's quarterly exports would, with statuses drawn afresh.  Household
 * ids are 8-10 characters, as systems write them: "HH" and 8 digits, or 8 or
 * 10 digits, by LA.  About 3% of the fields are quoted ("HH00001234",
 * "logistics"), never la_code, the dates or status, so a tool that splits
 * on commas and ignores quotes still groups correctly; no value holds a
 * comma, quote or newline.
 *
 * Written in C rather than awk because 10 million rows must take seconds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const las[] = {
	"867", "846", "825", "845", "850", "921", "886", "887", "826", "931",
	"851", "870", "871", "852", "936", "869", "938", "868", "872",
};
#define NLA	(sizeof(las) / sizeof(las[0]))

/* bench.sh's mix: 7 in 9 mainstream, 6 in 9 filled. */
static const char *const uses[] = {
	"mainstream", "mainstream", "mainstream", "mainstream", "mainstream",
	"mainstream", "mainstream", "respite", "emergency",
};
enum { FILLED, VACANT, UNAVAILABLE };
static const int statuses[] = {
	FILLED, FILLED, FILLED, FILLED, FILLED, FILLED, VACANT, VACANT,
	UNAVAILABLE,
};
static const char *const status_names[] = {
	[FILLED] = "filled", [VACANT] = "vacant", [UNAVAILABLE] = "unavailable",
};
static const char *const unavailable_reasons[] = {
	"carer_break", "child_needs", "sibling_only", "investigation",
	"carer_health", "adaptation", "deregistering", "other",
};
static const char *const vacancy_reasons[] = {
	"complexity", "education", "impact_on_household", "logistics",
	"no_match", "other",
};

/* The output, written in large blocks: stdio per field is the slow part. */
struct out {
	char	 buf[1 << 20];
	size_t	 len;
};

static void
flush(struct out *o)
{
	if (o->len > 0 && fwrite(o->buf, 1, o->len, stdout) != o->len) {
		perror("gen: write");
		exit(1);
	}
	o->len = 0;
}

static void
put(struct out *o, const char *s, size_t n)
{
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void
putstr(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* v in decimal, at least width digits with leading zeros. */
static void
putnum(struct out *o, uint64_t v, int width)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = '0' + v % 10;
		v /= 10;
	} while (v > 0 || n < width);
	while (n > 0)
		o->buf[o->len++] = tmp[--n];
}

/* xorshift64*: fast, and the same sequence on every machine. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* Days since 1970-01-01 and back (Howard Hinnant's civil calendar). */
static long
days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
putdate(struct out *o, long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);

	putnum(o, y, 4);
	o->buf[o->len++] = '-';
	putnum(o, m, 2);
	o->buf[o->len++] = '-';
	putnum(o, d, 2);
}

/*
 * A field that may be quoted: q says whether this one is.  Callers draw q
 * with about a 6% chance for each of the five fields that can be quoted
 * (household_id, bed_id, bed_use, the reason or child_ref, ofsted_status),
 * which quotes 0.3 fields of 10 in a row: 3%.
 */
static void
quote_open(struct out *o, int q)
{
	if (q)
		o->buf[o->len++] = '"';
}

static void
quote_close(struct out *o, int q)
{
	if (q)
		o->buf[o->len++] = '"';
}

#define QUOTED(bits, k)	((((bits) >> (8 * (k))) & 0xff) < 15)

/*
 * ",household_id,bed_id": household h's id as the LA's system writes ids,
 * and bed b; bits say which are quoted.
 */
static void
putbed(struct out *o, uint64_t bits, uint64_t h, uint64_t b)
{
	int q = QUOTED(bits, 0);

	o->buf[o->len++] = ',';
	quote_open(o, q);
	switch (h % NLA % 3) {
	case 0:
		putstr(o, "HH");
		putnum(o, h, 8);
		break;
	case 1:
		putnum(o, 10000000 + h, 8);
		break;
	default:
		putnum(o, 1000000000 + h, 10);
		break;
	}
	quote_close(o, q);
	o->buf[o->len++] = ',';
	quote_open(o, QUOTED(bits, 1));
	putnum(o, b, 1);
	quote_close(o, QUOTED(bits, 1));
}

/*
 * The fields after the key: bed_use, status, the reasons, child_ref and
 * ofsted_status, with the newline.  Bed 4 is never filled (the limit).
 */
static void
puttail(struct out *o, uint64_t *st, uint64_t b, uint64_t child)
{
	uint64_t r = rnd(st), bits = rnd(st);
	int s = statuses[r % 9];
	const char *use = uses[(r >> 8) % 9];

	if (s == FILLED && b > 3)
		s = VACANT;
	o->buf[o->len++] = ',';
	quote_open(o, QUOTED(bits, 0));
	putstr(o, use);
	quote_close(o, QUOTED(bits, 0));
	o->buf[o->len++] = ',';
	putstr(o, status_names[s]);
	o->buf[o->len++] = ',';
	if (s == UNAVAILABLE) {
		quote_open(o, QUOTED(bits, 1));
		putstr(o, unavailable_reasons[(r >> 16) % 8]);
		quote_close(o, QUOTED(bits, 1));
	}
	o->buf[o->len++] = ',';
	if (s == VACANT) {
		quote_open(o, QUOTED(bits, 1));
		putstr(o, vacancy_reasons[(r >> 16) % 6]);
		quote_close(o, QUOTED(bits, 1));
	}
	o->buf[o->len++] = ',';
	if (s == FILLED) {
		quote_open(o, QUOTED(bits, 1));
		o->buf[o->len++] = 'C';
		putnum(o, child, 7);
		quote_close(o, QUOTED(bits, 1));
	}
	o->buf[o->len++] = ',';
	quote_open(o, QUOTED(bits, 2));
	putstr(o, status_names[s]);
	quote_close(o, QUOTED(bits, 2));
	o->buf[o->len++] = '\n';
}

static void
beds(struct out *o, uint64_t rows, int ndates)
{
	uint64_t st = 20260331, child = 0;

	putstr(o, "la_code,snapshot_date,household_id,bed_id,bed_use,status,"
	    "unavailable_reason,vacancy_reason,child_ref,ofsted_status\n");
	for (int d = 0; d < ndates; d++) {
		/* Quarter ends back from 2026-09-30, the oldest first. */
		int k = 2026 * 4 + 2 - (ndates - 1 - d);
		int y = k / 4, qi = k % 4;
		static const int mon[] = { 3, 6, 9, 12 }, day[] = { 31, 30, 30, 31 };
		long date = days(y, mon[qi], day[qi]);
		uint64_t n = rows / ndates + ((uint64_t)d < rows % ndates);
		/* The same households, of the same sizes, at every date. */
		uint64_t hs = 20260930, h = 0, b = 0, size = 0;

		for (uint64_t i = 0; i < n; i++) {
			uint64_t bits;

			if (o->len > sizeof(o->buf) - 512)
				flush(o);
			if (b >= size) {
				h++;
				b = 0;
				size = 1 + rnd(&hs) % 4;
			}
			b++;
			bits = rnd(&st);
			putstr(o, las[h % NLA]);
			o->buf[o->len++] = ',';
			putdate(o, date);
			putbed(o, bits, h, b);
			puttail(o, &st, b, child++);
		}
	}
}

/*
 * Episodes as tools/gen-episodes.py makes them: each bed a chain with no
 * overlap and no gap, the first starting before the quarter (one bed in ten
 * inside it), 7-120 days each, the last open.  The file may end inside a
 * chain: a closed last episode leaves no gap either.
 */
static uint64_t
episodes(struct out *o, uint64_t rows)
{
	long p0 = days(2026, 7, 1), p1 = days(2026, 9, 30);
	uint64_t st = 20260701, hs = 20260702, i = 0, nights = 0, h = 0;

	putstr(o, "la_code,status_from,status_to,household_id,bed_id,bed_use,"
	    "status,unavailable_reason,vacancy_reason,child_ref,ofsted_status\n");
	while (i < rows) {
		uint64_t size = 1 + rnd(&hs) % 4;

		h++;
		for (uint64_t b = 1; b <= size && i < rows; b++) {
			uint64_t r = rnd(&hs);
			long from = r % 10 == 0 ? p0 + 1 + (long)(r >> 8) % 79 :
			    p0 - 1 - (long)(r >> 8) % 400;

			for (int last = 0; !last && i < rows; i++) {
				uint64_t bits = rnd(&st);
				long to = from + 6 + (long)(rnd(&hs) % 114);
				long lo, hi;

				if (o->len > sizeof(o->buf) - 512)
					flush(o);
				last = to >= p1;
				lo = from > p0 ? from : p0;
				hi = last ? p1 : to;
				if (hi >= lo)
					nights += hi - lo + 1;
				putstr(o, las[h % NLA]);
				o->buf[o->len++] = ',';
				putdate(o, from);
				o->buf[o->len++] = ',';
				if (!last)
					putdate(o, to);
				putbed(o, bits, h, b);
				puttail(o, &st, b, i);
				from = to + 1;
			}
		}
	}
	return nights;
}

int
main(int argc, char **argv)
{
	static struct out o;
	uint64_t rows;

	if (argc < 3 || (strcmp(argv[1], "beds") != 0 &&
	    strcmp(argv[1], "episodes") != 0)) {
		fprintf(stderr, "usage: gen beds ROWS [DATES] | gen episodes ROWS\n");
		return 2;
	}
	rows = strtoull(argv[2], NULL, 10);
	if (strcmp(argv[1], "beds") == 0) {
		int ndates = argc > 3 ? atoi(argv[3]) : 4;

		if (ndates < 1 || ndates > 400) {
			fprintf(stderr, "gen: DATES must be 1 to 400\n");
			return 2;
		}
		beds(&o, rows, ndates);
		flush(&o);
	} else {
		uint64_t nights = episodes(&o, rows);

		flush(&o);
		fprintf(stderr, "%llu\n", (unsigned long long)nights);
	}
	if (fflush(stdout) != 0) {
		perror("gen: write");
		return 1;
	}
	return 0;
}
