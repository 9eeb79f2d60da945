/*
 * run.c: the pipeline for one input, and the run's bookkeeping.
 */
#include "fosterbeds/run.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/la.h"
#include "ingest-split.h"
#include "util.h"

void
fb_run_init(struct fb_run *run, int today, size_t findings_limit)
{
	memset(run, 0, sizeof(*run));
	run->today = today;
	fb_findings_init(&run->findings, findings_limit);
	fb_checker_init(&run->checker, today, &run->findings);
	fb_registry_init(&run->registry);
	fb_tally_init(&run->tally);
	fb_episodes_init(&run->episodes);
	fb_filter_init(&run->filter);
	for (int i = 0; i < 1000; i++)
		run->la_first_file[i] = -1;
}

void
fb_run_release(struct fb_run *run)
{
	for (size_t i = 0; i < run->ninputs; i++) {
		free(run->inputs[i].name);
		fb_profile_input_free(run->inputs[i].profile_input);
	}
	free(run->inputs);
	fb_findings_release(&run->findings);
	fb_registry_release(&run->registry);
	fb_tally_release(&run->tally);
	fb_episodes_release(&run->episodes);
	memset(run, 0, sizeof(*run));
}

struct fb_input *
fb_run_add_input(struct fb_run *run, const char *name, const char *role)
{
	struct fb_input *in;

	fb_grow((void **)&run->inputs, &run->inputs_cap, run->ninputs + 1,
		sizeof(*run->inputs));
	in = &run->inputs[run->ninputs++];
	memset(in, 0, sizeof(*in));
	in->name = fb_xstrdup(name);
	in->role = role;
	return in;
}

static struct fb_input *
add_input(struct fb_run *run, const char *name)
{
	return fb_run_add_input(run, name, "records");
}

/*
 * The cross-row rules, for a bed that passed every one-row rule; wide as
 * for fb_registry_add_hashed().
 */
static int
cross_check(struct fb_run *run, const struct fb_row *row, const struct fb_bed *bed, uint64_t hash,
	    int wide)
{
	const struct fb_seen *seen;
	char vis[FB_VISIBLE_SIZE], hh[FB_VISIBLE_SIZE], date[FB_DATE_LEN + 1];
	char where[FB_VISIBLE_SIZE + 8];
	long filled;

	seen = fb_registry_add_hashed(&run->registry, bed, hash, wide, row->file, row->line,
				      &filled);
	if (seen) {
		where[0] = '\0';
		if (seen->file != row->file)
			snprintf(where, sizeof(where), " of %s",
				 fb_visible(vis, run->inputs[seen->file].name,
					    strlen(run->inputs[seen->file].name)));
		fb_date_format(bed->date, date);
		fb_findings_add(&run->findings, FB_R_DUPLICATE_BED, row->file, row->line,
				"bed_id", fb_visible(vis, bed->bed_id, bed->bed_id_len),
				"bed '%s' of household '%s' (la_code %03d, snapshot_date %s) "
				"repeats the bed on line %ld%s; this copy is not used", vis,
				fb_visible(hh, bed->household, bed->household_len), bed->la_code,
				date, seen->line, where);
		return FB_R_DUPLICATE_BED;
	}
	if (filled == FB_REGISTRY_LIMIT + 1) {
		fb_date_format(bed->date, date);
		fb_findings_add(&run->findings, FB_R_OVER_LIMIT, row->file, row->line,
				"household_id", fb_visible(hh, bed->household, bed->household_len),
				"household '%s' (la_code %03d, snapshot_date %s) has more than three "
				"filled beds, above the usual fostering limit; check it has an "
				"exemption", hh, bed->la_code, date);
	}
	return FB_NONE;
}

