// bench/scale: what a dashboard's query costs as a shop's data grows. Demo data of 100 k, 1 M and
// 10 M orders (sessions and tickets in proportion), each loaded once into SQLite and PostgreSQL and
// kept in bench/scale/.data for later runs: the facts through SqlStore.ingest without rollups, then
// the rollups and key histories built in one rebuild, as a shop's backfill of years is best loaded
// (the same statements as ingestion's, over all the facts at once; bench/api times ingestion).
// Then warm p50 and p99 of GET /v1/metrics/revenue and /v1/metrics/conversion_rate for
// last_90_days by day, over HTTP on loopback with the result cache off, side by side with the same
// API reading only the facts (SqlStore with rollups: false). Goal: p50 <= 20 ms and at most
// 1.5x growth from the smallest scale to the largest. Then every catalog KPI the same way (rollups
// kept, no time budget; each KPI at every scale in turn, so that its growth compares the same
// moment's machine), and the demo dashboard's whole batch of them in one POST /v1/query: a
// table sorted by p50 at the largest scale, with growth (issue 14's goals: each KPI p50 <= 50 ms at
// 1 M orders, <= 100 ms at 10 M, growth <= 2x; the whole batch <= 1 s at 10 M).
//
// BENCH_SCALES=100000,1000000 (orders), BENCH_STORES=sqlite,postgres,
// BENCH_REQUESTS=300 (5 on the facts alone: BENCH_FACT_REQUESTS),
// BENCH_SESSIONS_PER_ORDER=3 (the demo's 30 would make 300 M sessions at 10 M orders),
// BENCH_KPI_REQUESTS=10 (per KPI, fewer when a KPI takes more than BENCH_KPI_SECONDS=5 in all),
// BENCH_KPI_QUERY=range=last_90_days&grain=day (what every KPI is asked: a shop owner picks longer
// ranges too, e.g. range=last_year&grain=month, which its previous period makes a leap year now),
// BENCH_DATA_DIR (default bench/scale/.data; delete it to load again).
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp, createTenant, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver, postgresDriver } from "@kpikit/api/node";
import { catalog } from "@kpikit/core";
import { generateDemo } from "@kpikit/core/demo";
import { startPostgres } from "../../scripts/postgres-server.mjs";

const SCALES = (process.env.BENCH_SCALES ?? "100000,1000000,10000000").split(",").map(Number);
const STORES = (process.env.BENCH_STORES ?? "sqlite,postgres").split(",");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
/** A scan of 10 M orders takes seconds: a few requests say enough about it. */
const FACT_REQUESTS = Number(process.env.BENCH_FACT_REQUESTS ?? 5);
const SESSIONS_PER_ORDER = Number(process.env.BENCH_SESSIONS_PER_ORDER ?? 3);
const KPI_REQUESTS = Number(process.env.BENCH_KPI_REQUESTS ?? 10);
const KPI_SECONDS = Number(process.env.BENCH_KPI_SECONDS ?? 5);
const KPI_QUERY = process.env.BENCH_KPI_QUERY ?? "range=last_90_days&grain=day";
const DATA = process.env.BENCH_DATA_DIR ?? fileURLToPath(new URL("./.data/", import.meta.url));
const KEY = "kpi_sk_bench_scale_0123456789abcdef";
const TENANT = "bench";
const BATCH = 5000;
/**
 * The data ends on the hour; "now" is in the middle of an hour, so each range also reads the facts
 * of that hour's start.
 */
const END = Date.parse("2026-11-22T16:00:00Z");
const NOW = Date.parse("2026-11-22T15:37:00Z");
const PATHS = {
  revenue: "/v1/metrics/revenue?range=last_90_days&grain=day",
  conversion_rate: "/v1/metrics/conversion_rate?range=last_90_days&grain=day",
};
mkdirSync(DATA, { recursive: true });

const fmt = (n) => Math.round(n).toLocaleString("en");
const label = (n) => (n >= 1e6 ? `${n / 1e6} M` : `${n / 1e3} k`);

