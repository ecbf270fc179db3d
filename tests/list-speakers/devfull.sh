# A failed write exits 2; a reader closing the pipe early is no error.
. "$top/tests/lib.sh"
[ -w /dev/full ] || { echo "/dev/full is missing: test skipped"; exit 77; }
test_must_fail 2 "$PROG" paper.in >/dev/full 2>"$T/err"
grep -q 'write error' "$T/err" || fail "no write error message"
"$PROG" paper.in 2>"$T/err" | head -1 >"$T/out"
[ -s "$T/err" ] && fail "stderr after head: $(cat "$T/err")"
[ "$(cat "$T/out")" = "$(printf 'file\tdoc\tname\trole\tspeaks\tturns\tline')" ] ||
    fail "header: $(cat "$T/out")"
exit 0
