/*
 * fuzz.h: what the fuzz targets share (tests/fuzz/README.md).
 *
 * Each target (fuzz-<name>.c) defines LLVMFuzzerTestOneInput(), drives the
 * library layers directly on the bytes it is given (the core through
 * fb_source_memory(), the documents of doc.h, the writers of writer.h) and
 * checks the invariants below, calling abort() when one fails, so that
 * libFuzzer, or replay.c in a plain build, stops on it:
 *
 *  - every writer succeeds on the document, into memory;
 *  - JSON output parses (jansson), and every rows_read it holds, of the run
 *    and of each input, is rows_used + rows_rejected + rows_outside_filter
 *    (+ rows_dropped_by_profile), and an input's rejected_by adds up to its
 *    rows_rejected (for bed records and episodes);
 *  - every input of the run satisfies run.h's accounting;
 *  - no value the input holds in a personal column (child_ref) is in any
 *    output (but the HTML page's stylesheet and charts, whose colours any
 *    value may equal), nor in any cell or note of the document, nor in any
 *    finding (which every format, the workbook and the page too, is written
 *    from).
 *
 * Targets hold no state between calls but what fz_init() sets once (the
 * host's hooks).
 */
#ifndef FOSTERBEDS_FUZZ_H
#define FOSTERBEDS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "fosterbeds/doc.h"
#include "fosterbeds/ingest.h"
#include "fosterbeds/run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Say which invariant failed, and abort(). */
#define FZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) \
			fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); \
	} while (0)
void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((format(printf, 4, 5), noreturn));

/* Install the host's hooks (iconv's Windows-1252, out of memory): first thing, every call. */
void fz_init(void);

/*
 * The personal values an input holds: the strings no output may contain.
 * Only values that could not turn up in an output for another reason are
 * kept (fz_secrets_keep()).
 */
struct fz_secrets {
	char **v;
	size_t n, cap;
	/* Every other cell and header name, and fixed names: what a value may innocently equal. */
	char **other;
	size_t nother, othercap;
};

void fz_secrets_init(struct fz_secrets *s);
void fz_secrets_release(struct fz_secrets *s);

/* A personal value (len bytes), and a value that is not one. */
void fz_secret_add(struct fz_secrets *s, const char *v, size_t len);
void fz_other_add(struct fz_secrets *s, const char *v, size_t len);

/* All of an input that holds no personal column (a return, a cost file), as others. */
void fz_other_bytes(struct fz_secrets *s, const uint8_t *data, size_t size);

/*
 * Read the CSV data as bed records and as episodes (ingest.h), adding each
 * row's child_ref as a secret and its other cells as others.
 */
void fz_secrets_from_csv(struct fz_secrets *s, const uint8_t *data, size_t size);

/*
 * Drop the secrets that could appear in an output innocently: short ones,
 * those without both a letter and a digit, and those inside another
 * cell's value or a name the outputs use.  Call once they are all added.
 */
void fz_secrets_keep(struct fz_secrets *s);

/*
 * The secrets of one CSV input read under name, ready to check: init,
 * fz_secrets_from_csv(), name as an other, fz_secrets_keep().
 */
void fz_secrets_of_csv(struct fz_secrets *s, const uint8_t *data, size_t size, const char *name);

/* abort() when text (len bytes) holds a secret; what names it. */
void fz_no_secret(const struct fz_secrets *s, const char *text, size_t len, const char *what);

/* Check run.h's accounting for every input of run. */
void fz_check_run(const struct fb_run *run);

/*
 * Write d in every format into memory and check each (the invariants
 * above); with xlsx, the workbook too (slower: a temporary file in
 * $TMPDIR).  s may be NULL.
 */
void fz_write_all(const struct fb_doc *d, const struct fz_secrets *s, int xlsx);

/* validate's document of run (its findings sorted first), through fz_write_all(). */
void fz_validate(struct fb_run *run, const struct fz_secrets *s, int xlsx);

/* 1 for about one input in n, the same every time for the same bytes. */
int fz_one_in(const uint8_t *data, size_t size, unsigned n);

#endif
