/*
 * manifest.c: write and read run manifests (spec/manifest.md) with jansson.
 */
/* realpath() is XSI, beyond the project's _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "fosterbeds/manifest.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fosterbeds/date.h"
#include "fosterbeds/host.h"
#include "fosterbeds/standard.h"
#include "util.h"

/* Options */

/* Add or, for an option given before, update (the last value wins). */
static size_t
put_option(struct fb_manifest_option *out, size_t n, const char *name, size_t namelen,
	   const char *value)
{
	for (size_t i = 0; i < n; i++) {
		if (out[i].namelen == namelen && memcmp(out[i].name, name, namelen) == 0) {
			out[i].value = value;
			return n;
		}
	}
	out[n].name = name;
	out[n].namelen = namelen;
	out[n].value = value;
	return n + 1;
}

size_t
fb_manifest_options(const struct fb_option *opts, int argc, char **argv,
		    struct fb_manifest_option *out)
{
	size_t n = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0)
			break;
		if (a[0] != '-' || a[1] == '\0')
			continue;                       /* an operand, or "-" */
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			/* Only full names: the parser refuses an abbreviated option. */
			const struct fb_option *opt = fb_option_by_long(opts, name, len);
			const char *value = NULL;

			if (eq)
				value = eq + 1;
			else if (opt && fb_option_takes_value(opt) && i + 1 < argc)
				value = argv[++i];
			if (opt && !fb_option_takes_value(opt))
				value = NULL;
			n = put_option(out, n, name, len, value);
			continue;
		}
		/* A cluster of short options: -h, -fjson, -f json. */
		for (const char *c = a + 1; *c; c++) {
			const struct fb_option *opt = fb_option_by_short(opts, *c);

			if (!opt) {
				n = put_option(out, n, c, 1, NULL);
				continue;
			}
			if (!fb_option_takes_value(opt)) {
				n = put_option(out, n, opt->long_name, strlen(opt->long_name), NULL);
				continue;
			}
			n = put_option(out, n, opt->long_name, strlen(opt->long_name),
				       c[1] ? c + 1 : i + 1 < argc ? argv[++i] : NULL);
			break;
		}
	}
	return n;
}

/* Writing */

/* s as a JSON string, each byte that is not UTF-8 made U+FFFD (jansson takes only UTF-8). */
static json_t *
text(const char *s, size_t len)
{
	json_t *j;
	char *clean;
	size_t n = 0;

	if ((j = json_stringn(s, len)))
		return j;
	clean = fb_xmalloc(3 * len + 1);
	for (size_t i = 0; i < len;) {
		size_t k = fb_utf8_seq((const unsigned char *)s + i, len - i);

		if (k == 0) {
			memcpy(clean + n, "\xef\xbf\xbd", 3);
			n += 3;
			i++;
		} else {
			memcpy(clean + n, s + i, k);
			n += k;
			i += k;
		}
	}
	j = json_stringn(clean, n);
	free(clean);
	return j;
}

static json_t *
str(const char *s)
{
	return text(s, strlen(s));
}

/*
 * obj's member key, the name s (of a file or a folder), as text; and when s
 * is not UTF-8 (text() cannot keep it), also key_hex, its bytes in
 * lower-case hex, which check-manifest reads instead (get_name()), so it
 * still finds the file.  A UTF-8 name has no key_hex: its manifest is as it
 * always was.
 */
static void
set_name(json_t *obj, const char *key, const char *s)
{
	json_t *j = json_string(s);
	size_t len = strlen(s);
	char hexkey[32], *hex;

	if (j) {
		json_object_set_new(obj, key, j);
		return;
	}
	json_object_set_new(obj, key, str(s));
	hex = fb_xmalloc(2 * len + 1);
	for (size_t i = 0; i < len; i++)
		snprintf(hex + 2 * i, 3, "%02x", (unsigned char)s[i]);
	hex[2 * len] = '\0';
	snprintf(hexkey, sizeof(hexkey), "%s_hex", key);
	json_object_set_new(obj, hexkey, json_string(hex));
	free(hex);
}

