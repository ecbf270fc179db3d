# A missing file: exit 2 naming it, the other files done.
. "$top/tests/badinput/lib.bash"
paper >"$T/good.txt"
for p in $(programs); do
	run "$p" - "$T/good.txt" || continue
	cp "$out" "$T/good.out"
	run "$p" - "$T/missing.txt" &&
		expect_trouble "$p" "$T/missing.txt: .*No such file" missing
	run "$p" - "$T/missing.txt" "$T/good.txt" &&
		expect_trouble "$p" "$T/missing.txt: .*No such file" missing good
	grep -vxFf "$out" "$T/good.out" | grep -q . &&
		bad "$(basename "$p"): output for good.txt lost after a missing file"
done
finish
