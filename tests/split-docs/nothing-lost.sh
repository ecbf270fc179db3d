# Nothing is lost: on every fixture that splits without error, the text of
# the stream's units, read back by their Lines: counts, is the input, line
# for line, and the units' line ranges tile the input without a gap.
. ../lib.sh

# unit_text STREAM: the units' text, checking the Lines: ranges on the way.
unit_text() {
	awk '
	function bad(msg) { print FILENAME ":" FNR ": " msg > "/dev/stderr"; err = 1; exit 1 }
	state == 0 {
		if ($0 == "") {
			if (lo == "") bad("unit without a Lines: field")
			if (lo + 0 != next_line) bad("unit starts at " lo ", expected " next_line)
			left = hi - lo + 1; next_line = hi + 1; lo = ""
			state = 1; next
		}
		if ($0 ~ /^Lines: [0-9]+-[0-9]+$/) {
			split(substr($0, 8), r, "-"); lo = r[1]; hi = r[2]
		} else if ($0 !~ /^[A-Z][a-z]*: ?/)
			bad("not a header line: " $0)
		next
	}
	left > 0 { print; left--; next }
	{ if ($0 != "\f") bad("expected a form feed line, got: " $0); state = 0 }
	BEGIN { next_line = 1 }
	END { if (!err && (state == 0 && lo != "")) bad("header without text") }
	' "$1"
}

# normal FILE OPTS: the input as split-docs reads it (decoded, no BOM, no
# CR before LF, a final newline).
normal() {
	local enc
	enc=$(sed -n 's/.*\(-f \|--from-code=\)\([^ ]*\).*/\2/p' <<<"$2")
	if [ -n "$enc" ]; then iconv -f "$enc" -t UTF-8 <"$1"; else cat "$1"; fi |
	    sed '1s/^\xef\xbb\xbf//; s/\r$//' | awk '{ print }'
}

checked=0
for f in *.in ../../share/sample/*.txt ${SHARED:+"$SHARED"/corpus/*.txt}; do
	b=${f%.in}
	[ -f "$b.rc" ] && continue		# an error fixture
	args=; [ "$b" != "$f" ] && [ -f "$b.args" ] && args=$(cat "$b.args")
	case $args in *--lossy*) continue ;; esac
	opts=$(grep -o -e '-f [^ ]*' -e '--from-code=[^ ]*' <<<"$args")
	# shellcheck disable=SC2086
	"$PROG" $opts "$f" >"$T/stream" || fail "split-docs $opts $f failed"
	unit_text "$T/stream" >"$T/text" || fail "$f: malformed stream"
	normal "$f" "$opts" >"$T/input"
	cmp -s "$T/input" "$T/text" ||
	    fail "$f: the units' text differs from the input: $(diff "$T/input" "$T/text" | head -5)"
	checked=$((checked + 1))
done
[ "$checked" -ge 30 ] || fail "only $checked fixtures checked"
echo "$checked fixtures: nothing lost"
