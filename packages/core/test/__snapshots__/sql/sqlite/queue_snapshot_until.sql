-- {"metric":"queued_tickets","range":"today","grain":"hour","compare":"none","now":"2026-11-23T03:00:00Z"}
-- params: ["tenant_1","[[0,1795402800000],[1,1795395600000],[2,1795399200000],[3,1795402800000]]","queued_tickets","[[0,20780]]"]
WITH w0(i, t) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?4))
SELECT 0 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN tickets f ON f.tenant_id = ?1 AND f.created_at_ms < w.t AND (f.resolved_at_ms IS NULL OR f.resolved_at_ms >= w.t) AND (f.assigned_at_ms IS NULL OR f.assigned_at_ms >= w.t) WHERE TRUE GROUP BY w.i
UNION ALL
SELECT 1 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?3 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
