/*
 * outfile.c: output files written whole or not at all, in place for
 * devices, and temporary files that do not outlive the process (outfile.h).
 */
#define _XOPEN_SOURCE 700   /* realpath() */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifdef HAVE_SIGACTION
#include <signal.h>
typedef sigset_t mask_t;
typedef sig_atomic_t flag_t;
#else
/* WebAssembly (WASI): no signals (its <signal.h> refuses to be included). */
typedef int mask_t;
typedef int flag_t;
#endif

/*
 * The temporary files of the process, for the signal handler: mutable
 * file-scope state because a handler can reach nothing else.  A slot is
 * in use while its flag is set; the name is stored before the flag is set
 * and the flag cleared before the name is freed, so the handler never
 * reads a name being written.  A command has at most an output, a
 * manifest and a workbook's scratch file.
 */
#define NPENDING 8
static char *volatile pending[NPENDING];
static volatile flag_t pending_used[NPENDING];

/* The signals whose default action ends the process, and that can be caught. */
#ifdef HAVE_SIGACTION
static const int fatal_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
	SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
	/* Faults last: see install(). */
	SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL,
};
#define NFAULTS 5
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

/* Async-signal-safe: unlink(), then the signal again with its default action. */
static void
on_signal(int sig)
{
	int saved = errno;

	for (size_t i = 0; i < NPENDING; i++)
		if (pending_used[i])
			unlink(pending[i]);
	/* SA_RESETHAND restored the default; the signal is blocked until we return. */
	raise(sig);
	errno = saved;
}

