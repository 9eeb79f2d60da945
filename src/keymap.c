/*
 * keymap.c: open addressing with linear probing over an index of entries.
 *
 * The slot table holds indexes, not entries, so growing it moves 8 bytes
 * per key and the entries themselves stay in insertion order.
 */
#include "fosterbeds/keymap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void
fb_keymap_init(struct fb_keymap *m, size_t value_size)
{
	memset(m, 0, sizeof(*m));
	/* Keep every value aligned for any type a caller may store. */
	m->value_size = (value_size + 15) & ~(size_t)15;
}

void
fb_keymap_release(struct fb_keymap *m)
{
	free(m->entries);
	free(m->slots);
	free(m->arena);
	free(m->values);
	fb_keymap_init(m, m->value_size);
}

static void
rehash(struct fb_keymap *m)
{
	size_t nslots = m->nslots ? m->nslots * 2 : 64;

	free(m->slots);
	m->slots = fb_xcalloc(nslots, sizeof(*m->slots));
	m->nslots = nslots;
	for (size_t i = 0; i < m->n; i++) {
		size_t s = (size_t)m->entries[i].hash & (nslots - 1);

		while (m->slots[s])
			s = (s + 1) & (nslots - 1);
		m->slots[s] = i + 1;
	}
}

static size_t
probe(const struct fb_keymap *m, unsigned long long h, const void *key, size_t len)
{
	size_t s = (size_t)h & (m->nslots - 1);

	for (; m->slots[s]; s = (s + 1) & (m->nslots - 1)) {
		const struct fb_keymap_entry *e = &m->entries[m->slots[s] - 1];

		if (e->hash == h && e->key_len == len &&
		    memcmp(m->arena + e->key_off, key, len) == 0)
			break;
	}
	return s;
}

void *
fb_keymap_find(const struct fb_keymap *m, const void *key, size_t len)
{
	size_t s;

	if (!m->nslots)
		return NULL;
	s = probe(m, fb_hash(FB_HASH_INIT, key, len), key, len);
	if (!m->slots[s])
		return NULL;
	return m->values + m->entries[m->slots[s] - 1].value_off;
}

void *
fb_keymap_get(struct fb_keymap *m, const void *key, size_t len, int *created)
{
	unsigned long long h = fb_hash(FB_HASH_INIT, key, len);
	struct fb_keymap_entry *e;
	size_t s;

	if (created)
		*created = 0;
	if (!m->nslots)
		rehash(m);
	s = probe(m, h, key, len);
	if (m->slots[s])
		return m->values + m->entries[m->slots[s] - 1].value_off;

	fb_grow((void **)&m->entries, &m->cap, m->n + 1, sizeof(*m->entries));
	fb_grow((void **)&m->arena, &m->arena_cap, m->arena_len + len, 1);
	fb_grow((void **)&m->values, &m->values_cap, (m->n + 1) * m->value_size, 1);
	e = &m->entries[m->n];
	e->hash = h;
	e->key_off = m->arena_len;
	e->key_len = len;
	e->value_off = m->n * m->value_size;
	if (len)
		memcpy(m->arena + m->arena_len, key, len);
	m->arena_len += len;
	memset(m->values + e->value_off, 0, m->value_size);
	m->slots[s] = ++m->n;
	if (m->n * 2 > m->nslots)
		rehash(m);
	if (created)
		*created = 1;
	return m->values + e->value_off;
}

const void *
fb_keymap_key(const struct fb_keymap *m, size_t i, size_t *len)
{
	*len = m->entries[i].key_len;
	return m->arena + m->entries[i].key_off;
}

void *
fb_keymap_value(const struct fb_keymap *m, size_t i)
{
	return m->values + m->entries[i].value_off;
}
