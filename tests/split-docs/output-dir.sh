# -o DIR: one file per unit, DIR/index.tsv holding the --list table, the
# files together giving back the paper; with several papers, a folder each.
. ../lib.sh

d=$T/out
"$PROG" -o "$d" heading-plain.in >"$T/stdout" 2>"$T/stderr" || fail "-o failed"
[ -s "$T/stdout" ] && fail "-o wrote to standard output"
[ -s "$T/stderr" ] && fail "-o wrote diagnostics: $(cat "$T/stderr")"
(cd "$d" && ls) >"$T/files"
printf '00-essay.txt\n01.txt\n02.txt\nindex.tsv\n' >"$T/want"
test_cmp "$T/want" "$T/files"
"$PROG" -l heading-plain.in >"$T/list"
test_cmp "$T/list" "$d/index.tsv"
cat "$d/00-essay.txt" "$d/01.txt" "$d/02.txt" >"$T/joined"
test_cmp heading-plain.in "$T/joined"
head -1 "$d/01.txt" | grep -qx 'Document 1' || fail "01.txt does not start at its heading"

# two-digit numbers, a paper with no essay text, and -n
"$PROG" -o "$T/k" -n 0,10-11 kinds.in || fail "-o -n failed"
(cd "$T/k" && ls) >"$T/files"
printf '00-essay.txt\n10.txt\n11.txt\nindex.tsv\n' >"$T/want"
test_cmp "$T/want" "$T/files"
[ "$(wc -l <"$T/k/index.tsv")" -eq 3 ] || fail "index.tsv should hold 2 rows"

# an existing folder is reused
"$PROG" -o "$d" heading-plain.in || fail "-o into an existing folder failed"
test_cmp "$T/list" "$d/index.tsv"

# several papers: one folder each (the name without .txt), one index
"$PROG" -o "$T/many" heading-plain.in ../../share/sample/bulletin-sample.txt ||
    fail "-o with two papers failed"
[ -f "$T/many/heading-plain.in/01.txt" ] || fail "no heading-plain.in/01.txt"
[ -f "$T/many/bulletin-sample/01.txt" ] || fail "no bulletin-sample/01.txt"
[ -f "$T/many/index.tsv" ] || fail "no index.tsv"
"$PROG" -l heading-plain.in ../../share/sample/bulletin-sample.txt >"$T/list"
test_cmp "$T/list" "$T/many/index.tsv"

# a folder that cannot be made is an error
test_must_fail 2 "$PROG" -o heading-plain.in/sub heading-plain.in 2>"$T/err"
grep -q '^split-docs: ' "$T/err" || fail "no diagnostic for a bad -o folder"
exit 0
