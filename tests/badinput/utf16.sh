# UTF-16 without -f: exit 2 saying so; with -f UTF-16 the same output
# as the UTF-8 text.
. "$top/tests/badinput/lib.bash"
need iconv
paper >"$T/utf8.txt"
iconv -f UTF-8 -t UTF-16 "$T/utf8.txt" >"$T/utf16.txt" || exit 77
iconv -f UTF-8 -t UTF-16LE "$T/utf8.txt" >"$T/utf16le.txt" || exit 77
for p in $(programs); do
	run "$p" - "$T/utf16.txt" && expect_trouble "$p" "UTF-16" utf16.txt
	run "$p" - "$T/utf16le.txt" && expect_trouble "$p" "UTF-16|UTF-8|byte" utf16le.txt
	run "$p" "$T/utf8.txt" || continue
	cp "$out" "$T/utf8.out"
	run "$p" "$T/utf16.txt" -f UTF-16 && expect_ok "$p" -f UTF-16
	cmp -s "$T/utf8.out" "$out" ||
		bad "$(basename "$p") -f UTF-16: other output than UTF-8: $(diff "$T/utf8.out" "$out" | head -4)"
done
finish
