#!/bin/sh
# Where a PostgreSQL search's time goes on the database side (issue 21, item 3): captures the statements
# one `GET /api/v1/projects?q=WORD` sends (a server at --log-level debug logs each with its binds), writes
# them as a pgbench script with the binds inlined, and runs it beside PostgreSQL's own ranked query
# (ts_rank top 20), with the simple protocol (each statement parsed and planned, as PostgresNIO's
# unnamed statements are) and with prepared statements (plans cached per connection).
#
#   scripts/search/pg-search-statements.sh postgres://fornye_ci:fornye_ci@127.0.0.1:5432/fornye_search [word] [port]
#
# Needs a built `fornye` (.build/debug or FORNYE=path), pgbench, curl and python3. Writes bench-out/pgstmt-*.
set -eu
cd "$(dirname "$0")/../.."
url=$1
word=${2:-chatbot}
port=${3:-8120}
fornye=${FORNYE:-.build/debug/fornye}
out=bench-out/pgstmt
mkdir -p bench-out
"$fornye" serve --database-url "$url" --port "$port" --log-level debug > "$out-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/projects?q=$word" && break; sleep 2; done
curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/projects?q=$word"
sleep 1
kill $server; wait $server 2>/dev/null || true
trap - EXIT
python3 - "$out-serve.log" "$out" "$word" <<'PY'
import ast, re, sys
log, out, word = sys.argv[1:4]
lines = open(log).read().split('\n')
# The statements of the last request (the request id of its completion line).
done = [l for l in lines if 'GET /api/v1/projects 200' in l]
rid = re.search(r'request-id=(\S+)', done[-1]).group(1)
stmts, cur, binds = [], None, None
for l in lines:
    if cur is None and 'sql=' in l and 'binds=' in l and f'request-id={rid}' in l:
        binds = ast.literal_eval(l[l.index('binds=') + 6:l.index('] database-id') + 1])
        cur = [l[l.index('sql=') + 4:]]
    elif cur is not None:
        cur.append(l)
    # PostgresKit's unnamed statements and Fornye's prepared ones (PreparedStatements) log alike.
    if cur is not None and re.search(r' \[\w+\] Executing query', cur[-1]):
        cur[-1] = re.split(r' \[\w+\] Executing query', cur[-1])[0]
        # An array bind (`= ANY($1)`) is logged as [1, 2, 3]: as an array literal.
        lit = lambda b: '{' + b[1:-1].replace(' ', '') + '}' if re.fullmatch(r'\[[\d, ]*\]', b) else b
        sql = re.sub(r'\$(\d+)', lambda m: "'" + lit(binds[int(m.group(1)) - 1]).replace("'", "''") + "'", '\n'.join(cur))
        stmts.append('\n'.join(x for x in sql.split('\n') if not x.strip().startswith('--')).strip() + ';')
        cur = None
open(out + '-fornye.sql', 'w').write('\n'.join(stmts) + '\n')
open(out + '-raw.sql', 'w').write(
    "SELECT key FROM project_search, websearch_to_tsquery('english', '%s') q WHERE document @@ q "
    "ORDER BY ts_rank(document, q) DESC LIMIT 20;\n" % word.replace("'", "''"))
print(f'{len(stmts)} statements in {out}-fornye.sql')
PY
for clients in 1 4; do
    for mode in simple prepared; do
        for script in raw fornye; do
            load=$(cut -d' ' -f1-3 /proc/loadavg)
            result=$(pgbench -n -c $clients -j $((clients > 1 ? 2 : 1)) -T 10 -M $mode -f "$out-$script.sql" "$url" 2>&1 \
                | grep -E '^tps|latency average' | sed 's/ (without initial connection time)//' | tr '\n' ' ')
            echo "clients=$clients $mode $script (load $load): $result"
        done
    done
done
