/*
 * fuzz-manifest: a manifest (spec/manifest.md) read as check-manifest reads
 * it, and its document written in every format (fuzz.h).  The inputs it
 * names are not looked for: a fuzzed name may be any path (a device, a
 * FIFO); each is given a state in turn instead, so every kind of line is
 * written.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "fosterbeds/manifest.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum fb_manifest_state states[] = {
		FB_MANIFEST_UNCHANGED, FB_MANIFEST_CHANGED, FB_MANIFEST_MISSING,
		FB_MANIFEST_STDIN, FB_MANIFEST_UNREADABLE,
	};
	struct fb_manifest m;
	struct fb_manifest_folders folders;
	struct fb_manifest_check *checks;
	char **found;
	struct fb_doc doc;
	char why[256];
	FILE *in;
	int rc;

	fz_init();
	if (size == 0)
		return 0;   /* fmemopen() wants at least a byte */
	in = fmemopen((void *)data, size, "rb");
	FZ_CHECK(in != NULL, "fmemopen");
	rc = fb_manifest_read(&m, in, why, sizeof(why));
	fclose(in);
	if (rc != 0) {
		FZ_CHECK(why[0] != '\0', "a manifest refused without a reason");
		fb_manifest_release(&m);
		return 0;
	}
	checks = calloc(m.ninputs + 1, sizeof(*checks));
	found = calloc(m.ninputs + 1, sizeof(*found));
	FZ_CHECK(checks && found, "out of memory");
	fb_manifest_folders(&folders, &m, "-");
	for (size_t i = 0; i < m.ninputs; i++) {
		struct fb_manifest_check *c = &checks[i];

		c->state = states[i % 5];
		c->found = -1;
		c->bytes = c->state == FB_MANIFEST_CHANGED ? m.inputs[i].bytes + 1 : -1;
		if (c->state == FB_MANIFEST_UNCHANGED || c->state == FB_MANIFEST_CHANGED) {
			snprintf(c->sha256, sizeof(c->sha256), "%s", m.inputs[i].sha256);
			if (folders.n > 0) {
				c->found = 0;
				c->tried = 1;
				found[i] = fb_manifest_join(folders.v[0].path, m.inputs[i].name);
			}
		}
		if (c->state == FB_MANIFEST_MISSING || c->state == FB_MANIFEST_UNREADABLE) {
			c->error = c->state == FB_MANIFEST_MISSING ? 2 : 13;
			c->tried = folders.n;
		}
	}
	fb_doc_manifest(&doc, "manifest.json", &m, &folders, checks, (const char *const *)found);
	fz_write_all(&doc, NULL, fz_one_in(data, size, 16));
	fb_doc_release(&doc);
	for (size_t i = 0; i < m.ninputs; i++)
		free(found[i]);
	free(found);
	free(checks);
	fb_manifest_folders_release(&folders);
	fb_manifest_release(&m);
	return 0;
}
