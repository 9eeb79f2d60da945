/*
 * util.c: allocation wrappers and byte-string helpers.
 */
#include "util.h"

#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * The one piece of process-wide state in the core: written by fb_hooks_set()
 * before the core is used (hooks.h), only read after, so threads share it
 * without a lock.
 */
static struct fb_hooks hooks;

void
fb_hooks_set(const struct fb_hooks *h)
{
	hooks = h ? *h : (struct fb_hooks){ 0 };
}

const struct fb_hooks *
fb_hooks_get(void)
{
	return &hooks;
}

void
fb_out_of_memory(void)
{
	if (hooks.out_of_memory)
		hooks.out_of_memory();
	abort();
}

static long
memory_read(void *ctx, void *buf, size_t size)
{
	struct fb_memory_source *m = ctx;
	size_t n = m->len - m->at < size ? m->len - m->at : size;

	if (n)
		memcpy(buf, m->data + m->at, n);
	m->at += n;
	return (long)n;
}

void
fb_source_memory(struct fb_source *src, struct fb_memory_source *m, const void *data,
		 size_t len)
{
	*m = (struct fb_memory_source){ data, len, 0 };
	*src = (struct fb_source){ memory_read, m };
}

void *
fb_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		fb_out_of_memory();
	return p;
}

void *
fb_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		fb_out_of_memory();
	return p;
}

void *
fb_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		fb_out_of_memory();
	return p;
}

char *
fb_xstrndup(const char *s, size_t len)
{
	char *d = fb_xmalloc(len + 1);

	fb_memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *
fb_xstrdup(const char *s)
{
	return fb_xstrndup(s, strlen(s));
}

void
fb_grow_to(void **buf, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return;
	while (n < need) {
		if (n > ((size_t)-1 / 2) / elem)
			fb_out_of_memory();
		n *= 2;
	}
	*buf = fb_xrealloc(*buf, n * elem);
	*cap = n;
}

const unsigned char fb_keep_table[2 * FB_KEEP_MAX] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

/* fb_trim() (util.h) for a value with a space or tab at an end. */
void
fb_trim_ends(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	while (n && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	*s = p;
	*len = n;
}

int
fb_strncaseeq(const char *s, const char *t, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\0' || fb_ascii_lower(s[i]) != fb_ascii_lower(t[i]))
			return 0;
	}
	return s[len] == '\0';
}

unsigned long long
fb_hash(unsigned long long h, const void *p, size_t len)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < len; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

/* Length of the valid UTF-8 sequence at s (at most len bytes), or 0. */
size_t
fb_utf8_seq(const unsigned char *s, size_t len)
{
	size_t n;
	unsigned min, cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, min = 0x80, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, min = 0x800, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, min = 0x10000, cp = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

int
fb_csv_init(struct csv_parser *p, unsigned char options)
{
	if (csv_init(p, options) != 0)
		return -1;
	csv_set_blk_size(p, FB_CSV_BLOCK);
	return 0;
}

int
fb_csv_parse_strict(struct csv_parser *p, const void *s, size_t len,
		    void (*field)(void *, size_t, void *), void (*end)(int, void *),
		    void (*bad)(void *, int quoted), void *ctx)
{
	const unsigned char *b = s;

	while (len > 0) {
		size_t n = csv_parse(p, b, len, field, end, ctx);

		if (n == len)
			return 0;
		if (csv_error(p) != CSV_EPARSE)
			return -1;
		/* libcsv stopped at the offending byte with its state saved: drop it. */
		bad(ctx, p->quoted);
		p->status = CSV_SUCCESS;
		b += n + 1;
		len -= n + 1;
	}
	return 0;
}

size_t
fb_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max)
{
	size_t row[65];

	if (blen > 64 || (alen > blen ? alen - blen : blen - alen) > max)
		return max + 1;
	for (size_t j = 0; j <= blen; j++)
		row[j] = j;
	for (size_t i = 1; i <= alen; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= blen; j++) {
			size_t up = row[j];
			size_t cost = fb_ascii_lower(a[i - 1]) != fb_ascii_lower(b[j - 1]);
			size_t v = diag + cost;

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[blen] > max ? max + 1 : row[blen];
}

/* LF, CRLF and a lone CR, each once. */
static size_t
count_line_breaks(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			n++;
		else if (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))
			n++;
	}
	return n;
}

void
fb_csv_lines_init(struct fb_csv_lines *l)
{
	memset(l, 0, sizeof(*l));
	l->line = 1;
}

long
fb_csv_lines_field(struct fb_csv_lines *l, const char *s, size_t len)
{
	long n = 0;

	if (!l->in_record) {
		l->in_record = 1;
		l->start = l->line;
	}
	if (len && (memchr(s, '\n', len) || memchr(s, '\r', len)))
		n = (long)count_line_breaks(s, len);
	l->line += n;
	return n;
}

void
fb_csv_lines_end(struct fb_csv_lines *l, int c)
{
	int crlf = c == '\n' && l->last_cr && !l->in_record;

	if ((c == '\n' && !crlf) || c == '\r')
		l->line++;
	l->last_cr = c == '\r';
	l->in_record = 0;
}

void
fb_strbuf_vaddf(struct fb_strbuf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return;
	fb_grow((void **)&b->s, &b->cap, b->n + (size_t)n + 1, 1);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	b->n += (size_t)n;
}

void
fb_strbuf_addf(struct fb_strbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fb_strbuf_vaddf(b, fmt, ap);
	va_end(ap);
}

int
fb_why(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	if (whylen == 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return -1;
}

size_t
fb_sorted_index(const int *sorted, size_t n, int v)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] <= v)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
