# Streams put end to end are a stream: "cat a.stream b.stream" reads as
# "split-docs a b" does, for split-docs and for the programs that read
# streams (normalize-translit rewrites text: a stream is text to it).
. ../lib.sh
gen=$top/bench/gen-paper
"$gen" 0 >"$T/a.txt"
"$gen" 0.03 >"$T/b.txt"
printf 'An essay without documents.\n' >"$T/c.txt"
cd "$T" || exit 2
"$PROG" a.txt b.txt c.txt >one.stream || fail "one run: exit $?"
for f in a b c; do
	"$PROG" "$f.txt" >"$f.stream" || fail "$f: exit $?"
done
cat a.stream b.stream c.stream >cat.stream
"$PROG" <cat.stream >again.stream || fail "reading the streams end to end: exit $?"
test_cmp one.stream again.stream
for p in "$BIN/split-docs --list" "$BIN/extract-cites" "$BIN/extract-cites --notes" \
    "$BIN/list-speakers --mentions"; do
	# shellcheck disable=SC2086
	$p a.txt b.txt c.txt >want 2>want.err; want_rc=$?
	# shellcheck disable=SC2086
	$p <cat.stream >got 2>got.err; got_rc=$?
	[ "$want_rc" = "$got_rc" ] ||
		fail "$(basename "$p"): exit $got_rc on the streams, $want_rc on the papers: $(head -2 got.err)"
	test_cmp want got
done
exit 0
