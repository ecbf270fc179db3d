# > /dev/full: exit 2 with a message, whatever the output size.
. "$top/tests/badinput/lib.bash"
[ -w /dev/full ] || { echo "/dev/full is missing: test skipped"; exit 77; }
paper >"$T/paper.txt"
printf 'Document 1\n' >"$T/small.txt"
for p in $(programs); do
	n=$(basename "$p")
	for f in paper.txt small.txt; do
		timeout 20 "$p" "$T/$f" >/dev/full 2>"$T/err"; rc=$?
		if [ $rc -ge 124 ]; then bad "$n $f >/dev/full: exit $rc (crash or hang)"
		elif [ $rc -ne 2 ]; then bad "$n $f >/dev/full: exit $rc, expected 2"
		elif ! grep -q "^$n: .*\(write\|space\)" "$T/err"; then
			bad "$n $f >/dev/full: message: $(head -2 "$T/err")"
		fi
	done
done
finish
