#!/bin/bash
# The municipality profile's browser check (issue 17): starts `fornye serve` on a fresh SQLite
# database with the synthetic demo content, makes two municipal editors (Øksnes, who records a
# reuse of a Stavanger project, and Stavanger, who reopens it, saves it and so confirms its
# contacts, and sends it for review) and an admin (who publishes it again), and runs
# scripts/browser/profile-checks.py: axe on every page and screenshots into OUT (default
# docs/screenshots/profile). Exits 1 on any axe violation or failed step.
#
# Usage (repository root, after a debug build): scripts/browser/profile-pages.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8160}
OUT=${1:-docs/screenshots/profile}
WORK=$(mktemp -d /tmp/fornye-profile-pages.XXXXXX)
DB="$WORK/fornye.sqlite"
BASE="http://127.0.0.1:$PORT"
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.2; done
# Waits for the estimates the server computes at start (minutes in a debug build on a busy machine).
curl -sf --max-time 900 "$BASE/kommuner/0301" > /dev/null
PASSWORD="korrekt hest batteri stift"
for who in "oksnes@example.no Øyvind-Øksnes 1868" "stavanger@example.no Stine-Stavanger 1103"; do
    read -r email name number <<< "$who"
    printf '%s\n' "$PASSWORD" | "$FORNYE" user create --database-url "$DB" --email "$email" --name "${name//-/ }" \
        --role municipality_editor --municipality "$number" --password-stdin > /dev/null
done
printf '%s\n' "$PASSWORD" | "$FORNYE" user create --database-url "$DB" --email admin@example.no \
    --name "Ada Admin (SYNTETISK TEST)" --role admin --password-stdin > /dev/null
status=0
DEVTOOLS_TIMEOUT=${DEVTOOLS_TIMEOUT:-300} DEVTOOLS_PORT=${DEVTOOLS_PORT:-9360} python3 scripts/browser/profile-checks.py "$OUT" "$BASE" \
    oksnes@example.no stavanger@example.no admin@example.no "$PASSWORD" || status=1
echo "server log: $WORK/server.log"
exit $status
