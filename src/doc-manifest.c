/*
 * doc-manifest.c: check-manifest as a document: each input the manifest
 * lists, what it was, what it is now and where it was looked for, and the
 * count of inputs in each state.
 *
 * The host hashes the files again (manifest.c); this only lays out what it
 * found.  The text form is a line per input (FB_TEXT_LINES), as the
 * manifest has them: the text writer shows control characters in names and
 * in the manifest's own strings as escapes, so none can move the terminal.
 */
#include "fosterbeds/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/limits.h"
#include "fosterbeds/manifest.h"
#include "util.h"

/* The first digits of a hash, enough to tell two apart by eye. */
#define SHORT_HASH 12

static const struct fb_column input_columns[] = {
	/* Its place in the manifest, 1 first: what looked_in's rows belong to. */
	{ .name = "input", .brief = "#", .kind = FB_CK_COUNT },
	{ .name = "name", .brief = "Input", .kind = FB_CK_INPUT },
	{ .name = "role", .brief = "Role", .kind = FB_CK_TEXT },
	{ .name = "status", .brief = "Status", .kind = FB_CK_CODE },
	{ .name = "recorded_bytes", .brief = "Bytes then", .kind = FB_CK_COUNT },
	{ .name = "recorded_sha256", .brief = "SHA-256 then", .kind = FB_CK_CODE },
	{ .name = "bytes", .brief = "Bytes now", .kind = FB_CK_COUNT },
	{ .name = "sha256", .brief = "SHA-256 now", .kind = FB_CK_CODE },
	{ .name = "error", .brief = "Error", .kind = FB_CK_TEXT },
	{ .name = "path", .brief = "Read from", .kind = FB_CK_INPUT },
};

enum { I_INPUT, I_NAME, I_ROLE, I_STATUS, I_RECORDED_BYTES, I_RECORDED_SHA, I_BYTES, I_SHA,
       I_ERROR, I_PATH, I_COUNT };

_Static_assert(sizeof(input_columns) / sizeof(input_columns[0]) == I_COUNT,
	       "a column per index");

static const struct fb_column looked_columns[] = {
	{ .name = "input", .brief = "#", .kind = FB_CK_COUNT },
	{ .name = "folder", .brief = "Looked in", .kind = FB_CK_INPUT },
};

static const struct fb_column line_columns[] = {
	{ .name = "line", .brief = "", .kind = FB_CK_TEXT },
};

const char *
fb_manifest_state_name(enum fb_manifest_state state)
{
	static const char *const names[] = {
		[FB_MANIFEST_UNCHANGED] = "unchanged", [FB_MANIFEST_CHANGED] = "changed",
		[FB_MANIFEST_MISSING] = "missing", [FB_MANIFEST_STDIN] = "stdin",
		[FB_MANIFEST_UNREADABLE] = "unreadable",
	};

	return names[state];
}

/* The line as the text table's next row; l is emptied for the next. */
static void
end_line(struct fb_doc *d, struct fb_table *t, struct fb_strbuf *l)
{
	struct fb_cell *c = fb_table_row(t, 0);

	fb_cell_text(d, c, FB_CK_TEXT, l->n ? l->s : "");
	l->n = 0;
}

/* What folder is to this check, e.g. "where the run was made". */
static void
put_role(struct fb_strbuf *l, unsigned where)
{
	const char *sep = "";

	if (where & FB_MANIFEST_RUN_FOLDER) {
		fb_strbuf_addf(l, "where the run was made");
		sep = " and ";
	}
	if (where & FB_MANIFEST_CURRENT_FOLDER) {
		fb_strbuf_addf(l, "the current folder (the manifest does not say where the run was made)");
		sep = " and ";
	}
	if (where & FB_MANIFEST_OWN_FOLDER)
		fb_strbuf_addf(l, "%sthe manifest's folder", sep);
}

/* "DIR, where the run was made" */
static void
put_folder(struct fb_strbuf *l, const struct fb_manifest_folder *f)
{
	fb_strbuf_addf(l, "%s", f->path);
	fb_strbuf_addf(l, ", ");
	put_role(l, f->where);
}

