-- {"metric":"aov","range":"last_7_days","grain":"day","tz":"Asia/Kolkata"}
-- params: ["tenant_1","1dpxm6tnrce","",":15","aov"]
WITH w0(i, a, b) AS (VALUES (0, 498571, 498729), (1, 498403, 498570), (2, 498571, 498594), (3, 498403, 498426), (4, 498595, 498618), (5, 498427, 498450), (6, 498619, 498642), (7, 498451, 498474), (8, 498643, 498666), (9, 498475, 498498), (10, 498667, 498690), (11, 498499, 498522), (12, 498691, 498714), (13, 498523, 498546), (14, 498715, 498729), (15, 498547, 498570)),
  w1(i, a, b) AS (VALUES (0, 1994282, 1994284), (0, 1994916, 1994918), (1, 1993610, 1993612), (1, 1994280, 1994282), (2, 1994282, 1994284), (2, 1994376, 1994378), (3, 1993610, 1993612), (3, 1993704, 1993706), (4, 1994378, 1994380), (4, 1994472, 1994474), (5, 1993706, 1993708), (5, 1993800, 1993802), (6, 1994474, 1994476), (6, 1994568, 1994570), (7, 1993802, 1993804), (7, 1993896, 1993898), (8, 1994570, 1994572), (8, 1994664, 1994666), (9, 1993898, 1993900), (9, 1993992, 1993994), (10, 1994666, 1994668), (10, 1994760, 1994762), (11, 1993994, 1993996), (11, 1994088, 1994090), (12, 1994762, 1994764), (12, 1994856, 1994858), (13, 1994090, 1994092), (13, 1994184, 1994186), (14, 1994858, 1994860), (14, 1994916, 1994918), (15, 1994186, 1994188), (15, 1994280, 1994282)),
  w2(i, d) AS (VALUES (0, 20774))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v4 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v4 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v5) AS v, sum(ro.n5) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v5 IS NOT NULL AND ro.dim = ?3 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v5) AS v, sum(ro.n5) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v5 IS NOT NULL AND ro.dim = ?4 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w2 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?5 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
