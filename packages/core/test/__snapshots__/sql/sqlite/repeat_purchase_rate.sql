-- {"metric":"repeat_purchase_rate","range":"last_month","grain":"month","compare":"none"}
-- params: ["tenant_1","[[0,1790812800000,1793491200000]]","placed","repeat_purchase_rate","[[0,20727]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?5))
SELECT 0 AS r, g.wi, g.k, count(*) AS v, count(*) AS n FROM (SELECT w.i AS wi, NULL AS k, f.customer_id AS x FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) AND f.customer_id IS NOT NULL GROUP BY w.i, x HAVING count(*) >= 2) g GROUP BY g.wi, g.k
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(DISTINCT f.customer_id) AS v, count(DISTINCT f.customer_id) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
