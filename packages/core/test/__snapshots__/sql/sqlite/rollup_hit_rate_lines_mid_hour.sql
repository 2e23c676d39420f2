-- {"metric":"hit_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1","[[0,498576,498729],[1,498576,498600],[2,498600,498624],[3,498624,498648],[4,498648,498672],[5,498672,498696],[6,498696,498720],[7,498720,498729]]","[[0,1994916,1994918],[0,1994918,1994919],[7,1994916,1994918],[7,1994918,1994919]]","[[0,1795426620000,1795427100000],[7,1795426620000,1795427100000]]","placed","[[0,-3000000000,-2999999999]]","[[2,20774,20775],[3,20775,20776],[4,20776,20777],[5,20777,20778],[6,20778,20779],[7,20779,20780]]","[[1,498564,498576],[8,498720,498729]]","[[1,1994253,1994256],[8,1994916,1994918],[8,1994918,1994919]]","[[1,1794827220000,1794827700000]]","2g5akv9ui1h","[[10,1794827220000,1794827700000]]","[[19,1794827220000,1794827700000]]","[[28,1794827220000,1794827700000]]","[[37,1794827220000,1794827700000]]","[[46,1794827220000,1794827700000]]","[[8,1795426620000,1795427100000]]","[[17,1795426620000,1795427100000]]","[[26,1795426620000,1795427100000]]","[[35,1795426620000,1795427100000]]","[[44,1795426620000,1795427100000]]","[[53,1795426620000,1795427100000]]","[[0,20781,100000000]]","[[0,498730,498744]]","[[0,1994919,1994920]]","[[54,1795426620000,1795427100000]]","[[55,1795426620000,1795427100000]]","[[56,1795426620000,1795427100000]]","[[57,1795426620000,1795427100000]]","[[58,1795426620000,1795427100000]]","[[59,1795426620000,1795427100000]]","[[61,1794954600000,1794960000000,1794873600000],[62,1795041000000,1795046400000,1794960000000],[63,1795127400000,1795132800000,1795046400000],[64,1795213800000,1795219200000,1795132800000],[65,1795300200000,1795305600000,1795219200000],[66,1795386600000,1795392000000,1795305600000]]","[[67,1794827220000,1794873600000,1795426620000]]","[[68,1795392000000,1795426620000]]","hit_rate","[[0,20774]]","1jxn4yndrtz","",":15","4d3i468lev","[[0,1,0,0],[1,1,9,11],[2,1,18,9],[3,1,27,4],[4,1,36,6],[5,1,45,1]]",":day","[[0,1,54,0],[1,1,55,11],[2,1,56,9],[3,1,57,4],[4,1,58,6],[5,1,59,1]]","6.16.1y07llgmu1w"]
WITH w0(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3)),
  w2(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?4)),
  w3(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?6)),
  w4(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?7)),
  w5(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?8)),
  w6(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?9)),
  w7(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?10)),
  w8(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?12)),
  w9(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?13)),
  w10(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?14)),
  w11(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?15)),
  w12(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?16)),
  w13(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?17)),
  w14(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?18)),
  w15(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?19)),
  w16(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?20)),
  w17(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?21)),
  w18(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?22)),
  w19(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?23)),
  w20(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?24)),
  w21(i, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?25)),
  w22(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?26)),
  w23(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?27)),
  w24(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?28)),
  w25(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?29)),
  w26(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?30)),
  w27(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?31)),
  w28(i, a, x, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?32)),
  w29(i, a, x, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?33)),
  w30(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?34)),
  w31(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?36)),
  w32(i, r, d, s) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?41)),
  w33(i, r, d, s) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?43))
SELECT * FROM (SELECT * FROM (SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w2 w CROSS JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e CROSS JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = ?5) GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w7 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w11 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w12 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w13 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) l
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w14 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) l
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w15 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) l) u1
UNION ALL
SELECT * FROM (SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w16 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) l
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w17 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) l
UNION ALL
SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w18 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) l
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w22 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w23 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i) u2
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w24 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w25 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w26 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w27 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w28 w CROSS JOIN chain_facts c INDEXED BY chain_facts_day_links ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t >= w.a AND c.t < w.x AND c.prev_t >= w.e AND c.t - c.prev_t >= 81000000 AND c.t - c.prev_t < 90000000 GROUP BY w.i) u3
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w29 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t >= w.e AND c.prev_t >= w.a AND c.prev_t < w.x GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w30 w CROSS JOIN chain_facts c ON c.tenant_id = ?1 AND c.chain = ?11 AND c.t >= w.s AND c.t < w.e AND (c.prev_t IS NULL OR c.prev_t < w.s) GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w31 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?35 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w0 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?37 AND ro.v0 IS NOT NULL AND ro.dim = ?38 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?37 AND ro.v0 IS NOT NULL AND ro.dim = ?39 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) u4) u0
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w3 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?38 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w32 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w4 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?42 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w32 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w5 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?38 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w32 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w6 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?39 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w32 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w19 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?42 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w33 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL) u5
UNION ALL
SELECT * FROM (SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w20 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?38 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w33 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL
UNION ALL
SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END AS v, CASE o.s WHEN 0 THEN g.n0 WHEN 11 THEN g.n11 WHEN 9 THEN g.n9 WHEN 4 THEN g.n4 WHEN 6 THEN g.n6 WHEN 1 THEN g.n1 END AS n FROM (SELECT w.i AS i, NULL AS k, sum(ro.v0) AS v0, sum(ro.n0) AS n0, sum(ro.v11) AS v11, sum(ro.n11) AS n11, sum(ro.v9) AS v9, sum(ro.n9) AS n9, sum(ro.v4) AS v4, sum(ro.n4) AS n4, sum(ro.v6) AS v6, sum(ro.n6) AS n6, sum(ro.v1) AS v1, sum(ro.n1) AS n1 FROM w21 w CROSS JOIN rollup_buckets ro ON ro.tenant_id = ?1 AND ro.family = ?40 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = ?39 AND ro.bucket >= w.a AND ro.bucket < w.b GROUP BY w.i) g CROSS JOIN w33 o WHERE CASE o.s WHEN 0 THEN g.v0 WHEN 11 THEN g.v11 WHEN 9 THEN g.v9 WHEN 4 THEN g.v4 WHEN 6 THEN g.v6 WHEN 1 THEN g.v1 END IS NOT NULL
UNION ALL
SELECT -1 AS r, 0 AS wi, NULL AS k, CASE WHEN EXISTS (SELECT 1 FROM rollup_versions rv WHERE rv.tenant_id = ?1 AND rv.version = ?44) THEN 1 ELSE 0 END AS v, 0 AS n) u6) u1
