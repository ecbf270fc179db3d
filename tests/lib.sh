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
