# The sample paper of the demo: sensible tables, and no complaint from
# --check beyond what the paper really has.
. ../lib.sh
[ -f "$SAMPLE" ] || { echo "no sample paper: test skipped"; exit 77; }
"$PROG" "$SAMPLE" >"$T/cites" || fail "exit $?"
"$PROG" --notes "$SAMPLE" >"$T/notes" || fail "--notes exit $?"
[ "$(grep -c $'\tarchival\t' "$T/cites")" -ge 10 ] || fail "few archival rows"
grep -q $'\tibid\t' "$T/cites" || fail "no Ibid. row"
grep -q $'\tshort\t' "$T/cites" || fail "no short-form row"
[ "$(tail -n +2 "$T/notes" | wc -l)" -ge 10 ] || fail "few notes"
awk -F'\t' 'NR > 1 && $4 == "" { bad = 1 } END { exit bad }' "$T/notes" ||
    fail "a note without a reference marker"
exit 0
