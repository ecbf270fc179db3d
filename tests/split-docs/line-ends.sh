# The reader takes most lines a block at a time and the rest one by one
# (a line ending in CR, a line that may be a heading): a paper with LF,
# CRLF and stray CRs, over many read chunks, gives one stream; an
# invalid byte deep in it is reported at its line, and so is a NUL
# line's text kept whole.
. ../lib.sh
"$top/bench/gen-paper" 0.4 >"$T/lf.txt"
cd "$T" || exit 2
sed 's/$/\r/' lf.txt >crlf.txt
# every seventh line with a CR, every eleventh with two
awk '{ printf "%s%s%s\n", $0, NR % 7 ? "" : "\r", NR % 11 ? "" : "\r\r" }' lf.txt >mixed.txt
"$BIN/split-docs" lf.txt >want || fail "lf: exit $?"
for f in crlf.txt mixed.txt; do
	"$BIN/split-docs" "$f" >got || fail "$f: exit $?"
	sed "s/^Paper: $f\$/Paper: lf.txt/" got >got.1
	test_cmp want got.1
done
# a heading right after a CRLF line, and one after a blank CR line
printf 'Essay.\r\n\r\nDocument 1\n\nA title, 5 May 1962\r\nText.\r\nDocument 2\r\nMore.\n' >heads.txt
"$BIN/split-docs" --list heads.txt >got || fail "heads: exit $?"
cut -f2,3,4,7 got >got.1
printf 'doc\tfirst_line\tlast_line\ttitle\n1\t3\t6\tA title, 5 May 1962 Text.\n2\t7\t8\tMore.\n' >want.1
test_cmp want.1 got.1
# an invalid byte on line 9000, past the first read chunks
awk 'NR == 9000 { printf "bad \377 byte\n"; next } { print }' lf.txt >bad.txt
test_must_fail 2 "$BIN/split-docs" bad.txt >/dev/null 2>err
grep -q '^split-docs: bad.txt:9000: invalid UTF-8 at byte 5 ' err ||
    fail "bad.txt: $(cat err)"
"$BIN/split-docs" --lossy bad.txt | grep -q "^bad $(printf '\357\277\275') byte\$" ||
    fail "--lossy lost the line"
# a NUL inside a line goes through whole
printf 'Essay with a\000NUL.\nDocument 1\nText.\n' >nul.txt
"$BIN/split-docs" nul.txt | tr '\000' '@' | grep -q '^Essay with a@NUL\.$' ||
    fail "the NUL line"
exit 0
