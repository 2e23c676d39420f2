-- {"metric":"stockout_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1",[1,2,3,4,5],[20775,20776,20777,20778,20779],[20776,20777,20778,20779,20780],"sxzevrums2",":day",[6],[498720],[498729],"",[6,6],[1994916,1994918],[1994918,1994919],":15",[6],[1795426620000],[1795427100000],[0],[-3000000000],[-2999999999],[0],[20781],[100000000],[0],[498730],[498744],[0],[1994919],[1994920],[14],[1795426620000],[1795427100000],"1j75de5rdn6",[13],[1795426620000],[1795427100000],[15],[1795426620000],[1795427100000],"stockout_rate",[0],[20774]]
WITH w0(i, a, b) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, a, b) AS (SELECT * FROM unnest(CAST($7 AS BIGINT[]), CAST($8 AS BIGINT[]), CAST($9 AS BIGINT[]))),
  w2(i, a, b) AS (SELECT * FROM unnest(CAST($11 AS BIGINT[]), CAST($12 AS BIGINT[]), CAST($13 AS BIGINT[]))),
  w3(i, s, e) AS (SELECT * FROM unnest(CAST($15 AS BIGINT[]), CAST($16 AS BIGINT[]), CAST($17 AS BIGINT[]))),
  w4(i, a, b) AS (SELECT * FROM unnest(CAST($18 AS BIGINT[]), CAST($19 AS BIGINT[]), CAST($20 AS BIGINT[]))),
  w5(i, a, b) AS (SELECT * FROM unnest(CAST($21 AS BIGINT[]), CAST($22 AS BIGINT[]), CAST($23 AS BIGINT[]))),
  w6(i, a, b) AS (SELECT * FROM unnest(CAST($24 AS BIGINT[]), CAST($25 AS BIGINT[]), CAST($26 AS BIGINT[]))),
  w7(i, a, b) AS (SELECT * FROM unnest(CAST($27 AS BIGINT[]), CAST($28 AS BIGINT[]), CAST($29 AS BIGINT[]))),
  w8(i, s, e) AS (SELECT * FROM unnest(CAST($30 AS BIGINT[]), CAST($31 AS BIGINT[]), CAST($32 AS BIGINT[]))),
  w9(i, s, e) AS (SELECT * FROM unnest(CAST($34 AS BIGINT[]), CAST($35 AS BIGINT[]), CAST($36 AS BIGINT[]))),
  w10(i, s, e) AS (SELECT * FROM unnest(CAST($37 AS BIGINT[]), CAST($38 AS BIGINT[]), CAST($39 AS BIGINT[]))),
  w11(i, d) AS (SELECT * FROM unnest(CAST($41 AS BIGINT[]), CAST($42 AS BIGINT[])))
SELECT * FROM (SELECT * FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM inventory f WHERE f.tenant_id = $1 AND f.at_ms >= w.s AND f.at_ms < w.e OFFSET 0) f WHERE (f.quantity = 0) AND f.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT 0 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN LATERAL (SELECT * FROM inventory f WHERE f.tenant_id = $1 AND f.at_ms >= w.s AND f.at_ms < w.e OFFSET 0) f WHERE (f.quantity = 0) AND f.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u1
UNION ALL
SELECT * FROM (SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN LATERAL (SELECT * FROM inventory g WHERE g.tenant_id = $1 AND g.at_ms >= w.s AND g.at_ms < w.e OFFSET 0) g JOIN inventory f ON f.tenant_id = $1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = $1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id COLLATE "C" < g.id COLLATE "C")) ORDER BY p.at_ms DESC, p.id COLLATE "C" DESC LIMIT 1) WHERE g.sku IS NOT NULL AND (f.quantity = 0) GROUP BY w.i) l
UNION ALL
SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u2
UNION ALL
SELECT * FROM (SELECT 0 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN LATERAL (SELECT * FROM inventory g WHERE g.tenant_id = $1 AND g.at_ms >= w.s AND g.at_ms < w.e OFFSET 0) g JOIN inventory f ON f.tenant_id = $1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = $1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id COLLATE "C" < g.id COLLATE "C")) ORDER BY p.at_ms DESC, p.id COLLATE "C" DESC LIMIT 1) WHERE g.sku IS NOT NULL AND (f.quantity = 0) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u3
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM inventory f WHERE f.tenant_id = $1 AND f.at_ms >= w.s AND f.at_ms < w.e OFFSET 0) f WHERE f.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u4) u0
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 1 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $5 AND ro.v3 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN LATERAL (SELECT * FROM inventory f WHERE f.tenant_id = $1 AND f.at_ms >= w.s AND f.at_ms < w.e OFFSET 0) f WHERE f.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u5
UNION ALL
SELECT * FROM (SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN LATERAL (SELECT * FROM inventory g WHERE g.tenant_id = $1 AND g.at_ms >= w.s AND g.at_ms < w.e OFFSET 0) g JOIN inventory f ON f.tenant_id = $1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = $1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id COLLATE "C" < g.id COLLATE "C")) ORDER BY p.at_ms DESC, p.id COLLATE "C" DESC LIMIT 1) WHERE g.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $6 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $33 AND ro.v3 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u6
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN LATERAL (SELECT * FROM inventory g WHERE g.tenant_id = $1 AND g.at_ms >= w.s AND g.at_ms < w.e OFFSET 0) g JOIN inventory f ON f.tenant_id = $1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = $1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id COLLATE "C" < g.id COLLATE "C")) ORDER BY p.at_ms DESC, p.id COLLATE "C" DESC LIMIT 1) WHERE g.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w11 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $40 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1) u7) u1
