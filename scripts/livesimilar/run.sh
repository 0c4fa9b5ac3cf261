#!/bin/bash
# The project form's live "similar projects" panel in a real browser (issue 6 item 3): starts
# `fornye serve` on a fresh SQLite database with the demo data, creates a municipality editor
# through the CLI, and runs check.py (headless Chromium over the DevTools protocol), which types
# a draft like a demo project's into the new-project form and checks the panel fills without
# any Content-Security-Policy violation. Writes docs/screenshots/prosjektbanken-lignende-*.png.
#
# Usage (repository root, after a debug build): scripts/livesimilar/run.sh
# In a shared worktree: /work/bin/inwt NAME scripts/livesimilar/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# FORNYE=.build/release/fornye for timings (LATENCY below).
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8093}
WORK=$(mktemp -d /tmp/fornye-livesimilar.XXXXXX)
DB="$WORK/fornye.sqlite"
export FORNYE_URL="http://127.0.0.1:$PORT"
export EDITOR_EMAIL="redaktor@example.no"
export EDITOR_PASSWORD="korrekt hest batteri stift"
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
export SERVER_PID=$server
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "$FORNYE_URL/health" > /dev/null && break; sleep 0.2; done
printf '%s\n' "$EDITOR_PASSWORD" | "$FORNYE" user create --database-url "$DB" --email "$EDITOR_EMAIL" \
    --name "Kari Redaktør" --role municipality_editor --municipality 0301 --password-stdin > /dev/null
status=0
CHROME_PROFILE="$WORK/chrome" python3 scripts/livesimilar/check.py || status=$?
# LATENCY=N also times N fragment requests (scripts/livesimilar/latency.py).
if [ -n "${LATENCY:-}" ]; then python3 scripts/livesimilar/latency.py "$LATENCY" || status=$?; fi
rm -rf "$WORK"
exit $status
