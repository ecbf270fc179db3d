# A failed write is exit 2 with a message; a closed pipe ends quietly.
. ../lib.sh
[ -w /dev/full ] || { echo "/dev/full is missing: test skipped"; exit 77; }

for args in "" "--list" "--format=json" "--format=json --list"; do
	# shellcheck disable=SC2086
	test_must_fail 2 "$PROG" $args ../../share/sample/sample-paper.txt \
	    >/dev/full 2>"$T/err"
	grep -q '^split-docs: .*write error' "$T/err" ||
	    fail "split-docs $args >/dev/full: no write error message: $(cat "$T/err")"
done
# a small output that fits in the buffer fails at the close
test_must_fail 2 "$PROG" -l no-appendix.in >/dev/full 2>"$T/err"
grep -q '^split-docs: ' "$T/err" || fail "no message for the header-only table"
exit 0