struct file_ctx {
	struct fb_run *run;
	struct fb_input *input;
	int file;       /* its index */
	struct block *spare;  /* blocks ended, to begin again */
	int episodes;   /* the header chose the episode schema */
	struct fb_profile_input *profile;  /* reading through the run's profile, or NULL */
	long long size;       /* fb_run_expect_size()'s, or 0 */
	uint32_t slots;       /* the registry's slots as the file began */
	int sized;            /* the registry was told what to expect */
};

/* A used bed into tally t: the run's, or a block's on its worker. */
static void
tally_bed(struct fb_tally *t, const struct fb_bed *bed)
{
	fb_tally_add(t, bed->la_code, bed->date,
		     &(struct fb_tally_bed){ .bed_use = bed->bed_use, .status = bed->status,
					     .ofsted_status = bed->ofsted_status,
					     .unavailable_reason = bed->unavailable_reason,
					     .vacancy_reason = bed->vacancy_reason });
}

/*
 * Count row in its input's totals as rejected for reject, or as used (FB_NONE),
 * a used row's LA remembering the first file it came in; 1 when used.  bed
 * is read only then: a rejected row's may be half filled.
 */
static int
count_row(struct file_ctx *ctx, const struct fb_row *row, int reject, const struct fb_bed *bed)
{
	if (reject != FB_NONE) {
		ctx->input->rows_rejected++;
		ctx->input->rejected_by[reject]++;
		return 0;
	}
	ctx->input->rows_used++;
	if (ctx->run->la_first_file[bed->la_code] < 0)
		ctx->run->la_first_file[bed->la_code] = row->file;
	return 1;
}

static void
on_episode(struct file_ctx *ctx, const struct fb_row *row)
{
	struct fb_run *run = ctx->run;
	struct fb_bed bed;
	int to, reject = fb_episode_row_check(&run->checker, row, &bed, &to);

	if (!count_row(ctx, row, reject, &bed))
		return;
	fb_episodes_add(&run->episodes, &bed, to, row->file, row->line);
}

/* Episodes: a header with status_from and without snapshot_date. */
static const struct fb_schema *
choose(void *vctx, const char *const *names, const size_t *lens, size_t n)
{
	struct file_ctx *ctx = vctx;
	int from = 0, snapshot = 0;

	for (size_t i = 0; i < n; i++) {
		from |= lens[i] == 11 && fb_strncaseeq("status_from", names[i], 11);
		snapshot |= lens[i] == 13 && fb_strncaseeq("snapshot_date", names[i], 13);
	}
	ctx->episodes = from && !snapshot;
	if (!ctx->episodes)
		return fb_bed_schema();
	ctx->input->role = "episodes";
	return fb_episode_schema();
}

/*
 * 1 when the row is of an LA the filter sets aside.  Only a row whose
 * la_code reads as a code can be: any other may be one of the LAs kept.
 */
static int
outside_filter(const struct fb_run *run, const struct fb_row *row, int *code)
{
	return run->filter.active && row->reject == FB_NONE &&
	       fb_la_code_parse(row->cell[FB_F_LA_CODE], row->len[FB_F_LA_CODE], code) == 0 &&
	       !fb_filter_keeps(&run->filter, *code);
}

static void
count_outside(struct file_ctx *ctx, int code)
{
	ctx->input->rows_outside_filter++;
	ctx->run->la_outside[code] = 1;
}

/*
 * The rules across rows for a row the one-row rules gave reject, and its
 * counts; hash is the bed's fb_registry_hash(), read only when it is used,
 * and wide as for fb_registry_add_hashed().
 */
static void
use_row(struct file_ctx *ctx, const struct fb_row *row, int reject, const struct fb_bed *bed,
	uint64_t hash, int wide)
{
	struct fb_run *run = ctx->run;

	if (reject == FB_NONE)
		reject = cross_check(run, row, bed, hash, wide);
	if (!count_row(ctx, row, reject, bed))
		return;
	tally_bed(&run->tally, bed);
}

