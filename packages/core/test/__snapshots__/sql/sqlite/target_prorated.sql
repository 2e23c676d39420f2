-- {"metric":"sales_target_attainment","range":"mtd","grain":"month","compare":"none"}
-- params: ["tenant_1","placed","revenue","sales_target_attainment"]
WITH w0(i, s, e) AS (VALUES (0, 1793491200000, 1795426200000)),
  w1(i, s, e) AS (VALUES (0, 20758, 20780.395833333332)),
  w2(i, d) AS (VALUES (0, 20758))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.total) AS v, count(f.total) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?2) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (min(w.e, t.end_day) - max(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?3 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w2 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
