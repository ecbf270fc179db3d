# Streaming: the filter's peak memory does not grow with the input.
. ../lib.sh
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null ||
	{ echo "/usr/bin/time -f is not available: test skipped"; exit 77; }
[ -n "${CWIHP_VALGRIND:-}${ASAN_OPTIONS:-}" ] &&
	{ echo "under valgrind or ASan: skipped"; exit 77; }
[ -r "$SAMPLE" ] || { echo "no sample paper: skipped"; exit 77; }
for n in 10 200; do
	for _ in $(seq $n); do cat "$SAMPLE"; done >"$T/in$n"
	/usr/bin/time -f %M -o "$T/rss$n" "$PROG" "$T/in$n" >/dev/null || fail "exit $?"
done
small=$(tail -1 "$T/rss10") big=$(tail -1 "$T/rss200")
[ "$big" -le $((small * 5 / 4 + 2048)) ] || fail "peak RSS $big KB against $small KB"
exit 0
