# A million footnote markers (superscripts and [n]) with no notes: done
# in bounded time with exit 0 or 1, nothing cut off.
. "$top/tests/badinput/lib.bash"
awk 'BEGIN {
	print "An essay of markers.\n"
	for (i = 0; i < 20000; i++) {
		s = ""
		for (j = 0; j < 25; j++)
			s = s "word¹² text[" (j + 1) "] "
		print s
	}
	print "\nDocument 1\n\nRecord of Conversation¹²³[4][5]\n\n14 August 1962\n"
	print "[Source: AVPRF, fond 1, opis 2, delo 3.¹]\n\nText.⁴⁵⁶"
}' >"$T/markers.txt"
for p in $(programs); do
	n=$(basename "$p")
	start=$(date +%s)
	run "$p" - "$T/markers.txt" || continue
	secs=$(($(date +%s) - start))
	[ "$rc" -le 1 ] || bad "$n: exit $rc: $(head -2 "$err")"
	[ "$secs" -le 15 ] || bad "$n: $secs s for a million markers"
	complete "$p" markers.txt
	[ "$n" = split-docs ] && { stream_text "$out" | cmp -s - "$T/markers.txt" ||
		bad "split-docs: lines lost among markers"; }
done
finish
