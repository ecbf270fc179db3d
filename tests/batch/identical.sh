# scripts/cwihp-batch gives, for every program, the same bytes (table,
# messages and exit status) as one sequential run over the same papers.
. "$top/tests/lib.sh"
paper() {
	if [ -r "$SAMPLE" ]; then cat "$SAMPLE"; else "$top/bench/gen-paper" 0; fi
}
mkdir -p "$T/papers/sub"
paper >"$T/papers/a-sample.txt"
paper | sed 's/$/\r/' >"$T/papers/b-crlf.txt"
paper | sed -n '1,/^[ #*]*[Dd][Oo][Cc][Uu][Mm][Ee][Nn][Tt] .*[0-9]/p' >"$T/papers/c-essay-only.txt"
: >"$T/papers/d-empty.txt"
printf 'Essay.\n\nDocument 1\n\nLetter, 5 March 1953\n\nBad \xff byte.\n' >"$T/papers/e-invalid.txt"
"$top/bench/gen-paper" 0.2 >"$T/papers/sub/f-generated.txt"
cat >"$T/papers/sub/g-bulletin.txt" <<'PAPER'
Essay with a note.¹

¹ AVPRF, fond 0102, opis 18, delo 5, listy 3-9.

1. 5 March 1953, cable, Someone to Someone Else

Text.
Source: Some Archive, fond 1, opis 2, delo 3.
PAPER
files=$(cd "$T" && find papers -type f | LC_ALL=C sort)
engines=xargs
parallel --version 2>/dev/null | grep -q 'GNU parallel' && engines="xargs parallel"
cd "$T" || exit 2
for engine in $engines; do
	CWIHP_BIN=$BIN CWIHP_BATCH_ENGINE=$engine CWIHP_BATCH_QUIET=1 \
	    "$top/scripts/cwihp-batch" -j 3 -o "$T/out-$engine" papers \
	    2>"$T/batch-$engine.err"
	batch_rc=$?
	seq_rc=0
	: >"$T/seq.err"
	for p in "$BIN"/*; do
		n=$(basename "$p")
		case $n in
		split-docs) args=--list ;;
		normalize-translit) args='--check --format=tsv' ;;
		*) args= ;;
		esac
		# shellcheck disable=SC2086
		"$p" $args $files >"$T/seq-$n.tsv" 2>>"$T/seq.err"
		rc=$?; [ $rc -gt $seq_rc ] && seq_rc=$rc
		[ -f "$T/out-$engine/$n.tsv" ] || fail "$engine: no table for $n"
		cmp "$T/seq-$n.tsv" "$T/out-$engine/$n.tsv" ||
			fail "$engine: $n differs: $(diff "$T/seq-$n.tsv" "$T/out-$engine/$n.tsv" | head -5)"
		[ "$(wc -l <"$T/seq-$n.tsv")" -gt 1 ] || fail "$n: no rows at all"
	done
	# the messages, program by program, in file order
	test_cmp "$T/seq.err" "$T/batch-$engine.err"
	[ "$batch_rc" = "$seq_rc" ] || fail "$engine: exit $batch_rc, sequential $seq_rc"
done
exit 0
