-- {"metric":"sales_target_attainment","range":"mtd","grain":"month","compare":"none"}
-- params: ["tenant_1","[[0,1793491200000,1795426200000]]","placed","revenue","[[0,20758,20780.395833333332]]","sales_target_attainment","[[0,20758]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?5)),
  w2(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?7))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.total) AS v, count(f.total) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (min(w.e, t.end_day) - max(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w2 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?6 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
