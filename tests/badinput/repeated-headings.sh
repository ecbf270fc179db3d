# Deeply repeated headings: 100,000 "Document 1" lines (an inner heading
# over and over), 9,999 real documents, and heading-like lines without
# text: bounded time, every line kept.
. "$top/tests/badinput/lib.bash"
awk 'BEGIN { print "Essay.\n\nDocument 1\n\nTitle\n"
	for (i = 0; i < 100000; i++) print "Document 1" }' >"$T/same.txt"
awk 'BEGIN { print "Essay.\n"
	for (i = 1; i <= 9999; i++)
		printf "Document %d\n\nLetter %d, 5 March 1953\n\n[Source: A, fond %d.]\n\nText.\n\n", i, i, i
	for (i = 0; i < 50000; i++) print "DOCUMENT No. " }' >"$T/many.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) print "#### **Document** ####" }' >"$T/empty-headings.txt"
for f in same.txt many.txt empty-headings.txt; do
	for p in $(programs); do
		n=$(basename "$p")
		start=$(date +%s)
		run "$p" - "$T/$f" || continue
		secs=$(($(date +%s) - start))
		[ "$rc" -le 1 ] || bad "$n $f: exit $rc: $(head -2 "$err")"
		[ "$secs" -le $((limit * 3 / 4)) ] || bad "$n $f: $secs s"
		complete "$p" "$f"
		[ "$n" = split-docs ] && { stream_text "$out" | cmp -s - "$T/$f" ||
			bad "split-docs $f: lines lost or repeated"; }
	done
done
run "$BIN/split-docs" - --list "$T/many.txt" &&
	[ "$(tail -n +2 "$out" | wc -l)" -eq 9999 ] ||
	bad "split-docs --list: $(tail -n +2 "$out" | wc -l) documents of 9999"
finish
