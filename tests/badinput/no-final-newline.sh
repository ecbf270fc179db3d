# A last line without a newline is still a line.
. "$top/tests/badinput/lib.bash"
paper >"$T/nl.txt"
printf '%s' "$(cat "$T/nl.txt")" >"$T/nonl.txt"
for p in $(programs); do
	run "$p" "$T/nl.txt" || continue
	cp "$out" "$T/nl.out"
	run "$p" "$T/nonl.txt" || continue
	[ "$rc" -eq 0 ] || { bad "$(basename "$p"): exit $rc: $(head -2 "$err")"; continue; }
	# a filter may keep the missing newline; nothing else may differ
	[ "$(cat "$T/nl.out")" = "$(cat "$out")" ] ||
		bad "$(basename "$p"): last line without newline changes the output: $(diff "$T/nl.out" "$out" | head -4)"
	is_filter "$p" && { cmp -s "$out" "$T/nonl.txt" || cmp -s "$out" "$T/nl.txt" ||
		[ "$(wc -l <"$out")" -ge "$(wc -l <"$T/nonl.txt")" ] ||
		bad "$(basename "$p"): last line lost"; }
done
finish
