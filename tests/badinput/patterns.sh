# Every pattern compiles: programs compile a pattern when it first runs,
# so CWIHP_RX_EAGER=1 makes them compile all of theirs at once.  A bad
# pattern is a fatal internal error (exit 2), which a rare line could
# otherwise be the first to meet.  Each program reads every sample.
. "$top/tests/badinput/lib.bash"
for p in $(programs); do
	for f in "$SAMPLE" "$top"/share/sample/*.txt; do
		CWIHP_RX_EAGER=1 run "$p" - "$f" && [ "$rc" -le 1 ] ||
			bad "$(basename "$p") $(basename "$f") with every pattern compiled: exit $rc: $(head -2 "$err")"
	done
done
for u in "$top"/build/tests/*; do
	[ -x "$u" ] || continue
	CWIHP_RX_EAGER=1 "$u" >"$T/unit.out" 2>&1 ||
		bad "$(basename "$u") with every pattern compiled: $(grep -m2 'not ok' "$T/unit.out")"
done
finish
