/*
 * registry.c: bed and household keys.
 *
 * A key is the LA code and date as fixed-width binary, then each identifier
 * prefixed by its length, so no identifier's bytes can run into the next.
 */
#include "fosterbeds/registry.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * A household's record: where it was first seen and its filled beds so far,
 * then where its first FB_REGISTRY_LIMIT + 1 filled beds were, so a merge
 * can name the bed that took it over the limit.
 */
struct household {
	struct fb_seen seen;   /* first: fb_registry_filled() returns its address */
	int file[FB_REGISTRY_LIMIT + 1];
	long line[FB_REGISTRY_LIMIT + 1];
};

void
fb_registry_init(struct fb_registry *r)
{
	memset(r, 0, sizeof(*r));
	fb_keymap_init(&r->beds, sizeof(struct fb_seen));
	fb_keymap_init(&r->households, sizeof(struct household));
}

void
fb_registry_release(struct fb_registry *r)
{
	fb_keymap_release(&r->beds);
	fb_keymap_release(&r->households);
	free(r->key);
	memset(r, 0, sizeof(*r));
}

static size_t
put(char *k, const void *p, size_t len)
{
	fb_memcpy(k, p, len);
	return len;
}

static size_t
make_key(struct fb_registry *r, const struct fb_bed *bed, int with_bed)
{
	size_t need = 2 * sizeof(int) + 2 * sizeof(size_t) + bed->household_len +
		      (with_bed ? bed->bed_id_len : 0);
	size_t n = 0;

	fb_grow((void **)&r->key, &r->keycap, need, 1);
	n += put(r->key + n, &bed->la_code, sizeof(int));
	n += put(r->key + n, &bed->date, sizeof(int));
	n += put(r->key + n, &bed->household_len, sizeof(size_t));
	n += put(r->key + n, bed->household, bed->household_len);
	if (with_bed) {
		n += put(r->key + n, &bed->bed_id_len, sizeof(size_t));
		n += put(r->key + n, bed->bed_id, bed->bed_id_len);
	}
	return n;
}

const struct fb_seen *
fb_registry_bed(struct fb_registry *r, const struct fb_bed *bed, int file, long line)
{
	size_t len = make_key(r, bed, 1);
	int created;
	struct fb_seen *s = fb_keymap_get(&r->beds, r->key, len, &created);

	if (!created)
		return s;
	s->file = file;
	s->line = line;
	return NULL;
}

const struct fb_seen *
fb_registry_filled(struct fb_registry *r, const struct fb_bed *bed, int file, long line)
{
	size_t len = make_key(r, bed, 0);
	int created;
	struct household *h = fb_keymap_get(&r->households, r->key, len, &created);

	if (created) {
		h->seen.file = file;
		h->seen.line = line;
	}
	if (h->seen.filled <= FB_REGISTRY_LIMIT) {
		h->file[h->seen.filled] = file;
		h->line[h->seen.filled] = line;
	}
	h->seen.filled++;
	return &h->seen;
}

void
fb_registry_merge(struct fb_registry *dst, const struct fb_registry *src,
		  const struct fb_registry_merge_fns *fns)
{
	for (size_t i = 0; i < src->beds.n; i++) {
		size_t len;
		const void *key = fb_keymap_key(&src->beds, i, &len);
		const struct fb_seen *later = fb_keymap_value(&src->beds, i);
		int created;
		struct fb_seen *s = fb_keymap_get(&dst->beds, key, len, &created);

		if (created)
			*s = *later;
		else if (fns && fns->duplicate)
			fns->duplicate(fns->ctx, s, later);
	}
	for (size_t i = 0; i < src->households.n; i++) {
		size_t len;
		const void *key = fb_keymap_key(&src->households, i, &len);
		const struct household *add = fb_keymap_value(&src->households, i);
		int created;
		struct household *h = fb_keymap_get(&dst->households, key, len, &created);
		long before = h->seen.filled;

		if (created) {
			*h = *add;
			continue;
		}
		for (long k = 0; k < add->seen.filled && before + k <= FB_REGISTRY_LIMIT; k++) {
			h->file[before + k] = add->file[k];
			h->line[before + k] = add->line[k];
		}
		h->seen.filled += add->seen.filled;
		/* The bed that took it over the limit is src's, and src alone did not see it. */
		if (before <= FB_REGISTRY_LIMIT && h->seen.filled > FB_REGISTRY_LIMIT &&
		    add->seen.filled <= FB_REGISTRY_LIMIT && fns && fns->over_limit)
			fns->over_limit(fns->ctx, &h->seen, h->file[FB_REGISTRY_LIMIT],
					h->line[FB_REGISTRY_LIMIT]);
	}
}
