# split-docs --list in Python re: each document's number, title, date,
# kind and source (bench/run's reference).
import re
import sys

heading = re.compile(r"^\s*(?:Document|DOCUMENT)\s*(?:No\.?\s*)?(\d+)\s*[:.]?\s*(.*)$")
source = re.compile(r"^\s*[\[(]?Source:\s*(.*?)[\])]?\s*$")
months = ("January|February|March|April|May|June|July|August|September|"
          "October|November|December")
date = re.compile(r"\b(\d{1,2}) (" + months + r"),? (\d{4})\b|\b(" + months +
                  r") (\d{1,2}),? (\d{4})\b")
kind = re.compile(r"\b(Record of (?:a )?Conversation|Memorandum of Conversation|"
                  r"Diary|Report|Speech|Letter|Telegram|Cable|Minutes)\b", re.I)
docs = []
cur = None
with open(sys.argv[1], encoding="utf-8") as f:
    for no, line in enumerate(f, 1):
        m = heading.match(line)
        if m:
            cur = {"no": m.group(1), "title": m.group(2).strip(), "date": "",
                   "kind": "", "source": "", "line": no}
            docs.append(cur)
            continue
        if cur is None:
            continue
        if not cur["title"] and line.strip():
            cur["title"] = line.strip()
        m = source.match(line)
        if m and not cur["source"]:
            cur["source"] = m.group(1)
        if not cur["date"]:
            m = date.search(line)
            if m:
                cur["date"] = m.group(0)
        if not cur["kind"]:
            m = kind.search(cur["title"])
            if m:
                cur["kind"] = m.group(1).lower()
out = sys.stdout
for d in docs:
    out.write("\t".join([sys.argv[1], d["no"], d["title"], d["date"], d["kind"],
                         d["source"], str(d["line"])]) + "\n")
