#!/bin/bash
# A project from draft to published in headless Chromium (issue 20): starts `fornye serve` on a
# fresh SQLite database (with the demo bank, so search has company), creates a municipal editor
# (Oslo), an admin and an editor of another municipality (Bergen) through the CLI and runs
# project.py: form with rows, located errors, save, submit, publish, the owner's «Bekreft at
# kontaktpersonene stemmer» («sist bekreftet <month year>»), the bank and the project on a 390 px
# phone (first result on the first screen, nothing wider than the window), search and open as the
# other editor, who reports «Vi har gjenbrukt dette» (a refused month kept as typed; seen on the
# project page and the Bergen profile); axe-core on every page, screenshots into
# docs/screenshots/projectbank/project-*.png.
#
# Usage (repository root, after a debug build): scripts/walkthrough/project.sh
# In a shared worktree: PORT=8111 DEVTOOLS_PORT=9311 /work/bin/inwt NAME scripts/walkthrough/project.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8096}
WORK=$(mktemp -d /tmp/fornye-project-walk.XXXXXX)
DB="$WORK/fornye.sqlite"
export FORNYE_URL="http://127.0.0.1:$PORT"
export FORNYE_PUBLIC_URL="$FORNYE_URL"
export EDITOR_EMAIL="redaktor@example.no" ADMIN_EMAIL="admin@example.no" OTHER_EMAIL="bergen@example.no"
export WALK_PASSWORD="korrekt hest batteri stift"
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$FORNYE_URL/health" > /dev/null && break; sleep 0.2; done
user() {
    printf '%s\n' "$WALK_PASSWORD" | "$FORNYE" user create --database-url "$DB" --password-stdin "$@" > /dev/null
}
user --email "$EDITOR_EMAIL" --name "Rita Redaktør (syntetisk)" --role municipality_editor --municipality 0301
user --email "$ADMIN_EMAIL" --name "Adam Admin (syntetisk)" --role admin
user --email "$OTHER_EMAIL" --name "Berit Bergen (syntetisk)" --role municipality_editor --municipality 4601
mkdir -p docs/screenshots/projectbank
rm -f docs/screenshots/projectbank/project-*.png
status=0
python3 scripts/walkthrough/project.py --work "$WORK" || status=$?
echo "server log: $WORK/server.log"
exit $status
