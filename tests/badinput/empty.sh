# An empty file and empty standard input: exit 0, no message.
. "$top/tests/badinput/lib.bash"
: >"$T/empty.txt"
for p in $(programs); do
	run "$p" - "$T/empty.txt" && expect_ok "$p" empty.txt
	run "$p" "$T/empty.txt" && expect_ok "$p" '< empty.txt'
	[ -s "$out" ] && [ "$(wc -l <"$out")" -gt 1 ] &&
		bad "$(basename "$p"): output for empty input: $(head -3 "$out")"
done
finish
