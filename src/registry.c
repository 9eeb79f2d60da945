/*
 * registry.c: a slot per household-date, and exact maps for what does not fit.
 *
 * Slots are kept in one array in the order they were made, and found
 * through an index: open addressing with linear probing over 4-byte
 * entries.  A new household-date is the common case (a bed is seldom
 * repeated, and a household's beds mostly come together), and this way
 * making its slot writes the array's end, which is in cache, and only the
 * index, about a fifth of the slots' size, is probed at random.  The index's
 * length need not be a power of two: a hash's low 32 bits are mapped onto
 * it by a multiply and shift, so it grows by half each time it is 3/4 full,
 * rehashed from the slots in order.
 *
 * The overflow maps' keys are the LA code and date as fixed-width binary,
 * then each identifier prefixed by its length, so no identifier's bytes can
 * run into the next.
 */
/* madvise() and MADV_HUGEPAGE are Linux's and BSD's, not POSIX's. */
#define _DEFAULT_SOURCE

#include "fosterbeds/registry.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#ifdef HAVE_MADV_HUGEPAGE
#include <sys/mman.h>
#define HUGE_PAGE ((size_t)2 << 20)
#endif

/*
 * 32 bytes, no padding; the first 16 (group, then the id zero-padded) and
 * idlen are the key.  See registry.h.
 */
struct fb_registry_slot {
	uint16_t group;
	unsigned char id[FB_REGISTRY_ID_INLINE];
	uint32_t line;
	uint16_t file;
	unsigned char idlen;
	unsigned char filled;
	unsigned char nbeds;    /* inline beds, | SLOT_OVERFLOW */
	unsigned char bed[FB_REGISTRY_BEDS_INLINE];
	unsigned char delta[FB_REGISTRY_BEDS_INLINE - 1];
};

_Static_assert(sizeof(struct fb_registry_slot) == 32, "a slot is half a cache line");
_Static_assert(offsetof(struct fb_registry_slot, line) == 16, "the key is the first 16 bytes");

#define SLOT_OVERFLOW 0x80
#define SLOT_BEDS 0x7f
#define NO_FILE 0xffff          /* slot.file: no bed of it can be inline */
#define MAX_GROUPS 65535
#define FIRST_CAP 16            /* index entries */

/*
 * An index entry: 0 when empty, else the slot's number + 1 in the low
 * INDEX_BITS and the top bits of its hash above them, so that most probes
 * past other keys never read their slots.
 */
#define INDEX_BITS 26
#define INDEX_MASK ((1u << INDEX_BITS) - 1)

/*
 * A slot's key: its group, then its id as two words read as the slot's id
 * bytes 0-7 and 8-13 are (bytes past the id zero), so it is compared with
 * a slot with no copy; and its hash.
 */
struct key {
	uint64_t w0, w1;
	unsigned idlen;
	uint16_t group;
	uint64_t h;
};

void
fb_registry_init(struct fb_registry *r)
{
	memset(r, 0, sizeof(*r));
	r->max_slots = FB_REGISTRY_MAX_SLOTS;
	fb_keymap_init(&r->groups, sizeof(uint16_t));
	fb_keymap_init(&r->beds, sizeof(struct fb_seen));
	fb_keymap_init(&r->households, sizeof(struct fb_seen));
}

void
fb_registry_release(struct fb_registry *r)
{
	free(r->slots);
	free(r->indexmem);
	fb_keymap_release(&r->groups);
	fb_keymap_release(&r->beds);
	fb_keymap_release(&r->households);
	free(r->key);
	free(r->pairs);
	memset(r, 0, sizeof(*r));
}

/*
 * A household-date's hash: its id (at most FB_REGISTRY_ID_INLINE bytes)
 * zero-padded to two words, its length, LA code and date, mixed by
 * murmur3's finalizer.  Words are read with memcpy, so any alignment is
 * fine; the value depends on the machine's byte order, which only places
 * slots.
 */
