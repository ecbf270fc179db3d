# The scorer on the real paper: doc+name+role F1 >= 97%, speaking >= 95%.
. "$top/tests/lib.sh"
need_shared
out=$("$SHARED/eval/score" --bin "$BIN" --only speakers) ||
    fail "score failed: $out"
echo "$out"
f1() { awk -v f="$1" '$0 ~ f { for (i = 1; i <= NF; i++) if ($i == "F1")
    { sub("%", "", $(i + 1)); print $(i + 1) } }' <<<"$out"; }
role=$(f1 'doc\\+name\\+role') speak=$(f1 'speaking')
[ -n "$role" ] && [ -n "$speak" ] || fail "no F1 in the scorer's output"
awk -v r="$role" -v s="$speak" 'BEGIN { exit !(r >= 97 && s >= 95) }' ||
    fail "F1 doc+name+role $role%, speaking $speak%"
exit 0
