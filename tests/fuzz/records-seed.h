/*
 * records-seed.h: a small file of bed records the return and costs targets
 * read beside their fuzzed input: two LAs at 2019-03-31 (the date a
 * published file of 2018-19 counts at) and 2026-03-31, with child_ref
 * values no output may hold.
 */
#ifndef FOSTERBEDS_RECORDS_SEED_H
#define FOSTERBEDS_RECORDS_SEED_H

#include <string.h>

#include "fuzz.h"
#include "fosterbeds/run.h"

static const char fz_records[] =
	"la_code,snapshot_date,household_id,bed_id,bed_use,status,unavailable_reason,"
	"vacancy_reason,child_ref,ofsted_status\n"
	"851,2026-03-31,H1,1,mainstream,filled,,,CHILD851A1,filled\n"
	"851,2026-03-31,H1,2,mainstream,vacant,,complexity,,vacant\n"
	"851,2026-03-31,H2,1,mainstream,unavailable,sibling_only,,,vacant\n"
	"851,2026-03-31,H2,2,respite,filled,,,CHILD851B2,vacant\n"
	"867,2026-03-31,K1,1,mainstream,filled,,,CHILD867K1,filled\n"
	"867,2026-03-31,K1,2,mainstream,vacant,,,,vacant\n"
	"851,2019-03-31,H1,1,mainstream,filled,,,CHILD851OLD,filled\n"
	"851,2019-03-31,H1,2,emergency,unavailable,carer_break,,,unavailable\n"
	"867,2019-03-31,K1,1,mainstream,filled,,,CHILD867OLD,filled\n";

/* Read fz_records into run, as its first input, and its child_refs into s. */
static inline void
fz_read_records(struct fb_run *run, struct fz_secrets *s)
{
	struct fb_memory_source m;
	struct fb_source src;

	fz_secrets_from_csv(s, (const uint8_t *)fz_records, strlen(fz_records));
	fb_source_memory(&src, &m, fz_records, strlen(fz_records));
	FZ_CHECK(fb_run_read_source(run, "records.csv", &src, NULL) == 0, "memory source");
}

#endif
