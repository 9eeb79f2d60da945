/*
 * outfile.h: the files a command writes (-o FILE, --manifest FILE, the
 * workbook's scratch file), made so that they never damage anything.
 *
 * A regular file (new or existing) is written to a temporary file beside
 * it, named ".NAME.fosterbeds-XXXXXX" so that one left by SIGKILL is
 * recognisable, and renamed into place only when complete; an existing
 * file keeps its permission bits, a new one gets 0666 less the umask.
 * Anything else that exists (a device, a FIFO) is written in place: a
 * rename would replace /dev/null with a regular file.  A symbolic link
 * stays one: the file it names is what is replaced (in place, without
 * realpath(), or when it names nothing yet).  Every temporary
 * and scratch file is listed in a small fixed table, removed at exit and
 * on every catchable signal that would end the process (the signal then
 * ends it as it would have).
 *
 * Only cli.c and the commands use this; it prints nothing, errno says why
 * a call failed.  Without signals, chmod or umask (WebAssembly: meson finds
 * no sigaction, fchmod or umask), those parts are left out.
 */
#ifndef FOSTERBEDS_OUTFILE_H
#define FOSTERBEDS_OUTFILE_H

#include <stdio.h>

struct fb_outfile {
	const char *path;   /* as given, the caller's */
	char *target;       /* what the rename replaces: path, or its link's file */
	char *tmp;          /* the temporary file beside target, NULL when in place */
	FILE *f;            /* open for writing, until fb_outfile_close() */
	unsigned mode;      /* the permission bits target gets */
};

/*
 * Open path for writing (see above).  Returns 0 with o->f open, or -1 with
 * errno set and nothing left behind.
 */
int fb_outfile_open(struct fb_outfile *o, const char *path);

/*
 * Flush and close o->f, checking every write.  Returns 0, or -1 with errno
 * set (then o's temporary file is removed, as by fb_outfile_discard()).
 */
int fb_outfile_close(struct fb_outfile *o);

/*
 * Rename a closed o's temporary file into place (nothing to do when it was
 * written in place).  Returns 0, or -1 with errno set and the temporary
 * file removed.  Frees what o holds either way.
 */
int fb_outfile_commit(struct fb_outfile *o);

/* Close o if open and remove its temporary file; frees what o holds. */
void fb_outfile_discard(struct fb_outfile *o);

/*
 * A new empty owner-only scratch file for a writer that must make its
 * output under a name first (writer.h, write_scratch): beside the regular
 * file o writes, else (standard output, a device) in $TMPDIR or /tmp.
 * o may be NULL.  Returns its name, listed for removal at exit and on a
 * signal, or NULL with errno set.  fb_scratch_remove() removes it and
 * frees the name.
 */
char *fb_scratch_new(const struct fb_outfile *o);
void fb_scratch_remove(char *scratch);

/*
 * Are a and b the same file?  Both exist: the same device and inode (so
 * "./x.csv" and "x.csv", or a hard link, are one file); neither exists: the
 * same name in the same directory (device and inode of the directory).
 */
int fb_same_file(const char *a, const char *b);

#endif