static void
on_row(void *vctx, const struct fb_row *row)
{
	struct file_ctx *ctx = vctx;
	struct fb_run *run = ctx->run;
	struct fb_bed bed;
	int code, reject;
	uint64_t hash = 0;

	ctx->input->rows_read++;
	if (run->row_tap && row->reject == FB_NONE)
		run->row_tap(run->row_tap_ctx, row);
	if (outside_filter(run, row, &code)) {
		count_outside(ctx, code);
		return;
	}
	if (ctx->episodes) {
		on_episode(ctx, row);
		return;
	}
	if ((reject = fb_checker_check(&run->checker, row, &bed)) == FB_NONE)
		hash = fb_registry_hash(&bed);
	use_row(ctx, row, reject, &bed, hash, row->wide);
}

/*
 * A block of bed records (ingest.h): its rows are checked on a worker
 * against the one-row rules, by a checker of the block's own, counted in a
 * tally of the block's own, and kept (the values the rules across rows
 * need, the ids copied) until commit_block() hands them to the registry in
 * the file's order, with the findings the worker gave each row just before
 * its own, and adds the block's tally to the run's.  The reading thread,
 * which commits, is the one part of the run that cannot share out its
 * work, so the worker does all it can.
 */
struct checked {
	uint64_t hash;          /* the bed's fb_registry_hash() */
	uint32_t line;          /* from the block's first (a block has far fewer) */
	uint32_t findings;      /* the block's findings up to this row's end */
	uint32_t household;     /* in the block's text; the bed_id follows it */
	int32_t date;           /* as read, for the once-per-file warnings */
	uint16_t household_len, bed_id_len;  /* LONG_ID: the lengths are in the row's cold */
	int16_t la_code;        /* as read: a code, or FB_NONE */
	signed char reject;     /* FB_NONE, a rule, or OUTSIDE */
	signed char status;
};

/*
 * What the reading thread seldom reads of a row: the tally's codes, for a
 * block with a repeat, and the lengths of ids too long for a kept row.
 */
struct cold {
	uint32_t household_len, bed_id_len;
	signed char bed_use, ofsted_status, unavailable_reason, vacancy_reason;
};

/*
 * The reading thread pulls each kept row from the worker's cache: two to a
 * line, half what it was (commit_block() stalled on them).
 */
_Static_assert(sizeof(struct checked) == 32, "two kept rows to a cache line");
_Static_assert(FB_INGEST_BLOCK_MAX < UINT32_MAX / 64, "a block's lines and findings fit");
_Static_assert(FB_R_COUNT < 127, "a rule fits a kept row");

#define LONG_ID UINT16_MAX
#define OUTSIDE (-2)           /* the row is of an LA the filter sets aside */
/*
 * Rows ahead of the one committed whose registry entries are fetched:
 * enough to cover a miss to memory at the commit's pace.
 */
#define PREFETCH_AHEAD 16

struct block {
	struct block *next;          /* in the file's spares */
	const struct fb_run *run;    /* read only, on the worker */
	struct fb_checker checker;
	struct checked *rows;
	struct cold *cold;
	size_t n, cap, coldcap;
	char *text;
	size_t ntext, textcap;
	/*
	 * The rows that passed the one-row rules, counted as if none were a
	 * repeat: most blocks have none, and their tally is merged whole.
	 */
	struct fb_tally tally;
	long used;
};

static void *
begin_block(void *vctx, struct fb_findings *out)
{
	struct file_ctx *ctx = vctx;
	struct block *b;

	if (ctx->episodes)
		return NULL;
	/* Blocks come and go hundreds of times a file: their arrays are kept for the next. */
	if ((b = ctx->spare)) {
		ctx->spare = b->next;
		fb_tally_release(&b->tally);
	} else {
		b = fb_xcalloc(1, sizeof(*b));
		b->run = ctx->run;
	}
	fb_tally_init(&b->tally);
	b->n = b->ntext = 0;
	b->used = 0;
	fb_checker_init(&b->checker, ctx->run->today, out);
	return b;
}

