-- {"metric":"conversion_rate","range":"last_month","by":"visitor","filters":{"visitor":"new"},"compare":"none"}
-- params: ["tenant_1",[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31],[497448,497448,497472,497496,497520,497544,497568,497592,497616,497640,497664,497688,497712,497736,497760,497784,497808,497832,497856,497880,497904,497928,497952,497976,498000,498024,498048,498072,498096,498120,498144,498168],[498192,497472,497496,497520,497544,497568,497592,497616,497640,497664,497688,497712,497736,497760,497784,497808,497832,497856,497880,497904,497928,497952,497976,498000,498024,498048,498072,498096,498120,498144,498168,498192],"25pkwg9p8y6","newVisitor","new","conversion_rate",[0],[20727],[0],[497448],[498192]]
WITH w0(i, a, b) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, d) AS (SELECT * FROM unnest(CAST($9 AS BIGINT[]), CAST($10 AS BIGINT[]))),
  w2(i, a, b) AS (SELECT * FROM unnest(CAST($11 AS BIGINT[]), CAST($12 AS BIGINT[]), CAST($13 AS BIGINT[])))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v2) AS v, sum(ro.n2) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v2 IS NOT NULL AND ro.dim = $6 AND ro.value IN ($7) AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v6 IS NOT NULL AND ro.dim = $6 AND ro.value IN ($7) AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $8 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 3 AS r, w.i AS wi, NULLIF(ro.value, '') AS k, sum(ro.v2) AS v, sum(ro.n2) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v2 IS NOT NULL AND ro.dim = $6 AND ro.value IN ($7) AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i, k
UNION ALL
SELECT 4 AS r, w.i AS wi, NULLIF(ro.value, '') AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v6 IS NOT NULL AND ro.dim = $6 AND ro.value IN ($7) AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i, k
