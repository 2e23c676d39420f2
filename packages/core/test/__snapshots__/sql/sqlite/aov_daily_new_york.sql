-- {"metric":"aov","range":"2026-10-30..2026-11-03","grain":"day","tz":"America/New_York"}
-- params: ["tenant_1","[[0,1793332800000,1793682000000],[1,1792987200000,1793332800000],[2,1793332800000,1793419200000],[3,1792987200000,1793073600000],[4,1793419200000,1793505600000],[5,1793073600000,1793160000000],[6,1793505600000,1793595600000],[7,1793160000000,1793246400000],[8,1793595600000,1793682000000],[9,1793246400000,1793332800000]]","placed","aov","[[0,20756]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, d) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?5))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.total) AS v, count(f.total) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) GROUP BY w.i
UNION ALL
SELECT 2 AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, t.id DESC) AS rn FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?4 AND t.start_day <= w.d AND t.end_day > w.d) g WHERE g.rn = 1
