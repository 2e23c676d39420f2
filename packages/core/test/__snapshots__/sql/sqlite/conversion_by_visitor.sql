-- {"metric":"conversion_rate","range":"today","tz":"Asia/Shanghai","by":"visitor","compare":"none"}
-- params: ["tenant_1","[[0,1795363200000,1795426200000],[1,1795363200000,1795366800000],[2,1795366800000,1795370400000],[3,1795370400000,1795374000000],[4,1795374000000,1795377600000],[5,1795377600000,1795381200000],[6,1795381200000,1795384800000],[7,1795384800000,1795388400000],[8,1795388400000,1795392000000],[9,1795392000000,1795395600000],[10,1795395600000,1795399200000],[11,1795399200000,1795402800000],[12,1795402800000,1795406400000],[13,1795406400000,1795410000000],[14,1795410000000,1795413600000],[15,1795413600000,1795417200000],[16,1795417200000,1795420800000],[17,1795420800000,1795424400000],[18,1795424400000,1795426200000]]","conversion_rate","[[0,20780]]","[[0,1795363200000,1795426200000]]","new","returning"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?4)),
  w2(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?5))
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN sessions f ON f.tenant_id = ?1 AND f.started_at_ms >= w.s AND f.started_at_ms < w.e WHERE f.converted GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN sessions f ON f.tenant_id = ?1 AND f.started_at_ms >= w.s AND f.started_at_ms < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?3 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
UNION ALL
SELECT 3 AS r, w.i AS wi, CASE WHEN f.new_visitor THEN ?6 WHEN NOT f.new_visitor THEN ?7 END AS k, count(*) AS v, count(*) AS n FROM w2 w JOIN sessions f ON f.tenant_id = ?1 AND f.started_at_ms >= w.s AND f.started_at_ms < w.e WHERE f.converted GROUP BY w.i, k
UNION ALL
SELECT 4 AS r, w.i AS wi, CASE WHEN f.new_visitor THEN ?6 WHEN NOT f.new_visitor THEN ?7 END AS k, count(*) AS v, count(*) AS n FROM w2 w JOIN sessions f ON f.tenant_id = ?1 AND f.started_at_ms >= w.s AND f.started_at_ms < w.e WHERE TRUE GROUP BY w.i, k