/**
 * Loads the demo data's facts through SqlStore.ingest (a store keeping no rollups), in batches of
 * BATCH records per fact; the rollups are built after (and built again, where a run stopped first).
 */
async function load(driver, orders) {
  const store = new SqlStore(driver(), { rollups: false });
  await store.init();
  await createTenant(store, { id: TENANT, secretKey: KEY, timeZone: "UTC" });
  const pending = new Map();
  let records = 0;
  let seenOrders = 0;
  let shown = 0;
  const started = performance.now();
  const flush = async (fact) => {
    const batch = pending.get(fact);
    if (!batch?.length) return;
    pending.set(fact, []);
    await store.ingest(TENANT, fact, batch);
    records += batch.length;
  };
  for (const { fact, records: rs } of generateDemo({
    orders,
    sessions: orders * SESSIONS_PER_ORDER,
    end: END,
    timeZone: "UTC",
    seed: 42,
  })) {
    const batch = pending.get(fact) ?? [];
    batch.push(...rs);
    pending.set(fact, batch);
    if (fact === "orders") seenOrders += rs.length;
    if (batch.length >= BATCH) await flush(fact);
    const done = Math.floor((seenOrders / orders) * 10);
    if (done > shown) {
      shown = done;
      process.stdout.write(
        `\r     loading ${label(orders)} orders: ${done * 10} %, ` +
          `${fmt(records / ((performance.now() - started) / 1000))} records/s `,
      );
    }
  }
  for (const fact of pending.keys()) await flush(fact);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  process.stdout.write(
    `\r     loaded ${fmt(records)} records (${label(orders)} orders) in ${seconds.toFixed(0)} s, ` +
      `${fmt(records / seconds)} records/s through SqlStore.ingest without rollups\n`,
  );
}

/**
 * What autovacuum does soon after a load or a rebuild on PostgreSQL: statistics, and the visibility
 * map, without which index-only scans of the new rows visit the table.
 */
const vacuum = (driver) => driver.exec("VACUUM (ANALYZE)");

/** The database of a store kind and scale: opened, and loaded the first time. */
async function open(kind, orders, server) {
  if (kind === "sqlite") {
    const file = join(DATA, `sqlite-${orders}.db`);
    const fresh = !existsSync(`${file}.loaded`);
    const driver = () => nodeSqliteDriver(file);
    if (fresh) {
      // What a load stopped part way left behind.
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      await load(driver, orders);
      writeFileSync(`${file}.loaded`, new Date().toISOString());
    }
    return driver;
  }
  const name = `scale_${orders}`;
  const admin = postgresDriver(server.url);
  const [exists] = await admin.all("SELECT 1 AS x FROM pg_database WHERE datname = $1", [name]);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const driver = () => postgresDriver(url.toString());
  let loaded = false;
  if (exists) {
    const probe = driver();
    loaded = (await probe.all("SELECT to_regclass('bench_loaded') IS NOT NULL AS done"))[0].done;
    await probe.close();
    if (!loaded) await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
  }
  if (!loaded) {
    await admin.exec(`CREATE DATABASE ${name}`);
    await load(driver, orders);
    const store = driver();
    await vacuum(store);
    await store.exec("CREATE TABLE bench_loaded (at TEXT)");
    await store.close();
  }
  await admin.close();
  return driver;
}

/** Warm latencies of one path: `warmup` requests first, then `count` timed one after another. */
async function latencies(base, path, count, warmup) {
  const get = async () => {
    const r = await fetch(base + path, { headers: { Authorization: `Bearer ${KEY}` } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${body}`);
    return JSON.parse(body);
  };
  const first = await get();
  for (let i = 0; i < warmup; i++) await get();
  const times = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await get();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99), value: first.value };
}

/** Latencies of one KPI: requests one after another until KPI_REQUESTS or KPI_SECONDS, after one warm-up. */
async function kpiLatencies(base, id) {
  const path = `/v1/metrics/${id}?${KPI_QUERY}`;
  const get = async () => {
    const t = performance.now();
    const r = await fetch(base + path, { headers: { Authorization: `Bearer ${KEY}` } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${body}`);
    return performance.now() - t;
  };
  const spent = [await get()];
  const times = [];
  while (times.length < KPI_REQUESTS && spent.concat(times).reduce((a, b) => a + b, 0) < KPI_SECONDS * 1000)
    times.push(await get());
  if (times.length === 0) times.push(spent[0]);
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length / 2)],
    p99: times[Math.min(times.length - 1, Math.floor(0.99 * times.length))],
    n: times.length,
  };
}

