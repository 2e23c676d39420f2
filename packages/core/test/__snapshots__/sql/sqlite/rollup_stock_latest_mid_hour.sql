-- {"metric":"stockout_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1","stockout_rate","sxzevrums2","",":day",":15","1j75de5rdn6"]
WITH w0(i, a, b) AS (VALUES (0, -3000000000, -2999999999)),
  w1(i, a, b) AS (VALUES (1, 20775, 20776), (2, 20776, 20777), (3, 20777, 20778), (4, 20778, 20779), (5, 20779, 20780)),
  w2(i, a, b) AS (VALUES (6, 498720, 498729)),
  w3(i, a, b) AS (VALUES (6, 1994916, 1994918), (6, 1994918, 1994919)),
  w4(i, s, e) AS (VALUES (6, 1795426620000, 1795427100000)),
  w5(i, a, b) AS (VALUES (0, 20781, 100000000)),
  w6(i, a, b) AS (VALUES (0, 498730, 498744)),
  w7(i, a, b) AS (VALUES (0, 1994919, 1994920)),
  w8(i, s, e) AS (VALUES (14, 1795426620000, 1795427100000)),
  w9(i, s, e) AS (VALUES (13, 1795426620000, 1795427100000)),
  w10(i, s, e) AS (VALUES (15, 1795426620000, 1795427100000)),
  w11(i, d) AS (VALUES (0, 20774)),
  w12(i, r, d, s) AS (VALUES (0, 0, 0, 0), (1, 1, 0, 3)),
  w13(i, r, d, s) AS (VALUES (0, 0, 14, 0), (1, 1, 14, 3)),
  w14(i, r, d, s) AS (VALUES (0, 0, 7, 0), (1, 1, 7, 3)),
  w15(i, r, d, s) AS (VALUES (0, 0, 15, 0), (1, 1, 15, 3))
SELECT * FROM (SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w4 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE (f.quantity = 0) AND f.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE (f.quantity = 0) AND f.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL AND (f.quantity = 0) GROUP BY w.i) l
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL AND (f.quantity = 0) GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w4 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE f.sku IS NOT NULL GROUP BY w.i) l) u0
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN inventory f ON f.tenant_id = ?1 AND f.at_ms >= w.s AND f.at_ms < w.e WHERE f.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN inventory g ON g.tenant_id = ?1 AND g.at_ms >= w.s AND g.at_ms < w.e JOIN inventory f ON f.tenant_id = ?1 AND f.id = (SELECT p.id FROM inventory p WHERE p.tenant_id = ?1 AND p.sku = g.sku AND (p.at_ms < g.at_ms OR (p.at_ms = g.at_ms AND p.id < g.id)) ORDER BY p.at_ms DESC, p.id DESC LIMIT 1) WHERE g.sku IS NOT NULL GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w11 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?2 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w12 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL) u1
UNION ALL
SELECT * FROM (SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w12 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w12 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w3 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?6 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w12 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w13 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w13 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL) u2
UNION ALL
SELECT * FROM (SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w7 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?3 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?6 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w13 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w14 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w14 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w14 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w3 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?6 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w14 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL) u3
UNION ALL
SELECT * FROM (SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?5 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w15 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w15 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 3 THEN g.n3 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v3) AS v3, sum(ro.n3) AS n3 FROM w7 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?7 AND (ro.v0 IS NOT NULL OR ro.v3 IS NOT NULL) AND ro.dim = ?6 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w15 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 3 THEN g.v3 END IS NOT NULL) u4