/*
 * Where an input was found, when not in the first folder tried, or where it
 * was looked for, when missing: "(found in B, the manifest's folder; not in
 * A, where the run was made" with the closing parenthesis left to the caller.
 */
static int
put_where(struct fb_strbuf *l, const struct fb_manifest_folders *folders,
	  const struct fb_manifest_check *c)
{
	if (c->state == FB_MANIFEST_MISSING && c->tried) {
		fb_strbuf_addf(l, " (looked in ");
		for (size_t i = 0; i < c->tried; i++) {
			if (i)
				fb_strbuf_addf(l, i + 1 == c->tried ? "; and in " : "; in ");
			put_folder(l, &folders->v[i]);
		}
		return 1;
	}
	if (c->found <= 0)
		return 0;
	fb_strbuf_addf(l, " (found in ");
	put_folder(l, &folders->v[c->found]);
	fb_strbuf_addf(l, "; not in ");
	for (int i = 0; i < c->found; i++) {
		if (i)
			fb_strbuf_addf(l, " nor in ");
		put_folder(l, &folders->v[i]);
	}
	return 1;
}

/* "NAME: state (where; what changed)" */
static void
input_line(struct fb_strbuf *l, const struct fb_manifest_folders *folders,
	   const struct fb_manifest_input *in, const struct fb_manifest_check *c)
{
	int open;

	/* The run's profile (manifest.h) is checked as an input is; say which it is. */
	if (strcmp(in->role, "profile") == 0)
		fb_strbuf_addf(l, "profile ");
	fb_strbuf_addf(l, "%s", in->name);
	fb_strbuf_addf(l, ": %s", fb_manifest_state_name(c->state));
	open = put_where(l, folders, c);
	switch (c->state) {
	case FB_MANIFEST_CHANGED:
		fb_strbuf_addf(l, "%swas %lld bytes, sha256 %.*s...; now %lld bytes, sha256 %.*s...",
		    open ? "; " : " (", in->bytes, SHORT_HASH, in->sha256, c->bytes, SHORT_HASH,
		    c->sha256);
		open = 1;
		break;
	case FB_MANIFEST_MISSING:
		/* The folders say it all; an absolute name gets the system's reason. */
		if (!open) {
			fb_strbuf_addf(l, " (%s", fb_strerror(c->error));
			open = 1;
		}
		break;
	case FB_MANIFEST_UNREADABLE:
		fb_strbuf_addf(l, "%s%s", open ? "; " : " (", fb_strerror(c->error));
		open = 1;
		break;
	case FB_MANIFEST_STDIN:
		fb_strbuf_addf(l, " (read from standard input: cannot be checked");
		open = 1;
		break;
	case FB_MANIFEST_UNCHANGED:
		break;
	}
	if (open)
		fb_strbuf_addf(l, ")");
}

static void
input_row(struct fb_doc *d, struct fb_table *t, size_t i, const struct fb_manifest_input *in,
	  const struct fb_manifest_check *c, const char *found)
{
	struct fb_cell *row = fb_table_row(t, 0);

	fb_cell_number(&row[I_INPUT], FB_CK_COUNT, (long)i + 1);
	fb_cell_text(d, &row[I_NAME], FB_CK_INPUT, in->name);
	fb_cell_text(d, &row[I_ROLE], FB_CK_TEXT, in->role);
	fb_cell_text(d, &row[I_STATUS], FB_CK_CODE, fb_manifest_state_name(c->state));
	fb_cell_number(&row[I_RECORDED_BYTES], FB_CK_COUNT, (long)in->bytes);
	fb_cell_text(d, &row[I_RECORDED_SHA], FB_CK_CODE, in->sha256);
	if (c->bytes >= 0)
		fb_cell_number(&row[I_BYTES], FB_CK_COUNT, (long)c->bytes);
	if (c->sha256[0])
		fb_cell_text(d, &row[I_SHA], FB_CK_CODE, c->sha256);
	if (c->error)
		fb_cell_text(d, &row[I_ERROR], FB_CK_TEXT, fb_strerror(c->error));
	/* Neither standard input nor a missing file was read from anywhere. */
	if (found)
		fb_cell_text(d, &row[I_PATH], FB_CK_INPUT, found);
	else if (c->state != FB_MANIFEST_STDIN && c->state != FB_MANIFEST_MISSING)
		fb_cell_text(d, &row[I_PATH], FB_CK_INPUT, in->name);
}

