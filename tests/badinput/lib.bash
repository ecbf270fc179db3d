# tests/badinput/lib.bash: helpers for the bad-input matrix (issue 6).
# Every case runs every program in $BIN, so programs are covered as they
# land; PROG (set by tests/run to $BIN/badinput) is not used.
# shellcheck shell=bash
. "$top/tests/lib.sh"

# The programs: every executable in $BIN.
programs() {
	local p
	for p in "$BIN"/*; do
		[ -f "$p" ] && [ -x "$p" ] && echo "$p"
	done
}

failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
finish() {
	[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
	exit 0
}

# Sanitizer and valgrind builds run 5-20 times slower: allow them more.
limit=20
[ -n "${CWIHP_SANITIZE:-}${CWIHP_VALGRIND:-}" ] && limit=300

# run NAME STDIN ARGS...: run one program under timeout $limit with STDIN
# (a file, or - for none) as standard input; sets rc, and out/err are
# $T/NAME.out and $T/NAME.err.  A crash (signal) or a hang fails the
# case here; the caller judges the rest.
run() {
	local prog=$1 stdin=$2; shift 2
	local name; name=$(basename "$prog")
	out=$T/$name.out err=$T/$name.err
	[ "$stdin" = - ] && stdin=/dev/null
	timeout "$limit" "$prog" "$@" <"$stdin" >"$out" 2>"$err"
	rc=$?
	if [ $rc -eq 124 ]; then
		bad "$name $*: still running after $limit s (hang?)"
		return 1
	elif [ $rc -ge 128 ]; then
		bad "$name $*: killed by signal $((rc - 128)) (crash): $(head -3 "$err")"
		return 1
	fi
	return 0
}

# Exit status 0 and a clean standard error.
expect_ok() {
	local name; name=$(basename "$1")
	if [ "$rc" -ne 0 ]; then
		bad "$name ${*:2}: exit $rc, expected 0: $(head -3 "$err")"
	elif [ -s "$err" ]; then
		bad "$name ${*:2}: unexpected message: $(head -3 "$err")"
	else
		complete "$1" "${*:2}"
	fi
}

# Exit status 2 and a message "PROG: ..." matching the extended regex.
expect_trouble() {
	local prog=$1 re=$2; shift 2
	local name; name=$(basename "$prog")
	if [ "$rc" -ne 2 ]; then
		bad "$name $*: exit $rc, expected 2; stderr: $(head -3 "$err")"
	elif ! grep -Eq "^$name: .*($re)" "$err"; then
		bad "$name $*: message does not match '$re': $(head -3 "$err")"
	fi
}

# No output cut off: what was written ends with a newline, and a TSV
# table has as many fields in every row as in its header.
complete() {
	local name; name=$(basename "$1")
	if [ -s "$out" ] && [ "$(tail -c 1 "$out" | od -An -c | tr -d ' ')" != '\n' ]; then
		bad "$name $2: output does not end with a newline (truncated?)"
		return
	fi
	local head; head=$(head -1 "$out")
	case $head in
	file$'\t'*)
		awk -F'\t' -v n="$name" 'NR == 1 { nf = NF; next }
		    NF != nf { printf "FAIL: %s: row %d has %d fields, header %d\n",
		        n, NR, NF, nf; bad = 1; exit }
		    END { exit bad }' "$out" || failures=$((failures + 1)) ;;
	esac
}

# The sample paper, or a small invented one when it is absent.
paper() {
	if [ -r "$SAMPLE" ]; then cat "$SAMPLE"; else "$top/bench/gen-paper" 0; fi
}

# Is the program a filter (text in, the same text out)?
is_filter() { case $(basename "$1") in normalize-translit) return 0 ;; esac; return 1; }

# The text lines of a document stream (headers and separators dropped):
# for split-docs, which must pass every input line through.
stream_text() {
	awk 'BEGIN { hdr = 1 }
	    hdr && $0 == "" { hdr = 0; next }
	    hdr { next }
	    $0 == "\f" { hdr = 1; next }
	    { print }' "$@"
}
