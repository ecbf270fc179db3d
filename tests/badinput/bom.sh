# A byte-order mark is dropped: the same output as without it.
. "$top/tests/badinput/lib.bash"
paper >"$T/plain.txt"
{ printf '\xef\xbb\xbf'; cat "$T/plain.txt"; } >"$T/bom.txt"
for p in $(programs); do
	run "$p" "$T/plain.txt" || continue
	cp "$out" "$T/plain.out"
	run "$p" "$T/bom.txt" && expect_ok "$p" '< bom.txt'
	cmp -s "$T/plain.out" "$out" ||
		bad "$(basename "$p"): BOM changes the output: $(diff "$T/plain.out" "$out" | head -4)"
done
finish
