/*
 * wasi-compat.c: mkstemp and realpath for wasm32-wasi, and the working
 * directory from $PWD (see wasi-compat.h).  Compiled into the WebAssembly
 * build only.
 */
#include "wasi-compat.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* After wasi-libc's own constructors (its preopened directories). */
__attribute__((constructor)) static void
wasi_cwd(void)
{
	const char *pwd = getenv("PWD");

	if (pwd && *pwd == '/')
		(void)chdir(pwd);
}

int
mkstemp(char *template)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	size_t len = strlen(template);
	char *x;

	if (len < 6 || strcmp(template + len - 6, "XXXXXX") != 0) {
		errno = EINVAL;
		return -1;
	}
	x = template + len - 6;
	/* A counter, not randomness: O_EXCL is what makes the name ours. */
	for (unsigned long n = 0; n < 100000; n++) {
		unsigned long v = n;
		int fd;

		for (int i = 5; i >= 0; i--, v /= 36)
			x[i] = digits[v % 36];
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

char *
realpath(const char *restrict path, char *restrict resolved)
{
	char *buf, *o;
	const char *p;
	size_t len;
	struct stat st;

	if (!path || !*path) {
		errno = path ? ENOENT : EINVAL;
		return NULL;
	}
	if (stat(path, &st) != 0)
		return NULL;
	buf = malloc(PATH_MAX);
	if (!buf)
		return NULL;
	if (*path == '/')
		strcpy(buf, "/");
	else if (!getcwd(buf, PATH_MAX)) {
		free(buf);
		return NULL;
	}
	len = strlen(buf);
	for (p = path; *p; ) {
		const char *end;
		size_t n;

		while (*p == '/')
			p++;
		end = p + strcspn(p, "/");
		n = (size_t)(end - p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 1 && buf[len - 1] != '/')
				len--;
			if (len > 1)
				len--;
			buf[len] = '\0';
		} else {
			if (len + (len > 1) + n + 1 > PATH_MAX) {
				free(buf);
				errno = ENAMETOOLONG;
				return NULL;
			}
			if (len > 1)
				buf[len++] = '/';
			memcpy(buf + len, p, n);
			len += n;
			buf[len] = '\0';
		}
		p = end;
	}
	if (!resolved)
		return buf;
	o = strcpy(resolved, buf);
	free(buf);
	return o;
}
