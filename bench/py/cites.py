# extract-cites' work in Python re: archival coordinates in every line,
# with the document they are in (bench/run's reference).
import re
import sys

arch = re.compile(r"(?P<archive>[A-Z][A-Za-z]+),\s*(?:fond|f\.)\s*(?P<fond>\d+),\s*"
                  r"(?:opis|op\.)\s*(?P<opis>\d+),(?:\s*papka\s*(?P<papka>\d+),)?\s*"
                  r"(?:delo|d\.)\s*(?P<delo>\d+)(?:,\s*(?:listy|list|ll?\.)\s*(?P<folios>[\d-]+))?")
heading = re.compile(r"^\s*(?:Document|DOCUMENT)\s*(?:No\.?\s*)?(\d+)")
doc = ""
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as f:
    for no, line in enumerate(f, 1):
        m = heading.match(line)
        if m:
            doc = m.group(1)
        for m in arch.finditer(line):
            out.write("\t".join([sys.argv[1], str(no), doc] +
                                [m.group(g) or "" for g in
                                 ("archive", "fond", "opis", "papka", "delo", "folios")]) + "\n")
