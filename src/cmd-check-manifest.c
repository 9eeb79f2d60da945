/*
 * cmd-check-manifest.c: fosterbeds check-manifest: are a run's inputs still
 * the files it read?
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fosterbeds/manifest.h"
#include "util.h"

static const char usage_text[] =
	"usage: fosterbeds check-manifest [--format text|json] [-o FILE] MANIFEST\n"
	"\n"
	"Read a manifest written by --manifest (report, reconcile, trend), hash\n"
	"each input it lists again and say, per input: unchanged (same size and\n"
	"SHA-256), changed, missing, or stdin (read from standard input, so it\n"
	"cannot be checked).  A relative name is looked for in the folder the run\n"
	"was made in (which the manifest records; the current folder for a\n"
	"manifest that does not), then in the manifest's own folder, so this\n"
	"can be run from anywhere and a folder moved whole still checks; each\n"
	"line says where an input was found when not where the run was made, and\n"
	"where it was looked for when missing.  MANIFEST may be - for standard\n"
	"input.\n";

static const char usage_end[] =
	"Exit status: 0 every input unchanged (stdin ones cannot be checked and\n"
	"do not count), 1 an input changed or is missing, 2 usage error, 3 the\n"
	"manifest could not be read, or an input is there but cannot be read.\n";

/* The first digits of a hash, enough to tell two apart by eye. */
#define SHORT_HASH 12

/* s with control characters as \xNN, so a name cannot move the terminal. */
static void
put_name(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\x%02X", *p);
		else
			fputc(*p, out);
	}
}

/* What folder is to this check, e.g. "where the run was made". */
static void
put_role(FILE *out, unsigned where)
{
	const char *sep = "";

	if (where & FB_MANIFEST_RUN_FOLDER) {
		fputs("where the run was made", out);
		sep = " and ";
	}
	if (where & FB_MANIFEST_CURRENT_FOLDER) {
		fputs("the current folder (the manifest does not say where the run was made)", out);
		sep = " and ";
	}
	if (where & FB_MANIFEST_OWN_FOLDER)
		fprintf(out, "%sthe manifest's folder", sep);
}

/* "DIR, where the run was made" */
static void
put_folder(FILE *out, const struct fb_manifest_folder *f)
{
	put_name(out, f->path);
	fputs(", ", out);
	put_role(out, f->where);
}

/*
 * Where an input was found, when not in the first folder tried, or where it
 * was looked for, when missing: "(found in B, the manifest's folder; not in
 * A, where the run was made" with the closing parenthesis left to the caller.
 */
static int
put_where(FILE *out, const struct fb_manifest_folders *folders, const struct fb_manifest_check *c)
{
	if (c->state == FB_MANIFEST_MISSING && c->tried) {
		fputs(" (looked in ", out);
		for (size_t i = 0; i < c->tried; i++) {
			if (i)
				fputs(i + 1 == c->tried ? "; and in " : "; in ", out);
			put_folder(out, &folders->v[i]);
		}
		return 1;
	}
	if (c->found <= 0)
		return 0;
	fputs(" (found in ", out);
	put_folder(out, &folders->v[c->found]);
	fputs("; not in ", out);
	for (int i = 0; i < c->found; i++) {
		if (i)
			fputs(" nor in ", out);
		put_folder(out, &folders->v[i]);
	}
	return 1;
}

static void
write_text(FILE *out, const char *path, const struct fb_manifest *m,
	   const struct fb_manifest_folders *folders,
	   const struct fb_manifest_check *checks, const size_t *count)
{
	put_name(out, path);
	fprintf(out, ": %s run of %s", m->command, m->created);
	if (m->directory) {
		fputs(" in ", out);
		put_name(out, m->directory);
	}
	fprintf(out, " by fosterbeds %s (standard %s)\n", m->tool_version, m->spec_version);
	for (size_t i = 0; i < m->ninputs; i++) {
		const struct fb_manifest_input *in = &m->inputs[i];
		const struct fb_manifest_check *c = &checks[i];
		int open;

		put_name(out, in->name);
		fprintf(out, ": %s", fb_manifest_state_name(c->state));
		open = put_where(out, folders, c);
		switch (c->state) {
		case FB_MANIFEST_CHANGED:
			fprintf(out, "%swas %lld bytes, sha256 %.*s...; now %lld bytes, sha256 "
				"%.*s...", open ? "; " : " (", in->bytes, SHORT_HASH, in->sha256,
				c->bytes, SHORT_HASH, c->sha256);
			open = 1;
			break;
		case FB_MANIFEST_MISSING:
			/* The folders say it all; an absolute name gets the system's reason. */
			if (!open) {
				fprintf(out, " (%s", strerror(c->error));
				open = 1;
			}
			break;
		case FB_MANIFEST_UNREADABLE:
			fprintf(out, "%s%s", open ? "; " : " (", strerror(c->error));
			open = 1;
			break;
		case FB_MANIFEST_STDIN:
			fputs(" (read from standard input: cannot be checked", out);
			open = 1;
			break;
		case FB_MANIFEST_UNCHANGED:
			break;
		}
		fputs(open ? ")\n" : "\n", out);
	}
	fprintf(out, "%zu input%s: %zu unchanged, %zu changed, %zu missing, %zu stdin",
		m->ninputs, m->ninputs == 1 ? "" : "s", count[FB_MANIFEST_UNCHANGED],
		count[FB_MANIFEST_CHANGED], count[FB_MANIFEST_MISSING], count[FB_MANIFEST_STDIN]);
	if (count[FB_MANIFEST_UNREADABLE])
		fprintf(out, ", %zu unreadable", count[FB_MANIFEST_UNREADABLE]);
	fputc('\n', out);
}

