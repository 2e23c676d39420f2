-- {"metric":"conversion_rate","range":"last_month","by":"visitor","filters":{"visitor":"new"},"compare":"none"}
-- params: ["tenant_1","25pkwg9p8y6","newVisitor","new","conversion_rate"]
WITH w0(i, a, b) AS (VALUES (0, 497448, 498192), (1, 497448, 497472), (2, 497472, 497496), (3, 497496, 497520), (4, 497520, 497544), (5, 497544, 497568), (6, 497568, 497592), (7, 497592, 497616), (8, 497616, 497640), (9, 497640, 497664), (10, 497664, 497688), (11, 497688, 497712), (12, 497712, 497736), (13, 497736, 497760), (14, 497760, 497784), (15, 497784, 497808), (16, 497808, 497832), (17, 497832, 497856), (18, 497856, 497880), (19, 497880, 497904), (20, 497904, 497928), (21, 497928, 497952), (22, 497952, 497976), (23, 497976, 498000), (24, 498000, 498024), (25, 498024, 498048), (26, 498048, 498072), (27, 498072, 498096), (28, 498096, 498120), (29, 498120, 498144), (30, 498144, 498168), (31, 498168, 498192)),
  w1(i, d) AS (VALUES (0, 20727)),
  w2(i, a, b) AS (VALUES (0, 497448, 498192))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v2) AS v, sum(ro.n2) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v2 IS NOT NULL AND ro.dim = ?3 AND ro.value IN (?4) AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v6 IS NOT NULL AND ro.dim = ?3 AND ro.value IN (?4) AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?5 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 3 AS r, w.i AS wi, NULLIF(ro.value, '') AS k, sum(ro.v2) AS v, sum(ro.n2) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v2 IS NOT NULL AND ro.dim = ?3 AND ro.value IN (?4) AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i, k
UNION ALL
SELECT 4 AS r, w.i AS wi, NULLIF(ro.value, '') AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w2 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?2 AND ro.v6 IS NOT NULL AND ro.dim = ?3 AND ro.value IN (?4) AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i, k
