-- {"metric":"revenue","range":"last_7_days","tz":"Europe/Moscow","filters":{"region":["EU","US"]},"by":"channel","compare":"none"}
-- params: ["tenant_1","[[0,1794862800000,1795426200000],[1,1794862800000,1794949200000],[2,1794949200000,1795035600000],[3,1795035600000,1795122000000],[4,1795122000000,1795208400000],[5,1795208400000,1795294800000],[6,1795294800000,1795381200000],[7,1795381200000,1795426200000]]","placed","EU","US","revenue","[[0,20774,20780.520833333332]]","[[0,1794862800000,1795426200000]]"]
WITH w0(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2)),
  w1(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?7)),
  w2(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?8))
SELECT 0 AS r, w.i AS wi, NULL AS k, sum(f.total) AS v, count(f.total) AS n FROM w0 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) AND f.region IN (?4, ?5) GROUP BY w.i
UNION ALL
SELECT 1 AS r, w.i AS wi, NULL AS k, sum(t.value * (min(w.e, t.end_day) - max(w.s, t.start_day)) / (t.end_day - t.start_day)) AS v, count(*) AS n FROM w1 w JOIN targets t ON t.tenant_id = ?1 AND t.metric = ?6 AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i
UNION ALL
SELECT 2 AS r, w.i AS wi, f.channel AS k, sum(f.total) AS v, count(f.total) AS n FROM w2 w JOIN orders f ON f.tenant_id = ?1 AND f.placed_at_ms >= w.s AND f.placed_at_ms < w.e WHERE (f.status = ?3) AND f.region IN (?4, ?5) GROUP BY w.i, k
