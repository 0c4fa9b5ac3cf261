#!/bin/bash
# axe-core (WCAG 2.1 A/AA) on every public page and the signed-in project form (issue 19): starts
# `fornye serve` on a fresh SQLite database with the synthetic demo content, runs
# scripts/browser/axe.py on the public pages, then signed in as a municipal editor on the project
# form. Where python3 has authlib, the local OpenID Connect provider (scripts/oidc/provider.py) is
# configured too: /logg-inn shows its button, one synthetic identity signs in and waits for
# approval, and an admin's /admin/identiteter is checked in bokmål and English, with screenshots
# of both pages into docs/screenshots/identity/ (SCREENSHOTS=0 skips them). Exits 1 on any serious
# or critical violation. The questionnaire and the wave's admin pages are covered by
# scripts/walkthrough/run.sh.
#
# Usage (repository root, after a debug build): scripts/browser/public-pages.sh
# PORT (8097), DEVTOOLS_PORT (9347; +1 and +2 for the signed-in runs) choose the ports.
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8097}
DEVTOOLS_PORT=${DEVTOOLS_PORT:-9347}
WORK=$(mktemp -d /tmp/fornye-public-pages.XXXXXX)
DB="$WORK/fornye.sqlite"
BASE="http://127.0.0.1:$PORT"
export FORNYE_PUBLIC_URL="$BASE"
PYTHON=${FORNYE_TEST_PYTHON:-/usr/bin/python3}
provider=""
if "$PYTHON" -c "import authlib.jose" 2> /dev/null; then
    # The provider ends when its stdin closes; fd 3 holds it open until this script exits.
    mkfifo "$WORK/provider.in"
    "$PYTHON" scripts/oidc/provider.py --client-id fornye-browser --client-secret syntetisk-hemmelighet \
        < "$WORK/provider.in" > "$WORK/provider.out" 2>&1 &
    provider=$!
    exec 3> "$WORK/provider.in"
    for _ in $(seq 1 100); do grep -q '^PORT ' "$WORK/provider.out" 2> /dev/null && break; sleep 0.1; done
    export FORNYE_OIDC_TEST_ISSUER="http://127.0.0.1:$(sed -n 's/^PORT //p' "$WORK/provider.out")"
    export FORNYE_OIDC_TEST_CLIENT_ID=fornye-browser FORNYE_OIDC_TEST_CLIENT_SECRET=syntetisk-hemmelighet
    export FORNYE_OIDC_TEST_DISPLAY_NAME="Testleverandør (syntetisk)"
else
    echo "python3 without authlib: the sign-in button and /admin/identiteter are not checked" >&2
fi
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; [ -z "$provider" ] || kill $provider 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.2; done
# A published project with financing rows (its table scrolls on a narrow screen).
project=$(curl -sf "$BASE/api/v1/projects?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["projects"][0]["slug"])')
pages=(
    / "/?lang=en" /barometer /barometer/2018-syntetisk "/barometer/2018-syntetisk?lang=en"
    "/barometer/2018-syntetisk?fylke=03" /metode /prosjekter "/prosjekter?q=velferdsteknologi&stage=pilot"
    "/prosjekter?lang=en" "/prosjekter/$project" /prosjekter/gjenbruk /forskningspartnere
    /tilgjengelighet /personvern /logg-inn "/logg-inn?lang=en"
)
for extra in ${EXTRA_PAGES:-}; do pages+=("$extra"); done
urls=()
for page in "${pages[@]}"; do urls+=("$BASE$page"); done
status=0
DEVTOOLS_PORT=$DEVTOOLS_PORT python3 scripts/browser/axe.py "${urls[@]}" || status=1
EMAIL="redaktor@example.no"
PASSWORD="korrekt hest batteri stift"
printf '%s\n' "$PASSWORD" | "$FORNYE" user create --database-url "$DB" --email "$EMAIL" --name "Rita Redaktør" \
    --role municipality_editor --municipality 0301 --password-stdin > /dev/null
FORNYE_EMAIL="$EMAIL" FORNYE_PASSWORD="$PASSWORD" DEVTOOLS_PORT=$((DEVTOOLS_PORT + 1)) \
    CHROME_PROFILE="$WORK/chrome-signed-in" \
    python3 scripts/browser/axe.py "$BASE/prosjekter/ny" "$BASE/prosjekter/ny?lang=en" || status=1
if [ -n "$provider" ]; then
    "$PYTHON" scripts/browser/oidc_pending.py "$BASE" test venter-1 "Per Venter (syntetisk)" \
        per.venter@example.no || status=1
    ADMIN="admin@example.no"
    printf '%s\n' "$PASSWORD" | "$FORNYE" user create --database-url "$DB" --email "$ADMIN" \
        --name "Ada Admin (syntetisk)" --role admin --password-stdin > /dev/null
    FORNYE_EMAIL="$ADMIN" FORNYE_PASSWORD="$PASSWORD" DEVTOOLS_PORT=$((DEVTOOLS_PORT + 2)) \
        CHROME_PROFILE="$WORK/chrome-admin" \
        python3 scripts/browser/axe.py "$BASE/admin/identiteter" "$BASE/admin/identiteter?lang=en" || status=1
    if [ "${SCREENSHOTS:-1}" = 1 ]; then
        DEVTOOLS_PORT=$DEVTOOLS_PORT python3 scripts/browser/screens.py docs/screenshots/identity "$BASE" \
            /logg-inn "/logg-inn?lang=en"
        FORNYE_EMAIL="$ADMIN" FORNYE_PASSWORD="$PASSWORD" DEVTOOLS_PORT=$((DEVTOOLS_PORT + 2)) \
            python3 scripts/browser/screens.py docs/screenshots/identity "$BASE" \
            /admin/identiteter "/admin/identiteter?lang=en"
    fi
fi
echo "server log: $WORK/server.log"
exit $status
