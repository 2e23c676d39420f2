-- {"metric":"hit_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1","placed","1jxn4yndrtz","",":15","4d3i468lev",":day","2g5akv9ui1h","hit_rate"]
WITH w0(i, s, e) AS (VALUES (0, 1795426200000, 1795426620000), (7, 1795426200000, 1795426620000)),
  w1(i, a, b) AS (VALUES (0, 498576, 498729), (1, 498576, 498600), (2, 498600, 498624), (3, 498624, 498648), (4, 498648, 498672), (5, 498672, 498696), (6, 498696, 498720), (7, 498720, 498729)),
  w2(i, a, b) AS (VALUES (0, 1994916, 1994918), (7, 1994916, 1994918)),
  w3(i, a, b) AS (VALUES (2, 20774, 20775), (3, 20775, 20776), (4, 20776, 20777), (5, 20777, 20778), (6, 20778, 20779), (7, 20779, 20780)),
  w4(i, a, b) AS (VALUES (1, 498564, 498576), (8, 498720, 498729)),
  w5(i, a, b) AS (VALUES (1, 1994253, 1994256), (8, 1994916, 1994918)),
  w6(i, s, e) AS (VALUES (1, 1794827220000, 1794827700000), (8, 1795426200000, 1795426620000)),
  w7(i, a, b) AS (VALUES (0, -3000000000, -2999999999)),
  w8(i, a, b) AS (VALUES (54, 20781, 100000000)),
  w9(i, a, b) AS (VALUES (54, 498730, 498744)),
  w10(i, a, b) AS (VALUES (54, 1994919, 1994920)),
  w11(i, s, e) AS (VALUES (54, 1795426620000, 1795427100000)),
  w12(i, a, b) AS (VALUES (11, 20774, 20775), (12, 20775, 20776), (13, 20776, 20777), (14, 20777, 20778), (15, 20778, 20779), (16, 20779, 20780)),
  w13(i, a, b) AS (VALUES (10, 498564, 498576), (17, 498720, 498729)),
  w14(i, a, b) AS (VALUES (10, 1994253, 1994256), (17, 1994916, 1994918)),
  w15(i, s, e) AS (VALUES (10, 1794827220000, 1794827700000), (17, 1795426200000, 1795426620000)),
  w16(i, a, b) AS (VALUES (9, -3000000000, -2999999999)),
  w17(i, a, b) AS (VALUES (55, 20781, 100000000)),
  w18(i, a, b) AS (VALUES (55, 498730, 498744)),
  w19(i, a, b) AS (VALUES (55, 1994919, 1994920)),
  w20(i, s, e) AS (VALUES (55, 1795426620000, 1795427100000)),
  w21(i, a, b) AS (VALUES (20, 20774, 20775), (21, 20775, 20776), (22, 20776, 20777), (23, 20777, 20778), (24, 20778, 20779), (25, 20779, 20780)),
  w22(i, a, b) AS (VALUES (19, 498564, 498576), (26, 498720, 498729)),
  w23(i, a, b) AS (VALUES (19, 1994253, 1994256), (26, 1994916, 1994918)),
  w24(i, s, e) AS (VALUES (19, 1794827220000, 1794827700000), (26, 1795426200000, 1795426620000)),
  w25(i, a, b) AS (VALUES (18, -3000000000, -2999999999)),
  w26(i, a, b) AS (VALUES (56, 20781, 100000000)),
  w27(i, a, b) AS (VALUES (56, 498730, 498744)),
  w28(i, a, b) AS (VALUES (56, 1994919, 1994920)),
  w29(i, s, e) AS (VALUES (56, 1795426620000, 1795427100000)),
  w30(i, a, b) AS (VALUES (29, 20774, 20775), (30, 20775, 20776), (31, 20776, 20777), (32, 20777, 20778), (33, 20778, 20779), (34, 20779, 20780)),
  w31(i, a, b) AS (VALUES (28, 498564, 498576), (35, 498720, 498729)),
  w32(i, a, b) AS (VALUES (28, 1994253, 1994256), (35, 1994916, 1994918)),
  w33(i, s, e) AS (VALUES (28, 1794827220000, 1794827700000), (35, 1795426200000, 1795426620000)),
  w34(i, a, b) AS (VALUES (27, -3000000000, -2999999999)),
  w35(i, a, b) AS (VALUES (57, 20781, 100000000)),
  w36(i, a, b) AS (VALUES (57, 498730, 498744)),
  w37(i, a, b) AS (VALUES (57, 1994919, 1994920)),
  w38(i, s, e) AS (VALUES (57, 1795426620000, 1795427100000)),
  w39(i, a, b) AS (VALUES (38, 20774, 20775), (39, 20775, 20776), (40, 20776, 20777), (41, 20777, 20778), (42, 20778, 20779), (43, 20779, 20780)),
  w40(i, a, b) AS (VALUES (37, 498564, 498576), (44, 498720, 498729)),
  w41(i, a, b) AS (VALUES (37, 1994253, 1994256), (44, 1994916, 1994918)),
  w42(i, s, e) AS (VALUES (37, 1794827220000, 1794827700000), (44, 1795426200000, 1795426620000)),
  w43(i, a, b) AS (VALUES (36, -3000000000, -2999999999)),
  w44(i, a, b) AS (VALUES (58, 20781, 100000000)),
  w45(i, a, b) AS (VALUES (58, 498730, 498744)),
  w46(i, a, b) AS (VALUES (58, 1994919, 1994920)),
  w47(i, s, e) AS (VALUES (58, 1795426620000, 1795427100000)),
  w48(i, a, b) AS (VALUES (47, 20774, 20775), (48, 20775, 20776), (49, 20776, 20777), (50, 20777, 20778), (51, 20778, 20779), (52, 20779, 20780)),
  w49(i, a, b) AS (VALUES (46, 498564, 498576), (53, 498720, 498729)),
  w50(i, a, b) AS (VALUES (46, 1994253, 1994256), (53, 1994916, 1994918)),
  w51(i, s, e) AS (VALUES (46, 1794827220000, 1794827700000), (53, 1795426200000, 1795426620000)),
  w52(i, a, b) AS (VALUES (45, -3000000000, -2999999999)),
  w53(i, a, b) AS (VALUES (59, 20781, 100000000)),
  w54(i, a, b) AS (VALUES (59, 498730, 498744)),
  w55(i, a, b) AS (VALUES (59, 1994919, 1994920)),
  w56(i, s, e) AS (VALUES (59, 1795426620000, 1795427100000)),
  w57(i, a, x, e) AS (VALUES (61, 1794873600000, 1794879000000, 1794960000000), (62, 1794960000000, 1794965400000, 1795046400000), (63, 1795046400000, 1795051800000, 1795132800000), (64, 1795132800000, 1795138200000, 1795219200000), (65, 1795219200000, 1795224600000, 1795305600000), (66, 1795305600000, 1795311000000, 1795392000000)),
  w58(i, a, x, e) AS (VALUES (67, 1794827220000, 1794873600000, 1795426620000)),
  w59(i, s, e) AS (VALUES (68, 1795392000000, 1795426620000)),
  w60(i, d) AS (VALUES (0, 20774))
