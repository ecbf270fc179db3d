# The BGN/PCGN table against ICU's Russian-Latin/BGN transform (uconv)
# on our list of Russian names and words (data/ru-words.txt).
. ../lib.sh
need uconv
echo | uconv -x Russian-Latin/BGN >/dev/null 2>&1 ||
	{ echo "uconv lacks Russian-Latin/BGN: test skipped"; exit 77; }
grep -v '^#' data/ru-words.txt >"$T/words"
[ "$(wc -l <"$T/words")" -ge 500 ] || fail "fewer than 500 words"
uconv -x Russian-Latin/BGN <"$T/words" >"$T/icu" || fail "uconv failed"
"$PROG" --scheme russian=bgn --no-builtin "$T/words" >"$T/ours" || fail "exit $?"
paste "$T/words" "$T/icu" "$T/ours" | awk -F'\t' '$2 != $3' >"$T/diff"
[ -s "$T/diff" ] && fail "differs from ICU on $(wc -l <"$T/diff") words: $(head -5 "$T/diff")"
exit 0
