-- {"metric":"hit_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1",[0,7],[1795426200000,1795426200000],[1795426620000,1795426620000],"placed",[0,1,2,3,4,5,6,7],[498576,498576,498600,498624,498648,498672,498696,498720],[498729,498600,498624,498648,498672,498696,498720,498729],"1jxn4yndrtz","",[0,7],[1994916,1994916],[1994918,1994918],":15",[2,3,4,5,6,7],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],"4d3i468lev",":day",[1,8],[498564,498720],[498576,498729],[1,8],[1994253,1994916],[1994256,1994918],[1,8],[1794827220000,1795426200000],[1794827700000,1795426620000],"2g5akv9ui1h",[10,17],[1794827220000,1795426200000],[1794827700000,1795426620000],[19,26],[1794827220000,1795426200000],[1794827700000,1795426620000],[28,35],[1794827220000,1795426200000],[1794827700000,1795426620000],[37,44],[1794827220000,1795426200000],[1794827700000,1795426620000],[46,53],[1794827220000,1795426200000],[1794827700000,1795426620000],[0],[-3000000000],[-2999999999],[0],[20781],[100000000],[0],[498730],[498744],[0],[1994919],[1994920],[54],[1795426620000],[1795427100000],[55],[1795426620000],[1795427100000],[56],[1795426620000],[1795427100000],[57],[1795426620000],[1795427100000],[58],[1795426620000],[1795427100000],[59],[1795426620000],[1795427100000],[61,62,63,64,65,66],[1794873600000,1794960000000,1795046400000,1795132800000,1795219200000,1795305600000],[1794879000000,1794965400000,1795051800000,1795138200000,1795224600000,1795311000000],[1794960000000,1795046400000,1795132800000,1795219200000,1795305600000,1795392000000],[67],[1794827220000],[1794873600000],[1795426620000],[68],[1795392000000],[1795426620000],"hit_rate",[0],[20774]]
WITH w0(i, s, e) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, a, b) AS (SELECT * FROM unnest(CAST($6 AS BIGINT[]), CAST($7 AS BIGINT[]), CAST($8 AS BIGINT[]))),
  w2(i, a, b) AS (SELECT * FROM unnest(CAST($11 AS BIGINT[]), CAST($12 AS BIGINT[]), CAST($13 AS BIGINT[]))),
  w3(i, a, b) AS (SELECT * FROM unnest(CAST($15 AS BIGINT[]), CAST($16 AS BIGINT[]), CAST($17 AS BIGINT[]))),
  w4(i, a, b) AS (SELECT * FROM unnest(CAST($20 AS BIGINT[]), CAST($21 AS BIGINT[]), CAST($22 AS BIGINT[]))),
  w5(i, a, b) AS (SELECT * FROM unnest(CAST($23 AS BIGINT[]), CAST($24 AS BIGINT[]), CAST($25 AS BIGINT[]))),
  w6(i, s, e) AS (SELECT * FROM unnest(CAST($26 AS BIGINT[]), CAST($27 AS BIGINT[]), CAST($28 AS BIGINT[]))),
  w7(i, s, e) AS (SELECT * FROM unnest(CAST($30 AS BIGINT[]), CAST($31 AS BIGINT[]), CAST($32 AS BIGINT[]))),
  w8(i, s, e) AS (SELECT * FROM unnest(CAST($33 AS BIGINT[]), CAST($34 AS BIGINT[]), CAST($35 AS BIGINT[]))),
  w9(i, s, e) AS (SELECT * FROM unnest(CAST($36 AS BIGINT[]), CAST($37 AS BIGINT[]), CAST($38 AS BIGINT[]))),
  w10(i, s, e) AS (SELECT * FROM unnest(CAST($39 AS BIGINT[]), CAST($40 AS BIGINT[]), CAST($41 AS BIGINT[]))),
  w11(i, s, e) AS (SELECT * FROM unnest(CAST($42 AS BIGINT[]), CAST($43 AS BIGINT[]), CAST($44 AS BIGINT[]))),
  w12(i, a, b) AS (SELECT * FROM unnest(CAST($45 AS BIGINT[]), CAST($46 AS BIGINT[]), CAST($47 AS BIGINT[]))),
  w13(i, a, b) AS (SELECT * FROM unnest(CAST($48 AS BIGINT[]), CAST($49 AS BIGINT[]), CAST($50 AS BIGINT[]))),
  w14(i, a, b) AS (SELECT * FROM unnest(CAST($51 AS BIGINT[]), CAST($52 AS BIGINT[]), CAST($53 AS BIGINT[]))),
  w15(i, a, b) AS (SELECT * FROM unnest(CAST($54 AS BIGINT[]), CAST($55 AS BIGINT[]), CAST($56 AS BIGINT[]))),
  w16(i, s, e) AS (SELECT * FROM unnest(CAST($57 AS BIGINT[]), CAST($58 AS BIGINT[]), CAST($59 AS BIGINT[]))),
  w17(i, s, e) AS (SELECT * FROM unnest(CAST($60 AS BIGINT[]), CAST($61 AS BIGINT[]), CAST($62 AS BIGINT[]))),
  w18(i, s, e) AS (SELECT * FROM unnest(CAST($63 AS BIGINT[]), CAST($64 AS BIGINT[]), CAST($65 AS BIGINT[]))),
  w19(i, s, e) AS (SELECT * FROM unnest(CAST($66 AS BIGINT[]), CAST($67 AS BIGINT[]), CAST($68 AS BIGINT[]))),
  w20(i, s, e) AS (SELECT * FROM unnest(CAST($69 AS BIGINT[]), CAST($70 AS BIGINT[]), CAST($71 AS BIGINT[]))),
  w21(i, s, e) AS (SELECT * FROM unnest(CAST($72 AS BIGINT[]), CAST($73 AS BIGINT[]), CAST($74 AS BIGINT[]))),
  w22(i, a, x, e) AS (SELECT * FROM unnest(CAST($75 AS BIGINT[]), CAST($76 AS BIGINT[]), CAST($77 AS BIGINT[]), CAST($78 AS BIGINT[]))),
  w23(i, a, x, e) AS (SELECT * FROM unnest(CAST($79 AS BIGINT[]), CAST($80 AS BIGINT[]), CAST($81 AS BIGINT[]), CAST($82 AS BIGINT[]))),
  w24(i, s, e) AS (SELECT * FROM unnest(CAST($83 AS BIGINT[]), CAST($84 AS BIGINT[]), CAST($85 AS BIGINT[]))),
  w25(i, d) AS (SELECT * FROM unnest(CAST($87 AS BIGINT[]), CAST($88 AS BIGINT[])))
