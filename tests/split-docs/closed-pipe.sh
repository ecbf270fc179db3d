# A reader that closes the pipe early (| head -1) ends split-docs quietly:
# nothing on standard error, and no trouble status other than SIGPIPE.
. ../lib.sh

big=$T/big.txt
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	cat ../../share/sample/sample-paper.txt
done >"$big"		# bigger than a pipe's buffer

for args in "" "--list" "--format=json"; do
	# shellcheck disable=SC2086
	"$PROG" $args "$big" 2>"$T/err" | head -1 >"$T/out"
	rc=${PIPESTATUS[0]}
	[ -s "$T/err" ] && fail "split-docs $args | head -1 said: $(cat "$T/err")"
	case $rc in 0|141) ;; *) fail "split-docs $args | head -1 exited $rc" ;; esac
	[ "$(wc -l <"$T/out")" -eq 1 ] || fail "head -1 got no line"
done
exit 0
