# Streaming: peak RSS for 200 MB of generated input (9,999 small
# documents) about the same as for 10 MB.
. "$top/tests/badinput/lib.bash"
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null ||
	{ echo "/usr/bin/time -f is not available: test skipped"; exit 77; }
[ -n "${CWIHP_VALGRIND:-}" ] && { echo "under valgrind: test skipped"; exit 77; }
# ASan's quarantine keeps freed memory: RSS says nothing there
[ -n "${CWIHP_SANITIZE:-}" ] && { echo "sanitizer build: test skipped"; exit 77; }
rss() {	# peak RSS in KB of PROG reading MB of generated paper
	"$top/bench/gen-paper" "$2" |
	    /usr/bin/time -f %M -o "$T/rss" "$1" >/dev/null 2>"$T/err"
	tail -1 "$T/rss"
}
for p in $(programs); do
	n=$(basename "$p")
	start=$(date +%s%N)
	small=$(rss "$p" 10)
	ms=$((($(date +%s%N) - start) / 1000000))
	# 200 MB, unless that would take more than a minute here (a slow
	# program, a sanitizer build): then what fits, at least 40 MB
	mb=200
	[ $((ms * 20)) -gt 60000 ] && mb=$((600000 / (ms + 1)))
	[ "$mb" -lt 40 ] && mb=40
	[ "$mb" -gt 200 ] && mb=200
	big=$(rss "$p" "$mb")
	echo "$n: $small KB at 10 MB, $big KB at $mb MB (10 MB took $ms ms)"
	# equal up to 25% and 8 MB of slack (allocator, a longer unit)
	[ "$big" -le $((small * 5 / 4 + 8192)) ] ||
		bad "$n: peak RSS $big KB at $mb MB against $small KB at 10 MB"
done
finish
