# The stream read back: "split-docs x | split-docs --list" equals
# "split-docs --list x", re-splitting a stream gives the same stream, and
# -n on a stream picks the same documents as on the paper.
. ../lib.sh

checked=0
for f in *.in ../../share/sample/*.txt ${SHARED:+"$SHARED"/corpus/*.txt}; do
	b=${f%.in}
	[ -f "$b.rc" ] && continue
	args=; [ "$b" != "$f" ] && [ -f "$b.args" ] && args=$(cat "$b.args")
	opts=$(grep -o -e '-f [^ ]*' -e '--from-code=[^ ]*' -e '--lossy' <<<"$args")
	# shellcheck disable=SC2086
	"$PROG" $opts --list "$f" >"$T/direct" || fail "$f: --list failed"
	# shellcheck disable=SC2086
	"$PROG" $opts "$f" >"$T/stream" || fail "$f: stream failed"
	"$PROG" --list <"$T/stream" >"$T/back" || fail "$f: reading the stream failed"
	test_cmp "$T/direct" "$T/back"
	"$PROG" <"$T/stream" >"$T/again" || fail "$f: re-splitting failed"
	test_cmp "$T/stream" "$T/again"
	checked=$((checked + 1))
done
[ "$checked" -ge 30 ] || fail "only $checked fixtures checked"

# -n on the stream equals -n on the paper, and the stream keeps the paper's
# own line numbers.
"$PROG" -l -n 3,5-7 eight.in >"$T/direct" || fail "-n on the paper"
"$PROG" eight.in | "$PROG" -l -n 3,5-7 >"$T/back" || fail "-n on the stream"
test_cmp "$T/direct" "$T/back"
"$PROG" -n 5 eight.in | "$PROG" -l >"$T/back" || fail "a stream of one document"
grep -q '^eight\.in	5	29	33	' "$T/back" || fail "document 5 lost its line numbers: $(cat "$T/back")"

# several papers in one stream keep their names
"$PROG" heading-plain.in no-essay.in | "$PROG" -l >"$T/back" || fail "two papers"
"$PROG" -l heading-plain.in no-essay.in >"$T/direct"
test_cmp "$T/direct" "$T/back"
echo "$checked fixtures read back"