/* A JSON string for text that may not be UTF-8 (a path): null when it is not. */
static json_t *
jstr(const char *s)
{
	json_t *j = json_string(s);

	return j ? j : json_null();
}

static void
write_json(FILE *out, const char *path, const struct fb_manifest *m,
	   const struct fb_manifest_folders *folders,
	   const struct fb_manifest_check *checks, const size_t *count)
{
	json_t *root = json_object(), *inputs = json_array();

	json_object_set_new(root, "manifest", jstr(path));
	json_object_set_new(root, "command", jstr(m->command));
	json_object_set_new(root, "directory", m->directory ? jstr(m->directory) : json_null());
	json_object_set_new(root, "created", jstr(m->created));
	json_object_set_new(root, "tool_version", jstr(m->tool_version));
	json_object_set_new(root, "spec_version", jstr(m->spec_version));
	for (size_t i = 0; i < m->ninputs; i++) {
		const struct fb_manifest_input *in = &m->inputs[i];
		const struct fb_manifest_check *c = &checks[i];
		json_t *j = json_object(), *looked = json_array();

		json_object_set_new(j, "name", jstr(in->name));
		json_object_set_new(j, "role", jstr(in->role));
		json_object_set_new(j, "status", json_string(fb_manifest_state_name(c->state)));
		json_object_set_new(j, "recorded_bytes", json_integer(in->bytes));
		json_object_set_new(j, "recorded_sha256", jstr(in->sha256));
		json_object_set_new(j, "bytes", c->bytes >= 0 ? json_integer(c->bytes)
				    : json_null());
		json_object_set_new(j, "sha256", c->sha256[0] ? jstr(c->sha256) : json_null());
		json_object_set_new(j, "error", c->error ? json_string(strerror(c->error))
				    : json_null());
		for (size_t k = 0; k < c->tried; k++)
			json_array_append_new(looked, jstr(folders->v[k].path));
		json_object_set_new(j, "looked_in", looked);
		if (c->found >= 0) {
			char *found = fb_manifest_join(folders->v[c->found].path, in->name);

			json_object_set_new(j, "path", jstr(found));
			free(found);
		} else {
			json_object_set_new(j, "path", c->state == FB_MANIFEST_STDIN ||
					    c->state == FB_MANIFEST_MISSING ? json_null()
					    : jstr(in->name));
		}
		json_array_append_new(inputs, j);
	}
	json_object_set_new(root, "inputs", inputs);
	for (int s = FB_MANIFEST_UNCHANGED; s <= FB_MANIFEST_UNREADABLE; s++)
		json_object_set_new(root, fb_manifest_state_name(s), json_integer((json_int_t)count[s]));
	json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
}

int
cmd_check_manifest(int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", NULL };
	struct fb_cli cli = { .cmd = "check-manifest", .usage = usage_text, .usage_end = usage_end,
			      .formats = formats };
	const struct fb_option options[] = {
		FB_CLI_OPT_FORMAT(&cli, "text (default) or json"),
		FB_CLI_OPT_OUTPUT(&cli),
		FB_OPT_HELP(),
		FB_OPT_END(),
	};
	struct fb_manifest m;
	struct fb_manifest_folders folders;
	struct fb_manifest_check *checks;
	size_t count[FB_MANIFEST_UNREADABLE + 1] = { 0 };
	const char *path;
	char why[256];
	FILE *in;
	int status = fb_cli_parse(&cli, options, argc, argv), rc;

	if (status >= 0)
		return status;
	if (cli.argc == 0)
		return fb_cli_usage_error(cli.cmd, "no MANIFEST given");
	if (cli.argc > 1)
		return fb_cli_usage_error(cli.cmd, "unexpected argument '%s'; give one MANIFEST",
					  cli.argv[1]);

	path = cli.argv[0];
	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!in) {
		fb_cli_error("cannot read manifest '%s': %s", path, strerror(errno));
		return FB_EXIT_IO;
	}
	errno = 0;
	rc = fb_manifest_read(&m, in, why, sizeof(why));
	if (in != stdin)
		fclose(in);
	if (rc != 0) {
		fb_cli_error("cannot read manifest '%s': %s", path, why);
		fb_manifest_release(&m);
		return FB_EXIT_IO;
	}

	checks = fb_xcalloc(m.ninputs + 1, sizeof(*checks));
	fb_manifest_folders(&folders, &m, path);
	status = FB_EXIT_OK;
	for (size_t i = 0; i < m.ninputs; i++) {
		fb_manifest_check_input(&m.inputs[i], &folders, &checks[i]);
		count[checks[i].state]++;
		if (checks[i].state == FB_MANIFEST_CHANGED || checks[i].state == FB_MANIFEST_MISSING)
			status = fb_cli_worst(status, FB_EXIT_DATA);
		else if (checks[i].state == FB_MANIFEST_UNREADABLE)
			status = FB_EXIT_IO;
	}
	if ((rc = fb_cli_open_output(&cli, 0)) == 0) {
		if (cli.writer == &fb_writer_json)
			write_json(cli.out, path, &m, &folders, checks, count);
		else
			write_text(cli.out, path, &m, &folders, checks, count);
	}
	free(checks);
	fb_manifest_folders_release(&folders);
	fb_manifest_release(&m);
	return rc ? rc : fb_cli_close_output(&cli, status);
}
