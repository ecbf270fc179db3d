/* readfiles: open, read to the end and close each file argument, and
 * nothing else: what a run over many small files costs the kernel
 * before any program does any work (bench/run's floor). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	static char buf[1 << 16];
	long long total = 0;
	ssize_t n;
	int i, fd;

	for (i = 1; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) == -1) {
			perror(argv[i]);
			return 2;
		}
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			total += n;
		close(fd);
	}
	printf("%lld\n", total);
	return 0;
}