/** The demo dashboard's request: every catalog KPI in one batch, until its last answer is in. */
async function wholeBatch(base) {
  const queries = catalog.map((d) => ({ metric: d.id, range: "last_30_days" }));
  const t = performance.now();
  const r = await fetch(`${base}/v1/query`, {
    method: "POST",
    headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ queries }),
  });
  const body = await r.json();
  if (r.status !== 200 || body.results.some((x) => x.error))
    throw new Error(`the batch failed: ${JSON.stringify(body).slice(0, 300)}`);
  return performance.now() - t;
}

/** The API over a store, on a free port of loopback, with no result cache, no rate limits and no time budget. */
async function serveApi(store) {
  const unlimited = { burst: 1e12, perSecond: 1e12 };
  const app = createApp({
    store,
    now: () => NOW,
    cacheSize: 0,
    queryTimeoutMs: 0,
    rateLimits: { secret: unlimited, publishable: unlimited, token: unlimited },
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const postgresServer = STORES.includes("postgres") ? await startPostgres({ dir: join(DATA, "postgres") }) : undefined;
const results = [];
const kpis = [];
try {
  console.log(
    `bench/scale: warm latency of last_90_days by day, ${REQUESTS} requests each ` +
      `(${FACT_REQUESTS} on the facts alone), HTTP on loopback, result cache off`,
  );
  for (const kind of STORES) {
    const served = [];
    for (const orders of SCALES) {
      console.log(`\n  ${kind}, ${label(orders)} orders`);
      const driver = await open(kind, orders, postgresServer);
      const withRollups = new SqlStore(driver());
      const factsOnly = new SqlStore(driver(), { rollups: false });
      await withRollups.init();
      // Rollups not built yet, or built by an earlier version of the catalog, are built, as the
      // server does at start.
      const building = performance.now();
      const rebuilt = await withRollups.rebuildRollups({ onlyStale: true });
      if (rebuilt.length) {
        if (kind === "postgres") await vacuum(withRollups.driver);
        const seconds = (performance.now() - building) / 1000;
        console.log(`     rollups and key histories built from the facts in ${seconds.toFixed(0)} s`);
      }
      await factsOnly.init();
      const [a, b] = [await serveApi(withRollups), await serveApi(factsOnly)];
      for (const [metric, path] of Object.entries(PATHS)) {
        const rolled = await latencies(a.base, path, REQUESTS, 20);
        const scanned = await latencies(b.base, path, FACT_REQUESTS, 1);
        if (Math.abs(rolled.value - scanned.value) > 1e-9 * Math.max(1, Math.abs(scanned.value)))
          throw new Error(`${metric}: rollups say ${rolled.value}, facts ${scanned.value}`);
        results.push({ kind, orders, metric, rolled, scanned });
        console.log(
          `     ${metric.padEnd(16)} ` +
            `rollups p50 ${rolled.p50.toFixed(2).padStart(7)} ms  p99 ${rolled.p99.toFixed(2).padStart(7)} ms   ` +
            `facts p50 ${scanned.p50.toFixed(1).padStart(8)} ms  p99 ${scanned.p99.toFixed(1).padStart(8)} ms   ` +
            `${(scanned.p50 / rolled.p50).toFixed(0).padStart(5)}x faster`,
        );
      }
      b.close();
      await factsOnly.close();
      served.push({ orders, server: a, store: withRollups, perKpi: {} });
    }
    // Every KPI at each scale one after the other: a shared machine's speed drifts over minutes (at
    // times by half), and a growth taken from two runs minutes apart carried that drift in.
    for (const d of catalog) for (const at of served) at.perKpi[d.id] = await kpiLatencies(at.server.base, d.id);
    for (const { orders, server, store, perKpi } of served) {
      const slowest = Object.entries(perKpi)
        .sort((x, y) => y[1].p50 - x[1].p50)
        .slice(0, 5);
      const fast = Object.values(perKpi).filter((t) => t.p50 <= 50).length;
      const slow = slowest.map(([id, t]) => `${id} ${t.p50.toFixed(0)} ms`).join(", ");
      console.log(
        `\n  ${kind}, ${label(orders)} orders: every KPI (${KPI_QUERY}) ${fast} of ${catalog.length} ` +
          `at p50 <= 50 ms; slowest ${slow}`,
      );
      const batch = await wholeBatch(server.base);
      console.log(`     the dashboard's whole batch (${catalog.length} KPIs, last_30_days): ${batch.toFixed(0)} ms`);
      kpis.push({ kind, orders, perKpi, batch });
      server.close();
      await store.close();
    }
  }
} finally {
  await postgresServer?.stop();
}

const [smallest, largest] = [Math.min(...SCALES), Math.max(...SCALES)];
let met = true;
console.log(`\ngrowth of p50 from ${label(smallest)} to ${label(largest)} orders (goal <= 1.5x; p50 goal <= 20 ms)`);
for (const kind of STORES) {
  for (const metric of Object.keys(PATHS)) {
    const of = (orders) => results.find((r) => r.kind === kind && r.metric === metric && r.orders === orders);
    const [s, l] = [of(smallest), of(largest)];
    const growth = l.rolled.p50 / s.rolled.p50;
    const factGrowth = l.scanned.p50 / s.scanned.p50;
    met &&=
      growth <= 1.5 &&
      Math.max(...results.filter((r) => r.kind === kind && r.metric === metric).map((r) => r.rolled.p50)) <= 20;
    console.log(
      `   ${kind.padEnd(9)} ${metric.padEnd(16)} ` +
        `rollups ${growth.toFixed(2)}x (${s.rolled.p50.toFixed(2)} -> ${l.rolled.p50.toFixed(2)} ms)   ` +
        `facts alone ${factGrowth.toFixed(1)}x (${s.scanned.p50.toFixed(1)} -> ${l.scanned.p50.toFixed(1)} ms)`,
    );
  }
}
for (const kind of STORES) {
  const of = (orders) => kpis.find((k) => k.kind === kind && k.orders === orders);
  const [s, l] = [of(smallest), of(largest)];
  if (!s || !l) continue;
  console.log(
    `\n${kind}: every catalog KPI, p50 (p99) of ${KPI_QUERY}, rollups kept, ` +
      `sorted by p50 at ${label(largest)} orders`,
  );
  console.log(`   ${"KPI".padEnd(30)} ${SCALES.map((o) => label(o).padStart(24)).join("")}   growth`);
  for (const [id, t] of Object.entries(l.perKpi).sort((x, y) => y[1].p50 - x[1].p50)) {
    const cells = SCALES.map((o) => {
      const k = of(o)?.perKpi[id];
      return (k ? `${k.p50.toFixed(1)} (${k.p99.toFixed(1)}) ms` : "–").padStart(24);
    });
    console.log(`   ${id.padEnd(30)} ${cells.join("")}   ${(t.p50 / s.perKpi[id].p50).toFixed(2)}x`);
  }
  const batches = SCALES.map((o) => `${of(o)?.batch.toFixed(0)} ms`.padStart(24)).join("");
  console.log(`   ${"whole dashboard batch".padEnd(30)} ${batches}`);
}
console.log(
  `\ngoals ${met ? "met" : "NOT all met"} (revenue and conversion_rate); ` +
    "every KPI: see the tables above against issue 14's goals",
);
