#!/bin/bash
# XSS in a real browser (issue 4 item 6). Seeds a fresh SQLite database through the real CLI
# paths with the XSS corpus (user names, failed sign-ins with payload e-mails -> audit log,
# a wave whose title, unit names and contacts are payloads), starts `fornye serve`, loads
# every page that shows them in headless Chromium (scripts/xss/browser_check.py) and finally
# checks the server log for any request to /xss-hit. Writes docs/screenshots/web-*.png.
#
# Usage (from the repository root, after a debug build): scripts/xss/run.sh
# In a shared worktree run it through the worktree wrapper: /work/bin/inwt NAME scripts/xss/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FORNYE=${FORNYE:-.build/debug/fornye}
PORT=${PORT:-8089}
WORK=$(mktemp -d /tmp/fornye-xss.XXXXXX)
DB="$WORK/fornye.sqlite"
export FORNYE_URL="http://127.0.0.1:$PORT"
export ADMIN_PASSWORD="korrekt hest batteri stift"
export PAYLOAD_FILE="$WORK/payloads.txt"
python3 scripts/xss/payloads.py > "$PAYLOAD_FILE"
python3 scripts/xss/payloads.py --csv-frame > "$WORK/frame.csv"
first=$(head -n 1 "$PAYLOAD_FILE")

# The server first, so it seeds the demo waves into the empty database; then the payloads,
# through the CLI, beside the running server (SQLite takes the writes in turn).
"$FORNYE" serve --database-url "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$FORNYE_URL/health" > /dev/null && break; sleep 0.2; done
printf '%s\n' "$ADMIN_PASSWORD" | "$FORNYE" user create --database-url "$DB" --email admin@example.no \
    --name "$first" --role admin --password-stdin > /dev/null
n=0
while IFS= read -r payload; do
    n=$((n + 1))
    printf 'passord nummer %s lang nok\n' "$n" | "$FORNYE" user create --database-url "$DB" \
        --email "bruker$n@example.no" --name "$payload" --role analyst --password-stdin > /dev/null
done < <(sed -n '2,6p' "$PAYLOAD_FILE")
"$FORNYE" wave-create --database-url "$DB" --slug xss --title "$first" --mode identified --date 2026-03-01 \
    --sample-frame "$WORK/frame.csv" --links "$WORK/links.csv" --base-url "$FORNYE_URL" --open \
    --organizer "$first" --contact-email kontakt@example.no --retention-until 2099-12-31 > /dev/null
export TOKEN_LINK=$(python3 -c 'import csv,sys; print(list(csv.DictReader(open(sys.argv[1])))[0]["lenke"])' "$WORK/links.csv")

# Failed sign-ins with payload e-mails: shown again in the form and written to the audit log.
while IFS= read -r payload; do
    python3 - "$payload" <<'PY'
import http.cookiejar, os, sys, urllib.parse, urllib.request
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
base = os.environ["FORNYE_URL"]
opener.open(base + "/logg-inn").read()
csrf = next(c.value for c in jar if c.name == "fornye_csrf")
body = urllib.parse.urlencode({"email": sys.argv[1], "password": "feil", "_csrf": csrf}).encode()
try:
    opener.open(base + "/logg-inn", data=body)
except urllib.error.HTTPError:
    pass
PY
done < <(sed -n '7,10p' "$PAYLOAD_FILE")

status=0
CHROME_PROFILE="$WORK/chrome" python3 scripts/xss/browser_check.py || status=$?
# The access log names route patterns, never paths, so a payload's fetch('/xss-hit') would show
# as an unmatched route (404); count those (browser_check.py records every URL the browser requested).
hits=$(grep -c "xss-hit" "$WORK/server.log" || true)
unmatched=$(grep -c "(unmatched)" "$WORK/server.log" || true)
echo "server log: $hits line(s) naming /xss-hit, $unmatched request(s) to unmatched routes ($WORK/server.log)"
[ "$hits" = "0" ] && [ "$unmatched" = "0" ] || status=1
exit $status
