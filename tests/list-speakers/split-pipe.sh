# split-docs -n N paper | list-speakers gives the rows of document N
# (file column aside), on the fixture and on the real paper.
. "$top/tests/lib.sh"
same_rows() {	# paper docs...
	local paper=$1 n; shift
	"$PROG" --mentions "$paper" >"$T/all" || fail "list-speakers $paper"
	for n in "$@"; do
		"$BIN/split-docs" -n "$n" "$paper" | "$PROG" --mentions |
		    cut -f2- >"$T/piped.$n" || fail "pipe $paper $n"
		awk -F'\t' -v n="$n" 'NR == 1 || $2 == n' "$T/all" |
		    cut -f2- >"$T/direct.$n"
		test_cmp "$T/direct.$n" "$T/piped.$n"
	done
}
same_rows paper.in 1 2 3 4 5 6 7
[ "$(wc -l <"$T/direct.4")" -gt 5 ] || fail "document 4 has too few rows"
same_rows eastbloc.in 1 2 3 4
same_rows seoul.in 1 2 3 4
need_shared
same_rows "$SHARED/corpus/cwihp-wp47.txt" $(seq 1 24)
exit 0
