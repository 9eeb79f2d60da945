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

void
fb_registry_init(struct fb_registry *r)
{
	memset(r, 0, sizeof(*r));
	fb_keymap_init(&r->beds, sizeof(struct fb_seen));
	fb_keymap_init(&r->households, sizeof(struct fb_seen));
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
	memcpy(k, p, len);
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
	struct fb_seen *s = fb_keymap_get(&r->households, r->key, len, &created);

	if (created) {
		s->file = file;
		s->line = line;
	}
	s->filled++;
	return s;
}
