# A failed write (> /dev/full) is trouble: exit 2 with a message.
. ../lib.sh
[ -w /dev/full ] || { echo "/dev/full is missing: test skipped"; exit 77; }

for args in "" "--notes" "--check" "--format=csl-json"; do
	# shellcheck disable=SC2086
	test_must_fail 2 "$PROG" $args check.in >/dev/full 2>"$T/err"
	grep -q 'write error' "$T/err" || fail "no write error for '$args': $(cat "$T/err")"
done
exit 0
