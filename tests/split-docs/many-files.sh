# Files read one after another in one process give what one process a
# file gives: the reader passes its buffers from a closed file to the
# next (a big file, then smaller ones, one in Latin-1 through iconv,
# one with a long line), and nothing of one may show in the next.
. ../lib.sh
gen=$top/bench/gen-paper
"$gen" 0.2 >"$T/big.txt"
"$gen" 0 >"$T/one.txt"
printf 'An essay of one line.\n' >"$T/short.txt"
awk 'BEGIN { printf "Document 1\n\nA title, 5 May 1962\n\n"
	for (i = 0; i < 9000; i++) printf "word%d ", i; print "" }' >"$T/long.txt"
printf 'Document 1\n\nMemorandum of Conversation, 3 March 1957\n\nComrade Pak said: \xe7a va.\n' \
    >"$T/latin1.txt"
cd "$T" || exit 2
set -- big.txt one.txt short.txt long.txt big.txt short.txt
for p in "$BIN/split-docs --list" "$BIN/extract-cites" "$BIN/extract-cites --notes" \
    "$BIN/list-speakers --mentions" "$BIN/normalize-translit"; do
	# shellcheck disable=SC2086
	$p "$@" >all 2>all.err || fail "$p $*: exit $?"
	: >each
	for f in "$@"; do
		# shellcheck disable=SC2086
		$p "$f" >>each 2>>all.err || fail "$p $f: exit $?"
	done
	case $p in *--list|*extract-cites*|*list-speakers*)
		# one header line for the run, not one a file
		awk 'NR == 1 || !/^file\t/' each >each.1 && mv each.1 each ;;
	esac
	test_cmp each all
	[ -s all.err ] && fail "$p said: $(cat all.err)"
	# shellcheck disable=SC2086
	$p -f ISO-8859-1 latin1.txt >want 2>&1 || fail "$p -f: exit $?"
	# shellcheck disable=SC2086
	$p -f ISO-8859-1 big.txt latin1.txt >got 2>&1 || fail "$p -f, two files: exit $?"
	awk '!/^file\t/' want >want.rows
	tail -n "$(wc -l <want.rows)" got >got.tail
	test_cmp want.rows got.tail
done
exit 0
