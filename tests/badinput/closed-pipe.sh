# A reader that closes the pipe early (| head): the program ends quietly
# (exit 0, or the default SIGPIPE death), without a message or a hang.
. "$top/tests/badinput/lib.bash"
"$top/bench/gen-paper" 5 >"$T/big.txt"
for p in $(programs); do
	n=$(basename "$p")
	timeout 20 "$p" "$T/big.txt" 2>"$T/err" | head -c 100 >/dev/null
	rc=${PIPESTATUS[0]}
	case $rc in
	0|141) ;;
	124) bad "$n | head: hang" ;;
	*) bad "$n | head: exit $rc" ;;
	esac
	[ -s "$T/err" ] && bad "$n | head: message: $(head -2 "$T/err")"
done
finish
