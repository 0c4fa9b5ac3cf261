#!/bin/bash
# A whole wave in headless Chromium (issue 20): starts `fornye serve` on a fresh SQLite database
# (FORNYE_PUBLIC_URL set), creates an analyst through the CLI and runs wave.py, which creates a
# wave through the form, makes, shows, downloads and replaces links, answers as two respondents,
# opens the replaced link, closes and publishes the wave and opens its public page; axe-core on
# every page (scripts/browser/axe.py), screenshots into docs/screenshots/collection/wave-*.png.
#
# Usage (repository root, after a debug build): scripts/walkthrough/run.sh
# In a shared worktree: /work/bin/inwt NAME scripts/walkthrough/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8095}
WORK=$(mktemp -d /tmp/fornye-wave-walk.XXXXXX)
DB="$WORK/fornye.sqlite"
export FORNYE_URL="http://127.0.0.1:$PORT"
export FORNYE_PUBLIC_URL="$FORNYE_URL"
export ANALYST_EMAIL="analytiker@example.no"
export ANALYST_PASSWORD="korrekt hest batteri stift"
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "$FORNYE_URL/health" > /dev/null && break; sleep 0.2; done
printf '%s\n' "$ANALYST_PASSWORD" | "$FORNYE" user create --database-url "$DB" --email "$ANALYST_EMAIL" \
    --name "Anna Analytiker" --role analyst --password-stdin > /dev/null
rm -f docs/screenshots/collection/wave-*.png
status=0
python3 scripts/walkthrough/wave.py --work "$WORK" || status=$?
echo "server log: $WORK/server.log"
exit $status