/* Now, or SOURCE_DATE_EPOCH, as 2026-11-23T11:45:03Z. */
static void
created(char buf[32])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (epoch && *epoch) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(epoch, &end, 10);
		if (!errno && !*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static json_t *
input_json(const struct fb_input *in, int profile)
{
	json_t *j = json_object();

	set_name(j, "name", in->name);
	json_object_set_new(j, "role", str(in->role));
	json_object_set_new(j, "bytes", json_integer(in->size));
	json_object_set_new(j, "sha256", in->sha256[0] ? str(in->sha256) : json_null());
	json_object_set_new(j, "rows_read", json_integer(in->rows_read));
	json_object_set_new(j, "rows_used", json_integer(in->rows_used));
	json_object_set_new(j, "rows_rejected", json_integer(in->rows_rejected));
	json_object_set_new(j, "rows_outside_filter", json_integer(in->rows_outside_filter));
	if (profile)
		json_object_set_new(j, "rows_dropped_by_profile", json_integer(in->rows_dropped));
	return j;
}

/* What the run kept (filter.h): null, or its region or LA codes. */
static json_t *
filter_json(const struct fb_filter *f)
{
	json_t *j, *codes;

	if (!f->active)
		return json_null();
	j = json_object();
	json_object_set_new(j, "region", f->region ? str(f->region) : json_null());
	if (f->region) {
		json_object_set_new(j, "la_codes", json_null());
		return j;
	}
	codes = json_array();
	for (int c = 0; c < 1000; c++) {
		char code[8];

		if (!f->keep[c])
			continue;
		snprintf(code, sizeof(code), "%03d", c);
		json_array_append_new(codes, str(code));
	}
	json_object_set_new(j, "la_codes", codes);
	return j;
}

int
fb_manifest_write(FILE *out, const struct fb_run *run, const struct fb_option *options,
		  int argc, char **argv, const char *command)
{
	json_t *root = json_object(), *args = json_array(), *opts = json_object();
	json_t *inputs = json_array();
	struct fb_manifest_option *o = fb_xcalloc((size_t)argc + 1, sizeof(*o));
	size_t nopts = fb_manifest_options(options, argc, argv, o);
	char when[32], today[FB_DATE_LEN + 1];
	char *cwd = getcwd(NULL, 0);
	int rc;

	if (!root || !args || !opts || !inputs)
		fb_out_of_memory();
	/* The program by name, not by the path it was run from. */
	json_array_append_new(args, str("fosterbeds"));
	for (int i = 0; i < argc; i++)
		json_array_append_new(args, str(argv[i]));
	for (size_t i = 0; i < nopts; i++) {
		json_t *name = text(o[i].name, o[i].namelen);

		json_object_set_new(opts, json_string_value(name),
				    o[i].value ? str(o[i].value) : json_true());
		json_decref(name);
	}
	free(o);
	for (size_t i = 0; i < run->ninputs; i++)
		json_array_append_new(inputs, input_json(&run->inputs[i], run->profile != NULL));
	created(when);
	fb_date_format(run->today, today);

	json_object_set_new(root, "tool", str("fosterbeds"));
	json_object_set_new(root, "tool_version", str(FB_TOOL_VERSION));
	json_object_set_new(root, "spec_version", str(FB_SPEC_VERSION));
	json_object_set_new(root, "manifest_version", json_integer(FB_MANIFEST_VERSION));
	json_object_set_new(root, "command", str(command));
	json_object_set_new(root, "argv", args);
	/* Relative input names mean nothing without it (check-manifest reads them there). */
	if (cwd)
		set_name(root, "directory", cwd);
	else
		json_object_set_new(root, "directory", json_null());
	free(cwd);
	json_object_set_new(root, "options", opts);
	json_object_set_new(root, "filter", filter_json(&run->filter));
	json_object_set_new(root, "today", str(today));
	json_object_set_new(root, "created", str(when));
	json_object_set_new(root, "inputs", inputs);
	/* Only when there is one, so a run without a profile writes what it always did. */
	if (run->profile) {
		json_t *p = json_object();

		set_name(p, "file", run->profile->path);
		json_object_set_new(p, "bytes", json_integer(run->profile->bytes));
		json_object_set_new(p, "sha256", run->profile->sha256[0] ? str(run->profile->sha256)
									 : json_null());
		json_object_set_new(p, "system", run->profile->system ? str(run->profile->system)
								   : json_null());
		json_object_set_new(p, "la", run->profile->la ? str(run->profile->la) : json_null());
		json_object_set_new(root, "profile", p);
	}
	rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (rc == 0 && fputc('\n', out) == EOF)
		rc = -1;
	json_decref(root);
	return rc == 0 ? 0 : -1;
}

/* Reading */

/* A copy of the string member key of obj, or NULL (after why) when it is not one. */
static char *
get_string(json_t *obj, const char *where, const char *key, char *why, size_t whylen)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_string(v)) {
		fb_why(why, whylen, "%s'%s' is %s", where, key, v ? "not a string" : "missing");
		return NULL;
	}
	return fb_xstrndup(json_string_value(v), json_string_length(v));
}

