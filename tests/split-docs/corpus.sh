# The real paper in ../shared: split-docs --list against the hand-checked
# gold/documents.tsv, every field of all documents.
. ../lib.sh
need_shared
paper=$SHARED/corpus/cwihp-wp47.txt
gold=$SHARED/gold/documents.tsv
if [ ! -f "$paper" ] || [ ! -f "$gold" ]; then
	echo "corpus or gold missing: skipped"; exit 77
fi

if command -v python3 >/dev/null 2>&1 && [ -x "$SHARED/eval/score" ]; then
	"$SHARED/eval/score" --bin "$BIN" --only split --min 100 >"$T/score" 2>&1 ||
	    fail "score below 100%: $(tail -20 "$T/score")"
fi

# Independently of the scorer: doc, lines, date, kind, title and source,
# field by field (gold columns 1-5, 12, 13; ours 2-8).
"$PROG" --list "$paper" >"$T/list" || fail "split-docs --list failed"
awk -F'\t' 'NR > 1 { print $1 FS $2 FS $3 FS $4 FS $5 FS $12 FS $13 }' \
    "$gold" >"$T/want"
awk -F'\t' 'NR > 1 { print $2 FS $3 FS $4 FS $5 FS $6 FS $7 FS $8 }' \
    "$T/list" >"$T/got"
[ "$(wc -l <"$T/want")" -eq 24 ] || fail "gold should hold 24 documents"
test_cmp "$T/want" "$T/got"
