#!/bin/bash
# axe-core (WCAG 2.1 A/AA) on every public page and the signed-in project form (issue 19): starts
# `fornye serve` on a fresh SQLite database with the synthetic demo content, runs
# scripts/browser/axe.py on the public pages, then signed in as a municipal editor on the project
# form. Exits 1 on any serious or critical violation. The questionnaire and the wave's admin pages
# are covered by scripts/walkthrough/run.sh.
#
# Usage (repository root, after a debug build): scripts/browser/public-pages.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8097}
WORK=$(mktemp -d /tmp/fornye-public-pages.XXXXXX)
DB="$WORK/fornye.sqlite"
BASE="http://127.0.0.1:$PORT"
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.2; done
# A published project with financing rows (its table scrolls on a narrow screen).
project=$(curl -sf "$BASE/api/v1/projects?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["projects"][0]["slug"])')
pages=(
    / "/?lang=en" /barometer /barometer/2018-syntetisk "/barometer/2018-syntetisk?lang=en"
    "/barometer/2018-syntetisk?fylke=03" /metode /prosjekter "/prosjekter?q=velferdsteknologi&stage=pilot"
    "/prosjekter?lang=en" "/prosjekter/$project" /prosjekter/gjenbruk /forskningspartnere
    /tilgjengelighet /personvern /logg-inn
)
for extra in ${EXTRA_PAGES:-}; do pages+=("$extra"); done
urls=()
for page in "${pages[@]}"; do urls+=("$BASE$page"); done
status=0
python3 scripts/browser/axe.py "${urls[@]}" || status=1
EMAIL="redaktor@example.no"
PASSWORD="korrekt hest batteri stift"
printf '%s\n' "$PASSWORD" | "$FORNYE" user create --database-url "$DB" --email "$EMAIL" --name "Rita Redaktør" \
    --role municipality_editor --municipality 0301 --password-stdin > /dev/null
FORNYE_EMAIL="$EMAIL" FORNYE_PASSWORD="$PASSWORD" DEVTOOLS_PORT=9348 CHROME_PROFILE="$WORK/chrome-signed-in" \
    python3 scripts/browser/axe.py "$BASE/prosjekter/ny" "$BASE/prosjekter/ny?lang=en" || status=1
echo "server log: $WORK/server.log"
exit $status
