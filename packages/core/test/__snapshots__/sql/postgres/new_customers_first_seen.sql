-- {"metric":"new_customers","range":"last_7_days","grain":"day","compare":"none"}
-- params: ["tenant_1","placed",[0,1,2,3,4,5,6,7],[1794873600000,1794873600000,1794960000000,1795046400000,1795132800000,1795219200000,1795305600000,1795392000000],[1795426200000,1794960000000,1795046400000,1795132800000,1795219200000,1795305600000,1795392000000,1795426200000],"new_customers",[0],[20774],[20780.395833333332]]
WITH w0(i, s, e) AS (SELECT * FROM unnest(CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]), CAST($5 AS BIGINT[]))),
  w1(i, s, e) AS (SELECT * FROM unnest(CAST($7 AS BIGINT[]), CAST($8 AS BIGINT[]), CAST($9 AS DOUBLE PRECISION[])))
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN (SELECT f.*, row_number() OVER (PARTITION BY f.customer_id ORDER BY f.placed_at_ms, f.id COLLATE "C") AS rn FROM orders f WHERE f.tenant_id = $1 AND f.placed_at_ms IS NOT NULL AND f.customer_id IS NOT NULL AND (f.status = $2)) f ON f.rn = 1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (LEAST(w.e, t.end_day) - GREATEST(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $6 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
