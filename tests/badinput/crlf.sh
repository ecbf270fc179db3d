# CRLF line ends: the same output as LF.
. "$top/tests/badinput/lib.bash"
paper >"$T/lf.txt"
sed 's/$/\r/' "$T/lf.txt" >"$T/crlf.txt"
for p in $(programs); do
	run "$p" "$T/lf.txt" || continue
	cp "$out" "$T/lf.out"
	run "$p" "$T/crlf.txt" && expect_ok "$p" '< crlf.txt'
	cmp -s "$T/lf.out" "$out" ||
		bad "$(basename "$p"): CRLF input gives other output than LF: $(diff "$T/lf.out" "$out" | head -4)"
done
finish
