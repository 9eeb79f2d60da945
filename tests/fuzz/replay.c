/*
 * replay.c: a main() for a fuzz target built without libFuzzer (any
 * compiler): runs the target once on each file named, and on each file in
 * each folder named, so that a plain test replays tests/fuzz/regressions/.
 * A name that does not exist is skipped (a target may have no regression
 * yet); an invariant that fails aborts, as under libFuzzer.
 */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int
run_file(const char *path)
{
	FILE *in = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!in) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if (!(buf = realloc(buf, cap))) {
				fclose(in);
				return 1;
			}
		}
		got = fread(buf + len, 1, cap - len, in);
		len += got;
	} while (got > 0);
	fclose(in);
	/* Exactly len bytes, as libFuzzer gives them, so reading past the end is caught. */
	unsigned char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(buf);
		return 1;
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 0;
}

int
main(int argc, char **argv)
{
	int failed = 0, n = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			struct dirent **names;
			int k = scandir(argv[i], &names, NULL, alphasort);

			for (int j = 0; j < k; j++) {
				char path[4096];

				if (names[j]->d_name[0] != '.') {
					snprintf(path, sizeof(path), "%s/%s", argv[i], names[j]->d_name);
					if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
						failed |= run_file(path);
						n++;
					}
				}
				free(names[j]);
			}
			free(names);
		} else {
			failed |= run_file(argv[i]);
			n++;
		}
	}
	printf("%d input%s replayed\n", n, n == 1 ? "" : "s");
	return failed;
}
