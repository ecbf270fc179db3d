# A paper with thousands of notes and markers, numbers used twice in a
# unit: each note takes its unit's first unclaimed marker of its number,
# else the latest unclaimed one of an earlier unit (endnotes), else none.
# The paper and the expected note rows are made here.
. ../lib.sh
awk -v paper="$T/paper" -v want="$T/want" '
function put(s) { print s >paper; line++ }
function note(k, ref, doc) {
	put("[" k "] A note on crane " k ".")
	printf "%d\t%d\t%s\t%s\n", k, line, ref ? ref : "", doc >want
}
BEGIN {
	put("Cranes of the Northern Harbours"); put("")
	for (r = 1; r <= 2; r++)
		for (k = 1; k <= 999; k++) {
			put("Crane " r " rusted in the winter.[" k "]")
			at[r, k] = line
		}
	put(""); put("Notes"); put("")
	for (k = 1; k <= 999; k++)
		note(k, at[1, k], "")
	put(""); put("Document 1"); put("")
	put("Report of the Harbour Master, 3 May 1961"); put("")
	put("[Source: Harbour archive, fond 12, opis 3, delo 4, list 5.]")
	put("")
	for (k = 1; k <= 300; k++) {
		put("The harbour master counted crane " k ".[" k "]")
		own[k] = line
	}
	put("")
	for (k = 1; k <= 300; k++)
		note(k, own[k], "1")
	put(""); put("Document 2"); put("")
	put("Letter of the Dock Union, 9 June 1961"); put("")
	put("[Source: Harbour archive, fond 12, opis 3, delo 7, list 2.]")
	put("")
	# no markers here: the essay'"'"'s second markers, then none
	for (k = 1; k <= 400; k++)
		note(k, at[2, k], "")
	for (k = 1; k <= 50; k++)
		note(k, 0, "2")
}'
"$PROG" --notes "$T/paper" >"$T/rows" || fail "--notes exited $?"
awk -F'\t' -v OFS='\t' 'NR > 1 { print $2, $3, $4, $5 }' "$T/rows" >"$T/got"
test_cmp "$T/want" "$T/got"
# every number has a note: no marker is reported as an orphan
test_must_fail 1 "$PROG" --check "$T/paper" >"$T/check"
grep 'has no note' "$T/check" && fail "orphan markers reported"
exit 0
