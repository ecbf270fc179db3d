/* replay.c: a standard driver for the fuzz harnesses without libFuzzer.
 *
 *   fuzz_X FILE|DIR ...   run every file (a folder: each file in it)
 *   fuzz_X                run standard input once (AFL++ without @@)
 *
 * Built with the ordinary compiler by "make fuzz-replay", it replays the
 * seed corpora and the crash regressions in tests/fuzz/regress/ as part
 * of "make check"; built with afl-clang-fast it is a plain AFL++ target.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long replayed;

static int
run_stream(FILE *fp, const char *name)
{
	uint8_t *data = NULL, *p;
	size_t size = 0, cap = 0, n;

	for (;;) {
		if (size == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(data, cap)) == NULL) {
				fprintf(stderr, "%s: out of memory\n", name);
				exit(2);
			}
			data = p;
		}
		n = fread(data + size, 1, cap - size, fp);
		size += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		perror(name);
		free(data);
		return -1;
	}
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	replayed++;
	return 0;
}

static int
run_path(const char *path)
{
	struct stat st;
	struct dirent *e;
	DIR *dir;
	FILE *fp;
	char *sub;
	int rc = 0;

	if (stat(path, &st) == -1) {
		perror(path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if ((dir = opendir(path)) == NULL) {
			perror(path);
			return -1;
		}
		while ((e = readdir(dir)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			if ((sub = malloc(strlen(path) + strlen(e->d_name) +
			    2)) == NULL)
				exit(2);
			sprintf(sub, "%s/%s", path, e->d_name);
			if (run_path(sub) < 0)
				rc = -1;
			free(sub);
		}
		closedir(dir);
		return rc;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	rc = run_stream(fp, path);
	fclose(fp);
	return rc;
}

int
main(int argc, char *argv[])
{
	int i, rc = 0;

	if (argc < 2)
		return run_stream(stdin, "-") < 0 ? 2 : 0;
	for (i = 1; i < argc; i++)
		if (run_path(argv[i]) < 0)
			rc = 2;
	if (getenv("FUZZ_REPLAY_QUIET") == NULL)
		fprintf(stderr, "replayed %ld inputs\n", replayed);
	return rc;
}
