# Streaming: the filter's peak memory does not grow with the input, on
# one thread and on two workers (past the step their units in hand make;
# they start at once, so both sizes run on them).
. ../lib.sh
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null ||
	{ echo "/usr/bin/time -f is not available: test skipped"; exit 77; }
[ -n "${CWIHP_VALGRIND:-}${ASAN_OPTIONS:-}" ] &&
	{ echo "under valgrind or ASan: skipped"; exit 77; }
[ -r "$SAMPLE" ] || { echo "no sample paper: skipped"; exit 77; }
for _ in $(seq 10); do cat "$SAMPLE"; done >"$T/in10"
for _ in $(seq 20); do cat "$T/in10"; done >"$T/in200"
for _ in $(seq 5); do cat "$T/in200"; done >"$T/in1000"
# peak RSS in KB of the filter on n samples, with the environment given
rss() {
	env $1 /usr/bin/time -f %M -o "$T/rss" "$PROG" "$T/in$2" >/dev/null ||
		return 1
	tail -1 "$T/rss"
}
compare() {	# compare ENV SMALL BIG
	local small big
	small=$(rss "$1" "$2") || fail "$1: exit status on $2 samples"
	big=$(rss "$1" "$3") || fail "$1: exit status on $3 samples"
	[ "$big" -le $((small * 5 / 4 + 2048)) ] ||
		fail "$1: peak RSS $big KB on $3 samples against $small KB on $2"
}
compare CWIHP_THREADS=1 10 200
compare "CWIHP_THREADS=2 CWIHP_THREADS_AFTER=0" 200 1000
exit 0
