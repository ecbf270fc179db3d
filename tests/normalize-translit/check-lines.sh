# --check counts the lines of long runs of text without a variant (many
# lines scanned at once, their line ends counted 32 bytes a step): the
# line and column of a report after them are exact.
. ../lib.sh
{
	for i in $(seq 1 400); do
		printf 'Line %d of a long quiet stretch, with nothing to rewrite.\n' "$i"
	done
	printf 'Then Kim Kwang Hyop spoke.\n'
	for i in $(seq 1 3); do printf '\n'; done
	printf 'x\n'
	for i in $(seq 1 130); do printf 'abcdefghijklmnopqrstuvwxyz abcdef\n'; done
	printf '  Kim Kwang Hyop\n'
} >"$T/in"
test_must_fail 1 "$PROG" --check "$T/in" >"$T/out"
printf '%s\n' "$T/in:401:6: 'Kim Kwang Hyop' -> 'Kim Kwang-hyop' [korean-hyphenation]" \
    "$T/in:536:3: 'Kim Kwang Hyop' -> 'Kim Kwang-hyop' [korean-hyphenation]" >"$T/want"
test_cmp "$T/want" "$T/out"
exit 0