/*
 * Copy len bytes at s to the block's text; where they are.  wide: 16
 * bytes at s may be read (fb_row.wide), so a short id is copied as 16,
 * which is a load and a store where a copy of len bytes is a call; the
 * text has room for them.
 */
_Static_assert(FB_CODE_WIDE >= 16, "a wide row's cells have 16 bytes to read");

static uint32_t
keep_text(struct block *b, const char *s, size_t len, int wide)
{
	size_t at = b->ntext;

	if (wide && len <= 16)
		memcpy(b->text + at, s, 16);
	else
		fb_memcpy(b->text + at, s, len);
	b->ntext += len;
	return (uint32_t)at;
}

static void
check_block_row(void *vb, const struct fb_row *row)
{
	struct block *b = vb;
	struct checked *c;
	struct cold *k;
	struct fb_bed bed;
	int code, reject;

	fb_grow((void **)&b->rows, &b->cap, b->n + 1, sizeof(*b->rows));
	fb_grow((void **)&b->cold, &b->coldcap, b->n + 1, sizeof(*b->cold));
	c = &b->rows[b->n];
	k = &b->cold[b->n++];
	if (outside_filter(b->run, row, &code)) {
		*c = (struct checked){ .line = (uint32_t)row->line,
				       .findings = (uint32_t)b->checker.out->n,
				       .la_code = (int16_t)code, .reject = OUTSIDE };
		return;
	}
	reject = fb_checker_check(&b->checker, row, &bed);
	*c = (struct checked){ .line = (uint32_t)row->line,
			       .findings = (uint32_t)b->checker.out->n,
			       .la_code = (int16_t)bed.la_code, .date = bed.date,
			       .reject = (signed char)reject };
	if (reject != FB_NONE)
		return;
	fb_grow((void **)&b->text, &b->textcap,
		b->ntext + bed.household_len + bed.bed_id_len + 16, 1);
	c->hash = row->wide ? fb_registry_hash_wide(&bed) : fb_registry_hash(&bed);
	c->household = keep_text(b, bed.household, bed.household_len, row->wide);
	keep_text(b, bed.bed_id, bed.bed_id_len, row->wide);
	c->household_len = bed.household_len < LONG_ID ? (uint16_t)bed.household_len : LONG_ID;
	c->bed_id_len = bed.bed_id_len < LONG_ID ? (uint16_t)bed.bed_id_len : LONG_ID;
	c->status = (signed char)bed.status;
	*k = (struct cold){ (uint32_t)bed.household_len, (uint32_t)bed.bed_id_len,
			    (signed char)bed.bed_use, (signed char)bed.ofsted_status,
			    (signed char)bed.unavailable_reason, (signed char)bed.vacancy_reason };
	tally_bed(&b->tally, &bed);
	b->used++;
}

/*
 * The bed of block b's usable row i, as the rules across rows need it; with
 * tally set, the codes the tally needs as well.
 */
static void
bed_of(const struct block *b, size_t i, struct fb_bed *bed, int tally)
{
	const struct checked *c = &b->rows[i];
	const struct cold *k = &b->cold[i];

	bed->la_code = c->la_code;
	bed->date = c->date;
	bed->household = b->text + c->household;
	bed->household_len = c->household_len;
	bed->bed_id_len = c->bed_id_len;
	if (c->household_len == LONG_ID || c->bed_id_len == LONG_ID) {
		bed->household_len = k->household_len;
		bed->bed_id_len = k->bed_id_len;
	}
	bed->bed_id = bed->household + bed->household_len;
	bed->status = c->status;
	if (tally) {
		bed->bed_use = k->bed_use;
		bed->ofsted_status = k->ofsted_status;
		bed->unavailable_reason = k->unavailable_reason;
		bed->vacancy_reason = k->vacancy_reason;
	}
}

