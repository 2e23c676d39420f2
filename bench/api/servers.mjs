// The servers the API benchmark compares, each in its own process: `kpikit <db> <port>` (the real
// server over SQLite with a year of demo data), the same keeping no rollups or key histories with
// `facts-only` after the port (its ingests store the facts alone), and `bare <port> <body file>` (a
// bare Hono route answering the same JSON).
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createTenant, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { generateDemo } from "@kpikit/core/demo";
import { createServer } from "@kpikit/server";
import { Hono } from "hono";

export const BENCH_KEY = "kpi_sk_bench_0123456789abcdefghij";
const [kind, ...args] = process.argv.slice(2);

if (kind === "kpikit") {
  const [db, port, mode] = args;
  const store = new SqlStore(nodeSqliteDriver(db), { rollups: mode !== "facts-only" });
  await store.init();
  if (!(await store.getTenant("default"))) {
    await createTenant(store, { id: "default", secretKey: BENCH_KEY, timeZone: "America/New_York" });
    for (const b of generateDemo({
      orders: 20_000,
      end: Date.parse("2026-11-23T00:00:00Z"),
      timeZone: "America/New_York",
    }))
      await store.ingest("default", b.fact, b.records);
  }
  // No throttling: the benchmark measures the path, not the per-key limits.
  const unlimited = { burst: 1e12, perSecond: 1e12 };
  const app = createServer({ store, rateLimits: { secret: unlimited, publishable: unlimited, token: unlimited } });
  serve({ fetch: app.fetch, port: Number(port), hostname: "127.0.0.1" }, () => console.log("ready"));
} else if (kind === "bare") {
  const [port, bodyFile] = args;
  const body = JSON.parse(readFileSync(bodyFile, "utf8"));
  const app = new Hono();
  app.get("/v1/metrics/aov", (c) => c.json(body));
  serve({ fetch: app.fetch, port: Number(port), hostname: "127.0.0.1" }, () => console.log("ready"));
}
// Exit cleanly when stopped, so profilers (--cpu-prof) can write their files.
process.on("SIGTERM", () => process.exit(0));
