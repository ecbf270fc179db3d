# split-docs -n N x | extract-cites gives the rows of document N that
# extract-cites x gives, and the notes of that document.
. ../lib.sh
SPLIT=$(dirname "$PROG")/split-docs
[ -x "$SPLIT" ] || { echo "split-docs is not built: test skipped"; exit 77; }

for f in forms.in endnotes.in; do
	for n in 1 2; do
		for args in "" "--notes"; do
			# shellcheck disable=SC2086
			"$PROG" $args "$f" >"$T/all" || fail "$f: exit $?"
			col=5; [ -n "$args" ] && col=5
			awk -F'\t' -v c=$col -v n=$n 'NR == 1 || $c == n' "$T/all" >"$T/want"
			# shellcheck disable=SC2086
			"$SPLIT" -n "$n" "$f" | "$PROG" $args >"$T/got" ||
			    fail "$f doc $n: exit $?"
			test_cmp "$T/want" "$T/got"
		done
	done
done
# the essay alone gives the essay's rows
"$PROG" forms.in | awk -F'\t' 'NR == 1 || $5 == ""' >"$T/want"
"$SPLIT" -n 0 forms.in | "$PROG" >"$T/got"
test_cmp "$T/want" "$T/got"
exit 0
