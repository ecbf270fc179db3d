# With nothing to change, the output is the input byte for byte: LF and
# CRLF line ends, a last line without a newline, long lines, on a
# large generated input.
. ../lib.sh

gen() {	# N lines of text without any variant, some CRLF, some long
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++) {
			s = "Line " i ": the ambassador met Kim Il Sung, Mao Zedong and Sergei in Moscow;"
			if (i % 7 == 0) s = s "\r"
			if (i % 101 == 0) for (k = 0; k < 200; k++) s = s " fond 0102, opis 18, delo " k ";"
			if (i % 13 == 0) s = ""
			print s
		}
	}'
}
gen 120000 >"$T/in.txt"
printf 'last line without a newline, Pak Song-ch\xe2\x80\x99ol' >>"$T/in.txt"
[ "$(wc -c <"$T/in.txt")" -gt 5000000 ] || fail "generated input too small"
"$PROG" "$T/in.txt" >"$T/out.txt" || fail "exit $?"
cmp "$T/in.txt" "$T/out.txt" || fail "output differs from the input"
"$PROG" <"$T/in.txt" >"$T/out2.txt" || fail "stdin: exit $?"
cmp "$T/in.txt" "$T/out2.txt" || fail "stdin: output differs from the input"

# CRLF passes through, a BOM is dropped (as the contract has it); only
# the variant's span changes
printf '\xef\xbb\xbfNothing here.\r\nNikita Sergeyevich spoke.\r\nEnd' >"$T/bom.txt"
printf 'Nothing here.\r\nNikita Sergeevich spoke.\r\nEnd' >"$T/want.txt"
"$PROG" "$T/bom.txt" >"$T/got.txt" || fail "bom: exit $?"
cmp "$T/want.txt" "$T/got.txt" || fail "BOM/CRLF input not kept: $(od -c "$T/got.txt" | head -3)"

# --check finds nothing in the big clean input
"$PROG" --check "$T/in.txt" >"$T/check.txt" || fail "--check on clean input: exit $?"
[ -s "$T/check.txt" ] && fail "--check reported: $(head -3 "$T/check.txt")"
exit 0
