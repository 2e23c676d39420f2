-- {"metric":"refund_dispute_rate","range":"yesterday","grain":"day","compare":"none"}
-- params: ["tenant_1","[[0,1792972800000,1795392000000]]","placed","refund_dispute_rate","[[0,20779]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?5))
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN refunds f ON f.tenant_id = ?1 AND f.requested_at_ms >= w.s AND f.requested_at_ms < w.e WHERE f.platform_intervened GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
