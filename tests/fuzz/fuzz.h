/* fuzz.h: helpers shared by the fuzz harnesses (header only).
 *
 * A harness defines LLVMFuzzerTestOneInput and checks invariants with
 * FUZZ_CHECK, which aborts (a crash for libFuzzer and AFL++) and says
 * which invariant broke.  Data reaches lib/input through a real file or
 * through a socket whose packets cut the input at fuzzer-chosen places,
 * so that chunk boundaries fall inside UTF-8 sequences, CRLF pairs and
 * multibyte encodings. */
#ifndef CWIHP_FUZZ_H
#define CWIHP_FUZZ_H

#include <sys/types.h>
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "utf8.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* One scratch file per process, reused for every input. */
static char fuzz_path[64];

static inline const char *
fuzz_tmpfile(const void *data, size_t size)
{
	const char *p = data;
	ssize_t n;
	int fd;

	if (fuzz_path[0] == '\0') {
		snprintf(fuzz_path, sizeof(fuzz_path), "%s",
		    "/tmp/cwihp-fuzz.XXXXXX");
		if ((fd = mkstemp(fuzz_path)) == -1) {
			perror("mkstemp");
			abort();
		}
		close(fd);
	}
	if ((fd = open(fuzz_path, O_WRONLY | O_TRUNC)) == -1) {
		perror(fuzz_path);
		abort();
	}
	while (size > 0) {
		if ((n = write(fd, p, size)) <= 0) {
			perror(fuzz_path);
			abort();
		}
		p += n;
		size -= (size_t)n;
	}
	close(fd);
	return fuzz_path;
}

__attribute__((destructor)) static void
fuzz_cleanup(void)
{
	if (fuzz_path[0] != '\0')
		unlink(fuzz_path);
}

/*
 * Put data on standard input as a series of packets (at most 24, sizes
 * from seed), so that each read() of lib/input returns one packet.
 * Returns the saved standard input for fuzz_stdin_restore, or -1 when
 * sockets are unavailable (then the caller uses the file).
 */
static inline int
fuzz_stdin_packets(const uint8_t *data, size_t size, uint32_t seed)
{
	int sv[2], saved;
	size_t off = 0, piece;
	int npackets = 0;

	/* packets must fit the socket buffer */
	if (size > 32768 || socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == -1)
		return -1;
	while (off < size) {
		seed = seed * 1103515245u + 12345u;
		piece = npackets == 23 ? size - off : 1 + (seed >> 16) % 9;
		if (piece > size - off)
			piece = size - off;
		if (send(sv[0], data + off, piece, 0) != (ssize_t)piece) {
			perror("send");
			abort();
		}
		off += piece;
		npackets++;
	}
	shutdown(sv[0], SHUT_WR);
	close(sv[0]);
	saved = dup(STDIN_FILENO);
	dup2(sv[1], STDIN_FILENO);
	close(sv[1]);
	return saved;
}

static inline void
fuzz_stdin_restore(int saved)
{
	if (saved < 0)
		return;
	dup2(saved, STDIN_FILENO);
	close(saved);
}

/* Valid UTF-8 from any bytes (bad bytes become U+FFFD), for the
 * parsers that take lines lib/input has already validated. */
static inline char *
fuzz_utf8(const uint8_t *data, size_t size, size_t *outlen)
{
	struct buf b = { 0 };
	const char *s = (const char *)data;
	size_t i = 0, k;

	while (i < size) {
		k = utf8_check(s + i, size - i);
		buf_add(&b, s + i, k);
		i += k;
		if (i < size) {
			buf_add(&b, "\xEF\xBF\xBD", 3);
			i += utf8_invalid_len(s + i, size - i);
		}
	}
	*outlen = b.len;
	return buf_cstr(&b);
}

#endif
