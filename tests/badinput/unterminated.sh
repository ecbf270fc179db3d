# An unterminated [Source: and unbalanced brackets: correct output, the
# following documents still found, every line passed through.
. "$top/tests/badinput/lib.bash"
cat >"$T/open.txt" <<'PAPER'
An essay with an open bracket [see Document 2 and (another open one.¹

¹ AVPRF, fond 0102, opis 18, [papka 93, delo 5 (listy 3-9.

Document 1

Record of Conversation between A and B [unclosed

14 August 1962

[Source: AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 3-9. Translated by
someone who never closed the bracket
and went on

The text of the first document [[[ ((( ]]].

Document 2

Letter from C to D, 5 March 1953

(Source: Archive, fond 5, opis 1, delo 2 [list 7

Text of the letter.

Document 3

Telegram from E to F

[Source: Archive, fond 9, delo 1.]

[Source:
PAPER
for p in $(programs); do
	n=$(basename "$p")
	run "$p" - "$T/open.txt" || continue
	expect_ok "$p" open.txt
	[ "$n" = split-docs ] || continue
	stream_text "$out" | cmp -s - "$T/open.txt" ||
		bad "split-docs: lines lost or repeated with unterminated brackets"
	run "$p" - --list "$T/open.txt"
	docs=$(cut -f2 "$out" | tail -n +2 | tr '\n' ' ')
	[ "$docs" = "1 2 3 " ] || bad "split-docs --list: documents '$docs', expected 1 2 3"
	src=$(awk -F'\t' '$2 == 3 { print $8 }' "$out")
	[ "$src" = "Archive, fond 9, delo 1." ] ||
		bad "split-docs --list: document 3 source '$src'"
done
finish
