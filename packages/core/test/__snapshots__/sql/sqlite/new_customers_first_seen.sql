-- {"metric":"new_customers","range":"last_7_days","grain":"day","compare":"none"}
-- params: ["tenant_1","placed","[[0,1794873600000,1795426200000],[1,1794873600000,1794960000000],[2,1794960000000,1795046400000],[3,1795046400000,1795132800000],[4,1795132800000,1795219200000],[5,1795219200000,1795305600000],[6,1795305600000,1795392000000],[7,1795392000000,1795426200000]]","new_customers","[[0,20774,20780.395833333332]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3)),
  w1(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?5))
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN (SELECT f.*, row_number() OVER (PARTITION BY f.customer_id ORDER BY f.placed_at_ms, f.id) AS rn FROM orders f WHERE f.tenant_id = ?1 AND f.placed_at_ms IS NOT NULL AND f.customer_id IS NOT NULL AND (f.status = ?2)) f ON f.rn = 1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (min(w.e, t.end_day) - max(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
