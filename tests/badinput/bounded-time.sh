# Pathological lines for the patterns (long runs that invite
# backtracking): every program finishes each in a few seconds.
. "$top/tests/badinput/lib.bash"
rep() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s; print "" }'; }
{
	echo "Essay."
	rep ' ' 200000
	printf 'Document '; rep '1' 100000
	printf '[Source: '; rep '(' 100000
	rep '14 ' 100000
	rep 'January ' 50000
	rep '17.04.' 50000
	rep '1. ' 100000
	rep 'fond 0102, opis ' 30000
	rep 'Ibid., ' 50000
	rep 'Kim Il-Sung Kim Il Sung ' 20000
	rep 'a[1' 100000
	printf 'Document 1\n\n'
	rep 'Record of Record of ' 50000
	rep '“”‘’' 100000
	rep 'Comrade ' 100000
	rep 'Ambassador said: ' 30000
} >"$T/patho.txt"
for p in $(programs); do
	n=$(basename "$p")
	start=$(date +%s%N)
	run "$p" - "$T/patho.txt" || continue
	ms=$((($(date +%s%N) - start) / 1000000))
	echo "$n: $ms ms"
	[ "$rc" -le 1 ] || bad "$n: exit $rc: $(head -2 "$err")"
	# generous for sanitizer and valgrind builds; a runaway pattern takes minutes
	[ "$ms" -le $((limit * 500)) ] || bad "$n: $ms ms on pathological lines"
done
finish
