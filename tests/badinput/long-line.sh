# A 100 MB single line: read whole (or refused with exit 2 and a
# message), never a crash, hang or a cut line.
. "$top/tests/badinput/lib.bash"
# 100 MB of prose words and no newline at all
yes 'Comrade Kim said the deliveries of 14 August 1962 [12] were late.' |
    tr '\n' ' ' | head -c 100000000 >"$T/long.txt"
for p in $(programs); do
	n=$(basename "$p")
	run "$p" - "$T/long.txt" || continue
	if [ "$rc" -eq 2 ]; then
		grep -q "^$n: " "$err" || bad "$n: exit 2 without a message"
		continue
	fi
	[ "$rc" -le 1 ] || { bad "$n: exit $rc: $(head -2 "$err")"; continue; }
	if is_filter "$p"; then
		# a filter gives its input back byte for byte: no newline added
		cmp -s "$T/long.txt" "$out" || bad "$n: the long line did not come back unchanged"
		continue
	fi
	complete "$p" long.txt
	if [ "$n" = split-docs ]; then
		got=$(stream_text "$out" | wc -c)
		[ "$got" -ge 100000000 ] || bad "$n: the long line came out with $got bytes"
	fi
done
rm -f "$T/long.txt" "$T"/*.out
finish
