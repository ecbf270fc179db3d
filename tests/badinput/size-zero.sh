# A regular file that says its size is 0 and holds text (/proc) is read
# to its end: every program sees its lines.  (Regular files are read up
# to the size fstat gives, without a read to see the end.)
. "$top/tests/badinput/lib.bash"
[ -r /proc/version ] && [ ! -s /proc/version ] &&
	[ "$(wc -c </proc/version)" -gt 0 ] ||
	{ echo "no /proc/version of size 0: test skipped"; exit 77; }
for p in $(programs); do
	run "$p" - /proc/version && expect_ok "$p" /proc/version
done
# the identity filter returns it byte for byte
nt=$BIN/normalize-translit
if [ -x "$nt" ]; then
	"$nt" /proc/version >"$T/v.out" || bad "normalize-translit /proc/version: exit $?"
	# (cmp -s trusts the sizes: compare with a copy)
	cat /proc/version >"$T/v.in"
	cmp -s "$T/v.in" "$T/v.out" ||
		bad "normalize-translit /proc/version: not its input"
fi
# split-docs shows its line in the essay
sd=$BIN/split-docs
if [ -x "$sd" ]; then
	"$sd" /proc/version >"$T/v.stream" || bad "split-docs /proc/version: exit $?"
	grep -qF "$(head -c 20 /proc/version)" "$T/v.stream" ||
		bad "split-docs /proc/version: its text is missing"
fi
finish
