# NUL bytes in otherwise valid text: read as text, nothing lost.
. "$top/tests/badinput/lib.bash"
paper | sed '5s/^/NUL\x00here\x00 /; 20s/$/ \x00/' >"$T/nul.txt"
for p in $(programs); do
	run "$p" - "$T/nul.txt" || continue
	expect_ok "$p" nul.txt
	if [ "$(basename "$p")" = split-docs ]; then
		stream_text "$out" | cmp -s - "$T/nul.txt" ||
			bad "split-docs: text with NUL bytes not passed through whole"
	fi
	if is_filter "$p"; then
		[ "$(wc -l <"$out")" = "$(wc -l <"$T/nul.txt")" ] ||
			bad "$(basename "$p"): lines lost around NUL bytes"
	fi
done
finish
