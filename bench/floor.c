/*
 * floor.c: the least any reader of the file must do, for bench/compare.sh:
 * read it in large blocks and count its newlines with memchr, on one core.
 * No tool that looks at every line can be faster on this machine.
 *
 *	floor FILE	prints the number of lines
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	unsigned long long lines = 0;
	ssize_t n;
	int fd;

	if (argc != 2 || (fd = open(argv[1], O_RDONLY)) == -1) {
		perror(argc == 2 ? argv[1] : "usage: floor FILE");
		return 2;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (char *p = buf, *e = buf + n;
		    (p = memchr(p, '\n', e - p)) != NULL; p++)
			lines++;
	if (n == -1) {
		perror(argv[1]);
		return 1;
	}
	printf("%llu\n", lines);
	return 0;
}