/* Block the signals install() catches, so a file is never made but not listed. */
static void
block(mask_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < NFATAL - NFAULTS; i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
unblock(const mask_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}
#else
static void block(mask_t *old) { (void)old; }
static void unblock(const mask_t *old) { (void)old; }
#endif

static void
remove_pending(void)
{
	for (size_t i = 0; i < NPENDING; i++)
		if (pending_used[i])
			unlink(pending[i]);
}

/*
 * Once: remove the listed files at exit (an out-of-memory exit too) and on
 * every catchable signal that ends the process.  A signal ignored when we
 * started (nohup) stays ignored; a fault whose handler is not the default
 * one (a sanitizer's) keeps it.
 */
static void
install(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	atexit(remove_pending);
#ifdef HAVE_SIGACTION
	for (size_t i = 0; i < NFATAL; i++) {
		struct sigaction sa, old;

		if (sigaction(fatal_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
			continue;
		if (i >= NFATAL - NFAULTS && (old.sa_flags & SA_SIGINFO ||
					      old.sa_handler != SIG_DFL))
			continue;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigfillset(&sa.sa_mask);
		sa.sa_flags = SA_RESETHAND;
		sigaction(fatal_signals[i], &sa, NULL);
	}
#endif
}

static void
forget(const char *name)
{
	for (size_t i = 0; i < NPENDING; i++)
		if (pending_used[i] && pending[i] == name) {
			pending_used[i] = 0;
			pending[i] = NULL;
		}
}

/*
 * A new empty owner-only file dir/prefixNAME.fosterbeds-XXXXXX (dir may be
 * "", or end in '/'), listed for removal.  Returns its name, or NULL with
 * errno set.
 */
static char *
make_temp(const char *dir, const char *prefix, const char *name, int *fd)
{
	/* Room for the suffix within a file name's usual 255 bytes. */
	int namelen = (int)(strlen(name) < 200 ? strlen(name) : 200);
	size_t size = strlen(dir) + strlen(prefix) + (size_t)namelen + sizeof(".fosterbeds-XXXXXX");
	char *tmp = fb_xmalloc(size);
	size_t slot;
	mask_t old;
	int en;

	snprintf(tmp, size, "%s%s%.*s%sfosterbeds-XXXXXX", dir, prefix, namelen, name,
		 namelen ? "." : "");
	install();
	for (slot = 0; slot < NPENDING && pending_used[slot]; slot++)
		;
	if (slot == NPENDING) {
		free(tmp);
		errno = EMFILE;
		return NULL;
	}
	block(&old);
	if ((*fd = mkstemp(tmp)) >= 0) {
		pending[slot] = tmp;
		pending_used[slot] = 1;
	}
	en = errno;
	unblock(&old);
	if (*fd < 0) {
		free(tmp);
		errno = en;
		return NULL;
	}
	return tmp;
}

/* Remove a file make_temp() made, and free its name. */
static void
remove_temp(char *tmp)
{
	int en = errno;

	if (!tmp)
		return;
	unlink(tmp);
	forget(tmp);
	free(tmp);
	errno = en;
}

/* The permission bits a new file gets: 0666 less the umask. */
static unsigned
new_file_mode(void)
{
#ifdef HAVE_UMASK
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~(unsigned)mask;
#else
	return 0644;
#endif
}

int
fb_outfile_open(struct fb_outfile *o, const char *path)
{
	struct stat st, lst;
	const char *slash;
	char *dir;
	int fd, en, exists, link;

	*o = (struct fb_outfile){ .path = path };
	exists = stat(path, &st) == 0;
	link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
#ifndef HAVE_REALPATH
	/* Without realpath() a link's file cannot be found to rename onto. */
	if (link)
		exists = 0;
#endif
	if ((exists && !S_ISREG(st.st_mode)) || (link && !exists)) {
		/*
		 * A device or a FIFO, a link to nothing yet (or one that cannot
		 * be resolved): in place; a directory fails here, EISDIR.
		 */
		return (o->f = fopen(path, "wb")) ? 0 : -1;
	}
	/* The bits a file's owner set, never set-ID ones. */
	o->mode = exists ? (unsigned)st.st_mode & 0777 : new_file_mode();
#ifdef HAVE_REALPATH
	/* A link (/dev/stdout to a file) stays a link: its file is replaced. */
	if (link && !(o->target = realpath(path, NULL)))
		return -1;
#endif
	if (!o->target)
		o->target = fb_xstrdup(path);
	/* Beside the target, so the rename cannot cross file systems. */
	slash = strrchr(o->target, '/');
	dir = fb_xstrdup(o->target);
	dir[slash ? (size_t)(slash - o->target) + 1 : 0] = '\0';
	o->tmp = make_temp(dir, ".", slash ? slash + 1 : o->target, &fd);
	free(dir);
	if (!o->tmp || !(o->f = fdopen(fd, "wb"))) {
		en = errno;
		if (o->tmp)
			close(fd);
		remove_temp(o->tmp);
		free(o->target);
		*o = (struct fb_outfile){ .path = path };
		errno = en;
		return -1;
	}
	return 0;
}

int
fb_outfile_close(struct fb_outfile *o)
{
	int lost;

	if (!o->f)
		return 0;
	errno = 0;
	lost = fflush(o->f) != 0 || ferror(o->f);
#ifdef HAVE_FCHMOD
	/* Owner-only while partial; the file's own bits once complete. */
	if (!lost && o->tmp && fchmod(fileno(o->f), (mode_t)o->mode) != 0)
		lost = 1;
#endif
	if (fclose(o->f) != 0)
		lost = 1;
	o->f = NULL;
	if (!lost)
		return 0;
	if (!errno)
		errno = EIO;
	fb_outfile_discard(o);
	return -1;
}

int
fb_outfile_commit(struct fb_outfile *o)
{
	int rc = 0;

	if (o->tmp && rename(o->tmp, o->target) != 0)
		rc = -1;
	if (rc == 0 && o->tmp) {
		forget(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	fb_outfile_discard(o);
	return rc;
}

void
fb_outfile_discard(struct fb_outfile *o)
{
	int en = errno;

	if (o->f)
		fclose(o->f);
	remove_temp(o->tmp);
	free(o->target);
	*o = (struct fb_outfile){ .path = o->path };
	errno = en;
}

char *
fb_scratch_new(const struct fb_outfile *o)
{
	char *scratch, *dir;
	int fd;

	if (o && o->tmp) {
		const char *slash = strrchr(o->target, '/');

		dir = fb_xstrdup(o->target);
		dir[slash ? (size_t)(slash - o->target) + 1 : 0] = '\0';
		scratch = make_temp(dir, ".", slash ? slash + 1 : o->target, &fd);
	} else {
		const char *t = getenv("TMPDIR");
		size_t n;

		if (!t || !*t)
			t = "/tmp";
		n = strlen(t) + 2;
		dir = fb_xmalloc(n);
		snprintf(dir, n, "%s/", t);
		scratch = make_temp(dir, "", "", &fd);
	}
	free(dir);
	if (scratch)
		close(fd);
	return scratch;
}

void
fb_scratch_remove(char *scratch)
{
	remove_temp(scratch);
}

/* path's directory as a name stat() takes, in buf (the caller's to free). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (!slash)
		return fb_xstrdup(".");
	d = fb_xstrdup(path);
	d[slash == path ? 1 : (size_t)(slash - path)] = '\0';
	return d;
}

int
fb_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	int ea = stat(a, &sa), eb = stat(b, &sb);
	char *da, *db;
	const char *ba, *bb;
	int same;

	if (ea == 0 && eb == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (ea == 0 || eb == 0)
		return 0;
	ba = strrchr(a, '/') ? strrchr(a, '/') + 1 : a;
	bb = strrchr(b, '/') ? strrchr(b, '/') + 1 : b;
	if (strcmp(ba, bb) != 0)
		return 0;
	da = dir_of(a);
	db = dir_of(b);
	same = stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
	free(da);
	free(db);
	return same;
}
