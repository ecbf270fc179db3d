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
# Coordinate lines past the start of the workers, every third one so
# deep that pcre2's interpreter gives up where JIT does not: which lines
# the reader's patterns see ahead depends on timing, so the analysis
# and the reader must run their patterns one way from the start, or a
# row turns into a message on some runs.
deep=$(awk 'BEGIN { for (i = 0; i < 8000; i++) printf "1.1" }')
awk -v deep="$deep" '{ print }
    NR > 8000 && NR % 301 == 0 { n++
	if (n % 3 == 0) print "See \321\204. 5, \320\276\320\277. " deep "\303\251, \320\264. 3."
	else print "\320\220\320\222\320\237\320\240\320\244, \321\204. " n ", \320\276\320\277. 12, \320\264. 58, \320\273. 3." }' \
    "$T/big.txt" >"$T/deep.txt"
CWIHP_THREADS=1 "$PROG" "$T/deep.txt" >"$T/one.both" 2>&1
grep -q '	archival	' "$T/one.both" || fail "deep.txt: no archival rows"
for th in 2 3 2 3; do
	CWIHP_THREADS=$th "$PROG" "$T/deep.txt" >"$T/two.both" 2>&1
	test_cmp "$T/one.both" "$T/two.both"
done
exit 0
