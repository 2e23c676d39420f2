-- {"metric":"hit_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1","placed","vvxrq66err","",":15","2g5akv9ui1h","hit_rate"]
WITH w0(i, s, e) AS (VALUES (0, 1795426200000, 1795426620000), (7, 1795426200000, 1795426620000)),
  w1(i, a, b) AS (VALUES (0, 498576, 498729), (1, 498576, 498600), (2, 498600, 498624), (3, 498624, 498648), (4, 498648, 498672), (5, 498672, 498696), (6, 498696, 498720), (7, 498720, 498729)),
  w2(i, a, b) AS (VALUES (0, 1994916, 1994918), (7, 1994916, 1994918)),
  w3(i, s, e) AS (VALUES (0, 1794873600000, 1795426620000), (1, 1794873600000, 1794960000000), (2, 1794960000000, 1795046400000), (3, 1795046400000, 1795132800000), (4, 1795132800000, 1795219200000), (5, 1795219200000, 1795305600000), (6, 1795305600000, 1795392000000), (7, 1795392000000, 1795426620000)),
  w4(i, d) AS (VALUES (0, 20774))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM orders f WHERE f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e OFFSET 0) f JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = $2) GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v) AS v, sum(ro.n) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollups ro WHERE ro.tenant_id = $1 AND ro.measure = $3 AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v) AS v, sum(ro.n) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollups ro WHERE ro.tenant_id = $1 AND ro.measure = $3 AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $6 AND c.t >= w.s AND c.t < w.e AND (c.prev_t IS NULL OR c.prev_t < w.s) OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w4 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $7 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
