-- {"metric":"revenue","range":"last_7_days","tz":"Europe/Moscow","filters":{"region":["EU","US"]},"by":"channel","compare":"none"}
-- params: ["tenant_1",[0,1,2,3,4,5,6,7],[1794862800000,1794862800000,1794949200000,1795035600000,1795122000000,1795208400000,1795294800000,1795381200000],[1795426200000,1794949200000,1795035600000,1795122000000,1795208400000,1795294800000,1795381200000,1795426200000],"placed","EU","US","revenue",[0],[20774],[20780.520833333332],[0],[1794862800000],[1795426200000]]
WITH w0(i, s, e) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, s, e) AS (SELECT * FROM unnest(CAST($9 AS BIGINT[]), CAST($10 AS BIGINT[]), CAST($11 AS DOUBLE PRECISION[]))),
  w2(i, s, e) AS (SELECT * FROM unnest(CAST($12 AS BIGINT[]), CAST($13 AS BIGINT[]), CAST($14 AS BIGINT[])))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.total) AS v, count(f.total) AS n FROM w0 w JOIN orders f ON f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = $5) AND f.region IN ($6, $7) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (LEAST(w.e, t.end_day) - GREATEST(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $8 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
UNION ALL
SELECT 2 AS r, w.i AS wi, f.channel AS k, sum(f.total) AS v, count(f.total) AS n FROM w2 w JOIN orders f ON f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = $5) AND f.region IN ($6, $7) GROUP BY w.i, k
