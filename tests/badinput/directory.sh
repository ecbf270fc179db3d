# A directory among the files: exit 2 naming it, the other files done.
. "$top/tests/badinput/lib.bash"
paper >"$T/good.txt"
mkdir -p "$T/dir"
for p in $(programs); do
	run "$p" - "$T/good.txt" || continue
	cp "$out" "$T/good.out"
	run "$p" - "$T/dir" && expect_trouble "$p" "$T/dir: .*[Dd]irectory" dir
	run "$p" - "$T/dir" "$T/good.txt" &&
		expect_trouble "$p" "$T/dir: .*[Dd]irectory" dir good.txt
	# the good file's output is all there (a table keeps one header)
	grep -vxFf "$out" "$T/good.out" | grep -q . &&
		bad "$(basename "$p"): output for good.txt lost after a directory"
done
finish
