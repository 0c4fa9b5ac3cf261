#!/usr/bin/env bash
# Byte-identity check for refactorings (issue 13): what users and API clients get must not change.
#
#   scripts/identity/run.sh capture OUT_DIR     render and fetch everything into OUT_DIR
#   scripts/identity/run.sh compare DIR_A DIR_B  compare two captures byte by byte (exit 1 on a difference)
#
# `capture` uses the `fornye` binary in $FORNYE_BIN, else .build/debug/fornye (built with
# `swift build --product fornye` when missing), and writes:
#   report/                  `fornye report --out` (the synthetic 2018 baseline: index.html and a CSV per figure)
#   openapi-cli.json         `fornye openapi`
#   http/*.body, *.head      from `fornye serve` on a free loopback port with a fresh SQLite database in a
#                            temporary directory (demo content seeded): the results page with two filters,
#                            a figure's CSV download with the same filters, three API answers, the OpenAPI
#                            document, and the project bank's open-data CSV; *.head keeps the status line and
#                            the Content-Type and Content-Disposition headers only.
#
# Both run with SWIFT_DETERMINISTIC_HASHING=1: otherwise dictionaries iterate in another order in
# every process, and JSON answers list their keys in another order.
#
# `compare` masks only what must differ between two runs (normalize.py, in copies; the captures
# stay untouched), and only in the server's answers (http/):
#   - the CSRF token in pages (`name="_csrf" value="…"`): random per session;
#   - numbers with more than 11 significant digits, rounded to 11: the server loads a wave's
#     responses in random row order (their ids are random by design), so full-precision sums
#     differ in their last digits between runs of the same code;
#   - in the project bank's CSV export the ISO 8601 instants and the six random hex digits that end
#     each demo project's slug (both are made when the server seeds the demo projects), and its
#     lines are sorted (the export is in slug order, so those digits order projects of equal titles).
# The report and `fornye openapi` output must be equal byte for byte, and so must everything else.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() {
    sed -n '2,5p' "$0" >&2
    exit 2
}

capture() {
    local out=$1
    local bin=${FORNYE_BIN:-$root/.build/debug/fornye}
    if [ ! -x "$bin" ]; then
        (cd "$root" && swift build --product fornye)
    fi
    rm -rf "$out"
    mkdir -p "$out/http"
    out=$(cd "$out" && pwd)

    # Swift seeds its hashing per process, so dictionaries iterate in a different order each run:
    # JSON objects would list their keys, and sums their terms, in another order (last-digit
    # differences in full-precision numbers). A fixed seed makes two runs comparable.
    export SWIFT_DETERMINISTIC_HASHING=1
    "$bin" report --out "$out/report" >"$out/report.log"
    "$bin" openapi >"$out/openapi-cli.json"

    local work
    work=$(mktemp -d)
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # A fresh database: only DATABASE_URL chooses it, so clear anything inherited.
    env -u DATABASE_URL FORNYE_DATA_DIR="$work/data" FORNYE_HOST=127.0.0.1 FORNYE_PORT="$port" \
        LOG_LEVEL=warning "$bin" serve >"$work/serve.log" 2>&1 &
    local server=$!
    trap 'kill '"$server"' 2>/dev/null; wait '"$server"' 2>/dev/null; rm -rf '"$work" EXIT
    local base="http://127.0.0.1:$port"
    local waited=0
    until curl -sf -o /dev/null "$base/health"; do
        if ! kill -0 "$server" 2>/dev/null; then
            cat "$work/serve.log" >&2
            echo "fornye serve exited before answering" >&2
            exit 1
        fi
        waited=$((waited + 1))
        if [ "$waited" -gt 600 ]; then
            echo "fornye serve did not answer /health within 300 s" >&2
            exit 1
        fi
        sleep 0.5
    done

    local wave=2018-syntetisk
    local filters="sector=1&unit_type=1"
    fetch "$base" "$out/http/barometer-filtered" "/barometer/$wave?$filters"
    fetch "$base" "$out/http/barometer-figure-csv" "/barometer/$wave/figurer/fig-4-1.csv?$filters"
    fetch "$base" "$out/http/api-waves" "/api/v1/waves"
    fetch "$base" "$out/http/api-figure" "/api/v1/waves/$wave/figures/fig-4-1?$filters"
    fetch "$base" "$out/http/api-estimates" "/api/v1/waves/$wave/estimates?variable=innovated&by=sector"
    fetch "$base" "$out/http/api-openapi" "/api/openapi.json"
    fetch "$base" "$out/http/projects-export-csv" "/prosjekter/eksport.csv"
    echo "captured into $out"
}

# fetch BASE FILE PATH: the body to FILE.body; status line, Content-Type and Content-Disposition to FILE.head.
fetch() {
    local headers
    headers=$(mktemp)
    curl -s --max-time 120 -D "$headers" -o "$2.body" "$1$3"
    {
        echo "GET $3"
        head -n 1 "$headers" | tr -d '\r'
        grep -i '^content-type:\|^content-disposition:' "$headers" | tr -d '\r' | sort
    } >"$2.head"
    rm -f "$headers"
    if ! head -n 1 "$2.head" >/dev/null || ! sed -n 2p "$2.head" | grep -q ' 200'; then
        echo "warning: $3 answered $(sed -n 2p "$2.head")" >&2
    fi
}

compare() {
    local work
    work=$(mktemp -d)
    trap 'rm -rf '"$work" EXIT
    cp -r "$1" "$work/a"
    cp -r "$2" "$work/b"
    rm -f "$work/a/report.log" "$work/b/report.log"
    python3 "$here/normalize.py" "$work/a"
    python3 "$here/normalize.py" "$work/b"
    if diff -r -q "$work/a" "$work/b"; then
        echo "identical: $(find "$work/a" -type f | wc -l) files ($1 and $2, masks as in the script's header)"
    else
        echo "DIFFERENT (first lines of each difference):" >&2
        diff -r "$work/a" "$work/b" | head -40 >&2
        exit 1
    fi
}

case "${1:-}" in
    capture) [ $# -eq 2 ] || usage; capture "$2" ;;
    compare) [ $# -eq 3 ] || usage; compare "$2" "$3" ;;
    *) usage ;;
esac
