# scripts/check-translit: a tree of papers checked as one batch, the
# exit status passed through, GitHub annotations, the pre-commit hooks.
. ../lib.sh
script=$top/scripts/check-translit
export NORMALIZE_TRANSLIT=$PROG
mkdir -p "$T/tree/sub dir" "$T/clean"
printf 'Ambassador met Kim Kwang-hyop twice; Kim Kwang-hyop agreed.\n' >"$T/tree/a.txt"
printf 'Kim Kwang Hyop wrote.\n' >"$T/tree/sub dir/b.md"
printf 'ignored, not a paper: Kim Kwang Hyop\n' >"$T/tree/c.dat"
printf 'Nothing to report.\n' >"$T/clean/x.txt"

test_must_fail 1 "$script" --consistency "$T/tree" >"$T/out"
grep -qF "sub dir/b.md:1:1: 'Kim Kwang Hyop' -> 'Kim Kwang-hyop'" "$T/out" ||
	fail "across the batch: $(cat "$T/out")"
grep -q 'c.dat' "$T/out" && fail "checked a file that is no paper"
test_must_fail 1 "$script" --format=github "$T/tree" >"$T/out"
grep -q '^::warning file=.*b.md,line=1,col=1,title=korean-hyphenation::' "$T/out" ||
	fail "github format: $(cat "$T/out")"
"$script" "$T/clean" >"$T/out" || fail "clean tree: exit $?"
[ -s "$T/out" ] && fail "clean tree reported: $(cat "$T/out")"
test_must_fail 2 "$script" "$T/missing" 2>/dev/null

# the hooks name programs and options that exist
grep -q '^- id: normalize-translit$' "$top/.pre-commit-hooks.yaml" || fail "no hook"
for entry in $(sed -n 's/^  entry: normalize-translit //p' "$top/.pre-commit-hooks.yaml"); do
	"$PROG" "$entry" "$T/clean/x.txt" >/dev/null || fail "hook option $entry: exit $?"
done
exit 0
