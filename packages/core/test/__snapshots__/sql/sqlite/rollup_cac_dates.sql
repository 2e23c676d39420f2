-- {"metric":"cac","range":"last_7_days","tz":"America/Los_Angeles","grain":"week","compare":"none"}
-- params: ["tenant_1","[[0,20774,20781],[1,20774,20780],[2,20780,20781]]","[[0,20775,20780],[1,20775,20780]]","[[0,498584,498600],[0,498720,498729],[1,498584,498600],[1,498720,498728],[2,498728,498729]]","[[0,1994916,1994918],[2,1994916,1994918]]","cac","[[0,20774]]","1k4mrtmxh3d","","2487it72s96",":day",":15","6.16.1y07llgmu1w"]
WITH w0(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3)),
  w2(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?4)),
  w3(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?5)),
  w4(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?7))
SELECT * FROM (SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w4 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?6 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?8 AND ro.v0 IS NOT NULL AND ro.dim = ?9 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?10 AND ro.v0 IS NOT NULL AND ro.dim = ?11 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?10 AND ro.v0 IS NOT NULL AND ro.dim = ?9 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w3 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?10 AND ro.v0 IS NOT NULL AND ro.dim = ?12 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT -1 AS r, 0 AS wi, NULL AS k, CASE WHEN EXISTS (SELECT 1 FROM rollup_versions rv WHERE rv.tenant_id = ?1 AND rv.version = ?13) THEN 1 ELSE 0 END AS v, 0 AS n) u1
