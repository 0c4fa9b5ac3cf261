"""Compares two cell files of fornye-statistics-benchmark --cells-out=FILE (before and after a change).

Usage: python3 Benchmarks/compare-cells.py before.tsv after.tsv [tolerance]

Counts, degrees of freedom and flags must be equal; every number (estimate, SE, interval limits,
design effect, weighted base) equal or within `tolerance` (default 1e-12) relative to its size.
Prints the largest differences and exits 1 when a cell differs beyond that.
"""
import math
import sys

before_path, after_path = sys.argv[1], sys.argv[2]
tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-12
names = ["estimate", "se", "lower", "upper", "deff", "weighted_base"]


def read(path):
    with open(path) as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip()]


before, after = read(before_path), read(after_path)
if len(before) != len(after):
    sys.exit(f"{len(before)} cells before, {len(after)} after")
largest = {name: (0.0, None) for name in names}
identical = 0
failures = 0
for old, new in zip(before, after):
    if old[:6] != new[:6] or old[12:] != new[12:]:
        print("differs in key, counts, df or flags:", old, new)
        failures += 1
        continue
    if old == new:
        identical += 1
    for name, x, y in zip(names, map(float, old[6:12]), map(float, new[6:12])):
        if math.isnan(x) and math.isnan(y) or x == y:
            continue
        relative = abs(x - y) / max(abs(x), abs(y), 1e-300)
        if relative > largest[name][0]:
            largest[name] = (relative, old[:3])
        if relative > tolerance:
            failures += 1
print(f"{len(before)} cells, {identical} identical in every number")
for name, (relative, where) in largest.items():
    print(f"  largest relative difference in {name}: {relative:.3g}" + (f" at {where}" if where else ""))
print("OK" if failures == 0 else f"{failures} differences beyond {tolerance}")
sys.exit(1 if failures else 0)
