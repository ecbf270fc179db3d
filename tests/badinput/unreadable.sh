# An unreadable file: exit 2 naming it.
. "$top/tests/badinput/lib.bash"
if [ "$(id -u)" -eq 0 ]; then
	echo "running as root: chmod 000 does not stop reading, test skipped"
	exit 77
fi
paper >"$T/secret.txt"
chmod 000 "$T/secret.txt"
for p in $(programs); do
	run "$p" - "$T/secret.txt" &&
		expect_trouble "$p" "$T/secret.txt: .*[Pp]ermission" secret
done
chmod 600 "$T/secret.txt"
finish
