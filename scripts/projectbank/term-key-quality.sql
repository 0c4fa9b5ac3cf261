-- Ranking quality of PostgreSQL's term-key search path (ProjectSearch+PostgreSQL.swift, migration 0047)
-- against ts_rank over every match: top 20 of 80 sampled words. Run on a 100k bench copy:
--   psql postgres://fornye_ci:fornye_ci@127.0.0.1:5432/fornye_bench_NAME -f scripts/projectbank/term-key-quality.sql
-- (docs/PERFORMANCE.md, «Search and similar on PostgreSQL, session 5»)
SET jit = off;
CREATE FUNCTION pg_temp.cmp(w text) RETURNS TABLE(same boolean, overlap int, hits int, pool int) AS $$
WITH q AS (SELECT websearch_to_tsquery('norwegian', w) || websearch_to_tsquery('english', w) AS query),
old AS (SELECT array_agg(key ORDER BY r DESC, key) a FROM (SELECT f.key, ts_rank(f.document, q.query, 1) r FROM project_search f, q WHERE f.document @@ q.query ORDER BY r DESC, f.key LIMIT 20) x),
l AS (SELECT DISTINCT replace(x[1], '''''', '''') AS term FROM q, regexp_matches(q.query::text, '''((?:[^'']|'''')*)''', 'g') x),
m AS (SELECT k.key, SUM(k.weight) s FROM l JOIN project_term_keys k ON k.term = l.term GROUP BY k.key),
r AS (SELECT key, s, row_number() OVER (ORDER BY s DESC, key) n FROM m), top AS (SELECT key FROM r WHERE n <= 2000 AND s >= (SELECT min(s) FROM r WHERE n <= 200)),
new AS (SELECT array_agg(key ORDER BY r DESC, key) a FROM (SELECT f.key, ts_rank(f.document, q.query, 1) r FROM top JOIN project_search f ON f.key = top.key, q ORDER BY r DESC, f.key LIMIT 20) y)
SELECT old.a = new.a, (SELECT count(*) FROM unnest(old.a) u WHERE u = ANY(new.a))::int, (SELECT count(*) FROM m)::int, (SELECT count(*) FROM top)::int FROM old, new
$$ LANGUAGE sql;
SELECT count(*), count(*) FILTER (WHERE same), round(avg(overlap) FILTER (WHERE hits > 0), 2), min(overlap) FILTER (WHERE hits > 0), max(pool) FROM (SELECT term FROM project_terms WHERE df BETWEEN 300 AND 12000 ORDER BY md5(term) LIMIT 80) t, pg_temp.cmp(t.term) r;
