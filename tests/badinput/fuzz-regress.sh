# Replay the fuzz seeds and every crash found by fuzzing
# (tests/fuzz/regress/HARNESS/*) through the harnesses built with the
# plain driver (make fuzz-replay, part of make units).  Inputs of bugs
# still open are listed in tests/fuzz/regress/KNOWN: they are run and
# reported, but do not fail the test until they are fixed.
. "$top/tests/badinput/lib.bash"
# the build tree of the unit tests (build, or build-san under make
# sanitize), else build
build=$top/build
case ${CWIHP_UNITS:-} in
*/tests) b=${CWIHP_UNITS%/tests}
	case $b in /*) ;; *) b=$top/$b ;; esac
	[ -d "$b" ] && [ "$b" != / ] && build=$b ;;
esac
replay=$build/fuzz-replay
# build what is missing or stale (quietly; the harnesses are small)
make -s -C "$top" BUILD="$build" fuzz-replay >"$T/make.log" 2>&1 ||
	{ echo "make fuzz-replay failed: test skipped"; cat "$T/make.log"; exit 77; }
known=$top/tests/fuzz/regress/KNOWN
export FUZZ_REPLAY_QUIET=1
for src in "$top"/tests/fuzz/fuzz_*.c; do
	h=$(basename "$src" .c); short=${h#fuzz_}
	[ -x "$replay/$h" ] || { bad "$replay/$h was not built"; continue; }
	for f in "$top/tests/fuzz/corpus/$short"/* "$top/tests/fuzz/regress/$short"/*; do
		[ -f "$f" ] || continue
		rel=$short/$(basename "$f")
		# regressions run strict: checks the fuzzer skips for a
		# reported bug are made again
		strict=; case $f in */regress/*) strict=1 ;; esac
		FUZZ_STRICT=$strict timeout 20 "$replay/$h" "$f" >"$T/out" 2>&1; rc=$?
		if [ -f "$known" ] && grep -q "^$rel:" "$known"; then
			if [ $rc -eq 0 ]; then
				echo "now passes, remove it from KNOWN: $rel"
			else
				echo "known open bug: $(grep "^$rel:" "$known")"
			fi
		elif [ $rc -ne 0 ]; then
			bad "$rel: exit $rc: $(grep -E 'ERROR|invariant|runtime error|SUMMARY' "$T/out" | head -3)"
		fi
	done
done
finish
