#!/usr/bin/env bash
# Two `fornye serve` instances on one PostgreSQL behind haproxy, with a bounded mixed workload
# (issue 18). `--reduced` runs in .ci/run after `swift test`; the full run and `--throughput` are run by
# hand, as root on a Debian machine:
#
#   swift build --product fornye                     # or -c release, and FORNYE=.build/release/fornye
#   scripts/cluster/run.sh                           # the workload phases, pass/fail per check
#   scripts/cluster/run.sh --throughput              # also wrk: one instance vs two behind haproxy,
#                                                    # interleaved rounds (WRK_ROUNDS, WRK_SECONDS)
#   scripts/cluster/run.sh --reduced                 # less data, same checks (see below)
#   LB_PORT=8170 A_PORT=8171 B_PORT=8172 …           # other ports than 18080-18082
#
# It installs what is missing from Debian (postgresql, haproxy, socat, wrk), starts the local
# PostgreSQL cluster if it is down, makes a fresh database `fornye_cluster` (dropped first), a
# shared secret and a shared upload spool in a temporary directory, creates the users and two
# synthetic waves with `fornye`, writes haproxy's configuration and runs workload.py, which starts
# and stops the instances itself. Only loopback addresses are used; every loop is bounded.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export FORNYE=${FORNYE:-$ROOT/.build/debug/fornye}
[ -x "$FORNYE" ] || { echo "build first: swift build --product fornye (or set FORNYE)" >&2; exit 2; }
export LB_PORT=${LB_PORT:-18080} A_PORT=${A_PORT:-18081} B_PORT=${B_PORT:-18082}
export WORK=${WORK:-$(mktemp -d /tmp/fornye-cluster.XXXXXX)}
# --reduced: the same phases on less data (60 units, 20 submissions, a 25,000-row import), no wrk.
# (Imports of up to 20,000 rows are stored within the confirm request; a larger one runs as a job,
# and workload.py holds a lock that its storing waits for, so the kill cannot come too late.)
# Still minutes, not seconds (two server starts, three restarts, the import's 30 s lease): about 4.5.
if [ "${1:-}" = "--reduced" ]; then
  shift
  UNITS=${UNITS:-60} IMPORT_ROWS=${IMPORT_ROWS:-25000} SUBMISSIONS=${SUBMISSIONS:-20}
fi
UNITS=${UNITS:-400}
export IMPORT_ROWS=${IMPORT_ROWS:-30000} SUBMISSIONS=${SUBMISSIONS:-100}

need=()
for pair in psql:postgresql haproxy:haproxy socat:socat wrk:wrk; do
  command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -q; then
  cluster=$(pg_lsclusters -h | awk 'NR == 1 {print $1 " " $2}')
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start
fi
DB=${CLUSTER_DB:-fornye_cluster}   # another name lets two runs go side by side (with other ports)
su postgres -c "psql -q -c \"DROP DATABASE IF EXISTS $DB\"" >/dev/null
su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN CREATE ROLE fornye_cluster LOGIN PASSWORD 'fornye_cluster'; EXCEPTION WHEN duplicate_object THEN NULL; END \\\$\\\$\"" >/dev/null
su postgres -c "createdb -O fornye_cluster $DB"

export DATABASE_URL=postgres://fornye_cluster:fornye_cluster@127.0.0.1:5432/$DB
FORNYE_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
export FORNYE_SECRET_KEY
export FORNYE_PUBLIC_URL=http://127.0.0.1:$LB_PORT
export FORNYE_IMPORT_SPOOL=$WORK/spool   # one directory for both instances
mkdir -p "$FORNYE_IMPORT_SPOOL"

HAPROXY_PID=""
cleanup() {
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null || true
}
trap cleanup EXIT

# Migrations run once, before any instance starts (docs/OPERATIONS.md, "Zero-downtime deploys").
"$FORNYE" migrate >"$WORK/migrate.log"
export ADMIN_PASSWORD="klynge passord tre fire" VICTIM_PASSWORD="et annet langt passord"
echo "$ADMIN_PASSWORD" | "$FORNYE" user create --email admin@cluster.example --name "Admin (syntetisk)" \
  --role admin --password-stdin >/dev/null
echo "$VICTIM_PASSWORD" | "$FORNYE" user create --email analytiker@cluster.example \
  --name "Analytiker (syntetisk)" --role analyst --password-stdin >/dev/null

# Two synthetic waves: one open for submissions, one closed to import into.
python3 - "$WORK" "$UNITS" "$IMPORT_ROWS" <<'PY'
import sys
work, units, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(f"{work}/frame.csv", "w") as f:
    f.write("enhet,kommunenummer,sektor,enhetstype,epost\n")
    for i in range(units):
        f.write(f"Enhet {i} (syntetisk),0301,{1 + i % 2},{1 + i % 6},enhet{i}@example.test\n")
with open(f"{work}/import.csv", "w") as f:
    f.write("kommunenummer,sector,unit_type,role,innovated_service,innovated_product,"
            "innovated_organisation,innovated_communication,newest_type\n")
    for i in range(rows):
        f.write(["0301,1,1,1,1,2,2,2,1\n", "1103,2,5,2,2,2,2,2,\n", "5001,1,2,3,2,2,2,1,4\n"][i % 3])
PY
"$FORNYE" wave-create --slug klynge --title "Klyngetest (syntetisk)" --mode identified \
  --date 2026-03-01 --sample-frame "$WORK/frame.csv" --links "$WORK/links.csv" --open \
  --organizer "Fornye (test)" --contact-email test@example.no --retention-until 2099-12-31 \
  --base-url "$FORNYE_PUBLIC_URL" >"$WORK/wave.log"
"$FORNYE" wave-create --slug klynge-import --title "Klyngeimport (syntetisk)" --mode identified \
  --date 2026-03-01 --sample-frame "$WORK/frame.csv" --links "$WORK/links-import.csv" \
  --organizer "Fornye (test)" --contact-email test@example.no --retention-until 2099-12-31 \
  --base-url "$FORNYE_PUBLIC_URL" >>"$WORK/wave.log"

cat >"$WORK/haproxy.cfg" <<CFG
global
    maxconn 4000
    stats socket $WORK/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 120s
    retries 3
    option redispatch
    option http-server-close
    option httpchk GET /health
    # As deploy/haproxy.cfg: one slow /health (it waits up to 2 s for a pooled connection, which a
    # saturated instance may not have) must not take an instance out of rotation.
    default-server inter 1s fall 2 rise 2
frontend web
    bind 127.0.0.1:$LB_PORT
    default_backend fornye
backend fornye
    balance roundrobin
    retry-on conn-failure empty-response
    server A 127.0.0.1:$A_PORT check
    server B 127.0.0.1:$B_PORT check
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!

echo "work directory: $WORK ($FORNYE)"
python3 "$HERE/workload.py" "$@"
