# The README's mapper recipe (Hadoop Streaming, Spark pipe()): slices of
# a list of paths, each run through `xargs -r -d '\n' PROG`, with every
# header but the first dropped, give what one run over all papers gives
# (split-docs' streams, put end to end, read back as one run's stream).
. "$top/tests/lib.sh"
mkdir -p "$T/papers dir"
"$top/bench/gen-paper" 0 >"$T/papers dir/one paper.txt"
"$top/bench/gen-paper" 0.05 >"$T/papers dir/two.txt"
[ -r "$SAMPLE" ] && cp "$SAMPLE" "$T/papers dir/three.txt"
cd "$T" || exit 2
find "papers dir" -type f | LC_ALL=C sort >list
lines=$(wc -l <list)
head -1 list >part1
tail -n +2 list >part2
: >part3	# a mapper given nothing
for p in "$BIN"/*; do
	[ -x "$p" ] || continue
	n=$(basename "$p")
	xargs -r -d '\n' "$p" <list >"whole.$n" || fail "$n over the list: exit $?"
	for part in part1 part2 part3; do
		xargs -r -d '\n' "$p" <"$part" >"$part.$n" ||
			fail "$n over $part: exit $?"
	done
	case $n in
	split-docs)	# streams end to end are a stream: read it back
		cat "part1.$n" "part2.$n" "part3.$n" | "$p" >"merged.$n" ;;
	normalize-translit)	# text: the parts as they are
		cat "part1.$n" "part2.$n" "part3.$n" >"merged.$n" ;;
	*)	cat "part1.$n" "part2.$n" "part3.$n" |
			awk 'NR == 1 || !/^file\t/' >"merged.$n" ;;
	esac
	cmp -s "whole.$n" "merged.$n" ||
		fail "$n: merged mapper output differs from one run ($lines papers): $(diff "whole.$n" "merged.$n" | head -5)"
done
exit 0
