# Invalid UTF-8 on line 3 at byte 5: exit 2 with file, line and byte;
# --lossy: no error, U+FFFD in place of the bad bytes.
. "$top/tests/badinput/lib.bash"
printf 'First line\nSecond line\nBad \xff\xfe bytes here\nDocument 1\nText.\n' \
    >"$T/bad.txt"
printf 'Truncated at the end \xe2\x82' >"$T/trunc.txt"
printf 'Overlong \xc0\xaf and surrogate \xed\xa0\x80\n' >"$T/overlong.txt"
for p in $(programs); do
	n=$(basename "$p")
	run "$p" - "$T/bad.txt" && expect_trouble "$p" "$T/bad.txt:3: .*byte 5" bad.txt
	run "$p" "$T/bad.txt" && expect_trouble "$p" "-:3: .*byte 5" '< bad.txt'
	run "$p" - "$T/trunc.txt" && expect_trouble "$p" "$T/trunc.txt:1: .*byte 22" trunc.txt
	run "$p" - "$T/overlong.txt" && expect_trouble "$p" "$T/overlong.txt:1: .*byte 10" overlong.txt
	run "$p" - --lossy "$T/bad.txt" && expect_ok "$p" --lossy bad.txt
	if [ "$n" = split-docs ] || is_filter "$p"; then
		grep -Eq 'Bad (�)+ bytes' "$out" ||
			bad "$n --lossy: no U+FFFD in place of the bad bytes"
	fi
done
finish