/* A worker's once-per-file warning is said only when the file has not said it. */
struct once {
	struct fb_checker_input *file;
	const struct checked *row;
};

static int
keep_once(void *vo, const struct fb_finding *f)
{
	struct once *o = vo;

	return fb_checker_say_once(o->file, f->rule, o->row->la_code, o->row->date);
}

/*
 * Block b's usable rows (checked and kept with no repeat among them) into
 * the run's counts, as use_row() would have counted each in turn.
 */
static void
count_block(struct file_ctx *ctx, const struct block *b, size_t repeats, long offset)
{
	struct fb_run *run = ctx->run;
	struct fb_row row = { .file = ctx->file };
	struct fb_bed bed = { 0 };

	if (!repeats) {
		/* The block's tally made its groups in the order their rows came. */
		fb_tally_merge(&run->tally, &b->tally);
		ctx->input->rows_used += b->used;
		for (size_t g = 0; g < fb_tally_ngroups(&b->tally); g++) {
			int la, date;

			fb_tally_group(&b->tally, g, &la, &date);
			if (run->la_first_file[la] < 0)
				run->la_first_file[la] = ctx->file;
		}
		return;
	}
	/* A repeat is not counted, and may have been its group's first: row by row. */
	for (size_t i = 0; i < b->n; i++) {
		const struct checked *c = &b->rows[i];

		if (c->reject != FB_NONE)
			continue;
		row.line = c->line + offset;
		bed_of(b, i, &bed, 1);
		count_row(ctx, &row, FB_NONE, &bed);
		tally_bed(&run->tally, &bed);
	}
}

static void
commit_block(void *vctx, void *vb, struct fb_findings *out, long offset)
{
	struct file_ctx *ctx = vctx;
	struct fb_run *run = ctx->run;
	struct block *b = vb;
	struct once once = { &run->checker.input, NULL };
	size_t taken = 0, repeats = 0;

	fb_checker_input_add(&run->checker.input, &b->checker.input, offset);
	/* Only its file and line are read: the rules across rows have the bed. */
	struct fb_row row = { .file = ctx->file };
	struct fb_bed bed = { 0 };

	for (size_t i = 0; i < b->n; i++) {
		struct checked *c = &b->rows[i];

		if (i + PREFETCH_AHEAD < b->n && c[PREFETCH_AHEAD].reject == FB_NONE)
			fb_registry_prefetch(&run->registry, c[PREFETCH_AHEAD].hash);
		if (c->findings > taken) {
			once.row = c;
			fb_findings_take(&run->findings, out, taken, c->findings, offset, keep_once,
					 &once);
			taken = c->findings;
		}
		row.line = c->line + offset;
		if (c->reject == OUTSIDE) {
			count_outside(ctx, c->la_code);
			continue;
		}
		/* The text has 16 bytes of room past any id. */
		if (c->reject == FB_NONE) {
			bed_of(b, i, &bed, 0);
			if ((c->reject = (signed char)cross_check(run, &row, &bed, c->hash, 1)) != FB_NONE)
				repeats++;
		}
		if (c->reject != FB_NONE) {
			ctx->input->rows_rejected++;
			ctx->input->rejected_by[c->reject]++;
		}
	}
	ctx->input->rows_read += (long)b->n;
	count_block(ctx, b, repeats, offset);
	/* Findings after the last row: none are pushed outside a row, but take any. */
	fb_findings_take(&run->findings, out, taken, out->n, offset, NULL, NULL);
	/* After the first block: as many household-dates in each block to come. */
	if (!ctx->sized && ctx->size > 0 && run->block_size) {
		size_t made = run->registry.nslots - ctx->slots;
		long long blocks = ctx->size / (long long)run->block_size;

		if (made && blocks > 1 && (unsigned long long)blocks < SIZE_MAX / made)
			fb_registry_expect(&run->registry,
					   run->registry.nslots + made * (size_t)(blocks - 1));
	}
	ctx->sized = 1;
}

