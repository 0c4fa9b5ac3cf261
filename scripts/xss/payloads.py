#!/usr/bin/env python3
"""Prints the XSS corpus of Tests/FornyeWebTests/Support/XSSCorpus.swift, one payload a line
(the one with a NUL is left out: it cannot travel as a command-line argument), so the browser
run and the Swift tests share one corpus. With --csv-frame: a sample frame CSV whose unit and
contact names are the payloads."""
import csv
import re
import sys

source = open("Tests/FornyeWebTests/Support/XSSCorpus.swift", encoding="utf-8").read()
block = source.split("static let payloads: [String] = [", 1)[1].split("\n    ]", 1)[0]
payloads = []
for literal in re.findall(r'^\s*"((?:[^"\\]|\\.)*)",\s*$', block, re.M):
    text = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), literal)
    text = text.replace('\\"', '"').replace("\\\\", "\\")
    if "\0" not in text:
        payloads.append(text)

if "--csv-frame" in sys.argv:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["enhet", "kommunenummer", "sektor", "enhetstype", "epost", "kontaktperson"])
    for index, payload in enumerate(payloads):
        writer.writerow([payload, "4601", "1", "1", f"enhet{index}@example.no", payloads[-1 - index]])
else:
    for payload in payloads:
        print(payload)
