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
# the reader's messages keep their place among the rows: a missing
# file between two papers, an invalid byte far into a paper
printf 'bad \377 byte\n' >"$T/bad-line"
cat "$T/big.txt" "$T/bad-line" "$T/big.txt" >"$T/bad.txt"
CWIHP_THREADS=1 "$PROG" "$T/big.txt" "$T/none.txt" "$T/bad.txt" >"$T/one.both" 2>&1
one=$?
CWIHP_THREADS=2 "$PROG" "$T/big.txt" "$T/none.txt" "$T/bad.txt" >"$T/two.both" 2>&1
[ $? = $one ] && [ $one = 2 ] || fail "exit status with bad input: $one"
test_cmp "$T/one.both" "$T/two.both"
grep -q 'none.txt' "$T/two.both" && grep -q 'bad.txt:[0-9]*: invalid UTF-8' "$T/two.both" ||
    fail "messages: $(grep -v '	' "$T/two.both")"
exit 0
