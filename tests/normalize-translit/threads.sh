# The filter on worker threads writes what one thread writes, byte for
# byte, wherever the input is cut into units: names broken over a line
# end, CRLF, a BOM, a line longer than a piece, an invalid byte (with
# --lossy, and without: the report's line far in), no final newline,
# several files with a missing one; from a file and from a pipe; and
# decoded by iconv.
. ../lib.sh
# invented text, dense with what a cut could break
awk 'BEGIN {
	printf "\357\273\277"
	for (i = 1; i <= 9000; i++) {
		k = i % 9
		if (k == 0) printf "Talks of Mao Tse-\ntung and Chou En-lai, %d May.\n", i
		else if (k == 1) printf "Comrade Kim Ch\342\200\231ang-bong met Peng\r\n"
		else if (k == 2) printf "Teh-huai and Nikita Sergeyevich on day %d.\r\n", i
		else if (k == 3) printf "\n"
		else if (k == 4) printf "Mao\nTse-tung said: \321\205\320\276\321\200\320\276\321\210\320\276.\n"
		else if (k == 5) printf "%s\n", (i == 4505 ? "Chou En-lai \377 wrote" : "Liu Shao-ch\047i")
		else if (k == 6) printf "Pak Hon-yong; Kim Il Sung (1950) and Chou\n"
		else if (k == 7 && i == 6010) {
			for (j = 0; j < 40000; j++)
				printf "Mao Tse-tung met Chou En-lai. "
			printf "\n"
		} else printf "En-lai of the CCP Central Committee, line %d\n", i
	}
	printf "the last line, Chou En-lai, has no end"
}' >"$T/in" || fail "awk"
grep -c 'Mao Tse-tung' "$T/in" >/dev/null || fail "no names in the input"
head -c 300000 "$T/in" | tr -d '\377' >"$T/clean"

# same: standard output, error and status of one thread (one.*) and of
# the workers (many.*) must be equal
same() {
	for s in out err rc; do
		cmp -s "$T/one.$s" "$T/many.$s" ||
			fail "$*: standard $s differs from one thread's"
	done
}
# run ENV ARGS...: the filter on one thread, then on workers under ENV
# cut at other places
run() {
	local env=$1; shift
	CWIHP_THREADS=1 "$PROG" "$@" >"$T/one.out" 2>"$T/one.err"
	echo $? >"$T/one.rc"
	env $env "$PROG" "$@" >"$T/many.out" 2>"$T/many.err"
	echo $? >"$T/many.rc"
	same "$env $*"
}
# runpipe ENV FILE ARGS...: the same, each reading FILE from a pipe
runpipe() {
	local env=$1 f=$2; shift 2
	cat "$f" | CWIHP_THREADS=1 "$PROG" "$@" >"$T/one.out" 2>"$T/one.err"
	echo $? >"$T/one.rc"
	cat "$f" | env $env "$PROG" "$@" >"$T/many.out" 2>"$T/many.err"
	echo $? >"$T/many.rc"
	same "$env $* (pipe)"
}
for env in "CWIHP_THREADS=2 CWIHP_THREADS_AFTER=0" \
    "CWIHP_THREADS=3 CWIHP_THREADS_AFTER=0" \
    "CWIHP_THREADS=2 CWIHP_THREADS_AFTER=5000" \
    "CWIHP_THREADS=2 CWIHP_THREADS_AFTER=70000"; do
	for args in "" "--lossy" "--check --lossy" "-f ISO-8859-1 -s chinese=wg --ascii"; do
		run "$env" $args "$T/in"
		run "$env" $args "$T/clean" /no/such/file "$T/in"
		runpipe "$env" "$T/in" $args
	done
done

# messages keep their place among the lines (2>&1): an invalid byte
# far in, a missing file between two, a byte iconv cannot convert
for env in "CWIHP_THREADS=2 CWIHP_THREADS_AFTER=0" \
    "CWIHP_THREADS=3 CWIHP_THREADS_AFTER=70000"; do
	CWIHP_THREADS=1 "$PROG" "$T/clean" /no/such/file "$T/in" >"$T/one.both" 2>&1
	env $env "$PROG" "$T/clean" /no/such/file "$T/in" >"$T/many.both" 2>&1
	cmp -s "$T/one.both" "$T/many.both" || fail "$env: 2>&1 differs"
done
{ head -c 200000 "$T/clean"; printf '\nOne byte \230 too many\n'; cat "$T/clean"; } >"$T/cp1251"
CWIHP_THREADS=1 "$PROG" -f CP1251 "$T/cp1251" >"$T/one.both" 2>&1
CWIHP_THREADS=2 CWIHP_THREADS_AFTER=0 "$PROG" -f CP1251 "$T/cp1251" >"$T/many.both" 2>&1
cmp -s "$T/one.both" "$T/many.both" || fail "-f CP1251: 2>&1 differs"
grep -q 'CP1251' "$T/many.both" || fail "-f CP1251: no message"

# what one thread writes is right: rewrites, the line ends kept, the
# invalid byte reported at its line far in
CWIHP_THREADS=1 "$PROG" --lossy "$T/in" >"$T/out" || fail "--lossy: exit $?"
grep -q 'Mao Zedong met Zhou Enlai' "$T/out" || fail "no rewrite"
grep -q $'Peng\r$' "$T/out" || fail "a CRLF lost"
tail -c 20 "$T/out" | grep -q 'has no end$' || fail "the last line"
test_must_fail 2 "$PROG" "$T/in" >/dev/null 2>"$T/err"
grep -q ":5506: invalid UTF-8 at byte 13 of the line" "$T/err" ||
	fail "invalid byte: $(cat "$T/err")"
exit 0
