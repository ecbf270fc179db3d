# fuzz.mk: libFuzzer harnesses (tests/fuzz/fuzz_*.c; see tests/fuzz/README).
#
#   make fuzz         each harness for FUZZ_SECONDS (default 60), one process,
#                     at nice 19; the counts go to $(FUZZ_BUILD)/stats.tsv
#   make fuzz-smoke   each harness for FUZZ_SMOKE_RUNS inputs from seed 1
#                     (at most FUZZ_SMOKE_SECONDS), for CI
#   make fuzz-build   only build them (clang, -fsanitize=fuzzer,address,undefined)
#   make fuzz-replay  the harnesses with the plain driver tests/fuzz/replay.c
#                     and the ordinary compiler; tests/badinput/fuzz-regress.sh
#                     builds them and replays the seeds and the crash
#                     regressions (a harness that no longer compiles
#                     against lib/ makes that test skip, not the build fail)
#
# A new harness is one file, tests/fuzz/fuzz_NAME.c, with seeds in
# tests/fuzz/corpus/NAME/ and optionally a dictionary tests/fuzz/NAME.dict.

FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 30
# The smoke pass is deterministic (one seed, a fixed number of runs), so
# that CI's verdict on a commit does not depend on luck; make fuzz explores.
FUZZ_SMOKE_RUNS    ?= 5000
FUZZ_BUILD         ?= $(BUILD)/fuzz
FUZZ_ENGINE        ?= -fsanitize=fuzzer
FUZZ_SAN           ?= -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS         ?= -O1 -g -fno-omit-frame-pointer
FUZZ_SRC   := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_BINS  := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/%)
FUZZ_LOBJ  := $(LIB_SRC:lib/%.c=$(FUZZ_BUILD)/lib/%.o)
FUZZ_CPP    = -D_POSIX_C_SOURCE=200809L -Ilib -DCWIHP_DATADIR='"$(CURDIR)/share"' \
	$(PCRE2_CFLAGS)

$(FUZZ_BUILD)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPP) -std=c11 $(FUZZ_FLAGS) $(FUZZ_SAN) \
	    -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h lib/*.h $(FUZZ_LOBJ)
	$(FUZZ_CC) $(FUZZ_CPP) -std=c11 $(FUZZ_FLAGS) $(WARN) $(FUZZ_SAN) $(FUZZ_ENGINE) \
	    -o $@ $< $(FUZZ_LOBJ) $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

# keep the objects between runs
.SECONDARY: $(FUZZ_LOBJ) $(LIB_SRC:lib/%.c=$(BUILD)/fuzz-replay/lib/%.o)

fuzz: fuzz-build
	FUZZ_BUILD=$(FUZZ_BUILD) tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: fuzz-build
	FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_ARGS="-seed=1 -runs=$(FUZZ_SMOKE_RUNS) $(FUZZ_ARGS)" \
	    tests/fuzz/run $(FUZZ_SMOKE_SECONDS) $(FUZZ_NAMES)

# The replay build: ordinary compiler, sanitizers when it has them.
REPLAY_DIR  = $(BUILD)/fuzz-replay
REPLAY_BINS = $(FUZZ_NAMES:%=$(REPLAY_DIR)/%)
REPLAY_SAN  = $(shell printf 'int main(void){return 0;}\n' | \
	$(CC) -fsanitize=address,undefined -x c - -o /dev/null 2>/dev/null && \
	echo -fsanitize=address,undefined -fno-sanitize-recover=all)

$(REPLAY_DIR)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CPP) -std=c11 -O1 -g $(WARN) $(WERROR) $(REPLAY_SAN) \
	    -c $< -o $@

$(REPLAY_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/replay.c \
    lib/*.h $(LIB_SRC:lib/%.c=$(REPLAY_DIR)/lib/%.o)
	$(CC) $(FUZZ_CPP) -std=c11 -O1 -g $(WARN) $(WERROR) $(REPLAY_SAN) -o $@ \
	    $< tests/fuzz/replay.c $(LIB_SRC:lib/%.c=$(REPLAY_DIR)/lib/%.o) $(LDLIBS)

fuzz-replay: $(REPLAY_BINS)

fuzz-clean:
	rm -rf $(FUZZ_BUILD) $(REPLAY_DIR)

.PHONY: fuzz fuzz-build fuzz-smoke fuzz-replay fuzz-clean