static void
end_block(void *vctx, void *vb)
{
	struct file_ctx *ctx = vctx;
	struct block *b = vb;

	b->next = ctx->spare;
	ctx->spare = b;
}

static void
free_blocks(struct file_ctx *ctx)
{
	struct block *b;

	while ((b = ctx->spare)) {
		ctx->spare = b->next;
		fb_tally_release(&b->tally);
		free(b->rows);
		free(b->cold);
		free(b->text);
		free(b);
	}
}

/* Through a profile: a row it says is not a bed. */
static void
on_drop(void *vctx)
{
	struct file_ctx *ctx = vctx;

	ctx->input->rows_read++;
	ctx->input->rows_dropped++;
}

/* Through a profile: the export's row becomes standard rows (or none). */
static void
on_local_row(void *vctx, const struct fb_row *row)
{
	struct file_ctx *ctx = vctx;

	fb_profile_input_row(ctx->profile, row, on_row, on_drop, ctx);
}

static const struct fb_schema *
choose_profile(void *vctx, const char *const *names, const size_t *lens, size_t n)
{
	struct file_ctx *ctx = vctx;

	return fb_profile_input_schema(ctx->profile, names, lens, n);
}

/*
 * A profile's Windows-1252 export, as UTF-8: a byte source over another
 * that decodes each chunk through the host's hook (hooks.h).  One byte is
 * one character, so chunks decode apart.  The digest sees the bytes as
 * they are in the file.
 */
struct decoding {
	const struct fb_source *in;
	const struct fb_digest_sink *digest;
	long long raw;
	char *pending;          /* decoded text not yet handed on */
	size_t npending, at;
};

static long
decoding_read(void *vctx, void *buf, size_t size)
{
	struct decoding *d = vctx;
	char chunk[4096];
	long got;
	size_t n;

	if (d->at == d->npending) {
		const struct fb_hooks *h = fb_hooks_get();
		char *text = NULL;
		size_t len = 0;

		if ((got = d->in->read(d->in->ctx, chunk, sizeof(chunk))) <= 0)
			return got;
		d->raw += got;
		if (d->digest && d->digest->update)
			d->digest->update(d->digest->ctx, chunk, (size_t)got);
		if (h->decode_1252)
			text = h->decode_1252(chunk, (size_t)got, &len);
		if (!text) {
			/* Kept as they are: a byte 1252 leaves undefined is then FB013. */
			text = fb_xmalloc((size_t)got);
			memcpy(text, chunk, (size_t)got);
			len = (size_t)got;
		}
		free(d->pending);
		d->pending = text;
		d->npending = len;
		d->at = 0;
	}
	n = d->npending - d->at < size ? d->npending - d->at : size;
	/* Nothing pending yet (an empty input): pending is null, n 0. */
	if (n)
		memcpy(buf, d->pending + d->at, n);
	d->at += n;
	return (long)n;
}

static void
tap_digest(void *sink, const unsigned char *bytes, size_t len)
{
	const struct fb_digest_sink *d = sink;

	d->update(d->ctx, bytes, len);
}

