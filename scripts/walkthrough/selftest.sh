#!/bin/bash
# Innovasjonstesten in headless Chromium (issue 16): starts `fornye serve` on a fresh SQLite
# database (the synthetic demo waves are seeded) and runs selftest.py: both paths, team mode, an
# editor's project-bank draft, axe-core on every page, screenshots into docs/screenshots/selftest/.
#
# Usage (repository root, after a debug build): scripts/walkthrough/selftest.sh
# In a shared worktree: /work/bin/inwt NAME scripts/walkthrough/selftest.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8096}
WORK=$(mktemp -d /tmp/fornye-selftest-walk.XXXXXX)
export FORNYE_URL="http://127.0.0.1:$PORT"
export FORNYE_PUBLIC_URL="$FORNYE_URL"
# A municipality editor in Bodø for the project-bank draft (synthetic account of the walk-through).
export EDITOR_EMAIL=redaktor@example.no EDITOR_PASSWORD=gjennomgang-redaktor-2026
printf '%s\n' "$EDITOR_PASSWORD" | "$FORNYE" user create --database-url "$WORK/fornye.sqlite" \
    --email "$EDITOR_EMAIL" --name "Rita Redaktør" --role municipality_editor --municipality 1804 \
    --password-stdin > /dev/null
"$FORNYE" serve --database-url "$WORK/fornye.sqlite" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
# Seeding the demo waves takes minutes on a loaded machine: wait up to five.
for _ in $(seq 1 1500); do curl -sf "$FORNYE_URL/health" > /dev/null && break; sleep 0.2; done
rm -f docs/screenshots/selftest/selftest-*.png
status=0
python3 scripts/walkthrough/selftest.py --work "$WORK" || status=$?
echo "server log: $WORK/server.log"
exit $status