SELECT * FROM (SELECT * FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM orders f WHERE f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e OFFSET 0) f JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = $5) GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $9 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $9 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 0 THEN ro.v0 WHEN 9 THEN ro.v11 WHEN 18 THEN ro.v9 WHEN 27 THEN ro.v4 WHEN 36 THEN ro.v6 WHEN 45 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 0 THEN ro.n0 WHEN 9 THEN ro.n11 WHEN 18 THEN ro.n9 WHEN 27 THEN ro.n4 WHEN 36 THEN ro.n6 WHEN 45 THEN ro.n1 END) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 9 UNION ALL SELECT 18 UNION ALL SELECT 27 UNION ALL SELECT 36 UNION ALL SELECT 45) o GROUP BY w.i, o.d
UNION ALL
SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 0 THEN ro.v0 WHEN 9 THEN ro.v11 WHEN 18 THEN ro.v9 WHEN 27 THEN ro.v4 WHEN 36 THEN ro.v6 WHEN 45 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 0 THEN ro.n0 WHEN 9 THEN ro.n11 WHEN 18 THEN ro.n9 WHEN 27 THEN ro.n4 WHEN 36 THEN ro.n6 WHEN 45 THEN ro.n1 END) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 9 UNION ALL SELECT 18 UNION ALL SELECT 27 UNION ALL SELECT 36 UNION ALL SELECT 45) o GROUP BY w.i, o.d) u0
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 0 THEN ro.v0 WHEN 9 THEN ro.v11 WHEN 18 THEN ro.v9 WHEN 27 THEN ro.v4 WHEN 36 THEN ro.v6 WHEN 45 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 0 THEN ro.n0 WHEN 9 THEN ro.n11 WHEN 18 THEN ro.n9 WHEN 27 THEN ro.n4 WHEN 36 THEN ro.n6 WHEN 45 THEN ro.n1 END) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 9 UNION ALL SELECT 18 UNION ALL SELECT 27 UNION ALL SELECT 36 UNION ALL SELECT 45) o GROUP BY w.i, o.d
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w8 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w9 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i) u1
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w10 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w11 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 0 THEN ro.v0 WHEN 9 THEN ro.v11 WHEN 18 THEN ro.v9 WHEN 27 THEN ro.v4 WHEN 36 THEN ro.v6 WHEN 45 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 0 THEN ro.n0 WHEN 9 THEN ro.n11 WHEN 18 THEN ro.n9 WHEN 27 THEN ro.n4 WHEN 36 THEN ro.n6 WHEN 45 THEN ro.n1 END) AS n FROM w12 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 9 UNION ALL SELECT 18 UNION ALL SELECT 27 UNION ALL SELECT 36 UNION ALL SELECT 45) o GROUP BY w.i, o.d
UNION ALL
SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 54 THEN ro.v0 WHEN 55 THEN ro.v11 WHEN 56 THEN ro.v9 WHEN 57 THEN ro.v4 WHEN 58 THEN ro.v6 WHEN 59 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 54 THEN ro.n0 WHEN 55 THEN ro.n11 WHEN 56 THEN ro.n9 WHEN 57 THEN ro.n4 WHEN 58 THEN ro.n6 WHEN 59 THEN ro.n1 END) AS n FROM w13 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 54 AS d UNION ALL SELECT 55 UNION ALL SELECT 56 UNION ALL SELECT 57 UNION ALL SELECT 58 UNION ALL SELECT 59) o GROUP BY w.i, o.d
UNION ALL
SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 54 THEN ro.v0 WHEN 55 THEN ro.v11 WHEN 56 THEN ro.v9 WHEN 57 THEN ro.v4 WHEN 58 THEN ro.v6 WHEN 59 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 54 THEN ro.n0 WHEN 55 THEN ro.n11 WHEN 56 THEN ro.n9 WHEN 57 THEN ro.n4 WHEN 58 THEN ro.n6 WHEN 59 THEN ro.n1 END) AS n FROM w14 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 54 AS d UNION ALL SELECT 55 UNION ALL SELECT 56 UNION ALL SELECT 57 UNION ALL SELECT 58 UNION ALL SELECT 59) o GROUP BY w.i, o.d) u2
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i + o.d AS wi, NULL AS k, sum(CASE o.d WHEN 54 THEN ro.v0 WHEN 55 THEN ro.v11 WHEN 56 THEN ro.v9 WHEN 57 THEN ro.v4 WHEN 58 THEN ro.v6 WHEN 59 THEN ro.v1 END) AS v, sum(CASE o.d WHEN 54 THEN ro.n0 WHEN 55 THEN ro.n11 WHEN 56 THEN ro.n9 WHEN 57 THEN ro.n4 WHEN 58 THEN ro.n6 WHEN 59 THEN ro.n1 END) AS n FROM w15 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND (ro.v0 IS NOT NULL OR ro.v11 IS NOT NULL OR ro.v9 IS NOT NULL OR ro.v4 IS NOT NULL OR ro.v6 IS NOT NULL OR ro.v1 IS NOT NULL) AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro CROSS JOIN (SELECT 54 AS d UNION ALL SELECT 55 UNION ALL SELECT 56 UNION ALL SELECT 57 UNION ALL SELECT 58 UNION ALL SELECT 59) o GROUP BY w.i, o.d
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w16 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w17 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w18 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w19 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i) u3
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w20 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w21 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w22 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t >= w.a AND c.t < w.x AND c.next_t < w.e AND c.next_t - c.t >= 81000000 OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w23 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t >= w.a AND c.t < w.x AND (c.next_t IS NULL OR c.next_t >= w.e) OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w24 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t >= w.s AND c.t < w.e AND (c.prev_t IS NULL OR c.prev_t < w.s) OFFSET 0) c GROUP BY w.i) u4) u0
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w25 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $86 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1) u5) u1
