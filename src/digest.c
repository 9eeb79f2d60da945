/*
 * digest.c: SHA-256 through nettle, at once or on a thread of its own.
 */
#include "fosterbeds/digest.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_THREADS
#include <pthread.h>
#include <unistd.h>
#endif

#include "util.h"

void
fb_digest_init(struct fb_digest *d)
{
	sha256_init(&d->ctx);
}

void
fb_digest_update(struct fb_digest *d, const void *data, size_t len)
{
	if (len)
		sha256_update(&d->ctx, len, data);
}

void
fb_digest_hex(struct fb_digest *d, char hex[FB_SHA256_HEX])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t raw[SHA256_DIGEST_SIZE];

	sha256_digest(&d->ctx, sizeof(raw), raw);   /* also resets ctx */
	for (size_t i = 0; i < sizeof(raw); i++) {
		hex[2 * i] = digits[raw[i] >> 4];
		hex[2 * i + 1] = digits[raw[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void
fb_digest_buffer(const void *data, size_t len, char hex[FB_SHA256_HEX])
{
	struct fb_digest d;

	fb_digest_init(&d);
	fb_digest_update(&d, data, len);
	fb_digest_hex(&d, hex);
}

int
fb_digest_stream(FILE *in, char hex[FB_SHA256_HEX], long long *bytes)
{
	enum { CHUNK = 65536 };
	unsigned char *buf = fb_xmalloc(CHUNK);
	struct fb_digest d;
	long long total = 0;
	size_t n;

	fb_digest_init(&d);
	while ((n = fread(buf, 1, CHUNK, in)) > 0) {
		fb_digest_update(&d, buf, n);
		total += (long long)n;
	}
	free(buf);
	if (ferror(in)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	fb_digest_hex(&d, hex);
	*bytes = total;
	return 0;
}

int
fb_digest_is_hex(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 2 * SHA256_DIGEST_SIZE;
}

/*
 * Hashing beside the reader.  The ring: the reader fills the slot at tail
 * (its own while queued < SLOTS), then queues it; the thread hashes the
 * slot at head and only then frees it (queued--), so a slot being hashed is
 * never refilled.  A slot is queued full, or part full at the end.
 */
#ifdef HAVE_THREADS
struct fb_digest_worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t queued_more;    /* the reader queued a slot, or closed */
	pthread_cond_t freed;          /* the thread freed a slot */
	struct fb_digest *d;
	unsigned char *buf;            /* FB_DIGEST_SLOTS slots of FB_DIGEST_SLOT bytes */
	size_t len[FB_DIGEST_SLOTS];
	size_t head, queued;           /* under lock */
	int closed;                    /* under lock: no more slots; hash them, then stop */
	int quit;                      /* under lock: stop now */
	size_t tail, fill;             /* the reader's: its slot and the bytes in it */
	int open;                      /* the reader's: it holds the slot at tail */
};

static void *
worker_run(void *arg)
{
	struct fb_digest_worker *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		size_t i;

		while (!w->queued && !w->closed && !w->quit)
			pthread_cond_wait(&w->queued_more, &w->lock);
		if (w->quit || !w->queued)
			break;
		i = w->head;
		pthread_mutex_unlock(&w->lock);
		fb_digest_update(w->d, w->buf + i * FB_DIGEST_SLOT, w->len[i]);
		pthread_mutex_lock(&w->lock);
		w->head = (i + 1) % FB_DIGEST_SLOTS;
		w->queued--;
		pthread_cond_signal(&w->freed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* A second core: without one the thread would only take turns with the reader. */
static int
have_second_core(void)
{
#ifdef _SC_NPROCESSORS_ONLN
	return sysconf(_SC_NPROCESSORS_ONLN) > 1;
#else
	return 0;
#endif
}

static struct fb_digest_worker *
worker_start(struct fb_digest *d)
{
	struct fb_digest_worker *w;
	int err = errno;

	if (!have_second_core())
		return NULL;
	w = fb_xcalloc(1, sizeof(*w));
	w->d = d;
	w->buf = fb_xmalloc((size_t)FB_DIGEST_SLOTS * FB_DIGEST_SLOT);
	if (pthread_mutex_init(&w->lock, NULL) != 0)
		goto no_lock;
	if (pthread_cond_init(&w->queued_more, NULL) != 0)
		goto no_queued;
	if (pthread_cond_init(&w->freed, NULL) != 0)
		goto no_freed;
	if (pthread_create(&w->thread, NULL, worker_run, w) == 0)
		return w;
	/* No thread (out of them, or of memory for a stack): hash in the reader. */
	pthread_cond_destroy(&w->freed);
no_freed:
	pthread_cond_destroy(&w->queued_more);
no_queued:
	pthread_mutex_destroy(&w->lock);
no_lock:
	free(w->buf);
	free(w);
	errno = err;
	return NULL;
}

static void
worker_queue(struct fb_digest_worker *w)
{
	pthread_mutex_lock(&w->lock);
	w->len[w->tail] = w->fill;
	w->queued++;
	pthread_cond_signal(&w->queued_more);
	pthread_mutex_unlock(&w->lock);
	w->tail = (w->tail + 1) % FB_DIGEST_SLOTS;
	w->open = 0;
}

static void
worker_feed(struct fb_digest_worker *w, const unsigned char *p, size_t len)
{
	while (len) {
		size_t n;

		if (!w->open) {
			pthread_mutex_lock(&w->lock);
			while (w->queued == FB_DIGEST_SLOTS)
				pthread_cond_wait(&w->freed, &w->lock);
			pthread_mutex_unlock(&w->lock);
			w->open = 1;
			w->fill = 0;
		}
		n = FB_DIGEST_SLOT - w->fill < len ? FB_DIGEST_SLOT - w->fill : len;
		memcpy(w->buf + w->tail * FB_DIGEST_SLOT + w->fill, p, n);
		w->fill += n;
		p += n;
		len -= n;
		if (w->fill == FB_DIGEST_SLOT)
			worker_queue(w);
	}
}

/* Join the thread: after every queued slot is hashed (finish), or at once. */
static void
worker_stop(struct fb_digest_worker *w, int finish)
{
	int err = errno;

	if (finish && w->open && w->fill)
		worker_queue(w);
	pthread_mutex_lock(&w->lock);
	if (finish)
		w->closed = 1;
	else
		w->quit = 1;
	pthread_cond_signal(&w->queued_more);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->freed);
	pthread_cond_destroy(&w->queued_more);
	pthread_mutex_destroy(&w->lock);
	free(w->buf);
	free(w);
	errno = err;
}
#endif

void
fb_digest_async_init(struct fb_digest_async *a)
{
	fb_digest_init(&a->d);
	a->w = NULL;
	a->fed = 0;
	a->alone = 0;
}

void
fb_digest_async_update(struct fb_digest_async *a, const void *data, size_t len)
{
#ifdef HAVE_THREADS
	/* An input of one slot or less is hashed here: a thread would cost more. */
	if (!a->w && !a->alone && a->fed + (long long)len > FB_DIGEST_SLOT &&
	    !(a->w = worker_start(&a->d)))
		a->alone = 1;
	a->fed += (long long)len;
	if (a->w) {
		worker_feed(a->w, data, len);
		return;
	}
#endif
	fb_digest_update(&a->d, data, len);
}

void
fb_digest_async_hex(struct fb_digest_async *a, char hex[FB_SHA256_HEX])
{
#ifdef HAVE_THREADS
	if (a->w) {
		worker_stop(a->w, 1);
		a->w = NULL;
	}
#endif
	fb_digest_hex(&a->d, hex);
}

void
fb_digest_async_release(struct fb_digest_async *a)
{
#ifdef HAVE_THREADS
	if (a->w) {
		worker_stop(a->w, 0);
		a->w = NULL;
	}
#else
	(void)a;
#endif
}
