# The analysis on a worker thread beside the reader changes nothing: on
# papers big enough to start it, every mode writes what one thread
# writes, with the same messages and exit status (--check's reports, a
# paper's last checks after its last unit, two papers in one run).
. "$top/tests/lib.sh"
papers=$(threads_papers)
rows=$("$PROG" "$T/big.txt" | wc -l)
[ "$rows" -gt 1000 ] || fail "too few rows to tell: $rows"
for f in $papers; do
	for opts in "" --check --notes --format=json --format=csl-json; do
		# shellcheck disable=SC2086
		test_threads_same "$f" $opts
	done
done
CWIHP_THREADS=1 "$PROG" --check "$T/big.txt" check.in >"$T/one.out" 2>&1
CWIHP_THREADS=2 CWIHP_THREADS_AFTER=0 "$PROG" --check "$T/big.txt" check.in \
    >"$T/two.out" 2>&1
test_cmp "$T/one.out" "$T/two.out"
# the reader's messages keep their place among the rows
test_threads_messages
exit 0
