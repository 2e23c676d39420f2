-- {"metric":"hit_rate","range":"last_7_days","grain":"day","compare":"none","now":"2026-11-23T09:37:00Z"}
-- params: ["tenant_1",[0,7],[1795426200000,1795426200000],[1795426620000,1795426620000],"placed",[0,1,2,3,4,5,6,7],[498576,498576,498600,498624,498648,498672,498696,498720],[498729,498600,498624,498648,498672,498696,498720,498729],"1jxn4yndrtz","",[0,7],[1994916,1994916],[1994918,1994918],":15",[2,3,4,5,6,7],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],"4d3i468lev",":day",[1,8],[498564,498720],[498576,498729],[1,8],[1994253,1994916],[1994256,1994918],[1,8],[1794827220000,1795426200000],[1794827700000,1795426620000],"2g5akv9ui1h",[0],[-3000000000],[-2999999999],[54],[20781],[100000000],[54],[498730],[498744],[54],[1994919],[1994920],[54],[1795426620000],[1795427100000],[11,12,13,14,15,16],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],[10,17],[498564,498720],[498576,498729],[10,17],[1994253,1994916],[1994256,1994918],[10,17],[1794827220000,1795426200000],[1794827700000,1795426620000],[9],[-3000000000],[-2999999999],[55],[20781],[100000000],[55],[498730],[498744],[55],[1994919],[1994920],[55],[1795426620000],[1795427100000],[20,21,22,23,24,25],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],[19,26],[498564,498720],[498576,498729],[19,26],[1994253,1994916],[1994256,1994918],[19,26],[1794827220000,1795426200000],[1794827700000,1795426620000],[18],[-3000000000],[-2999999999],[56],[20781],[100000000],[56],[498730],[498744],[56],[1994919],[1994920],[56],[1795426620000],[1795427100000],[29,30,31,32,33,34],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],[28,35],[498564,498720],[498576,498729],[28,35],[1994253,1994916],[1994256,1994918],[28,35],[1794827220000,1795426200000],[1794827700000,1795426620000],[27],[-3000000000],[-2999999999],[57],[20781],[100000000],[57],[498730],[498744],[57],[1994919],[1994920],[57],[1795426620000],[1795427100000],[38,39,40,41,42,43],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],[37,44],[498564,498720],[498576,498729],[37,44],[1994253,1994916],[1994256,1994918],[37,44],[1794827220000,1795426200000],[1794827700000,1795426620000],[36],[-3000000000],[-2999999999],[58],[20781],[100000000],[58],[498730],[498744],[58],[1994919],[1994920],[58],[1795426620000],[1795427100000],[47,48,49,50,51,52],[20774,20775,20776,20777,20778,20779],[20775,20776,20777,20778,20779,20780],[46,53],[498564,498720],[498576,498729],[46,53],[1994253,1994916],[1994256,1994918],[46,53],[1794827220000,1795426200000],[1794827700000,1795426620000],[45],[-3000000000],[-2999999999],[59],[20781],[100000000],[59],[498730],[498744],[59],[1994919],[1994920],[59],[1795426620000],[1795427100000],[61,62,63,64,65,66],[1794873600000,1794960000000,1795046400000,1795132800000,1795219200000,1795305600000],[1794879000000,1794965400000,1795051800000,1795138200000,1795224600000,1795311000000],[1794960000000,1795046400000,1795132800000,1795219200000,1795305600000,1795392000000],[67],[1794827220000],[1794873600000],[1795426620000],[68],[1795392000000],[1795426620000],"hit_rate",[0],[20774]]
WITH w0(i, s, e) AS (SELECT * FROM unnest(CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[]), CAST($4 AS BIGINT[]))),
  w1(i, a, b) AS (SELECT * FROM unnest(CAST($6 AS BIGINT[]), CAST($7 AS BIGINT[]), CAST($8 AS BIGINT[]))),
  w2(i, a, b) AS (SELECT * FROM unnest(CAST($11 AS BIGINT[]), CAST($12 AS BIGINT[]), CAST($13 AS BIGINT[]))),
  w3(i, a, b) AS (SELECT * FROM unnest(CAST($15 AS BIGINT[]), CAST($16 AS BIGINT[]), CAST($17 AS BIGINT[]))),
  w4(i, a, b) AS (SELECT * FROM unnest(CAST($20 AS BIGINT[]), CAST($21 AS BIGINT[]), CAST($22 AS BIGINT[]))),
  w5(i, a, b) AS (SELECT * FROM unnest(CAST($23 AS BIGINT[]), CAST($24 AS BIGINT[]), CAST($25 AS BIGINT[]))),
  w6(i, s, e) AS (SELECT * FROM unnest(CAST($26 AS BIGINT[]), CAST($27 AS BIGINT[]), CAST($28 AS BIGINT[]))),
  w7(i, a, b) AS (SELECT * FROM unnest(CAST($30 AS BIGINT[]), CAST($31 AS BIGINT[]), CAST($32 AS BIGINT[]))),
  w8(i, a, b) AS (SELECT * FROM unnest(CAST($33 AS BIGINT[]), CAST($34 AS BIGINT[]), CAST($35 AS BIGINT[]))),
  w9(i, a, b) AS (SELECT * FROM unnest(CAST($36 AS BIGINT[]), CAST($37 AS BIGINT[]), CAST($38 AS BIGINT[]))),
  w10(i, a, b) AS (SELECT * FROM unnest(CAST($39 AS BIGINT[]), CAST($40 AS BIGINT[]), CAST($41 AS BIGINT[]))),
  w11(i, s, e) AS (SELECT * FROM unnest(CAST($42 AS BIGINT[]), CAST($43 AS BIGINT[]), CAST($44 AS BIGINT[]))),
  w12(i, a, b) AS (SELECT * FROM unnest(CAST($45 AS BIGINT[]), CAST($46 AS BIGINT[]), CAST($47 AS BIGINT[]))),
  w13(i, a, b) AS (SELECT * FROM unnest(CAST($48 AS BIGINT[]), CAST($49 AS BIGINT[]), CAST($50 AS BIGINT[]))),
  w14(i, a, b) AS (SELECT * FROM unnest(CAST($51 AS BIGINT[]), CAST($52 AS BIGINT[]), CAST($53 AS BIGINT[]))),
  w15(i, s, e) AS (SELECT * FROM unnest(CAST($54 AS BIGINT[]), CAST($55 AS BIGINT[]), CAST($56 AS BIGINT[]))),
  w16(i, a, b) AS (SELECT * FROM unnest(CAST($57 AS BIGINT[]), CAST($58 AS BIGINT[]), CAST($59 AS BIGINT[]))),
  w17(i, a, b) AS (SELECT * FROM unnest(CAST($60 AS BIGINT[]), CAST($61 AS BIGINT[]), CAST($62 AS BIGINT[]))),
  w18(i, a, b) AS (SELECT * FROM unnest(CAST($63 AS BIGINT[]), CAST($64 AS BIGINT[]), CAST($65 AS BIGINT[]))),
  w19(i, a, b) AS (SELECT * FROM unnest(CAST($66 AS BIGINT[]), CAST($67 AS BIGINT[]), CAST($68 AS BIGINT[]))),
  w20(i, s, e) AS (SELECT * FROM unnest(CAST($69 AS BIGINT[]), CAST($70 AS BIGINT[]), CAST($71 AS BIGINT[]))),
  w21(i, a, b) AS (SELECT * FROM unnest(CAST($72 AS BIGINT[]), CAST($73 AS BIGINT[]), CAST($74 AS BIGINT[]))),
  w22(i, a, b) AS (SELECT * FROM unnest(CAST($75 AS BIGINT[]), CAST($76 AS BIGINT[]), CAST($77 AS BIGINT[]))),
  w23(i, a, b) AS (SELECT * FROM unnest(CAST($78 AS BIGINT[]), CAST($79 AS BIGINT[]), CAST($80 AS BIGINT[]))),
  w24(i, s, e) AS (SELECT * FROM unnest(CAST($81 AS BIGINT[]), CAST($82 AS BIGINT[]), CAST($83 AS BIGINT[]))),
  w25(i, a, b) AS (SELECT * FROM unnest(CAST($84 AS BIGINT[]), CAST($85 AS BIGINT[]), CAST($86 AS BIGINT[]))),
  w26(i, a, b) AS (SELECT * FROM unnest(CAST($87 AS BIGINT[]), CAST($88 AS BIGINT[]), CAST($89 AS BIGINT[]))),
  w27(i, a, b) AS (SELECT * FROM unnest(CAST($90 AS BIGINT[]), CAST($91 AS BIGINT[]), CAST($92 AS BIGINT[]))),
  w28(i, a, b) AS (SELECT * FROM unnest(CAST($93 AS BIGINT[]), CAST($94 AS BIGINT[]), CAST($95 AS BIGINT[]))),
  w29(i, s, e) AS (SELECT * FROM unnest(CAST($96 AS BIGINT[]), CAST($97 AS BIGINT[]), CAST($98 AS BIGINT[]))),
  w30(i, a, b) AS (SELECT * FROM unnest(CAST($99 AS BIGINT[]), CAST($100 AS BIGINT[]), CAST($101 AS BIGINT[]))),
  w31(i, a, b) AS (SELECT * FROM unnest(CAST($102 AS BIGINT[]), CAST($103 AS BIGINT[]), CAST($104 AS BIGINT[]))),
  w32(i, a, b) AS (SELECT * FROM unnest(CAST($105 AS BIGINT[]), CAST($106 AS BIGINT[]), CAST($107 AS BIGINT[]))),
  w33(i, s, e) AS (SELECT * FROM unnest(CAST($108 AS BIGINT[]), CAST($109 AS BIGINT[]), CAST($110 AS BIGINT[]))),
  w34(i, a, b) AS (SELECT * FROM unnest(CAST($111 AS BIGINT[]), CAST($112 AS BIGINT[]), CAST($113 AS BIGINT[]))),
  w35(i, a, b) AS (SELECT * FROM unnest(CAST($114 AS BIGINT[]), CAST($115 AS BIGINT[]), CAST($116 AS BIGINT[]))),
  w36(i, a, b) AS (SELECT * FROM unnest(CAST($117 AS BIGINT[]), CAST($118 AS BIGINT[]), CAST($119 AS BIGINT[]))),
  w37(i, a, b) AS (SELECT * FROM unnest(CAST($120 AS BIGINT[]), CAST($121 AS BIGINT[]), CAST($122 AS BIGINT[]))),
  w38(i, s, e) AS (SELECT * FROM unnest(CAST($123 AS BIGINT[]), CAST($124 AS BIGINT[]), CAST($125 AS BIGINT[]))),
  w39(i, a, b) AS (SELECT * FROM unnest(CAST($126 AS BIGINT[]), CAST($127 AS BIGINT[]), CAST($128 AS BIGINT[]))),
  w40(i, a, b) AS (SELECT * FROM unnest(CAST($129 AS BIGINT[]), CAST($130 AS BIGINT[]), CAST($131 AS BIGINT[]))),
  w41(i, a, b) AS (SELECT * FROM unnest(CAST($132 AS BIGINT[]), CAST($133 AS BIGINT[]), CAST($134 AS BIGINT[]))),
  w42(i, s, e) AS (SELECT * FROM unnest(CAST($135 AS BIGINT[]), CAST($136 AS BIGINT[]), CAST($137 AS BIGINT[]))),
  w43(i, a, b) AS (SELECT * FROM unnest(CAST($138 AS BIGINT[]), CAST($139 AS BIGINT[]), CAST($140 AS BIGINT[]))),
  w44(i, a, b) AS (SELECT * FROM unnest(CAST($141 AS BIGINT[]), CAST($142 AS BIGINT[]), CAST($143 AS BIGINT[]))),
  w45(i, a, b) AS (SELECT * FROM unnest(CAST($144 AS BIGINT[]), CAST($145 AS BIGINT[]), CAST($146 AS BIGINT[]))),
  w46(i, a, b) AS (SELECT * FROM unnest(CAST($147 AS BIGINT[]), CAST($148 AS BIGINT[]), CAST($149 AS BIGINT[]))),
  w47(i, s, e) AS (SELECT * FROM unnest(CAST($150 AS BIGINT[]), CAST($151 AS BIGINT[]), CAST($152 AS BIGINT[]))),
  w48(i, a, b) AS (SELECT * FROM unnest(CAST($153 AS BIGINT[]), CAST($154 AS BIGINT[]), CAST($155 AS BIGINT[]))),
  w49(i, a, b) AS (SELECT * FROM unnest(CAST($156 AS BIGINT[]), CAST($157 AS BIGINT[]), CAST($158 AS BIGINT[]))),
  w50(i, a, b) AS (SELECT * FROM unnest(CAST($159 AS BIGINT[]), CAST($160 AS BIGINT[]), CAST($161 AS BIGINT[]))),
  w51(i, s, e) AS (SELECT * FROM unnest(CAST($162 AS BIGINT[]), CAST($163 AS BIGINT[]), CAST($164 AS BIGINT[]))),
  w52(i, a, b) AS (SELECT * FROM unnest(CAST($165 AS BIGINT[]), CAST($166 AS BIGINT[]), CAST($167 AS BIGINT[]))),
  w53(i, a, b) AS (SELECT * FROM unnest(CAST($168 AS BIGINT[]), CAST($169 AS BIGINT[]), CAST($170 AS BIGINT[]))),
  w54(i, a, b) AS (SELECT * FROM unnest(CAST($171 AS BIGINT[]), CAST($172 AS BIGINT[]), CAST($173 AS BIGINT[]))),
  w55(i, a, b) AS (SELECT * FROM unnest(CAST($174 AS BIGINT[]), CAST($175 AS BIGINT[]), CAST($176 AS BIGINT[]))),
  w56(i, s, e) AS (SELECT * FROM unnest(CAST($177 AS BIGINT[]), CAST($178 AS BIGINT[]), CAST($179 AS BIGINT[]))),
  w57(i, a, x, e) AS (SELECT * FROM unnest(CAST($180 AS BIGINT[]), CAST($181 AS BIGINT[]), CAST($182 AS BIGINT[]), CAST($183 AS BIGINT[]))),
  w58(i, a, x, e) AS (SELECT * FROM unnest(CAST($184 AS BIGINT[]), CAST($185 AS BIGINT[]), CAST($186 AS BIGINT[]), CAST($187 AS BIGINT[]))),
  w59(i, s, e) AS (SELECT * FROM unnest(CAST($188 AS BIGINT[]), CAST($189 AS BIGINT[]), CAST($190 AS BIGINT[]))),
  w60(i, d) AS (SELECT * FROM unnest(CAST($192 AS BIGINT[]), CAST($193 AS BIGINT[])))
