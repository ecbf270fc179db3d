# A user dictionary of many entries: the trie's edge table grows while
# it loads, and every entry is still found, with case, letters outside
# ASCII and curly apostrophes matched as in a small one (a form in lower
# case takes the canonical form as it is).
. ../lib.sh
for i in $(seq 1 1500); do
	printf 'Zorvanek%dtov\tZorvanek%dtoff\n' "$i" "$i"
done >"$T/many.dict"
printf 'Đurvić Ol’ga\tDjurvic Ol'"'"'ga\n' >>"$T/many.dict"
printf 'Zorvanek7toff met zorvanek1500toff, ZORVANEK42TOFF and Djurvic Ol’ga.\n' >"$T/in"
"$PROG" --no-builtin -d "$T/many.dict" "$T/in" >"$T/out" || fail "exit $?"
printf 'Zorvanek7tov met Zorvanek1500tov, ZORVANEK42TOV and Đurvić Ol’ga.\n' >"$T/want"
test_cmp "$T/want" "$T/out"
exit 0
