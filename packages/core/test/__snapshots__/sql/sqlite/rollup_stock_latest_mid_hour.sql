-- {"metric":"stockout_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1","sxzevrums2",":day","",":15","1j75de5rdn6","stockout_rate"]
WITH w0(i, a, b) AS (VALUES (1, 20775, 20776), (2, 20776, 20777), (3, 20777, 20778), (4, 20778, 20779), (5, 20779, 20780)),
  w1(i, a, b) AS (VALUES (6, 498720, 498729)),
  w2(i, a, b) AS (VALUES (6, 1994916, 1994918), (6, 1994918, 1994919)),
  w3(i, s, e) AS (VALUES (6, 1795426620000, 1795427100000)),
  w4(i, a, b) AS (VALUES (0, -3000000000, -2999999999)),
  w5(i, a, b) AS (VALUES (0, 20781, 100000000)),
  w6(i, a, b) AS (VALUES (0, 498730, 498744)),
  w7(i, a, b) AS (VALUES (0, 1994919, 1994920)),
  w8(i, s, e) AS (VALUES (14, 1795426620000, 1795427100000)),
  w9(i, s, e) AS (VALUES (13, 1795426620000, 1795427100000)),
  w10(i, s, e) AS (VALUES (15, 1795426620000, 1795427100000)),
  w11(i, d) AS (VALUES (0, 20774))
SELECT * FROM (SELECT * FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w3 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE (f.quantity = 0) AND f.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w4 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT 0 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w7 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v0 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE (f.quantity = 0) AND f.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u1
UNION ALL
SELECT * FROM (SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL AND (f.quantity = 0) GROUP BY w.i) l
UNION ALL
SELECT 0 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w4 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u2
UNION ALL
SELECT * FROM (SELECT 0 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w7 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v0 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL AND (f.quantity = 0) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u3
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w3 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE f.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w4 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u4) u0
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 1 AS r, w.i + 14 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w7 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v3 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE f.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u5
UNION ALL
SELECT * FROM (SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i + 7 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w4 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + 15 AS wi, NULL AS k, sum(ro.v3) AS v, sum(ro.n3) AS n FROM w7 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?6 AND ro.v3 IS NOT NULL AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u6
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w11 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?7 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1) u7) u1
