-- {"metric":"hit_rate","range":"last_7_days","grain":"week","by":"product","compare":"none"}
-- params: ["tenant_1","[[0,1794873600000,1795426200000],[1,1794873600000,1795392000000],[2,1795392000000,1795426200000]]","placed","hit_rate","[[0,20774]]","[[0,1794873600000,1795426200000]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?5)),
  w2(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?6))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = ?3) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(DISTINCT f.customer_id) AS v, count(DISTINCT f.customer_id) AS n FROM w0 w JOIN tickets f ON f.tenant_id = ?1 AND f.created_at_ms >= w.s AND f.created_at_ms < w.e WHERE (f.product_id IS NOT NULL) GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 3 AS r, w.i AS wi, l.product_id AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w2 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = ?3) GROUP BY w.i, k
UNION ALL
SELECT 4 AS r, w.i AS wi, f.product_id AS k, count(DISTINCT f.customer_id) AS v, count(DISTINCT f.customer_id) AS n FROM w2 w JOIN tickets f ON f.tenant_id = ?1 AND f.created_at_ms >= w.s AND f.created_at_ms < w.e WHERE (f.product_id IS NOT NULL) GROUP BY w.i, k
