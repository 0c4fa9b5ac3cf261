#!/usr/bin/env bash
# Issue 21's PostgreSQL line, end to end: Fornye's `/api/v1/projects?q=WORD` (release server, HTTP,
# JSON, facets, synonyms, records) beside PostgreSQL's own ranked query for the same word
# (`ts_rank` top 20 ids under pgbench), on the same database and machine, at 1 and 4 clients.
#
#   swift build -c release --product fornye
#   DATABASE_URL=postgres://u:p@127.0.0.1/db Benchmarks/web/pg-search-vs-raw.sh [WORD]   # emptied first
#
# The server seeds the demo bank (856 projects). wrk drives the server (one thread per client up
# to two), pgbench the raw query, prepared and simple; each for DURATION seconds (default 10).
# Both share the machine's cores with the load generator, so the ratio is what carries over.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${BINARY:-.build/release/fornye}
[ -x "$binary" ] || { echo "build first: swift build -c release --product fornye" >&2; exit 2; }
[ -n "${DATABASE_URL:-}" ] || { echo "set DATABASE_URL to an empty PostgreSQL database" >&2; exit 2; }
command -v wrk >/dev/null && command -v pgbench >/dev/null || { echo "needs wrk and pgbench" >&2; exit 2; }
word=${1:-chatbot}
duration=${DURATION:-10}
port=${PORT:-8394}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
psql "$DATABASE_URL" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
"$binary" serve --port "$port" --database-url "$DATABASE_URL" --log-level warning >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -fsS -o /dev/null "$base/health" 2>/dev/null && break; sleep 0.5; done
url="$base/api/v1/projects?q=$word"
for _ in $(seq 1 50); do curl -fsS -o /dev/null "$url"; done
total=$(curl -fsS "$url" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
printf "SELECT key FROM project_search, websearch_to_tsquery('english', '%s') q WHERE document @@ q ORDER BY ts_rank(document, q) DESC LIMIT 20;\n" \
    "${word//\'/\'\'}" >"$work/raw.sql"
echo "«$word»: $total matches; $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg); ${duration} s each"
printf '%-8s %-34s %10s %12s %8s\n' clients what "per second" "latency ms" "ratio"
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v*1000 } }'; }
for clients in 1 4; do
    threads=$((clients > 1 ? 2 : 1))
    out=$(wrk -t$threads -c$clients -d"${duration}s" --latency "$url")
    fornye=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
    printf '%-8s %-34s %10.0f %12.2f %8s\n' "$clients" "Fornye API (wrk, p50)" "$fornye" "$p50" ""
    for mode in prepared simple; do
        out=$(pgbench -n -c "$clients" -j "$threads" -T "$duration" -M "$mode" -f "$work/raw.sql" "$DATABASE_URL" 2>&1)
        tps=$(awk '/^tps/ {print $3}' <<<"$out")
        latency=$(awk '/latency average/ {print $4}' <<<"$out")
        ratio=$(awk -v r="$tps" -v f="$fornye" 'BEGIN { printf "%.1f×", r / f }')
        printf '%-8s %-34s %10.0f %12.3f %8s\n' "$clients" "raw ts_rank top 20 (pgbench $mode, mean)" "$tps" "$latency" "$ratio"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
