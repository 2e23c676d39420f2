-- {"metric":"cac","range":"last_7_days","tz":"America/Los_Angeles","grain":"week","compare":"none"}
-- params: ["tenant_1","[[0,20774,20781],[1,20774,20780],[2,20780,20781]]","placed","[[0,1794902400000,1795426200000],[1,1794902400000,1795420800000],[2,1795420800000,1795426200000]]","cac","[[0,20774]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?4)),
  w2(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?6))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.spend) AS v, count(f.spend) AS n FROM w0 w JOIN ad_spend f ON f.tenant_id = ?1 AND f.date_day >= w.s AND f.date_day < w.e WHERE f.acquisition GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w1 w JOIN (SELECT f.*, row_number() OVER (PARTITION BY f.customer_id ORDER BY f.placed_at_ms, f.id) AS rn FROM orders f WHERE f.tenant_id = ?1 AND f.placed_at_ms IS NOT NULL AND f.customer_id IS NOT NULL AND (f.status = ?3)) f ON f.rn = 1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w2 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?5 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
