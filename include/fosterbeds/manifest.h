/*
 * manifest.h: a record of one run, so its figures can be traced and rerun.
 *
 * A manifest (`--manifest FILE` on report, reconcile and trend) is a small
 * JSON document, laid out field by field in spec/manifest.md: the tool and
 * standard versions, the command line as typed and every option on it, the
 * date future snapshot dates were judged against, when the run was made,
 * the folder the run was made in, and each input's name, role, size,
 * SHA-256 and rows read, used and rejected.  `fosterbeds check-manifest` reads it back and hashes each input
 * again to say which have changed since.
 *
 * Two runs on the same inputs with the same command line, from the same
 * folder, write manifests that differ only in "created" (and in "today",
 * when --today is not given and the runs are on different days).
 *
 * The hashes come from the run (run.h: each input is hashed as it is read);
 * this module does not read the inputs when writing.  JSON is written and
 * read with jansson (Debian libjansson-dev).  Text that is not valid UTF-8
 * is written with U+FFFD for each bad byte, so the manifest stays valid
 * JSON; a name (an input's, the folder's, the profile's) that is not UTF-8
 * is also written as NAME_hex, its bytes in hex, which check-manifest reads
 * instead, so it still finds that file.
 *
 * Library code: nothing here prints to the user or exits.
 */
#ifndef FOSTERBEDS_MANIFEST_H
#define FOSTERBEDS_MANIFEST_H

#include <stddef.h>
#include <stdio.h>

#include "fosterbeds/digest.h"
#include "fosterbeds/parse-options.h"
#include "fosterbeds/run.h"

/* The layout's version, written as "manifest_version"; read back it must match. */
#define FB_MANIFEST_VERSION 1

/* Writing */

/*
 * Write run's manifest to out.  argc and argv are the command's arguments as
 * typed, argv[0] being the command's name (as main.c hands them to
 * cmd_*(); take them before fb_parse_options() moves the operands), read by
 * options, the command's option table (parse-options.h); command is the
 * command's name, e.g. "report".  "directory" is the current folder
 * (getcwd(); null when it cannot be found out), against which the
 * relative names of inputs are read.  "created" is the time now in UTC, or
 * SOURCE_DATE_EPOCH when that is set to a number of seconds (the
 * reproducible-builds convention), so a test can pin it.  Returns 0, or -1
 * when out could not take it (check out's error flag too: the caller closes
 * it).
 */
int fb_manifest_write(FILE *out, const struct fb_run *run, const struct fb_option *options,
		      int argc, char **argv, const char *command);

/*
 * One option on a command line, named by its long name without the dashes
 * ("format" for -f, --format, --form=...).  value points into argv, or is
 * NULL for an option that takes none (--bridge).
 */
struct fb_manifest_option {
	const char *name;
	size_t namelen;
	const char *value;
};

/*
 * The options in argv[1..argc-1] (argv[0] is the command), in the order
 * first given; an option given twice appears once, with its last value, as
 * the commands read it.  Operands are skipped, and so is everything after
 * "--".  out has room for argc entries; returns how many were found.
 *
 * Which options take a value, and the long name of a short one, come from
 * opts, the command's option table (parse-options.h), the one its parser
 * read argv by.  An option missing from it is kept under the name as typed,
 * with its value when written --name=VALUE, else as one that takes none.
 */
size_t fb_manifest_options(const struct fb_option *opts, int argc, char **argv,
			   struct fb_manifest_option *out);

/* Reading */

struct fb_manifest_input {
	char *name;                  /* as recorded: a path, or "-" for standard input */
	char *role;                  /* "records", "return", "ofsted" */
	long long bytes;
	char sha256[FB_SHA256_HEX];
	long rows_read, rows_used, rows_rejected;
};

struct fb_manifest {
	char *command, *tool_version, *spec_version, *created;
	/*
	 * The folder the run was made in ("directory"), absolute; NULL when the
	 * manifest does not record it (manifests written before it was added,
	 * or a run whose folder could not be found out).
	 */
	char *directory;
	/*
	 * The run's inputs in order, then (when it was read through a
	 * profile, spec/profiles.md) the profile file, role "profile", no rows.
	 */
	struct fb_manifest_input *inputs;
	size_t ninputs;
};

