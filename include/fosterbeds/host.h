/*
 * host.h: the command-line tool's side of hooks.h.
 *
 * The core reads bytes, never files; the tool opens them here, hashes what
 * the core reads with nettle (digest.h), decodes Windows-1252 (a table, the
 * same in the WebAssembly build), and says "out of memory" and exits 3 when
 * an allocation fails.  This
 * layer, like manifest.h, is linked into the tool and the tests, never into
 * libfosterbeds-core.
 */
#ifndef FOSTERBEDS_HOST_H
#define FOSTERBEDS_HOST_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/hooks.h"
#include "fosterbeds/limits.h"
#include "fosterbeds/run.h"

/* Install the tool's hooks (fb_hooks_set()): call first thing in main(). */
void fb_host_install(void);

/* The tool's hooks: the out-of-memory message and exit 3, Windows-1252. */
const struct fb_hooks *fb_host_hooks(void);

/* Make src read the open stream in (read errors give -1 with errno set). */
void fb_source_file(struct fb_source *src, FILE *in);

/*
 * Read one input: path names a file, or is "-" for standard input.  Returns
 * 0 when it was read to its end, -1 when it could not be opened or read
 * (errno set, and kept in the input's error).  Either way the input is
 * listed in the run; with hash set, with its SHA-256 when read whole
 * (fb_digest_async: on a second thread where there is one), else with
 * sha256 "".  The tool hashes only for an output that shows it (JSON,
 * --manifest): a hash costs a core's time over every byte.
 */
int fb_run_read_path(struct fb_run *run, const char *path, int hash);

/* Read an open stream under the given name, hashing it (tests use fmemopen). */
int fb_run_read(struct fb_run *run, const char *name, FILE *in);

/*
 * For an input the caller read whole into memory (a return, Ofsted's file):
 * set its size to len and its sha256 to the digest of the bytes at data.
 */
void fb_input_set_content(struct fb_input *input, const void *data, size_t len);

/*
 * Read all of in into a new buffer (*data, which the caller frees; *len
 * bytes).  For small inputs only: returns, Ofsted's files, cost records
 * (limit FB_MAX_WHOLE), an export profile init reads (FB_MAX_STREAM); never
 * bed records, which are streamed.  Returns 0, or -1 with errno set: a read
 * error, or a refusal (limits.h): more than limit bytes (FB_E_WHOLE_SIZE,
 * or FB_E_STREAM_SIZE when limit is FB_MAX_STREAM), or a NUL byte in a file
 * that does not start as UTF-16 (FB_E_NOT_TEXT, said as soon as the block
 * holding it is read).
 */
int fb_read_all(FILE *in, size_t limit, char **data, size_t *len);

#endif
