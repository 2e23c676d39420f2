-- {"metric":"customer_retention_rate","range":"last_month","grain":"month","compare":"none"}
-- params: ["tenant_1","[[0,1759276800000,1790812800000,1761955200000,1793491200000]]","placed","[[0,1790812800000,1793491200000]]","customer_retention_rate","[[0,20727]]"]
WITH w0(i, a, s, b, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?2)),
  w1(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?4)),
  w2(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?6))
SELECT 0 AS r, g.wi, g.k, count(*) AS v, count(*) AS n FROM (SELECT w.i AS wi, NULL AS k, f.customer_id AS x, max(CASE WHEN f.placed_at_ms < w.s THEN 1 ELSE 0 END) AS a, max(CASE WHEN f.placed_at_ms >= w.b THEN 1 ELSE 0 END) AS b FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.a AND f.placed_at_ms < w.e WHERE (f.status = ?3) AND f.customer_id IS NOT NULL GROUP BY w.i, x) g WHERE g.b = 1 GROUP BY g.wi, g.k
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w1 w JOIN (SELECT f.*, row_number() OVER (PARTITION BY f.customer_id ORDER BY f.placed_at_ms, f.id) AS rn FROM orders f WHERE f.tenant_id = ?1 AND f.placed_at_ms IS NOT NULL AND f.customer_id IS NOT NULL AND (f.status = ?3)) f ON f.rn = 1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, g.k, count(*) AS v, count(*) AS n FROM (SELECT w.i AS wi, NULL AS k, f.customer_id AS x, max(CASE WHEN f.placed_at_ms < w.s THEN 1 ELSE 0 END) AS a, max(CASE WHEN f.placed_at_ms >= w.b THEN 1 ELSE 0 END) AS b FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.a AND f.placed_at_ms < w.e WHERE (f.status = ?3) AND f.customer_id IS NOT NULL GROUP BY w.i, x) g WHERE g.a = 1 GROUP BY g.wi, g.k
UNION ALL
SELECT 3 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w2 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?5 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