/* The value of a hex digit, or -1. */
static int
hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * A copy of the name set_name() wrote as key: from key_hex when there is
 * one (a name that is not UTF-8), else the string member key; NULL (after
 * why) when neither is good.
 */
static char *
get_name(json_t *obj, const char *where, const char *key, char *why, size_t whylen)
{
	char hexkey[32];
	json_t *v;
	const char *hex;
	char *name;
	size_t len;

	snprintf(hexkey, sizeof(hexkey), "%s_hex", key);
	if (!(v = json_object_get(obj, hexkey)))
		return get_string(obj, where, key, why, whylen);
	hex = json_is_string(v) ? json_string_value(v) : "";
	len = strlen(hex);
	if (len == 0 || len % 2 != 0 || strspn(hex, "0123456789abcdef") != len) {
		fb_why(why, whylen, "%s'%s' is not an even number of lower-case hex digits",
		       where, hexkey);
		return NULL;
	}
	name = fb_xmalloc(len / 2 + 1);
	for (size_t i = 0; i < len / 2; i++) {
		name[i] = (char)(hex_digit(hex[2 * i]) << 4 | hex_digit(hex[2 * i + 1]));
		if (name[i] == '\0') {
			free(name);
			fb_why(why, whylen, "%s'%s' holds a NUL byte", where, hexkey);
			return NULL;
		}
	}
	name[len / 2] = '\0';
	return name;
}

/* The whole number member key of obj, 0 or more, into *n; -1 (after why) when not. */
static int
get_count(json_t *obj, const char *where, const char *key, long long *n, char *why,
	  size_t whylen)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return fb_why(why, whylen, "%s'%s' is %s", where, key,
			    v ? "not a whole number of 0 or more" : "missing");
	*n = json_integer_value(v);
	return 0;
}

/* key "sha256", 64 lower-case hex digits, into out (FB_SHA256_HEX bytes, not ended). */
static int
get_sha256(json_t *j, const char *where, char *out, char *why, size_t whylen)
{
	char *sha = get_string(j, where, "sha256", why, whylen);

	if (!sha)
		return -1;
	if (!fb_digest_is_hex(sha)) {
		free(sha);
		return fb_why(why, whylen, "%s'sha256' is not 64 lower-case hex digits", where);
	}
	memcpy(out, sha, FB_SHA256_HEX);
	free(sha);
	return 0;
}

static int
read_input(struct fb_manifest_input *in, json_t *j, size_t i, char *why, size_t whylen)
{
	char where[48];
	long long rows[3];
	static const char *const row_keys[3] = { "rows_read", "rows_used", "rows_rejected" };

	snprintf(where, sizeof(where), "inputs[%zu]: ", i);
	if (!json_is_object(j))
		return fb_why(why, whylen, "inputs[%zu] is not an object", i);
	if (!(in->name = get_name(j, where, "name", why, whylen)) ||
	    !(in->role = get_string(j, where, "role", why, whylen)) ||
	    get_count(j, where, "bytes", &in->bytes, why, whylen) != 0 ||
	    get_sha256(j, where, in->sha256, why, whylen) != 0)
		return -1;
	for (int k = 0; k < 3; k++)
		if (get_count(j, where, row_keys[k], &rows[k], why, whylen) != 0)
			return -1;
	in->rows_read = (long)rows[0];
	in->rows_used = (long)rows[1];
	in->rows_rejected = (long)rows[2];
	return 0;
}

