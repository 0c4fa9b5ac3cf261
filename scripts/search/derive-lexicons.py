#!/usr/bin/env python3
"""Derives the search lexicons in Sources/FornyeProjectBank/Resources/search/ (see SOURCE.md there).

Inputs (Debian bookworm packages, unpacked with `apt-get download hunspell-no dict-freedict-eng-nor`
and `dpkg-deb -x PKG.deb DIR`), and Digdir's Los:
  python3 scripts/search/derive-lexicons.py DIR ../shared/data/los/los-source.xml
"""
import gzip, re, sys, xml.etree.ElementTree as ET
from pathlib import Path

root, los = Path(sys.argv[1]), Path(sys.argv[2])
out = Path(__file__).resolve().parents[2] / "Sources/FornyeProjectBank/Resources/search"
WORD = re.compile(r"[a-zæøåéèêóòôü]+")

# 1. Norwegian compound parts: every base word of the bokmål hunspell dictionary (ISO-8859-1) that
# may form compounds (flag z) or occurs as a part of a listed compound (with an optional s/e link),
# plus derived nouns (-ing, -het, -sjon, …) seen before an s-link.
words, compoundable = set(), set()
for line in (root / "usr/share/hunspell/nb_NO.dic").read_text(encoding="latin-1").split("\n")[1:]:
    parts = line.strip().split("/")
    w = parts[0]
    if len(w) >= 3 and WORD.fullmatch(w):
        words.add(w)
        if len(parts) > 1 and "z" in parts[1]:
            compoundable.add(w)
used = set(compoundable)
for w in words:
    for i in range(3, len(w) - 3):
        head, rest = w[:i], w[i:]
        if head in words:
            for link in ("", "s", "e"):
                tail = rest[len(link):]
                if rest.startswith(link) and len(tail) >= 4 and tail in words:
                    used |= {head, tail}
        if rest.startswith("s") and len(rest) > 4 and head not in words and i >= 5 and head.endswith(
                ("ing", "het", "sjon", "else", "skap", "dom", "tet")):
            used.add(head)
(out / "nb-compound-parts.txt").write_text("\n".join(sorted(used)) + "\n", encoding="utf-8")

# 2. English→Norwegian word pairs from FreeDict eng-nor (dictd format): per headword (not proper
# names), the translations on each sense's first line.
text = gzip.open(root / "usr/share/dictd/freedict-eng-nor.dict.dz", "rt", encoding="utf-8").read()
pairs = set()
# A headword line is the word, its pronunciation between slashes and, for most, a part of speech
# (23 phrases such as "at home" have none: they must start an entry too, or their translations
# are read as the previous headword's).
for entry in re.split(r"\n(?=\S[^\n]*? /[^\n]*/(?: <[a-z]+>)?\n)", text):
    lines = entry.split("\n")
    head = re.match(r"^(.+?) /.*/(?: <([a-z]+)>)?$", lines[0])
    if not head or head.group(2) == "pn":
        continue
    english = head.group(1).strip().lower()
    expecting = True
    for line in lines[1:]:
        translation = None
        if m := re.match(r"^\s*\d+\.\s*(.*)$", line):
            translation = m.group(1)
        elif m := re.match(r"^(.*?)\s+\d+\.\s*$", line):
            translation = m.group(1) if expecting else None
        elif expecting:
            translation = line
        expecting = False
        if translation:
            for t in re.sub(r"\([^)]*\)", "", translation).split(","):
                t = t.strip().lower()
                if t and all(WORD.fullmatch(x) for x in t.split()) and len(t.split()) <= 3 and re.fullmatch(
                        r"[a-z ]+", english):
                    pairs.add((english, t))
(out / "en-nb-freedict.tsv").write_text(
    "".join(f"{e}\t{n}\n" for e, n in sorted(pairs)), encoding="utf-8")

# 3. Los: each concept's path, kind of scheme, and its labels (preferred, alternative, hidden) by language.
ns = {"s": "urn:fdc:difi.no:2019:data:Skos-1"}
rows = []
for concept in ET.parse(los).getroot().findall("s:Concept", ns):
    path = concept.get("path")
    for tag in ("PrefLabel", "AltLabel", "HiddenLabel"):
        for label in concept.findall(f"s:{tag}", ns):
            value = (label.text or "").strip()
            if value and value != "*" and label.get("lang") in ("nb", "nn", "en"):
                rows.append(f"{path}\t{label.get('lang')}\t{tag}\t{value}")
    for broader in concept.findall("s:Broader", ns):
        rows.append(f"{path}\t-\tBroader\t{broader.text.strip()}")
(out / "los-labels.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
print(len(used), "compound parts,", len(pairs), "freedict pairs,", len(rows), "Los rows")