int
fb_run_read_source(struct fb_run *run, const char *name, const struct fb_source *src,
		   const struct fb_digest_sink *digest)
{
	struct fb_input *input = add_input(run, name);
	int file = (int)(run->ninputs - 1);
	struct file_ctx ctx = { run, input, file, NULL, 0, NULL, run->next_size,
				run->registry.nslots, 0 };
	struct fb_schema_chooser chooser = { choose, &ctx, fb_bed_schema(), 0, 0 };
	struct fb_ingest_tap tap = { tap_digest, (void *)digest };
	struct decoding dec = { src, digest, 0, NULL, 0, 0 };
	struct fb_source decoded = { decoding_read, &dec };
	fb_row_fn fn = on_row;
	int rc, decode = 0;
	struct fb_ingest_options opts;
	struct fb_ingest_blocks blocks = {
		.size = run->block_size, .workers = run->workers, .begin = begin_block,
		.row = check_block_row, .commit = commit_block, .end = end_block,
	};

	run->next_size = 0;
	fb_ingest_options_init(&opts);
	/* Through a profile, or to a tap, rows go one at a time. */
	if (run->block_size && !run->profile && !run->row_tap)
		opts.blocks = &blocks;

	run->checker.input.file = file;
	if (run->profile) {
		ctx.profile = input->profile_input =
			fb_profile_input_new(run->profile, name, file, &run->findings);
		chooser.choose = choose_profile;
		chooser.delim = run->profile->delim;
		chooser.profile = 1;
		fn = on_local_row;
		decode = run->profile->encoding == FB_PE_1252;
		/* The profile, not the header, says what the export holds. */
		if (run->profile->episodes) {
			ctx.episodes = 1;
			input->role = "episodes";
		}
	}
	/* Hashed as it is read: standard input cannot be read a second time. */
	errno = 0;
	if (decode)
		rc = fb_ingest_choosing(&decoded, &chooser, file, &run->findings, fn, &ctx,
					&input->size, NULL);
	else
		rc = fb_ingest_with(&opts, src, NULL, &chooser, file, &run->findings, fn, &ctx,
				    &input->size, digest && digest->update ? &tap : NULL);
	if (decode) {
		input->size = dec.raw;
		free(dec.pending);
	}
	if (rc != 0)
		input->error = errno ? errno : EIO;
	else if (digest && digest->finish)
		digest->finish(digest->ctx, input->sha256);
	free_blocks(&ctx);
	if (ctx.profile)
		fb_profile_input_end(ctx.profile);
	fb_checker_file_end(&run->checker);
	return rc;
}

void
fb_run_set_profile(struct fb_run *run, const struct fb_profile *profile)
{
	run->profile = profile;
}

void
fb_run_set_filter(struct fb_run *run, const struct fb_filter *filter)
{
	run->filter = *filter;
}

void
fb_run_set_blocks(struct fb_run *run, int workers, size_t size)
{
	run->workers = workers;
	run->block_size = size;
}

void
fb_run_expect_size(struct fb_run *run, long long bytes)
{
	run->next_size = bytes > 0 ? bytes : 0;
}

void
fb_run_set_period(struct fb_run *run, int from, int to)
{
	run->period.from = from;
	run->period.to = to;
	run->have_period = 1;
}

void
fb_run_end(struct fb_run *run)
{
	const char **names;

	if (run->ended)
		return;
	run->ended = 1;
	if (run->episodes.n == 0)
		return;
	names = fb_xcalloc(run->ninputs + 1, sizeof(*names));
	for (size_t i = 0; i < run->ninputs; i++)
		names[i] = run->inputs[i].name;
	fb_episodes_check_across(&run->episodes, run->have_period ? &run->period : NULL,
			  &run->findings, names);
	free(names);
	for (size_t i = 0; i < run->episodes.n; i++) {
		const struct fb_episode *ep = &run->episodes.items[i];
		struct fb_input *in = &run->inputs[ep->file];

		if (ep->rejected == FB_NONE)
			continue;
		in->rows_used--;
		in->rows_rejected++;
		in->rejected_by[ep->rejected]++;
	}
}

void
fb_run_totals(const struct fb_run *run, long *read, long *used, long *rejected)
{
	*read = *used = *rejected = 0;
	for (size_t i = 0; i < run->ninputs; i++) {
		*read += run->inputs[i].rows_read;
		*used += run->inputs[i].rows_used;
		*rejected += run->inputs[i].rows_rejected;
	}
}

long
fb_run_outside_filter(const struct fb_run *run)
{
	long n = 0;

	for (size_t i = 0; i < run->ninputs; i++)
		n += run->inputs[i].rows_outside_filter;
	return n;
}
