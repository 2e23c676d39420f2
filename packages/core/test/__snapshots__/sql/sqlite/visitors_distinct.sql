-- {"metric":"visitors","range":"yesterday","grain":"day","compare":"none"}
-- params: ["tenant_1","[[0,1795305600000,1795392000000]]","visitors","[[0,20779]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?4))
SELECT 0 AS r, w.i AS wi, NULL AS k, count(DISTINCT f.visitor_id) AS v, count(DISTINCT f.visitor_id) AS n FROM w0 w JOIN sessions f ON f.tenant_id = ?1 AND f.started_at_ms >= w.s AND f.started_at_ms < w.e WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?3 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
