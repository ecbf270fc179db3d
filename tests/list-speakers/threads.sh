# Worker threads change nothing: a paper big enough to start them (the
# sample's documents over 2 MB, and the corpus paper five times over)
# gives the same rows, diagnostics and status as one thread, under each
# option that changes the analysis, from a file and from a pipe.  A bad
# CWIHP_THREADS is an error that names it.
. "$top/tests/lib.sh"
"$top/bench/gen-paper" 2 >"$T/big.txt" || fail "gen-paper"
rows=$("$PROG" "$T/big.txt" | wc -l)
[ "$rows" -gt 1000 ] || fail "too few rows to tell: $rows"
papers="$T/big.txt"
if [ -n "${SHARED:-}" ] && [ -f "$SHARED/corpus/cwihp-wp47.txt" ]; then
	for i in 1 2 3 4 5; do cat "$SHARED/corpus/cwihp-wp47.txt"; done >"$T/corpus5.txt"
	papers="$papers $T/corpus5.txt"
fi
for f in $papers; do
	for opts in "" "--mentions --canonical" "--format=json"; do
		# shellcheck disable=SC2086
		CWIHP_THREADS=1 "$PROG" $opts "$f" >"$T/one.out" 2>"$T/one.err"
		one=$?
		# shellcheck disable=SC2086
		CWIHP_THREADS=2 "$PROG" $opts "$f" >"$T/two.out" 2>"$T/two.err"
		[ $? = $one ] || fail "$f $opts: exit status differs"
		test_cmp "$T/one.out" "$T/two.out"
		test_cmp "$T/one.err" "$T/two.err"
		# shellcheck disable=SC2086
		CWIHP_THREADS=3 "$PROG" $opts <"$f" >"$T/pipe.out" 2>"$T/pipe.err"
		[ $? = $one ] || fail "$f $opts: exit status from a pipe differs"
		sed '1!s/^[^\t]*\t/-\t/' "$T/one.out" >"$T/one-stdin.out"
		case $opts in *json*) ;; *) test_cmp "$T/one-stdin.out" "$T/pipe.out" ;; esac
	done
done
CWIHP_THREADS=two test_must_fail 2 "$PROG" paper.in >/dev/null 2>"$T/err"
[ "$(cat "$T/err")" = "list-speakers: CWIHP_THREADS=two: not a count" ] ||
    fail "bad count: $(cat "$T/err")"
exit 0
