# list-speakers in Python re, much simplified: the people named on
# "Present", "Interpreter" and "Recorded by" lines, and the names that
# come before or after a verb of saying, a row a person and document
# with the turns counted (bench/run's reference).
import re
import sys

heading = re.compile(r"^\s*(?:Document|DOCUMENT)\s*(?:No\.?\s*)?(\d+)")
name = r"(?:(?:Comrade|Cde\.|Mr\.|Ambassador|Premier|Minister)\s+)?" \
       r"((?:[A-Z]\.\s*){0,3}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
label = re.compile(r"^\s*(Present|Participants|Attending|Interpreter|Recorded by|"
                   r"Signed|Author)\b[^:]*[:\-]?\s*(.*)$")
verbs = r"(?:said|stated|noted|asked|replied|answered|declared|remarked|added|emphasized)"
before = re.compile(name + r",?\s+" + verbs + r"\b")
after = re.compile(verbs + r"\s+" + name)
listed = re.compile(name)
roles = {"Present": "attendee", "Participants": "attendee", "Attending": "attendee",
         "Interpreter": "interpreter", "Recorded by": "recorder",
         "Signed": "signatory", "Author": "author"}
out = sys.stdout


def flush(doc, people):
    for (n, role), turns in people.items():
        out.write("\t".join([sys.argv[1], doc, n, role, "yes" if turns else "no",
                             str(turns)]) + "\n")


doc = None
people = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        m = heading.match(line)
        if m:
            if doc is not None:
                flush(doc, people)
            doc, people = m.group(1), {}
            continue
        if doc is None:
            continue
        m = label.match(line)
        if m:
            role = roles[m.group(1)]
            for p in listed.finditer(m.group(2)):
                people.setdefault((p.group(1), role), 0)
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            for p in before.finditer(sentence):
                k = (p.group(1), "party")
                people[k] = people.get(k, 0) + 1
            for p in after.finditer(sentence):
                k = (p.group(1), "party")
                people[k] = people.get(k, 0) + 1
if doc is not None:
    flush(doc, people)