/*
 * Read a manifest from in: text of at most FB_MAX_WHOLE bytes (limits.h).
 * Returns 0, or -1 with why (whylen bytes, a sentence fragment such as
 * "line 3: unexpected token" or "inputs[2]: 'sha256' is not 64 hex
 * digits") when it is not a manifest of this layout, or is past the limit
 * or not text.  Fields it does not know are ignored.  m is always left for
 * fb_manifest_release().
 */
int fb_manifest_read(struct fb_manifest *m, FILE *in, char *why, size_t whylen);
void fb_manifest_release(struct fb_manifest *m);

/* Checking */

/*
 * Where a relative name is looked for.  A run's inputs are named as they
 * were typed, relative to the folder the run was made in; check-manifest
 * may be run from anywhere, and the manifest may have been moved with its
 * inputs.  So a relative name is tried in the folder the run was made in
 * (the manifest's "directory"; the current folder for a manifest that does
 * not record it), then in the manifest's own folder.
 */
enum fb_manifest_where {
	FB_MANIFEST_RUN_FOLDER = 1 << 0,      /* the recorded "directory" */
	FB_MANIFEST_CURRENT_FOLDER = 1 << 1,  /* stands in for it when not recorded */
	FB_MANIFEST_OWN_FOLDER = 1 << 2,      /* the folder the manifest is in */
};

struct fb_manifest_folder {
	char *path;        /* absolute when it could be found out; owned */
	unsigned where;    /* enum fb_manifest_where bits: one folder may be two of them */
};

struct fb_manifest_folders {
	struct fb_manifest_folder v[2];
	size_t n;
};

/*
 * The folders to look in for m's inputs, in order, the same folder never
 * twice.  manifest_path is the manifest's own name as given, or "-" when it
 * was read from standard input (then it has no folder of its own).  Release
 * with fb_manifest_folders_release().
 */
void fb_manifest_folders(struct fb_manifest_folders *f, const struct fb_manifest *m,
			 const char *manifest_path);
void fb_manifest_folders_release(struct fb_manifest_folders *f);

enum fb_manifest_state {
	FB_MANIFEST_UNCHANGED,   /* same size and SHA-256 */
	FB_MANIFEST_CHANGED,     /* size or SHA-256 differs */
	FB_MANIFEST_MISSING,     /* no file by that name in any folder tried (ENOENT, ENOTDIR) */
	FB_MANIFEST_STDIN,       /* read from standard input: cannot be checked */
	FB_MANIFEST_UNREADABLE,  /* there, but cannot be read (permissions), or not a
				    regular file (FB_E_NOT_FILE: never read) */
};

struct fb_manifest_check {
	enum fb_manifest_state state;
	long long bytes;               /* now; -1 when not read */
	char sha256[FB_SHA256_HEX];    /* now; "" when not read */
	int error;                     /* errno (or FB_E_NOT_FILE, limits.h) when missing
					  or unreadable, else 0; fb_strerror() says it */
	size_t tried;                  /* folders looked in (0: an absolute name, or stdin) */
	int found;                     /* the folder (index) it is in; -1 when missing, or
					  not looked for in folders */
};

/*
 * Hash the file an input names, as it is now, and compare it with what was
 * recorded.  An absolute name is read as it is.  A relative name is looked
 * for in each of folders in turn (folders may be NULL: the current folder
 * alone) until one has something by that name: a file there that cannot be
 * read is unreadable, and no later folder is tried, so a stray copy
 * elsewhere never hides it.
 */
void fb_manifest_check_input(const struct fb_manifest_input *in,
			     const struct fb_manifest_folders *folders,
			     struct fb_manifest_check *out);

/* name joined to folder (the path read), a new string the caller frees. */
char *fb_manifest_join(const char *folder, const char *name);

/*
 * "unchanged", "changed", "missing", "stdin", "unreadable".  In the core
 * (doc-manifest.c), whose document names the states.
 */
const char *fb_manifest_state_name(enum fb_manifest_state state);

#endif
