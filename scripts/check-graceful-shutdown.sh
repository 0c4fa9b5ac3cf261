#!/usr/bin/env bash
# Checks that `fornye serve` finishes a request in flight when it gets SIGTERM, then exits 0.
#
#   scripts/check-graceful-shutdown.sh [path/to/fornye]     (default .build/debug/fornye)
#
# The request in flight is a slow upload: curl sends a 24 KB body with `GET /` at 4 KB/s (about
# six seconds; Vapor collects a route's body before the handler runs); SIGTERM arrives after two.
# The server must still answer it with the home page (200), and only then exit with status 0.
# Only loopback is used; the server runs on a temporary SQLite database.
set -euo pipefail
binary=${1:-.build/debug/fornye}
port=${FORNYE_CHECK_PORT:-18089}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" serve --database-url "$work/fornye.sqlite" --port "$port" --no-demo >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
done

head -c 24000 /dev/zero | tr '\0' 'a' | sed 's/^/field=/' >"$work/body"
start=$(date +%s.%N)
curl -sS -o /dev/null -w '%{http_code}' --limit-rate 4k -X GET -H 'Content-Type: text/plain' \
    --data-binary @"$work/body" "http://127.0.0.1:$port/" >"$work/status" &
client=$!
sleep 2
kill -TERM "$server"
echo "SIGTERM sent to $server at +$(echo "$(date +%s.%N) - $start" | bc)s"
wait "$client" || true
echo "request in flight answered $(cat "$work/status") at +$(echo "$(date +%s.%N) - $start" | bc)s"
set +e
wait "$server"
status=$?
set -e
echo "server exited with status $status at +$(echo "$(date +%s.%N) - $start" | bc)s"
if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    echo "FAIL: the server still answers" && exit 1
fi
if [ "$(cat "$work/status")" != "200" ] || [ "$status" != "0" ]; then
    echo "FAIL (server log follows)"; cat "$work/server.log"; exit 1
fi
echo "ok: the request in flight finished and the server exited 0"
