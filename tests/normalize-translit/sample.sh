# The sample paper's deliberate variants (share/sample/README).
. ../lib.sh
[ -r "$SAMPLE" ] || { echo "no sample paper: skipped"; exit 77; }
test_must_fail 1 "$PROG" --check --consistency --format=tsv "$SAMPLE" >"$T/out"
for want in "Kim Ch’ang-bong	Kim Ch'ang Bong" "Chou En-lai	Zhou Enlai" \
    "Sergeevich	Sergeyevich"; do
	grep -qF "$want" "$T/out" || fail "not reported: $want"
done
# nothing joins different people
grep -E "Kim Il	Kim Il Sung|Pak Yong" "$T/out" && fail "joined different people"
exit 0
