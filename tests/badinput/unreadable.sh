# An unreadable file: exit 2 naming it.  As root, chmod 000 does not stop
# reading, so the programs run as nobody (setpriv) there.
. "$top/tests/badinput/lib.bash"
as=
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 || {
		echo "running as root without setpriv: test skipped"; exit 77; }
	as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
fi
paper >"$T/secret.txt"
chmod 000 "$T/secret.txt"
chmod 755 "$T"
for p in $(programs); do
	# nobody must reach the program and the file's folder
	$as test -x "$p" || { echo "$p is not reachable as nobody: test skipped"; exit 77; }
	out=$T/$(basename "$p").out err=$T/$(basename "$p").err
	$as timeout "$limit" "$p" "$T/secret.txt" >"$out" 2>"$err" </dev/null
	rc=$?
	expect_trouble "$p" "$T/secret.txt: .*[Pp]ermission" secret
done
chmod 600 "$T/secret.txt"
finish
