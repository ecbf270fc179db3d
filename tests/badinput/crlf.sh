# CRLF line ends: the same output as LF (a filter keeps the CRs).
. "$top/tests/badinput/lib.bash"
paper >"$T/lf.txt"
sed 's/$/\r/' "$T/lf.txt" >"$T/crlf.txt"
for p in $(programs); do
	run "$p" "$T/lf.txt" || continue
	# a filter keeps the line ends it was given
	if is_filter "$p"; then sed 's/$/\r/' "$out" >"$T/lf.out"; else cp "$out" "$T/lf.out"; fi
	run "$p" "$T/crlf.txt" && expect_ok "$p" '< crlf.txt'
	cmp -s "$T/lf.out" "$out" ||
		bad "$(basename "$p"): CRLF input gives other output than LF: $(diff "$T/lf.out" "$out" | head -4)"
done
finish
