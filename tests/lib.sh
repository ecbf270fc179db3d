# tests/lib.sh: helpers for script tests (source it).
# PROG is the program under test, T a scratch folder, SHARED ../shared or "".

fail() { echo "FAIL: $*"; exit 1; }

# test_must_fail STATUS cmd...: the command must exit with STATUS (1 or 2).
test_must_fail() {
	local want=$1; shift
	"$@"; local rc=$?
	[ "$rc" = "$want" ] || fail "'$*' exited $rc, expected $want"
}

# test_cmp EXPECTED ACTUAL: files must be equal.
test_cmp() {
	diff -u "$1" "$2" || fail "$2 differs from $1"
}

# need_shared: skip (exit 77) when ../shared is absent.
need_shared() {
	[ -n "${SHARED:-}" ] && [ -d "$SHARED/corpus" ] && return 0
	echo "../shared is absent: corpus test skipped"
	exit 77
}

# need CMD: skip when a command is missing.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "$1 is not installed: test skipped"
	exit 77
}

# test_threads_same FILE [OPTIONS...]: PROG on worker threads (two, and
# three reading a pipe) writes what it writes on one thread: the same
# output, messages and exit status.  On a pipe the file column is "-".
test_threads_same() {
	local f=$1 one rc
	shift
	CWIHP_THREADS=1 "$PROG" "$@" "$f" >"$T/one.out" 2>"$T/one.err"
	one=$?
	CWIHP_THREADS=2 "$PROG" "$@" "$f" >"$T/two.out" 2>"$T/two.err"
	rc=$?
	[ $rc = $one ] || fail "$f $*: exit status $rc on threads, $one on one"
	test_cmp "$T/one.out" "$T/two.out"
	test_cmp "$T/one.err" "$T/two.err"
	CWIHP_THREADS=1 "$PROG" "$@" <"$f" >"$T/one.out" 2>"$T/one.err"
	one=$?
	CWIHP_THREADS=3 "$PROG" "$@" <"$f" >"$T/pipe.out" 2>"$T/pipe.err"
	rc=$?
	[ $rc = $one ] || fail "$f $*: exit status $rc from a pipe on threads, $one on one"
	test_cmp "$T/one.out" "$T/pipe.out"
	test_cmp "$T/one.err" "$T/pipe.err"
	# each message in its place among the rows
	CWIHP_THREADS=1 "$PROG" "$@" "$f" >"$T/one.both" 2>&1
	CWIHP_THREADS=2 "$PROG" "$@" "$f" >"$T/two.both" 2>&1
	test_cmp "$T/one.both" "$T/two.both"
}

# threads_papers: a paper big enough to start the worker threads (the
# sample's documents over 2 MB) and, with ../shared, the corpus paper
# five times over; their paths.
threads_papers() {
	"$top/bench/gen-paper" 2 >"$T/big.txt" || fail "bench/gen-paper"
	echo "$T/big.txt"
	if [ -n "${SHARED:-}" ] && [ -f "$SHARED/corpus/cwihp-wp47.txt" ]; then
		for i in 1 2 3 4 5; do cat "$SHARED/corpus/cwihp-wp47.txt"; done \
		    >"$T/corpus5.txt"
		echo "$T/corpus5.txt"
	fi
}

# test_threads_messages: the reader's messages keep their place among
# PROG's rows on worker threads (2>&1): a missing file between two
# papers, an invalid byte far into a paper (threads_papers made big.txt)
test_threads_messages() {
	local one
	printf 'bad \377 byte\n' >"$T/bad-line"
	cat "$T/big.txt" "$T/bad-line" "$T/big.txt" >"$T/bad.txt"
	CWIHP_THREADS=1 "$PROG" "$T/big.txt" "$T/none.txt" "$T/bad.txt" \
	    >"$T/one.both" 2>&1
	one=$?
	CWIHP_THREADS=2 "$PROG" "$T/big.txt" "$T/none.txt" "$T/bad.txt" \
	    >"$T/two.both" 2>&1
	[ $? = $one ] && [ $one = 2 ] || fail "exit status with bad input: $one"
	test_cmp "$T/one.both" "$T/two.both"
	grep -q 'none.txt' "$T/two.both" &&
	    grep -q 'bad.txt:[0-9]*: invalid UTF-8' "$T/two.both" ||
	    fail "messages: $(grep -v '	' "$T/two.both")"
}