SELECT * FROM (SELECT * FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM orders f WHERE f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e OFFSET 0) f JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = $2) GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $3 AND ro.v0 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $3 AND ro.v0 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w8 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w9 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u1
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w10 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v0 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w11 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w12 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w13 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w14 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u2
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w15 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w16 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w17 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w18 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w19 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v11 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u3
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w20 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w21 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w22 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w23 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w24 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i) u4) u0
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w25 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w26 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w27 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w28 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v9 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w29 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i) u5
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w30 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w31 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w32 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w33 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w34 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u6
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w35 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w36 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w37 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v4 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w38 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w39 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u7
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w40 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w41 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w42 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w43 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w44 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u8
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w45 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w46 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v6 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w47 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w48 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w49 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u9) u1
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w50 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w51 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w52 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w53 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $7 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w54 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $4 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u10
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w55 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $6 AND ro.v1 IS NOT NULL AND ro.dim = $5 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w56 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w57 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t >= w.a AND c.t < w.x AND c.next_t < w.e AND c.next_t - c.t >= 81000000 OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w58 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t >= w.a AND c.t < w.x AND (c.next_t IS NULL OR c.next_t >= w.e) OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w59 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $8 AND c.t >= w.s AND c.t < w.e AND (c.prev_t IS NULL OR c.prev_t < w.s) OFFSET 0) c GROUP BY w.i) u11
UNION ALL
SELECT * FROM (SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w60 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $9 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1) u12) u2
