# bench/run end to end on a tiny corpus of its own: every table prints,
# with a row for each program, the Python references and the floor.
# (A smoke test: no time is checked, only that the benchmark runs.)
command -v awk >/dev/null || { echo "no awk"; exit 77; }
out=$(BENCH_OUT="$T/out" BENCH_BIN="$BIN" BENCH_MB=1 BENCH_SMALL=20 \
    BENCH_RUNS=1 BENCH_1G=0 "$top/bench/run" 2>"$T/err") || {
	echo "bench/run failed:"; cat "$T/err"; exit 1; }
for p in extract-cites list-speakers normalize-translit split-docs; do
	for want in "^$p " "^$p, 1 thread " "^$p  *(ok|MISS) "; do
		grep -Eq "$want" <<<"$out" || { echo "no line /$want/ in:"; echo "$out"; exit 1; }
	done
done
if command -v python3 >/dev/null; then
	for s in cites split speakers translit; do
		grep -q "^python3 bench/py/$s.py " <<<"$out" || { echo "no $s.py row"; echo "$out"; exit 1; }
	done
fi
if command -v "${CC:-cc}" >/dev/null; then
	grep -q "^read only (floor) " <<<"$out" || { echo "no floor row"; echo "$out"; exit 1; }
fi
grep -q "^20 files " <<<"$out" || { echo "no small-files table"; echo "$out"; exit 1; }
exit 0