void
fb_doc_manifest(struct fb_doc *d, const char *path, const struct fb_manifest *m,
		const struct fb_manifest_folders *folders, const struct fb_manifest_check *checks,
		const char *const *found)
{
	size_t count[FB_MANIFEST_UNREADABLE + 1] = { 0 };
	struct fb_strbuf l = { NULL, 0, 0 };
	struct fb_table *t;

	fb_doc_init(d, "check-manifest", NULL);
	fb_doc_set_title(d, "Manifest check", path);
	fb_doc_note(d, FB_NOTE_DATA, "manifest", "%s", path);
	fb_doc_note(d, FB_NOTE_DATA, "command", "%s", m->command);
	if (m->directory)
		fb_doc_note(d, FB_NOTE_DATA, "directory", "%s", m->directory);
	else
		fb_doc_note(d, FB_NOTE_NUMBER, "directory", "%s", "");   /* null */
	fb_doc_note(d, FB_NOTE_DATA, "created", "%s", m->created);
	fb_doc_note(d, FB_NOTE_DATA, "tool_version", "%s", m->tool_version);
	fb_doc_note(d, FB_NOTE_DATA, "spec_version", "%s", m->spec_version);
	for (size_t i = 0; i < m->ninputs; i++)
		count[checks[i].state]++;
	for (int s = FB_MANIFEST_UNCHANGED; s <= FB_MANIFEST_UNREADABLE; s++)
		fb_doc_note(d, FB_NOTE_NUMBER, fb_manifest_state_name(s), "%zu", count[s]);

	t = fb_doc_table(d, "Inputs", input_columns, I_COUNT, NULL);
	t->key = "inputs";
	t->hide = FB_HIDE_TEXT;
	for (size_t i = 0; i < m->ninputs; i++)
		input_row(d, t, i, &m->inputs[i], &checks[i], found ? found[i] : NULL);

	/* In JSON, each input's folders are its looked_in. */
	t = fb_doc_table(d, "Looked in", looked_columns, 2, NULL);
	t->nest = 1;
	t->member = "looked_in";
	t->hide = FB_HIDE_TEXT;
	for (size_t i = 0; i < m->ninputs; i++)
		for (size_t k = 0; k < checks[i].tried; k++) {
			struct fb_cell *c = fb_table_row(t, 0);

			fb_cell_number(&c[0], FB_CK_COUNT, (long)i + 1);
			fb_cell_text(d, &c[1], FB_CK_INPUT, folders->v[k].path);
		}

	t = fb_doc_table(d, "Text", line_columns, 1, NULL);
	t->hide = FB_TEXT_ONLY;
	t->text = FB_TEXT_LINES;
	fb_strbuf_addf(&l, "%s", path);
	fb_strbuf_addf(&l, ": %s run of %s", m->command, m->created);
	if (m->directory) {
		fb_strbuf_addf(&l, " in ");
		fb_strbuf_addf(&l, "%s", m->directory);
	}
	fb_strbuf_addf(&l, " by fosterbeds %s (standard %s)", m->tool_version, m->spec_version);
	end_line(d, t, &l);
	for (size_t i = 0; i < m->ninputs; i++) {
		input_line(&l, folders, &m->inputs[i], &checks[i]);
		end_line(d, t, &l);
	}
	fb_strbuf_addf(&l, "%zu input%s: %zu unchanged, %zu changed, %zu missing, %zu stdin", m->ninputs,
	    m->ninputs == 1 ? "" : "s", count[FB_MANIFEST_UNCHANGED], count[FB_MANIFEST_CHANGED],
	    count[FB_MANIFEST_MISSING], count[FB_MANIFEST_STDIN]);
	if (count[FB_MANIFEST_UNREADABLE])
		fb_strbuf_addf(&l, ", %zu unreadable", count[FB_MANIFEST_UNREADABLE]);
	end_line(d, t, &l);
	free(l.s);
}
