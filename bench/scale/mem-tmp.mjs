import { DatabaseSync } from "node:sqlite";
import { SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { catalog, MetricRegistry } from "@kpikit/core";
const file = `.data/sqlite-100000.db`;
const store = new SqlStore(nodeSqliteDriver(file, { readers: 0 }));
await store.init();
const registry = MetricRegistry.of(catalog);
const db = new DatabaseSync(file, { readOnly: true });
const CLOSE = process.env.CLOSE === "1", CAP = Number(process.env.CAP ?? 32);
const cache = new Map();
const rss = () => Math.round(process.memoryUsage().rss / 1e6);
const line = [];
for (let i = 0; i < 3000; i++) {
  const d = catalog[i % catalog.length];
  const { sql } = store.explain("bench", { metric: d.id, range: "last_90_days", grain: "day" }, { registry, now: Date.now() - i * 61_000 });
  cache.set(sql, db.prepare(sql));
  if (cache.size > CAP) { const [k, st] = cache.entries().next().value; cache.delete(k); if (CLOSE) st[Symbol.dispose](); }
  if (i % 500 === 499) line.push(rss());
}
console.log(`CAP=${CAP} CLOSE=${CLOSE}`, line.join(" "));
