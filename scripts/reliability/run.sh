#!/usr/bin/env bash
# Reliability and throughput test of web submissions on SQLite (see README.md here).
#   scripts/reliability/run.sh [kill|perf] [UNITS] [CONCURRENCY]
# kill: submits UNITS responses while the server is SIGKILLed and restarted KILLS times, then
#       checks every acknowledged response is stored once and PRAGMA integrity_check is ok.
# perf: submits UNITS responses to an undisturbed server and reports submissions/s.
#       LOADGEN=wrk uses wrk with submit.lua instead of loadgen.py (much less CPU; no retries):
#       it runs for SECONDS_RUN seconds (default 10), so give more UNITS than can be answered in that time.
# Both modes print the CPU seconds of the server and of the load generator (same cores).
# Only loopback (127.0.0.1) is used; every loop is bounded in count and time.
set -euo pipefail
MODE=${1:-kill}
UNITS=${2:-3000}
CONCURRENCY=${3:-16}
KILLS=${KILLS:-5}
PORT=${PORT:-8089}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FORNYE=${FORNYE:-$ROOT/.build/release/fornye}
[ -x "$FORNYE" ] || { echo "build first: swift build -c release --product fornye" >&2; exit 2; }
WORK=$(mktemp -d /tmp/fornye-reliability.XXXXXX)
DB=$WORK/fornye.sqlite
export DATABASE_URL=$DB
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

python3 - "$WORK/frame.csv" "$UNITS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("enhet,kommunenummer,sektor,enhetstype,epost\n")
    for i in range(int(sys.argv[2])):
        f.write(f"Enhet {i},0301,{1 + i % 2},{1 + i % 6},enhet{i}@example.test\n")
PY
"$FORNYE" wave-create --slug reliability --title "Pålitelighetstest (syntetisk)" --mode identified \
  --date 2026-03-01 --sample-frame "$WORK/frame.csv" --links "$WORK/links.csv" --open \
  --organizer "Fornye (test)" --contact-email test@example.no --retention-until 2099-12-31 \
  --base-url "http://127.0.0.1:$PORT"

start_server() {
  "$FORNYE" serve --hostname 127.0.0.1 --port "$PORT" --no-demo --log-level error >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

LOADGEN=${LOADGEN:-python}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
start_server
CPU_START=$(cpu_ticks "$SERVER_PID")
echo "load average before the run: $(cat /proc/loadavg)"
if [ "$LOADGEN" = wrk ] && [ "$MODE" = perf ]; then
  THREADS=$(( CONCURRENCY < 2 ? 1 : 2 ))
  FORNYE_LINKS="$WORK/links.csv" FORNYE_WRK_THREADS=$THREADS FORNYE_WRK_RESULT="$WORK/wrk-acked.txt" \
    /usr/bin/time -f "load generator CPU: %U s user + %S s system over %e s" \
    wrk -t"$THREADS" -c"$CONCURRENCY" -d"${SECONDS_RUN:-10}s" --timeout 30s -s "$HERE/submit.lua" "http://127.0.0.1:$PORT" \
    >"$WORK/wrk.txt" 2>&1 &
else
  /usr/bin/time -f "load generator CPU: %U s user + %S s system over %e s" \
    python3 "$HERE/loadgen.py" --links "$WORK/links.csv" --port "$PORT" --concurrency "$CONCURRENCY" \
    --acked "$WORK/acked.txt" --deadline 600 &
fi
LOAD_PID=$!
if [ "$MODE" = kill ]; then
  for round in $(seq 1 "$KILLS"); do
    sleep "0.$((RANDOM % 9 + 1))"; sleep 1
    kill -0 "$LOAD_PID" 2>/dev/null || break
    kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    echo "round $round: SIGKILL after $(wc -l <"$WORK/acked.txt" 2>/dev/null || echo 0) acknowledged"
    start_server
  done
fi
wait "$LOAD_PID" || echo "load generator exited with status $?"
if [ -f "$WORK/wrk.txt" ]; then grep -E "^wrk:|load generator CPU" "$WORK/wrk.txt" || cat "$WORK/wrk.txt"; fi
echo "server CPU during the load (last server process): $(( ($(cpu_ticks "$SERVER_PID") - CPU_START) * 1000 / $(getconf CLK_TCK) )) ms; load average after: $(cat /proc/loadavg)"
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
if [ -f "$WORK/wrk-acked.txt" ]; then
  # Requests in flight when wrk stops are stored but not counted: at most one per connection.
  python3 "$HERE/check.py" --database "$DB" --acked-count "$(cat "$WORK/wrk-acked.txt")" --in-flight "$CONCURRENCY" \
    --wave reliability
else
  python3 "$HERE/check.py" --database "$DB" --acked "$WORK/acked.txt" --wave reliability
fi
echo "work files in $WORK"
