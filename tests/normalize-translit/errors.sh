# Error paths: missing file, invalid UTF-8 (and --lossy), bad options,
# a failed write, a closed pipe.
. ../lib.sh

test_must_fail 2 "$PROG" no-such-file.txt >"$T/out" 2>"$T/err"
grep -q '^normalize-translit: no-such-file.txt: ' "$T/err" || fail "missing file: $(cat "$T/err")"

# a missing file among others: the others are still processed
echo 'Chou En-lai' >"$T/a.txt"
test_must_fail 2 "$PROG" no-such-file.txt "$T/a.txt" >"$T/out" 2>/dev/null
[ "$(cat "$T/out")" = "Zhou Enlai" ] || fail "the good file was not processed"

printf 'good line\nbad \xff byte\n' >"$T/bad.txt"
test_must_fail 2 "$PROG" "$T/bad.txt" >"$T/out" 2>"$T/err"
grep -q 'bad.txt:2: invalid UTF-8 at byte 5' "$T/err" || fail "invalid UTF-8: $(cat "$T/err")"
"$PROG" --lossy "$T/bad.txt" >"$T/out" 2>"$T/err" || fail "--lossy: exit $?"
grep -q "$(printf 'bad \xef\xbf\xbd byte')" "$T/out" || fail "--lossy did not replace the byte"
test_must_fail 2 "$PROG" --check "$T/bad.txt" >/dev/null 2>&1

# another encoding through iconv
printf '\xd1\xe5\xf0\xe3\xe5\xe9\n' >"$T/cp1251.txt"	# Сергей
[ "$("$PROG" -f CP1251 "$T/cp1251.txt")" = "Sergei" ] || fail "-f CP1251"

test_must_fail 2 "$PROG" --scheme korean=xx "$T/a.txt" >/dev/null 2>&1
test_must_fail 2 "$PROG" --format=xml "$T/a.txt" >/dev/null 2>&1
test_must_fail 2 "$PROG" --apostrophe=wavy "$T/a.txt" >/dev/null 2>&1
test_must_fail 2 "$PROG" --bogus "$T/a.txt" >/dev/null 2>&1
printf 'korean = rr\nbogus = 1\n' >"$T/bad.conf"
test_must_fail 2 "$PROG" --config="$T/bad.conf" "$T/a.txt" >/dev/null 2>"$T/err"
grep -q 'bad.conf:2: unknown setting' "$T/err" || fail "bad config: $(cat "$T/err")"
test_must_fail 2 "$PROG" --config="$T/none.conf" "$T/a.txt" >/dev/null 2>&1

if [ -w /dev/full ]; then
	test_must_fail 2 "$PROG" ../../share/sample/sample-paper.txt >/dev/full 2>"$T/err"
	grep -q '^normalize-translit: .*write error' "$T/err" || fail "/dev/full: $(cat "$T/err")"
	test_must_fail 2 "$PROG" -C ../../share/sample/sample-paper.txt >/dev/full 2>"$T/err"
	test_must_fail 2 "$PROG" --dump-dictionary >/dev/full 2>"$T/err"
fi

# | head -1 ends quietly
big=$T/big.txt
for _ in $(seq 40); do cat ../../share/sample/sample-paper.txt; done >"$big"
for args in "" "--check" "--check --format=tsv" "-C"; do
	# shellcheck disable=SC2086
	"$PROG" $args "$big" 2>"$T/err" | head -1 >"$T/out"
	rc=${PIPESTATUS[0]}
	[ -s "$T/err" ] && fail "$args | head -1 said: $(cat "$T/err")"
	case $rc in 0|1|141) ;; *) fail "$args | head -1 exited $rc" ;; esac
done
exit 0
