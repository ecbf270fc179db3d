# cwihp-tools: small Unix filters for Cold War archival papers.
# Programs are the folders of cmd/; the library is every lib/*.c.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/cwihp-tools
DESTDIR  ?=

CC       ?= cc
PKG_CONFIG ?= pkg-config
OPT      ?= -O2 -g
WARN     ?= -Wall -Wextra -Wpedantic
WERROR   ?=
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -pthread -Ilib \
	-DCWIHP_DATADIR='"$(DATADIR)"' $(PCRE2_CFLAGS)
CFLAGS   ?=
CFLAGS   += -std=c11 $(OPT) $(WARN) $(WERROR)
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
# glibc and musl have iconv in libc; elsewhere (macOS, the BSDs) it is
# GNU libiconv.  Override with make ICONV_LIBS=...
ICONV_LIBS   ?= $(if $(filter Linux,$(shell uname -s)),,-liconv)
LDLIBS   += $(PCRE2_LIBS) $(ICONV_LIBS) -pthread

BUILD    ?= build
BIN      ?= bin
PROGRAMS := $(notdir $(wildcard cmd/*))
LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
LIB_A    := $(BUILD)/libcwihp.a
UNIT_SRC := $(wildcard tests/lib/*.c)
UNIT_BIN := $(UNIT_SRC:tests/lib/%.c=$(BUILD)/tests/%)
MAN1     := $(wildcard man/*.1)
MAN5     := $(wildcard man/*.5)
MAN7     := $(wildcard man/*.7)

all: check-deps $(PROGRAMS:%=$(BIN)/%)

check-deps:
	@$(PKG_CONFIG) --exists libpcre2-8 2>/dev/null || \
	    test -f /usr/include/pcre2.h || { \
	    echo "pcre2 headers are missing: run scripts/bootstrap"; exit 2; }

$(BUILD)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

# each program: every .c in its folder
.SECONDEXPANSION:
$(BIN)/%: $$(wildcard cmd/%/*.c) $$(wildcard cmd/%/*.h) lib/*.h $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Icmd/$* $(CFLAGS) $(LDFLAGS) -o $@ \
	    $(filter %.c,$^) $(LIB_A) $(LDLIBS)

$(BUILD)/tests/%: tests/lib/%.c lib/*.h $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

units: $(UNIT_BIN)

check: all units lint-man
	@tests/run

# the whole suite under ASan and UBSan, in a build tree of its own
sanitize:
	$(MAKE) BUILD=build-san BIN=build-san/bin OPT='-O1 -g' \
	    CFLAGS='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	    LDFLAGS='-fsanitize=address,undefined' all units
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    CWIHP_SANITIZE=1 CWIHP_BIN=build-san/bin CWIHP_UNITS=build-san/tests tests/run

check-valgrind: all units
	CWIHP_VALGRIND=1 tests/run

lint-man:
	@if command -v mandoc >/dev/null 2>&1; then \
	    mandoc -T lint -W warning $(MAN1) $(MAN5) $(MAN7) && echo "man pages: lint clean"; \
	else echo "mandoc not installed: man page lint skipped"; fi

demo: all
	@scripts/demo

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)
	install -m 755 $(PROGRAMS:%=$(BIN)/%) $(DESTDIR)$(BINDIR)
	$(if $(MAN1),install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1)
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5)
	$(if $(MAN7),install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7)
	cp -R share/. $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(PROGRAMS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
	    $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%) \
	    $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) build-san $(BIN)

# helpers for fuzzing, benchmarks and such live in mk/*.mk
-include mk/*.mk

.PHONY: all check check-deps units sanitize check-valgrind lint-man demo \
	install uninstall clean
