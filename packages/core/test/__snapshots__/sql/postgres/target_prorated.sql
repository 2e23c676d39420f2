-- {"metric":"sales_target_attainment","range":"mtd","grain":"month","compare":"none"}
-- params: ["tenant_1",[0],[1793491200000],[1795426200000],"placed","revenue",[0],[20758],[20780.395833333332],"sales_target_attainment",[0],[20758]]
WITH w0(i, s, e) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, s, e) AS (SELECT * FROM unnest(CAST($7 AS BIGINT[]), CAST($8 AS BIGINT[]), CAST($9 AS DOUBLE PRECISION[]))),
  w2(i, d) AS (SELECT * FROM unnest(CAST($11 AS BIGINT[]), CAST($12 AS BIGINT[])))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.total) AS v, count(f.total) AS n FROM w0 w JOIN orders f ON f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = $5) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (LEAST(w.e, t.end_day) - GREATEST(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $6 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w2 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $10 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