SELECT * FROM (SELECT * FROM (SELECT 0 AS r, w.i AS wi, NULL AS k, sum(l.quantity) AS v, count(l.quantity) AS n FROM w0 w CROSS JOIN LATERAL (SELECT * FROM orders f WHERE f.tenant_id = $1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e OFFSET 0) f JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id WHERE (f.status = $5) GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w1 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $9 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w2 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $9 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w3 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w4 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u0
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w5 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w6 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w7 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w8 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w9 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u1
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v0) AS v, sum(ro.n0) AS n FROM w10 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v0 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w11 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.prev_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w12 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w13 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w14 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u2
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w15 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w16 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w17 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w18 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v11) AS v, sum(ro.n11) AS n FROM w19 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v11 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u3
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w20 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t IS NULL AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w21 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w22 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w23 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w24 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i) u4) u0
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w25 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w26 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w27 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v9) AS v, sum(ro.n9) AS n FROM w28 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v9 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w29 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i) u5
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w30 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w31 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w32 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w33 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w34 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u6
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w35 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w36 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v4) AS v, sum(ro.n4) AS n FROM w37 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v4 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w38 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 599400000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w39 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u7
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w40 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w41 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w42 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w43 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w44 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u8
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w45 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v6) AS v, sum(ro.n6) AS n FROM w46 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v6 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w47 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.next_t - c.t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w48 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w49 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u9) u1
UNION ALL
SELECT * FROM (SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w50 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w51 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w52 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w53 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $19 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w54 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $10 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i) u10
UNION ALL
SELECT * FROM (SELECT 1 AS r, w.i AS wi, NULL AS k, sum(ro.v1) AS v, sum(ro.n1) AS n FROM w55 w CROSS JOIN LATERAL (SELECT * FROM rollup_buckets ro WHERE ro.tenant_id = $1 AND ro.family = $18 AND ro.v1 IS NOT NULL AND ro.dim = $14 AND ro.bucket >= w.a AND ro.bucket < w.b OFFSET 0) ro GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w56 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t - c.prev_t >= 81000000 AND c.t >= w.s AND c.t < w.e OFFSET 0) c WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w57 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t >= w.a AND c.t < w.x AND c.next_t < w.e AND c.next_t - c.t >= 81000000 OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w58 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t >= w.a AND c.t < w.x AND (c.next_t IS NULL OR c.next_t >= w.e) OFFSET 0) c GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w59 w CROSS JOIN LATERAL (SELECT * FROM chain_facts c WHERE c.tenant_id = $1 AND c.chain = $29 AND c.t >= w.s AND c.t < w.e AND (c.prev_t IS NULL OR c.prev_t < w.s) OFFSET 0) c GROUP BY w.i) u11
UNION ALL
SELECT * FROM (SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id COLLATE "C" DESC) AS rn FROM w60 w JOIN targets t ON t.tenant_id = $1 AND t.metric = $191 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1) u12) u2
