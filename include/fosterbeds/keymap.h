/*
 * keymap.h: a hash map from byte-string keys to fixed-size values.
 *
 * Used wherever the run must remember something per key: each bed seen (for
 * duplicates), each household (for the fostering limit), each (LA, date)
 * tally.  Keys are copied into one growing arena, and entries are kept in
 * insertion order, so iterating a map is deterministic and needs no sort to
 * reproduce the input's order.  Lookups hash the key once and compare full
 * keys, so two different keys never share a value.
 *
 * Values are zeroed when created; pointers to them stay valid only until the
 * next fb_keymap_get() that creates an entry.
 */
#ifndef FOSTERBEDS_KEYMAP_H
#define FOSTERBEDS_KEYMAP_H

#include <stddef.h>

struct fb_keymap_entry {
	unsigned long long hash;
	size_t key_off, key_len;  /* the key's bytes in the arena */
	size_t value_off;         /* the value's bytes in values */
};

struct fb_keymap {
	size_t value_size;
	struct fb_keymap_entry *entries;   /* in insertion order */
	size_t n, cap;
	size_t *slots;                     /* entry index + 1; 0 is empty */
	size_t nslots;                     /* a power of two */
	char *arena;
	size_t arena_len, arena_cap;
	unsigned char *values;
	size_t values_cap;
};

/* Life cycle */

void fb_keymap_init(struct fb_keymap *m, size_t value_size);
void fb_keymap_release(struct fb_keymap *m);

/* Use */

/*
 * The value stored under the len bytes at key, creating a zeroed one when
 * there is none (then *created is set to 1, else 0; created may be NULL).
 */
void *fb_keymap_get(struct fb_keymap *m, const void *key, size_t len, int *created);

/* The value under key, or NULL. */
void *fb_keymap_find(const struct fb_keymap *m, const void *key, size_t len);

/* The i-th entry's key and value, in insertion order (i < m->n). */
const void *fb_keymap_key(const struct fb_keymap *m, size_t i, size_t *len);
void *fb_keymap_value(const struct fb_keymap *m, size_t i);

#endif
