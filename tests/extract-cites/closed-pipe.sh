# A reader that closes the pipe early (| head -1) ends extract-cites
# quietly: nothing on standard error, no status but SIGPIPE's.
. ../lib.sh

big=$T/big.txt
for _ in $(seq 1 300); do cat forms.in check.in; done >"$big"	# beyond a pipe buffer

for args in "" "--notes" "--format=json" "--format=csl-json" "--check"; do
	# shellcheck disable=SC2086
	"$PROG" $args "$big" 2>"$T/err" | head -1 >"$T/out"
	rc=${PIPESTATUS[0]}
	[ -s "$T/err" ] && fail "extract-cites $args | head -1 said: $(cat "$T/err")"
	case $rc in 0|1|141) ;; *) fail "extract-cites $args | head -1 exited $rc" ;; esac
	[ "$(wc -l <"$T/out")" -eq 1 ] || fail "head -1 got no line ($args)"
done
exit 0
