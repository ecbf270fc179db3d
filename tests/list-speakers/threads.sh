# Worker threads change nothing: on papers big enough to start them,
# the rows, messages and exit status are those of one thread, under each
# option that changes the analysis.  A bad CWIHP_THREADS names itself.
. "$top/tests/lib.sh"
papers=$(threads_papers)
rows=$("$PROG" "$T/big.txt" | wc -l)
[ "$rows" -gt 1000 ] || fail "too few rows to tell: $rows"
for f in $papers; do
	test_threads_same "$f"
	test_threads_same "$f" --mentions --canonical
	test_threads_same "$f" --format=json
done
CWIHP_THREADS=two test_must_fail 2 "$PROG" paper.in >/dev/null 2>"$T/err"
[ "$(cat "$T/err")" = "list-speakers: CWIHP_THREADS=two: not a count" ] ||
    fail "bad count: $(cat "$T/err")"
# the reader's messages keep their place among the rows
test_threads_messages
exit 0
