# The real paper in ../shared: every scored variant cluster found, no
# report on the look-alike pairs (eval/score --only translit at 100%).
. ../lib.sh
need_shared
need python3
[ -x "$SHARED/eval/score" ] || { echo "no scorer: skipped"; exit 77; }
"$SHARED/eval/score" --bin "$BIN" --only translit --min 100 -v >"$T/score" 2>&1 ||
	fail "translit score below 100%: $(tail -20 "$T/score")"
exit 0
