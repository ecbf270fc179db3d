# --dump-dictionary prints the built-in dictionary in the cwihp-dict(5)
# format: loaded back with -d --no-builtin it gives the same results.
. ../lib.sh
"$PROG" --dump-dictionary >"$T/builtin.dict" || fail "exit $?"
grep -q '^\[customary\]' "$T/builtin.dict" || fail "no [customary] section"
for f in check-gnu.in chinese-wg-pinyin.in russian-lc-bgn.in korean-mr-rr.in; do
	"$PROG" "$f" >"$T/a" || fail "$f: exit $?"
	"$PROG" --no-builtin -d "$T/builtin.dict" "$f" >"$T/b" || fail "$f -d: exit $?"
	test_cmp "$T/a" "$T/b"
done
exit 0
