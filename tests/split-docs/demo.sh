# make demo: the demo script runs every program on the sample papers.
. "$top/tests/lib.sh"
CWIHP_BIN=$BIN "$top/scripts/demo" >"$T/out" 2>"$T/err" || fail "scripts/demo exited $?"
[ -s "$T/err" ] && fail "scripts/demo wrote to stderr: $(head -3 "$T/err")"
grep -q 'record-of-conversation' "$T/out" || fail "no document table in the demo"
grep -q 'has no reference marker' "$T/out" || fail "the --check demo found nothing"
exit 0
