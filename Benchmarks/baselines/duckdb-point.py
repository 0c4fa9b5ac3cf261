"""Baseline: DuckDB's weighted counts and shares (point estimates only, no variance).

Usage: python3 Benchmarks/baselines/duckdb-point.py data.csv [variables] [breakdowns]
Runs, for every variable q1..qV and breakdown b1..bB, the weighted share of each category within
each breakdown level (codes 98/99 and empty cells excluded), the same point estimates as
fornye-statistics-benchmark, and prints JSON with the query time (loading excluded).
"""
import json
import sys
import time

import duckdb

path = sys.argv[1]
variables = int(sys.argv[2]) if len(sys.argv) > 2 else 60
breakdowns = int(sys.argv[3]) if len(sys.argv) > 3 else 5
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2

con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
start = time.perf_counter()
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv_auto('{path}')")
load_seconds = time.perf_counter() - start

start = time.perf_counter()
cells = 0
for v in range(1, variables + 1):
    for b in range(1, breakdowns + 1):
        rows = con.execute(
            f"""
            SELECT b{b} AS grp, q{v} AS cat, SUM(weight) / SUM(SUM(weight)) OVER (PARTITION BY b{b}) AS share
            FROM t WHERE q{v} BETWEEN 1 AND 5 AND b{b} IS NOT NULL
            GROUP BY b{b}, q{v}
            """
        ).fetchall()
        cells += len(rows)
seconds = time.perf_counter() - start
print(json.dumps({
    "tool": f"DuckDB {duckdb.__version__}",
    "threads": threads,
    "rows": con.execute("SELECT COUNT(*) FROM t").fetchone()[0],
    "variables": variables,
    "breakdowns": breakdowns,
    "cells": cells,
    "load_seconds": load_seconds,
    "seconds": seconds,
}, indent=2))
