/*
 * profile-read.c: a profile's file, through libinih, into profile.h's
 * builder, with the line of each entry for messages.
 *
 * libinih as Debian builds it does not pass line numbers to the handler,
 * so the profile is read through our own line reader (ini_parse_stream()),
 * which counts lines and sees each [section] line itself: an empty or
 * unknown section is then an error on its own line too.
 */
#include "fosterbeds/profile-read.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/digest.h"
#include "fosterbeds/limits.h"
#include "util.h"

struct reading {
	struct fb_profile *p;
	const char *text;
	size_t len, at;
	long line;          /* the line last handed to libinih */
	long err_line;      /* the first error's line, or 0 */
	char err[512];
};

static void
fail(struct reading *r, const char *why)
{
	if (r->err_line)
		return;
	r->err_line = r->line;
	snprintf(r->err, sizeof(r->err), "%s", why);
}

/* libinih's reader: the next line, counted; a [section] is told to the profile. */
static char *
next_line(char *str, int num, void *stream)
{
	struct reading *r = stream;
	const char *s, *nl;
	size_t n, body;

	if (r->at >= r->len)
		return NULL;
	s = r->text + r->at;
	nl = memchr(s, '\n', r->len - r->at);
	n = nl ? (size_t)(nl - s) + 1 : r->len - r->at;
	r->at += n;
	r->line++;
	body = n - (nl != NULL);
	if (body && s[body - 1] == '\r')
		body--;
	if (body > FB_PROFILE_MAX_LINE) {
		char why[128];

		snprintf(why, sizeof(why), "the line is longer than %d characters; split a "
			 "long list over several lines of the same key", FB_PROFILE_MAX_LINE);
		fail(r, why);
		body = 0;
	} else if (memchr(s, '\0', body)) {
		fail(r, "the line holds a zero byte: a profile is a text file");
		body = 0;
	}
	if ((int)body + 2 > num)
		body = 0;
	memcpy(str, s, body);
	str[body] = '\n';
	str[body + 1] = '\0';
	/* A section line: "[name]", spaces around allowed. */
	{
		const char *b = str, *close;

		while (*b == ' ' || *b == '\t')
			b++;
		if (*b == '[' && (close = strchr(b, ']')) != NULL) {
			char name[256], why[512];
			size_t len = (size_t)(close - b - 1);
			const char *t = b + 1;

			fb_trim(&t, &len);
			if (len >= sizeof(name))
				len = sizeof(name) - 1;
			memcpy(name, t, len);
			name[len] = '\0';
			if (fb_profile_section(r->p, name, r->line, why, sizeof(why)) != 0)
				fail(r, why);
		}
	}
	return str;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct reading *r = user;
	char why[512];

	if (fb_profile_set(r->p, section, name, value, r->line, why, sizeof(why)) != 0) {
		fail(r, why);
		return 0;
	}
	return 1;
}

struct fb_profile *
fb_profile_read_text(const char *path, const char *text, size_t len, char *why, size_t whylen)
{
	struct reading r = { .text = text, .len = len };
	int rc;
	long line;

	r.p = fb_profile_new(path);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r.at = 3;
	rc = ini_parse_stream(next_line, &r, handler, &r);
	if (rc < 0) {
		fb_why(why, whylen, "%s: could not be read", path);
		fb_profile_free(r.p);
		return NULL;
	}
	if (rc > 0 && (!r.err_line || rc < r.err_line)) {
		fb_why(why, whylen, "%s:%d: this line is not a [section], a 'key = value' "
		       "entry or a comment", path, rc);
		fb_profile_free(r.p);
		return NULL;
	}
	if (r.err_line) {
		fb_why(why, whylen, "%s:%ld: %s", path, r.err_line, r.err);
		fb_profile_free(r.p);
		return NULL;
	}
	if (fb_profile_finish(r.p, &line, r.err, sizeof(r.err)) != 0) {
		if (line)
			fb_why(why, whylen, "%s:%ld: %s", path, line, r.err);
		else
			fb_why(why, whylen, "%s: %s", path, r.err);
		fb_profile_free(r.p);
		return NULL;
	}
	return r.p;
}

struct fb_profile *
fb_profile_read_file(const char *path, char *why, size_t whylen)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t len;
	struct fb_profile *p;
	int err;

	if (!f) {
		fb_why(why, whylen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	text = fb_xmalloc(FB_PROFILE_MAX_BYTES + 1);
	len = fread(text, 1, FB_PROFILE_MAX_BYTES + 1, f);
	err = ferror(f) ? errno : 0;
	fclose(f);
	if (!err && memchr(text, 0, len))
		err = FB_E_NOT_TEXT;
	if (err || len > FB_PROFILE_MAX_BYTES) {
		fb_why(why, whylen, "%s: %s", path,
		       err ? fb_strerror(err) : "is larger than 1 MB; a profile is a short text file");
		free(text);
		return NULL;
	}
	p = fb_profile_read_text(path, text, len, why, whylen);
	/* Recorded in manifests: the figures depend on the profile as on the data. */
	if (p) {
		fb_digest_buffer(text, len, p->sha256);
		p->bytes = (long long)len;
	}
	free(text);
	return p;
}
