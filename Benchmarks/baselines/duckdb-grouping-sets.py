"""Baseline: DuckDB's best point-estimate query, one GROUP BY GROUPING SETS query per variable.

Usage: python3 Benchmarks/baselines/duckdb-grouping-sets.py data.csv [variables] [breakdowns] [threads] [runs]

For every variable q1..qV one query forms, in a single scan, the weighted share of each category
overall and within each level of every breakdown b1..bB (codes 98/99 and empty cells excluded, as
fornye-statistics-benchmark does): shares only, no variances or intervals. The CSV is loaded into
a table first and the load is not timed; the queries are run `runs` times (default 5) and the best
and median times are printed as JSON with the cell count and a checksum of the shares.
"""
import json
import statistics
import sys
import time

import duckdb

path = sys.argv[1]
variables = int(sys.argv[2]) if len(sys.argv) > 2 else 60
breakdowns = int(sys.argv[3]) if len(sys.argv) > 3 else 5
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5

con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
start = time.perf_counter()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv_auto(?)", [path])
load_seconds = time.perf_counter() - start

groups = [f"b{b}" for b in range(1, breakdowns + 1)]
group_list = ", ".join(groups)
# A row with an empty breakdown is in no domain of that breakdown (but still in the overall share).
no_empty_level = " AND ".join(f"NOT (GROUPING({g}) = 0 AND {g} IS NULL)" for g in groups)


def query(variable):
    sets = ", ".join([f"({variable})"] + [f"({g}, {variable})" for g in groups])
    return f"""
        SELECT GROUPING({group_list}) AS grouping_id, {group_list}, {variable} AS category,
               SUM(weight) / SUM(SUM(weight)) OVER (PARTITION BY GROUPING({group_list}), {group_list}) AS share
        FROM t WHERE {variable} BETWEEN 1 AND 5
        GROUP BY GROUPING SETS ({sets})
        HAVING {no_empty_level}
    """


times = []
cells = 0
checksum = 0.0
for run in range(runs):
    start = time.perf_counter()
    cells = 0
    checksum = 0.0
    for v in range(1, variables + 1):
        rows = con.execute(query(f"q{v}")).fetchall()
        cells += len(rows)
        checksum += sum(row[-1] for row in rows)
    times.append(time.perf_counter() - start)

print(json.dumps({
    "tool": f"DuckDB {duckdb.__version__}, GROUP BY GROUPING SETS",
    "threads": threads,
    "rows": con.execute("SELECT COUNT(*) FROM t").fetchone()[0],
    "variables": variables,
    "breakdowns": breakdowns,
    "cells": cells,
    "share_checksum": checksum,
    "load_seconds": load_seconds,
    "runs": runs,
    "best_seconds": min(times),
    "median_seconds": statistics.median(times),
    "seconds_per_run": times,
}, indent=2))
