# normalize-translit's substitutions in Python re, the same list as
# bench/run's sed script: the whole text out, rewritten (bench/run's
# reference).
import re
import sys

pairs = {
    "Sergeyevich": "Sergeevich", "Kim Il-sung": "Kim Il Sung",
    "Kim Il-Sung": "Kim Il Sung", "Khrushchëv": "Khrushchev",
    "Ch’ang": "Ch'ang", "Moskovskiy": "Moskovskii", "Yuriy": "Iurii",
    "Aleksey": "Aleksei",
}
rx = re.compile("|".join(re.escape(k) for k in pairs))
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        out.write(rx.sub(lambda m: pairs[m.group(0)], line))