/*
 * The run's profile (the "profile" object, written only with --profile), as
 * one more input whose role is "profile", so check-manifest checks it as it
 * checks the data: a profile changed since is a run that would read its
 * data otherwise.  Its rows are none.
 */
static int
read_profile(struct fb_manifest_input *in, json_t *j, char *why, size_t whylen)
{
	const char *where = "profile: ";

	if (!json_is_object(j))
		return fb_why(why, whylen, "'profile' is not an object");
	in->role = fb_xstrndup("profile", 7);
	if (!(in->name = get_name(j, where, "file", why, whylen)) ||
	    get_count(j, where, "bytes", &in->bytes, why, whylen) != 0 ||
	    get_sha256(j, where, in->sha256, why, whylen) != 0)
		return -1;
	return 0;
}

int
fb_manifest_read(struct fb_manifest *m, FILE *in, char *why, size_t whylen)
{
	json_error_t err;
	json_t *root, *v, *inputs;
	int rc = -1;
	char *text;
	size_t len;

	memset(m, 0, sizeof(*m));
	/* Read whole, to the limit, first: /dev/zero or a FIFO fed for ever ends. */
	errno = 0;
	if (fb_read_all(in, FB_MAX_WHOLE, &text, &len) != 0)
		return fb_why(why, whylen, "%s", fb_strerror(errno ? errno : EIO));
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	free(text);
	if (!root)
		return fb_why(why, whylen, "line %d: %s", err.line, err.text);
	v = json_object_get(root, "tool");
	if (!json_is_object(root) || !json_is_string(v) ||
	    strcmp(json_string_value(v), "fosterbeds") != 0) {
		fb_why(why, whylen, "not a fosterbeds manifest (no \"tool\": \"fosterbeds\")");
		goto done;
	}
	v = json_object_get(root, "manifest_version");
	if (!json_is_integer(v) || json_integer_value(v) != FB_MANIFEST_VERSION) {
		fb_why(why, whylen, "'manifest_version' is not %d", FB_MANIFEST_VERSION);
		goto done;
	}
	if (!(m->command = get_string(root, "", "command", why, whylen)) ||
	    !(m->tool_version = get_string(root, "", "tool_version", why, whylen)) ||
	    !(m->spec_version = get_string(root, "", "spec_version", why, whylen)) ||
	    !(m->created = get_string(root, "", "created", why, whylen)))
		goto done;
	/* Manifests written before it was recorded have none: still manifests. */
	v = json_object_get(root, "directory");
	if (json_is_string(v)) {
		if (!(m->directory = get_name(root, "", "directory", why, whylen)))
			goto done;
	} else if (v && !json_is_null(v)) {
		fb_why(why, whylen, "'directory' is not a string");
		goto done;
	}
	inputs = json_object_get(root, "inputs");
	if (!json_is_array(inputs)) {
		fb_why(why, whylen, "'inputs' is %s", inputs ? "not a list" : "missing");
		goto done;
	}
	m->inputs = fb_xcalloc(json_array_size(inputs) + 2, sizeof(*m->inputs));
	for (size_t i = 0; i < json_array_size(inputs); i++) {
		m->ninputs = i + 1;
		if (read_input(&m->inputs[i], json_array_get(inputs, i), i, why, whylen) != 0)
			goto done;
	}
	v = json_object_get(root, "profile");
	if (v && !json_is_null(v) &&
	    read_profile(&m->inputs[m->ninputs++], v, why, whylen) != 0)
		goto done;
	rc = 0;
done:
	json_decref(root);
	return rc;
}

void
fb_manifest_release(struct fb_manifest *m)
{
	for (size_t i = 0; i < m->ninputs; i++) {
		free(m->inputs[i].name);
		free(m->inputs[i].role);
	}
	free(m->inputs);
	free(m->command);
	free(m->tool_version);
	free(m->spec_version);
	free(m->created);
	free(m->directory);
	memset(m, 0, sizeof(*m));
}

/* Checking */

char *
fb_manifest_join(const char *folder, const char *name)
{
	size_t len = strlen(folder);
	int slash = len > 0 && folder[len - 1] != '/';
	char *path = fb_xmalloc(len + (size_t)slash + strlen(name) + 1);

	memcpy(path, folder, len);
	if (slash)
		path[len] = '/';
	strcpy(path + len + (size_t)slash, name);
	return path;
}

