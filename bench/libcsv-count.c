/*
 * libcsv-count.c: libcsv's own cost on the file, for bench/compare.sh: the
 * parser fosterbeds is built on, with callbacks that only count.  What
 * fosterbeds spends beyond this is its own work (records, checks, registry,
 * tally).
 *
 *	libcsv-count FILE	prints records and fields (header included)
 */
#include <csv.h>
#include <stdio.h>

struct counts {
	unsigned long long records, fields;
};

static void
field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void
record(int c, void *data)
{
	(void)c;
	((struct counts *)data)->records++;
}

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	struct counts n = { 0, 0 };
	struct csv_parser p;
	size_t got;
	FILE *f;

	if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
		perror(argc == 2 ? argv[1] : "usage: libcsv-count FILE");
		return 2;
	}
	/* With the options fosterbeds reads with. */
	if (csv_init(&p, CSV_STRICT | CSV_REPALL_NL) != 0)
		return 1;
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		if (csv_parse(&p, buf, got, field, record, &n) != got) {
			fprintf(stderr, "%s: %s\n", argv[1],
			    csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, field, record, &n);
	csv_free(&p);
	printf("%llu %llu\n", n.records, n.fields);
	return 0;
}