static inline uint64_t
hash_words(int la, int date, uint64_t w0, uint64_t w1, size_t idlen)
{
	uint64_t h;

	h = w0 * 0x9e3779b97f4a7c15ull;
	h ^= (w1 ^ idlen) * 0xc2b2ae3d27d4eb4full;
	h ^= ((uint64_t)(uint32_t)date << 32 | (uint32_t)la) * 0x165667b19e3779f9ull;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

static uint64_t
hash_id(int la, int date, const unsigned char *id, size_t idlen)
{
	unsigned char b[16] = { 0 };
	uint64_t w0, w1;

	fb_memcpy(b, id, idlen);
	memcpy(&w0, b, 8);
	memcpy(&w1, b + 8, 8);
	return hash_words(la, date, w0, w1, idlen);
}

uint64_t
fb_registry_hash(const struct fb_bed *bed)
{
	if (bed->household_len > FB_REGISTRY_ID_INLINE)
		return 0;
	return hash_id(bed->la_code, bed->date, (const unsigned char *)bed->household,
		       bed->household_len);
}

/*
 * A short copy to a zeroed buffer, then reading it as words, stalled the
 * worker on each row (the words were read before the copy's bytes could
 * be forwarded to them: a third of check_block_row's time).
 */
uint64_t
fb_registry_hash_wide(const struct fb_bed *bed)
{
	const unsigned char *k;

	if (bed->household_len > FB_REGISTRY_ID_INLINE)
		return 0;
	k = fb_keep(bed->household_len);
	return hash_words(bed->la_code, bed->date, fb_word(bed->household) & fb_word(k),
			  fb_word(bed->household + 8) & fb_word(k + 8), bed->household_len);
}

/* The hash of slot s's household-date. */
static uint64_t
slot_hash(const struct fb_registry *r, const struct fb_registry_slot *s)
{
	const struct fb_registry_pair *g = &r->pairs[s->group];

	return hash_id(g->la, g->date, s->id, s->idlen);
}

/* Where a hash starts probing in an index of cap entries. */
static inline uint32_t
home(uint64_t h, uint32_t cap)
{
	return (uint32_t)(((uint64_t)(uint32_t)h * cap) >> 32);
}

/* The group of (la, date) as cached for la, or 0 when not cached. */
static inline unsigned
cached_group(const struct fb_registry *r, int la, int date)
{
	if (la < 0 || la >= 1000 || r->last[la].date != date)
		return 0;
	return r->last[la].group;
}

/* The group of (la, date), numbered from 1 as first met; 0: past MAX_GROUPS. */
static unsigned
group_of(struct fb_registry *r, int la, int date)
{
	unsigned g = cached_group(r, la, date);
	int k[2] = { la, date };
	uint16_t *v;
	int created;

	if (g)
		return g;
	v = fb_keymap_get(&r->groups, k, sizeof(k), &created);
	/* A pair past the limit stays 0 (not in a slot) for the whole run. */
	if (created && r->groups.n <= MAX_GROUPS) {
		*v = (uint16_t)r->groups.n;
		fb_grow((void **)&r->pairs, &r->pairscap, (size_t)*v + 1, sizeof(*r->pairs));
		r->pairs[*v].la = la;
		r->pairs[*v].date = date;
	}
	if (*v && la >= 0 && la < 1000) {
		r->last[la].date = date;
		r->last[la].group = *v;
	}
	return *v;
}

/*
 * bed's household's key, with its hash h (fb_registry_hash()), or 0 when
 * the household has no slot.  wide: 16 bytes from bed->household may be
 * read, so the id is read as two masked words; else it is copied first.
 */
static FB_ROW_INLINE int
make_slot_key(struct fb_registry *r, const struct fb_bed *bed, uint64_t h, int wide,
	      struct key *k)
{
	const unsigned char *id = (const unsigned char *)bed->household;
	const unsigned char *keep;
	unsigned char b[16];

	if (bed->household_len > FB_REGISTRY_ID_INLINE)
		return 0;
	/* The cache inline: most rows are of the LA and date of the row before. */
	if (!(k->group = (uint16_t)cached_group(r, bed->la_code, bed->date)) &&
	    !(k->group = (uint16_t)group_of(r, bed->la_code, bed->date)))
		return 0;
	if (!wide) {
		memset(b, 0, sizeof(b));
		fb_memcpy(b, id, bed->household_len);
		id = b;
	}
	keep = fb_keep(bed->household_len);
	k->w0 = fb_word(id) & fb_word(keep);
	k->w1 = fb_word(id + 8) & fb_word(keep + 8);
	k->idlen = (unsigned)bed->household_len;
	k->h = h;
	return 1;
}

/* Slot s is k's: the id's last word is read past its 14 bytes, and masked. */
static inline int
slot_is(const struct fb_registry_slot *s, const struct key *k)
{
	return s->group == k->group && s->idlen == k->idlen && fb_word(s->id) == k->w0 &&
	       (fb_word(s->id + 8) & fb_word(fb_keep(FB_REGISTRY_ID_INLINE - 8))) == k->w1;
}

/*
 * An index table of cap entries, zeroed, on huge pages where it is big
 * enough; *mem is what to free.
 */
static uint32_t *
index_table(uint32_t cap, void **mem)
{
	size_t size = (size_t)cap * sizeof(uint32_t);
	uintptr_t p;

#ifdef HAVE_MADV_HUGEPAGE
	if (size >= HUGE_PAGE) {
		*mem = fb_xcalloc(size + HUGE_PAGE, 1);
		p = ((uintptr_t)*mem + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
		madvise((void *)p, size & ~(size_t)(HUGE_PAGE - 1), MADV_HUGEPAGE);
		return (void *)p;
	}
#endif
	*mem = fb_xcalloc(size + 63, 1);
	p = ((uintptr_t)*mem + 63) & ~(uintptr_t)63;
	return (void *)p;
}

/* Where entry e of hash h goes in a table of cap, probing on from home. */
static void
place(uint32_t *index, uint32_t cap, uint64_t h, uint32_t e)
{
	uint32_t j = home(h, cap);

	while (index[j])
		if (++j == cap)
			j = 0;
	index[j] = e;
}

static uint32_t
entry(uint64_t h, uint32_t slot)
{
	return (uint32_t)(h >> 58) << INDEX_BITS | (slot + 1);
}

/* Slots ahead whose new index entries are fetched while the index is rebuilt. */
#define REHASH_AHEAD 16

/*
 * Rebuild the index with cap entries.  The slots are rehashed in the order
 * they were made, so the pass over them reads memory in order; the entries
 * it writes are at random, so each is fetched REHASH_AHEAD slots ahead.
 */
static void
rebuild_index(struct fb_registry *r, uint32_t cap)
{
	void *mem;
	uint32_t *index = index_table(cap, &mem);
	uint64_t ahead[REHASH_AHEAD];

	for (uint32_t i = 0; i < r->nslots + REHASH_AHEAD; i++) {
		uint64_t *h = &ahead[i % REHASH_AHEAD];

		if (i >= REHASH_AHEAD)
			place(index, cap, *h, entry(*h, i - REHASH_AHEAD));
		if (i < r->nslots) {
			*h = slot_hash(r, &r->slots[i]);
			__builtin_prefetch(&index[home(*h, cap)], 1);
		}
	}
	free(r->indexmem);
	r->indexmem = mem;
	r->index = index;
	r->cap = cap;
}

void
fb_registry_expect(struct fb_registry *r, size_t slots)
{
	uint64_t cap;

	if (slots > r->max_slots)
		slots = r->max_slots;
	/*
	 * Half full at slots (get_slot() grows it at 3/4): near 3/4 a new
	 * household probes past several entries, each a chance of reading a
	 * slot at random (get_slot() fell from 7.3% to 4.9% of a 10M-row run).
	 */
	cap = (uint64_t)slots * 2 + 1;
	if (cap > r->cap)
		rebuild_index(r, (uint32_t)cap);
}

/*
 * k's slot, made (zeroed but for the key, *created set) when there is
 * none; NULL when there is none and the run has made r->max_slots.  The
 * pointer is valid until the next slot is made.
 */
static FB_ROW_INLINE struct fb_registry_slot *
get_slot(struct fb_registry *r, const struct key *k, int *created)
{
	uint32_t tag = (uint32_t)(k->h >> 58), i, e;
	struct fb_registry_slot *s;

	*created = 0;
	if (r->cap) {
		for (i = home(k->h, r->cap); (e = r->index[i]); ) {
			if (e >> INDEX_BITS == tag) {
				s = &r->slots[(e & INDEX_MASK) - 1];
				if (slot_is(s, k))
					return s;
			}
			if (++i == r->cap)
				i = 0;
		}
	}
	if (r->nslots >= r->max_slots)
		return NULL;
	fb_grow((void **)&r->slots, &r->slotcap, (size_t)r->nslots + 1, sizeof(*r->slots));
	/* Grown by half: the index stays between 1/2 and 3/4 full. */
	if ((uint64_t)(r->nslots + 1) * 4 > (uint64_t)r->cap * 3)
		rebuild_index(r, r->cap ? r->cap + r->cap / 2 : FIRST_CAP);
	place(r->index, r->cap, k->h, entry(k->h, r->nslots));
	s = &r->slots[r->nslots++];
	memset(s, 0, sizeof(*s));
	s->group = k->group;
	memcpy(s->id, &k->w0, 8);
	memcpy(s->id + 8, &k->w1, FB_REGISTRY_ID_INLINE - 8);
	s->idlen = (unsigned char)k->idlen;
	s->file = NO_FILE;
	*created = 1;
	return s;
}

/* bed_id as a slot holds it, 0..254 written plainly; -1 for any other. */
static int
small_bed_id(const char *s, size_t len)
{
	int v = 0;

	if (len == 0 || len > 3 || (len > 1 && s[0] == '0'))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= 254 ? v : -1;
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

/* A bed in the overflow map: NULL when new (now remembered), else where first seen. */
static const struct fb_seen *
overflow_bed(struct fb_registry *r, const struct fb_bed *bed, int file, long line)
{
	size_t len = make_key(r, bed, 1);
	int created;
	struct fb_seen *s = fb_keymap_get(&r->beds, r->key, len, &created);

	if (!created) {
		r->seen = *s;
		return &r->seen;
	}
	s->file = file;
	s->line = line;
	return NULL;
}

/* Whether a slot can hold a bed seen at (file, line) as its first: the widths. */
static int
fits(int file, long line)
{
	return file >= 0 && file < NO_FILE && line >= 0 && (unsigned long)line <= UINT32_MAX;
}

/* fb_registry_bed(), setting *slot to the household's slot, or NULL when it has none. */
static const struct fb_seen *
bed_in(struct fb_registry *r, const struct fb_bed *bed, uint64_t h, int wide, int file,
       long line, struct fb_registry_slot **slot)
{
	struct key k;
	struct fb_registry_slot *s;
	int created, id, n;

	*slot = NULL;
	if (!make_slot_key(r, bed, h, wide, &k) || !(s = get_slot(r, &k, &created)))
		return overflow_bed(r, bed, file, line);
	*slot = s;
	id = small_bed_id(bed->bed_id, bed->bed_id_len);
	n = s->nbeds & SLOT_BEDS;
	for (int j = 0; j < n && id >= 0; j++) {
		if (s->bed[j] != id)
			continue;
		r->seen.file = s->file;
		r->seen.line = (long)s->line + (j ? s->delta[j - 1] : 0);
		r->seen.filled = 0;
		return &r->seen;
	}
	if (s->nbeds & SLOT_OVERFLOW) {
		size_t len = make_key(r, bed, 1);
		const struct fb_seen *o = fb_keymap_find(&r->beds, r->key, len);

		if (o) {
			r->seen = *o;
			return &r->seen;
		}
	}
	/* New: in the slot if it fits there, else in the overflow map. */
	if (id >= 0 && n == 0 && fits(file, line)) {
		s->file = (uint16_t)file;
		s->line = (uint32_t)line;
		s->bed[0] = (unsigned char)id;
		s->nbeds++;
		return NULL;
	}
	if (id >= 0 && n > 0 && n < FB_REGISTRY_BEDS_INLINE && file == s->file &&
	    line >= (long)s->line && line - (long)s->line <= 255) {
		s->bed[n] = (unsigned char)id;
		s->delta[n - 1] = (unsigned char)(line - (long)s->line);
		s->nbeds++;
		return NULL;
	}
	s->nbeds |= SLOT_OVERFLOW;
	return overflow_bed(r, bed, file, line);
}

const struct fb_seen *
fb_registry_bed(struct fb_registry *r, const struct fb_bed *bed, int file, long line)
{
	struct fb_registry_slot *s;

	return bed_in(r, bed, fb_registry_hash(bed), 0, file, line, &s);
}

/* Count a filled bed in slot s, or in the households' map when s is NULL. */
static long
count_filled(struct fb_registry *r, struct fb_registry_slot *s, const struct fb_bed *bed,
	     uint64_t h, int wide)
{
	struct key k;
	int created;

	if (!s && make_slot_key(r, bed, h, wide, &k))
		s = get_slot(r, &k, &created);
	if (s) {
		if (s->filled < 255)
			s->filled++;
		return s->filled;
	} else {
		size_t len = make_key(r, bed, 0);
		struct fb_seen *o = fb_keymap_get(&r->households, r->key, len, &created);

		if (o->filled < 255)
			o->filled++;
		return o->filled;
	}
}

const struct fb_seen *
fb_registry_filled(struct fb_registry *r, const struct fb_bed *bed, int file, long line)
{
	r->seen.filled = count_filled(r, NULL, bed, fb_registry_hash(bed), 0);
	r->seen.file = file;
	r->seen.line = line;
	return &r->seen;
}

const struct fb_seen *
fb_registry_add_hashed(struct fb_registry *r, const struct fb_bed *bed, uint64_t h, int wide,
		       int file, long line, long *filled)
{
	struct fb_registry_slot *s;
	const struct fb_seen *seen = bed_in(r, bed, h, wide, file, line, &s);

	*filled = 0;
	if (!seen && bed->status == FB_ST_FILLED)
		*filled = count_filled(r, s, bed, h, wide);
	return seen;
}

const struct fb_seen *
fb_registry_add(struct fb_registry *r, const struct fb_bed *bed, int file, long line,
		long *filled)
{
	return fb_registry_add_hashed(r, bed, fb_registry_hash(bed), 0, file, line, filled);
}

void
fb_registry_prefetch(const struct fb_registry *r, uint64_t h)
{
	if (r->cap)
		__builtin_prefetch(&r->index[home(h, r->cap)]);
}