/* The folder path names, absolute (resolved) when it can be. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real;

	if (!slash)
		dir = fb_xstrdup(".");
	else
		dir = fb_xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	if ((real = realpath(dir, NULL))) {
		free(dir);
		return real;
	}
	return dir;
}

static void
add_folder(struct fb_manifest_folders *f, char *path, unsigned where)
{
	for (size_t i = 0; i < f->n; i++) {
		if (strcmp(f->v[i].path, path) == 0) {
			f->v[i].where |= where;
			free(path);
			return;
		}
	}
	f->v[f->n].path = path;
	f->v[f->n].where = where;
	f->n++;
}

void
fb_manifest_folders(struct fb_manifest_folders *f, const struct fb_manifest *m,
		    const char *manifest_path)
{
	char *cwd;

	memset(f, 0, sizeof(*f));
	if (m->directory) {
		add_folder(f, fb_xstrdup(m->directory), FB_MANIFEST_RUN_FOLDER);
	} else {
		cwd = getcwd(NULL, 0);
		add_folder(f, cwd ? cwd : fb_xstrdup("."), FB_MANIFEST_CURRENT_FOLDER);
	}
	if (manifest_path && strcmp(manifest_path, "-") != 0)
		add_folder(f, folder_of(manifest_path), FB_MANIFEST_OWN_FOLDER);
}

void
fb_manifest_folders_release(struct fb_manifest_folders *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].path);
	memset(f, 0, sizeof(*f));
}

/*
 * Hash the file at path into out; returns -1 (out->error set) when there is
 * none to read.  Only a regular file is hashed: a device or a FIFO may never
 * end (/dev/zero), or wait for ever for a writer, so it is unreadable with
 * FB_E_NOT_FILE, found without reading it (opened without waiting, then
 * asked what it is).
 */
static int
check_path(const char *path, const struct fb_manifest_input *in, struct fb_manifest_check *out)
{
	FILE *f;
	int fd;
	struct stat st;

	errno = 0;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) < 0) {
		out->error = errno;
		out->state = errno == ENOENT || errno == ENOTDIR ? FB_MANIFEST_MISSING
			: FB_MANIFEST_UNREADABLE;
		return out->state == FB_MANIFEST_MISSING ? -1 : 0;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		out->error = errno ? errno : FB_E_NOT_FILE;
		out->state = FB_MANIFEST_UNREADABLE;
		close(fd);
		return 0;
	}
	/* A regular file reads as it would have blocking. */
	if (!(f = fdopen(fd, "rb"))) {
		out->error = errno;
		out->state = FB_MANIFEST_UNREADABLE;
		close(fd);
		return 0;
	}
	errno = 0;
	out->error = 0;
	if (fb_digest_stream(f, out->sha256, &out->bytes) != 0) {
		out->error = errno ? errno : EIO;
		out->state = FB_MANIFEST_UNREADABLE;
		out->bytes = -1;
		out->sha256[0] = '\0';
	} else {
		out->state = out->bytes == in->bytes && strcmp(out->sha256, in->sha256) == 0
			? FB_MANIFEST_UNCHANGED : FB_MANIFEST_CHANGED;
	}
	fclose(f);
	return 0;
}

void
fb_manifest_check_input(const struct fb_manifest_input *in,
			const struct fb_manifest_folders *folders,
			struct fb_manifest_check *out)
{
	memset(out, 0, sizeof(*out));
	out->bytes = -1;
	out->found = -1;
	if (strcmp(in->name, "-") == 0) {
		out->state = FB_MANIFEST_STDIN;
		return;
	}
	if (in->name[0] == '/' || !folders || folders->n == 0) {
		check_path(in->name, in, out);
		return;
	}
	for (size_t i = 0; i < folders->n; i++) {
		char *path = fb_manifest_join(folders->v[i].path, in->name);
		int none = check_path(path, in, out);

		free(path);
		out->tried = i + 1;
		if (none == 0) {
			/* Something is there (readable or not): no later folder is tried. */
			out->found = (int)i;
			return;
		}
	}
}
