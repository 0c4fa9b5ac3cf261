#!/bin/sh
# Issue 15's speed target in one command: Fornye's full inference (every share with SE, CI and deff),
# the plain point-estimate loop and DuckDB's GROUPING SETS point-estimate query, one after the other
# on the same synthetic data, with the load average before each and the peak RSS of each process
# (/usr/bin/time -v). All three do the same work: the shares of every variable overall and by each
# breakdown. Synthetic data only.
#
# Usage (from the repository root, after
#   swift build -c release --product fornye-statistics-benchmark --product fornye
#   pip install duckdb):
#   Benchmarks/baselines/side-by-side.sh [rows] [variables] [breakdowns] [runs] [threads]
# BENCHMARK (default .build/release/fornye-statistics-benchmark) and FORNYE (default .build/release/fornye,
# only used to write the CSV once) name other builds, e.g. a --scratch-path one.
set -eu
rows=${1:-1000000}
variables=${2:-60}
breakdowns=${3:-5}
runs=${4:-5}
threads=${5:-2}
out=${BENCH_OUT:-bench-out}
mkdir -p "$out"
csv="$out/synth-$rows-$variables-$breakdowns.csv"

load() { cut -d' ' -f1-3 /proc/loadavg; }
peak() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1"; }

if [ ! -s "$csv" ]; then
    "${FORNYE:-.build/release/fornye}" synth --rows "$rows" --variables "$variables" --breakdowns "$breakdowns" \
        --output "$csv" >/dev/null
fi

echo "machine: $(nproc) cores; runs: best of $runs in each process; DuckDB threads: $threads"
echo "load average before Fornye: $(load)"
/usr/bin/time -v -o "$out/fornye.time" "${BENCHMARK:-.build/release/fornye-statistics-benchmark}" "$rows" "$variables" \
    "$breakdowns" --overall --runs="$runs" >"$out/fornye.json"
echo "load average before DuckDB: $(load)"
/usr/bin/time -v -o "$out/duckdb.time" python3 Benchmarks/baselines/duckdb-grouping-sets.py "$csv" \
    "$variables" "$breakdowns" "$threads" "$runs" >"$out/duckdb.json"
echo "load average after: $(load)"

python3 - "$out/fornye.json" "$out/duckdb.json" "$(peak "$out/fornye.time")" "$(peak "$out/duckdb.time")" <<'PY'
import json
import sys

fornye = json.load(open(sys.argv[1]))
duckdb = json.load(open(sys.argv[2]))
fornye_peak, duckdb_peak = int(sys.argv[3]) * 1024, int(sys.argv[4]) * 1024
rows = [
    ("Fornye, every share with SE, CI, deff", fornye["cells"], fornye["estimation_seconds"],
     fornye["estimation_median_seconds"], fornye_peak),
    ("plain Swift loop, point estimates", fornye["cells"], fornye["plain_loop_point_estimates_seconds"],
     fornye["plain_loop_median_seconds"], fornye_peak),
    (duckdb["tool"] + f", {duckdb['threads']} threads", duckdb["cells"], duckdb["best_seconds"],
     duckdb["median_seconds"], duckdb_peak),
]
print(f"{fornye['rows']:,} rows, {fornye['variables']} variables, {fornye['breakdowns']} breakdowns + overall")
print(f"{'':44} {'cells':>6} {'best s':>8} {'median s':>9} {'peak RSS MB':>12}")
for name, cells, best, median, peak in rows:
    print(f"{name:44} {cells:>6} {best:>8.3f} {median:>9.3f} {peak / 1e6:>12.0f}")
raw = fornye["raw_column_bytes"]
print(f"Fornye / DuckDB (best): {fornye['estimation_seconds'] / duckdb['best_seconds']:.2f}; "
      f"Fornye peak RSS / raw column bytes ({raw / 1e6:.0f} MB): {fornye_peak / raw:.2f}")
PY
