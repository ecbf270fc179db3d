# make check-musl: the worker-thread unit test (tests/lib/jobs.c) built
# against musl's C library as well (musl-gcc, Debian's musl-tools).
# lib/jobs.c reuses its output streams (open_memstream, rewound), where
# musl's stdio and glibc's keep the size differently; the rest of the
# library needs pcre2, built for glibc only.  Skips, saying so, without
# musl-gcc.
MUSL_CC ?= musl-gcc
MUSL_SRC = tests/lib/jobs.c lib/jobs.c lib/util.c lib/table.c

check-musl:
	@if command -v $(MUSL_CC) >/dev/null 2>&1; then \
		mkdir -p $(BUILD)/musl && \
		$(MUSL_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -pthread -Ilib \
		    -O1 -g -Wall -Wextra -Wpedantic $(WERROR) \
		    -o $(BUILD)/musl/jobs $(MUSL_SRC) && \
		CWIHP_UNITS=$(BUILD)/musl tests/run lib/jobs; \
	else \
		echo "ok 1 - lib/jobs on musl # SKIP $(MUSL_CC) is absent"; \
		echo "1 passed, 0 failed, 1 skipped"; \
	fi

.PHONY: check-musl
