# The document stream of split-docs (cwihp-stream(5)): --check and
# --consistency name the paper and its own lines and say nothing of the
# headers; the filter writes the stream again, its units rewritten as
# the paper would be, on one thread or many; a malformed stream is an
# error.
. ../lib.sh
split=$BIN/split-docs
cp "$SAMPLE" "$T/paper.txt"
cd "$T" || fail "cd"
for opts in --check --consistency "--check -s korean=rr,chinese=wg"; do
	"$PROG" $opts paper.txt >want 2>&1
	"$split" paper.txt | "$PROG" $opts >out 2>&1
	test_cmp want out
done
# one document: the paper's reports on its lines
"$PROG" --check paper.txt >want
"$split" -n 2 paper.txt | "$PROG" --check >out
awk -F: -v r="$("$split" -l paper.txt | awk -F '\t' '$2 == 2 { print $3 "-" $4 }')" \
    'BEGIN { split(r, a, "-") } $2 >= a[1] && $2 <= a[2]' want >want2
[ -s want2 ] || fail "no reports in document 2"
test_cmp want2 out
# the filter and split-docs in either order give one stream
"$PROG" -s korean=rr paper.txt | "$split" | sed 1s/-/paper.txt/ | \
    sed '/^Paper:/s/-$/paper.txt/' >want
"$split" paper.txt | "$PROG" -s korean=rr >out
test_cmp want out
# many units on worker threads, and streams put end to end
for i in 1 2 3 4 5 6 7 8; do "$split" paper.txt; printf '\f\n'; done |
    sed '$d' >big
CWIHP_THREADS=1 "$PROG" big >one
CWIHP_THREADS=3 CWIHP_THREADS_AFTER=0 "$PROG" <big >three
test_cmp one three
"$split" paper.txt >s1
cat s1 s1 | "$PROG" >out
"$PROG" s1 >o1
cat o1 o1 >want
test_cmp want out
# malformed streams
printf 'Paper: p.txt\nUnit: essay\nLines: 1-3\n\nonly one line\n' >bad1
test_must_fail 2 "$PROG" --check bad1 2>err
grep -q 'bad1:4: malformed document stream: fewer lines than Lines says' err ||
    fail "$(cat err)"
printf 'Paper: p.txt\nUnit: essay\n\ntext\n' >bad2
test_must_fail 2 "$PROG" bad2 >/dev/null 2>err
grep -q 'bad2:3: malformed document stream: a unit needs Paper, Unit and Lines' err ||
    fail "$(cat err)"
printf 'Paper: p.txt\nUnit: essay\nLines: 1\n\ntext\nmore text\n' >bad3
test_must_fail 2 "$PROG" bad3 >/dev/null 2>err
grep -q 'bad3:6: malformed document stream: expected a form feed' err ||
    fail "$(cat err)"
# a paper whose first line only looks like a header is a paper
printf 'Paper: on Kim Ch%sang Bong\nby an invented author\n' "'" >raw
test_must_fail 1 "$PROG" --check raw >out
grep -q '^raw:1:11:' out || fail "$(cat out)"
exit 0
