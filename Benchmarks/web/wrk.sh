#!/usr/bin/env bash
# Load test of the web server with wrk (Debian's `wrk`), on SQLite or PostgreSQL.
#
#   swift build -c release --product fornye
#   Benchmarks/web/wrk.sh                                  # SQLite in a temporary directory
#   DATABASE_URL=postgres://u:p@127.0.0.1/db Benchmarks/web/wrk.sh   # PostgreSQL (emptied first)
#
# Starts the release server with the synthetic demo content, warms each URL once (so cached reads
# are measured as cached), then runs wrk for DURATION seconds (default 15) with 2 threads and
# CONNECTIONS connections (default 32) per URL, and prints requests/s and p50/p99 latency.
# The filtered-page cost without the cache is measured separately by fornye-barometer-benchmark.
# Since wrk runs on the same cores, it also prints the CPU time the server spent per request
# (utime + stime of the server process from /proc, divided by the requests wrk completed) and
# what wrk itself used per request: server CPU per request is the figure that carries over to a
# machine where the load generator runs elsewhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${BINARY:-.build/release/fornye}
[ -x "$binary" ] || { echo "build first: swift build -c release --product fornye" >&2; exit 2; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 2; }
duration=${DURATION:-15}
connections=${CONNECTIONS:-32}
port=${PORT:-8391}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "${DATABASE_URL:-}" ]; then
    psql "$DATABASE_URL" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
    backend="PostgreSQL"
else
    export FORNYE_DATA_DIR="$work"
    backend="SQLite"
fi
# LOG_LEVEL=info LOG_FORMAT=json measures with the access log on (one line per request).
"$binary" serve --port "$port" --log-level "${LOG_LEVEL:-warning}" --log-format "${LOG_FORMAT:-text}" \
    >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 1
done
base="http://127.0.0.1:$port"
figure=$(curl -fsS "$base/api/v1/waves/2018-syntetisk/figures" | python3 -c 'import json,sys; print(json.load(sys.stdin)["figures"][1]["id"])')
urls=(
    "/api/v1/waves"
    "/api/v1/waves/2018-syntetisk/figures/$figure"
    "/api/v1/waves/2018-syntetisk/estimates?variable=innovated&by=sector"
    "/barometer/2018-syntetisk"
    "/barometer/2018-syntetisk?sector=1"
    "/prosjekter?q=velferdsteknologi"
    "/"
    "/barometer"
)
# URLS="/ /api/v1/waves" runs only those.
if [ -n "${URLS:-}" ]; then read -r -a urls <<<"$URLS"; fi
echo "backend: $backend, log: ${LOG_LEVEL:-warning}/${LOG_FORMAT:-text}, wrk -t2 -c$connections -d${duration}s, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-70s %10s %9s %9s %11s %11s\n' "URL" "req/s" "p50 ms" "p99 ms" "server µs/r" "wrk µs/r"
ticks=$(getconf CLK_TCK)
# utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat).
server_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$server/stat"; }
for url in "${urls[@]}"; do
    curl -fsS -o /dev/null "$base$url" || { echo "warm-up failed: $url" >&2; exit 1; }
    before=$(server_ticks)
    TIMEFORMAT='%U %S'
    { time wrk -t2 -c"$connections" -d"${duration}s" --latency "$base$url" >"$work/wrk.out"; } 2>"$work/wrk.time"
    out=$(cat "$work/wrk.out")
    after=$(server_ticks)
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    server_us=$(awk -v t=$((after - before)) -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
    wrk_us=$(awk -v n="$requests" '{ printf "%.0f", ($1 + $2) * 1e6 / n }' "$work/wrk.time")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else if (v ~ /s$/) { sub(/s$/, "", v); print v*1000 } }'; }
    printf '%-70s %10s %9.2f %9.2f %11s %11s %s\n' "$url" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" \
        "$server_us" "$wrk_us" "$errors"
done
