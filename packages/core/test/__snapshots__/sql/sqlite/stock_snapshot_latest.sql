-- {"metric":"stockout_rate","range":"last_7_days","grain":"week","compare":"none"}
-- params: ["tenant_1","[[0,1795426200000],[1,1795392000000],[2,1795426200000]]","stockout_rate","[[0,20774]]"]
WITH w0(i, t) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?4))
SELECT 0 AS r, p.wi, NULL AS k, count(*) AS v, count(*) AS n FROM (SELECT w.i AS wi, (SELECT g.id FROM inventory g WHERE g.tenant_id = ?1 AND g.sku = k.v AND g.at_ms < w.t ORDER BY g.at_ms DESC, g.id DESC LIMIT 1) AS id FROM w0 w CROSS JOIN (SELECT DISTINCT sku AS v FROM inventory WHERE tenant_id = ?1 AND sku IS NOT NULL) k) p JOIN inventory f ON f.tenant_id = ?1 AND f.id = p.id WHERE (f.quantity = 0) GROUP BY p.wi
UNION ALL
SELECT 1 AS r, p.wi, NULL AS k, count(*) AS v, count(*) AS n FROM (SELECT w.i AS wi, (SELECT g.id FROM inventory g WHERE g.tenant_id = ?1 AND g.sku = k.v AND g.at_ms < w.t ORDER BY g.at_ms DESC, g.id DESC LIMIT 1) AS id FROM w0 w CROSS JOIN (SELECT DISTINCT sku AS v FROM inventory WHERE tenant_id = ?1 AND sku IS NOT NULL) k) p JOIN inventory f ON f.tenant_id = ?1 AND f.id = p.id WHERE TRUE GROUP BY p.wi
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?3 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
