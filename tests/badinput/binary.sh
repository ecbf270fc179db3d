# Binary data: exit 2 naming file and line; with --lossy no error.
. "$top/tests/badinput/lib.bash"
LC_ALL=C awk 'BEGIN { srand(42); for (i = 0; i < 65536; i++)
    printf "%c", int(rand() * 255) + 1 }' >"$T/binary.bin"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00' >"$T/png.bin"
for p in $(programs); do
	for f in binary.bin png.bin; do
		run "$p" - "$T/$f" &&
			expect_trouble "$p" "$T/$f:[0-9]+: .*(UTF|byte)" "$f"
		run "$p" - --lossy "$T/$f" && { [ "$rc" -le 1 ] ||
			bad "$(basename "$p") --lossy $f: exit $rc: $(head -2 "$err")"; }
	done
done
finish
