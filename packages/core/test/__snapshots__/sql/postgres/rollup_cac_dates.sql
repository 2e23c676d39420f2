-- {"metric":"cac","range":"last_7_days","tz":"America/Los_Angeles","grain":"week","compare":"none"}
-- params: ["tenant_1",[0,1,2],[20774,20774,20780],[20781,20780,20781],[0,1],[20775,20775],[20780,20780],[0,0,1,1,2],[498584,498720,498584,498720,498728],[498600,498729,498600,498728,498729],[0,2],[1994916,1994916],[1994918,1994918],"cac",[0],[20774],"1k4mrtmxh3d","","2487it72s96",":day",":15","6.16.1y07llgmu1w"]
WITH w0(i, a, b) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, a, b) AS (SELECT * FROM unnest(CAST($5 AS BIGINT[]), CAST($6 AS BIGINT[]), CAST($7 AS BIGINT[]))),
  w2(i, a, b) AS (SELECT * FROM unnest(CAST($8 AS BIGINT[]), CAST($9 AS BIGINT[]), CAST($10 AS BIGINT[]))),
  w3(i, a, b) AS (SELECT * FROM unnest(CAST($11 AS BIGINT[]), CAST($12 AS BIGINT[]), CAST($13 AS BIGINT[]))),
  w4(i, d) AS (SELECT * FROM unnest(CAST($15 AS BIGINT[]), CAST($16 AS BIGINT[])))
SELECT * FROM (SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w4 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $14 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $17 AND ro.v0 IS NOT NULL AND ro.dim = $18 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $19 AND ro.v0 IS NOT NULL AND ro.dim = $20 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $19 AND ro.v0 IS NOT NULL AND ro.dim = $18 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $19 AND ro.v0 IS NOT NULL AND ro.dim = $21 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT -1 AS r, 0 AS wi, NULL AS k, CASE WHEN EXISTS (SELECT 1 FROM rollup_versions rv WHERE rv.tenant_id = $1 AND rv.version = $22) THEN 1 ELSE 0 END AS v, 0 AS n) u1
