# On the real paper of ../shared: every note, Ibid. and short-form link
# and every archival citation of the gold tables, and --check reports
# the contradiction of notes 32 and 78.
. ../lib.sh
need_shared
need python3
bin=$(dirname "$PROG")
for task in notes cites; do
	"$SHARED/eval/score" --bin "$bin" --only "$task" >"$T/score" ||
	    fail "score --only $task exited $?: $(cat "$T/score")"
	if grep -E 'F1 +[0-9.]+%' "$T/score" | grep -vq 'F1 100.0%'; then
		cat "$T/score"
		fail "extract-cites is below 100% on --only $task"
	fi
done
paper=$SHARED/corpus/cwihp-wp47.txt
test_must_fail 1 "$PROG" --check "$paper" >"$T/check"
grep -q ':936: note 78 .* delo 18, but note 32 (line 225) gives delo 13' "$T/check" ||
    fail "--check missed notes 32/78: $(cat "$T/check")"
exit 0
