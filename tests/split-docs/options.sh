# -h and -V answer on standard output with status 0 (2 when the write
# fails); the output does not depend on the locale.
. ../lib.sh

for opt in -h --help; do
	"$PROG" "$opt" >"$T/out" 2>"$T/err" || fail "$opt exited $?"
	grep -q 'split-docs' "$T/out" || fail "$opt printed no usage"
	grep -q -- '--list' "$T/out" || fail "$opt does not mention --list"
	[ -s "$T/err" ] && fail "$opt wrote to standard error"
done
for opt in -V --version; do
	"$PROG" "$opt" >"$T/out" 2>"$T/err" || fail "$opt exited $?"
	[ "$(wc -l <"$T/out")" -ge 1 ] || fail "$opt printed nothing"
	[ -s "$T/err" ] && fail "$opt wrote to standard error"
done
if [ -w /dev/full ]; then
	test_must_fail 2 "$PROG" --help >/dev/full 2>/dev/null
fi

# the same bytes whatever the locale
sample=../../share/sample/sample-paper.txt
LC_ALL=C.UTF-8 "$PROG" --list "$sample" >"$T/utf8" || fail "C.UTF-8 run"
LC_ALL=C "$PROG" --list "$sample" >"$T/c" || fail "C run"
LC_ALL=POSIX LANG=tr_TR.UTF-8 "$PROG" --list "$sample" >"$T/posix" || fail "POSIX run"
test_cmp "$T/utf8" "$T/c"
test_cmp "$T/utf8" "$T/posix"
LC_ALL=C "$PROG" --format=json "$sample" >"$T/c.json" || fail "C json run"
LC_ALL=C.UTF-8 "$PROG" --format=json "$sample" >"$T/u.json" || fail "json run"
test_cmp "$T/u.json" "$T/c.json"
exit 0
