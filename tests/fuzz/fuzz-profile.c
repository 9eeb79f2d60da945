/*
 * fuzz-profile: a mapping profile and an export read through it, as
 * validate --profile, report --profile and convert read them (fuzz.h).
 * The input is the profile, a line "----data----", then the export; with
 * no such line, the whole input is the profile and the export is empty.
 *
 * The personal values are the child_ref of every standard row the profile
 * makes (the tap convert writes from); the values of the export's other
 * columns, and the profile's own text, are what they may innocently equal.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "fosterbeds/profile-read.h"

#define TODAY 20788   /* 2026-12-01 */
#define SEPARATOR "\n----data----\n"

struct tap {
	struct fz_secrets *s;
	long rows;
};

/* What convert writes: every row the profile made that was not rejected. */
static void
tap_row(void *ctx, const struct fb_row *row)
{
	struct tap *t = ctx;

	t->rows++;
	for (int c = 0; c < FB_MAX_COLUMNS; c++) {
		if (!row->cell[c])
			continue;
		if (c == FB_F_CHILD_REF)
			fz_secret_add(t->s, row->cell[c], row->len[c]);
		else
			fz_other_add(t->s, row->cell[c], row->len[c]);
	}
}

/* The export read raw: which of its columns is child_ref, and every other cell. */
struct raw {
	const struct fb_profile *p;
	struct fz_secrets *s;
	size_t col;
	int header;
	unsigned char personal[256];
};

static void
raw_cell(void *cell, size_t len, void *ctx)
{
	struct raw *r = ctx;
	int personal = 0;

	if (r->header) {
		for (size_t i = 0; i < r->p->ncols && r->col < sizeof(r->personal); i++)
			if (r->p->col[i].kind == FB_PK_COLUMN &&
			    r->p->col[i].field == FB_F_CHILD_REF &&
			    fb_profile_header_matches(&r->p->col[i], cell, len))
				r->personal[r->col] = 1;
	} else {
		personal = r->col >= sizeof(r->personal) || r->personal[r->col];
	}
	if (!personal)
		fz_other_add(r->s, cell, len);
	r->col++;
}

static void
raw_row(int c, void *ctx)
{
	struct raw *r = ctx;

	(void)c;
	r->col = 0;
	r->header = 0;
}

static void
raw_others(struct fz_secrets *s, const struct fb_profile *p, const char *data, size_t len)
{
	struct csv_parser parser;
	struct raw r = { .p = p, .s = s, .header = 1 };

	if (csv_init(&parser, CSV_APPEND_NULL) != 0)
		return;
	csv_set_delim(&parser, p->delim ? (unsigned char)p->delim : ',');
	csv_parse(&parser, data, len, raw_cell, raw_row, &r);
	csv_fini(&parser, raw_cell, raw_row, &r);
	csv_free(&parser);
}

/* The first SEPARATOR in data, or NULL (memmem() is not POSIX). */
static const char *
find_separator(const char *data, size_t size)
{
	size_t n = sizeof(SEPARATOR) - 1;

	for (size_t i = 0; i + n <= size; i++)
		if (memcmp(data + i, SEPARATOR, n) == 0)
			return data + i;
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *sep;
	const char *export = "";
	size_t textlen = size, exportlen = 0;
	struct fb_profile *p;
	struct fz_secrets s;
	struct tap t = { .s = &s };
	struct fb_memory_source m;
	struct fb_source src;
	struct fb_run run;
	struct fb_doc doc;
	struct fb_tally_row *rows;
	size_t nrows;
	char why[512];

	fz_init();
	sep = find_separator(text, size);
	if (sep) {
		textlen = (size_t)(sep - text);
		export = sep + sizeof(SEPARATOR) - 1;
		exportlen = size - textlen - (sizeof(SEPARATOR) - 1);
	}
	why[0] = '\0';
	p = fb_profile_read_text("profile.ini", text, textlen, why, sizeof(why));
	if (!p) {
		FZ_CHECK(why[0] != '\0', "a profile refused without a reason");
		return 0;
	}
	fz_secrets_init(&s);
	fz_other_add(&s, text, textlen);
	fz_other_add(&s, "export.csv", 10);
	raw_others(&s, p, export, exportlen);

	fb_run_init(&run, TODAY, 0);
	fb_run_set_profile(&run, p);
	run.row_tap = tap_row;
	run.row_tap_ctx = &t;
	fb_source_memory(&src, &m, export, exportlen);
	FZ_CHECK(fb_run_read_source(&run, "export.csv", &src, NULL) == 0 ||
		 run.inputs[run.ninputs - 1].error < 0,
		 "a memory source failed, not refused (limits.h)");
	fb_run_end(&run);
	fz_secrets_keep(&s);
	fz_check_run(&run);
	FZ_CHECK(t.rows <= run.inputs[0].rows_read, "%ld rows converted of %ld read", t.rows,
		 run.inputs[0].rows_read);
	fz_validate(&run, &s, 0);
	nrows = fb_tally_rows(&run.tally, &rows);
	fb_doc_report(&doc, &run, rows, nrows, "Region", 1);
	fz_write_all(&doc, &s, fz_one_in(data, size, 16));
	fb_doc_release(&doc);
	free(rows);

	fb_run_release(&run);
	fb_profile_free(p);
	fz_secrets_release(&s);
	return 0;
}
