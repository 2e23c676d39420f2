// bench/core: the daily series and previous period of `aov` (1 M orders) and `conversion_rate`
// (1 M sessions), in America/New_York over 180 days that cross a clock change, computed by
// KPI Kit's memory engine, by Arquero and by DuckDB on the same data in one process. Each engine
// must give the same numbers; the figures are medians of repeated warm runs.
import { DuckDBInstance, DuckDBTimestampTZValue } from "@duckdb/node-api";
import * as aq from "arquero";
import {
  bucketsOf,
  catalog,
  comparedSpan,
  createMemoryEngine,
  localDay,
  MetricRegistry,
  offsetAt,
  resolveRange,
  runQuery,
} from "@kpikit/core";
import { generateDemo } from "@kpikit/core/demo";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const END = "2026-11-23T00:00:00Z";
const TZ = "America/New_York";
const RANGE = "2026-05-27..2026-11-23"; // 180 days; the previous 180 reach back to November 2025

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  await fn(); // warm
  const ms = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), result };
}
const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms`;

// --- data ------------------------------------------------------------------------------------
let t0 = performance.now();
const orders = [];
const sessions = [];
for (const batch of generateDemo({ orders: ORDERS, sessions: SESSIONS, end: END, timeZone: TZ, seed: 1 })) {
  if (batch.fact === "orders") for (const r of batch.records) orders.push(r);
  else if (batch.fact === "sessions") for (const r of batch.records) sessions.push(r);
}
console.log(
  `data: ${orders.length.toLocaleString("en")} orders, ${sessions.length.toLocaleString("en")} sessions ` +
    `(generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

// The same buckets for everyone: local days in New York, and the aligned previous period.
const now = Date.parse(END);
const span = resolveRange(RANGE, TZ, now);
const buckets = bucketsOf(TZ, span, "day", now);
const previous = bucketsOf(TZ, comparedSpan(TZ, span, "previous_period", "day"), "day", now);
const bounds = [...previous.map((b) => b.start), ...buckets.map((b) => b.start), buckets.at(-1).end];
/** The bucket of an instant, by binary search over the bounds (what Arquero is handed). */
const bucketOf = (t) => {
  let lo = 0;
  let hi = bounds.length - 1;
  if (t < bounds[0] || t >= bounds[hi]) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid] <= t) lo = mid;
    else hi = mid;
  }
  return lo;
};
/** [value, previous, series (current), series (previous)] from per-bucket numerators and denominators. */
function assemble(num, den) {
  const n = previous.length;
  const ratio = (a, b) => (b === 0 ? null : a / b);
  const sum = (xs, from, to) => xs.slice(from, to).reduce((s, x) => s + x, 0);
  return {
    value: ratio(sum(num, n, num.length), sum(den, n, den.length)),
    previous: ratio(sum(num, 0, n), sum(den, 0, n)),
    series: buckets.map((_, i) => ratio(num[n + i], den[n + i])),
    previousSeries: buckets.map((_, i) => (i < n ? ratio(num[i], den[i]) : null)),
  };
}

// --- KPI Kit memory engine -------------------------------------------------------------------
const registry = MetricRegistry.of(catalog);
const engine = createMemoryEngine({ orders, sessions });
t0 = performance.now();
await runQuery(engine, { metric: "aov", range: RANGE, tz: TZ }, { registry, now });
await runQuery(engine, { metric: "conversion_rate", range: RANGE, tz: TZ }, { registry, now });
const kitLoad = performance.now() - t0;
const kit = async (metric) => {
  const r = await runQuery(engine, { metric, range: RANGE, grain: "day", tz: TZ }, { registry, now });
  return {
    value: r.value,
    previous: r.previous,
    series: r.series.map((p) => p.value),
    previousSeries: r.series.map((p) => p.previous),
  };
};

// --- Arquero (same bounds, so it does no time-zone work of its own) --------------------------
t0 = performance.now();
const ordersTable = aq.table({
  t: Float64Array.from(orders, (o) => Date.parse(o.placedAt)),
  total: Float64Array.from(orders, (o) => o.total),
  status: orders.map((o) => o.status),
});
const sessionsTable = aq.table({
  t: Float64Array.from(sessions, (s) => Date.parse(s.startedAt)),
  converted: Uint8Array.from(sessions, (s) => (s.converted ? 1 : 0)),
});
const arqueroLoad = performance.now() - t0;
const bucketFn = aq.escape((d) => bucketOf(d.t));
function arqueroRatio(table, filter, num) {
  const grouped = table
    .params({ lo: bounds[0], hi: bounds.at(-1) })
    .filter((d, $) => d.t >= $.lo && d.t < $.hi)
    .filter(filter)
    .derive({ b: bucketFn })
    .groupby("b")
    .rollup({ num: num, den: aq.op.count() })
    .objects();
  const nums = new Array(bounds.length - 1).fill(0);
  const dens = new Array(bounds.length - 1).fill(0);
  for (const g of grouped) {
    nums[g.b] = g.num;
    dens[g.b] = g.den;
  }
  return assemble(nums, dens);
}
const arquero = {
  aov: () => arqueroRatio(ordersTable, (d) => d.status === "placed", aq.op.sum("total")),
  conversion_rate: () => arqueroRatio(sessionsTable, () => true, aq.op.sum("converted")),
};

// --- DuckDB ----------------------------------------------------------------------------------
t0 = performance.now();
const duck = await (await DuckDBInstance.create(":memory:")).connect();
await duck.run("CREATE TABLE orders (placed_at TIMESTAMPTZ, placed_ms BIGINT, total DOUBLE, status VARCHAR)");
await duck.run("CREATE TABLE sessions (started_at TIMESTAMPTZ, started_ms BIGINT, converted BOOLEAN)");
{
  const a = await duck.createAppender("orders");
  for (const o of orders) {
    const ms = Date.parse(o.placedAt);
    a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(ms) * 1000n));
    a.appendBigInt(BigInt(ms));
    a.appendDouble(o.total);
    a.appendVarchar(o.status);
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
  const b = await duck.createAppender("sessions");
  for (const s of sessions) {
    const ms = Date.parse(s.startedAt);
    b.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(ms) * 1000n));
    b.appendBigInt(BigInt(ms));
    b.appendBoolean(s.converted);
    b.endRow();
  }
  b.flushSync();
  b.closeSync();
}
await duck.run(`SET TimeZone = '${TZ}'`);
const duckLoad = performance.now() - t0;
const firstDay = localDay(TZ, bounds[0]);
/** Idiomatic DuckDB: each row's local day in the session's zone (date_trunc on TIMESTAMPTZ). */
async function duckIdiomatic(table, time, num, where) {
  const daily = `SELECT date_trunc('day', ${time}) AS d, ${num} AS num, count(*) AS den FROM ${table}`;
  const from = `make_timestamptz(${bounds[0] * 1000}::BIGINT)`;
  const to = `make_timestamptz(${bounds.at(-1) * 1000}::BIGINT)`;
  const rows = (
    await duck.runAndReadAll(
      `SELECT epoch_ms(d) AS d, num, den FROM (${daily}
       WHERE ${where} ${time} >= ${from} AND ${time} < ${to} GROUP BY 1)`,
    )
  ).getRowObjects();
  const nums = new Array(bounds.length - 1).fill(0);
  const dens = new Array(bounds.length - 1).fill(0);
  for (const r of rows) {
    const i = localDay(TZ, Number(r.d)) - firstDay;
    nums[i] = Number(r.num);
    dens[i] = Number(r.den);
  }
  return assemble(nums, dens);
}
/**
 * DuckDB at its fastest: the zone's offsets over the range, computed outside, turn each row's
 * epoch milliseconds into a local day with one CASE and a division.
 */
const offsets = [{ from: bounds[0], offset: offsetAt(TZ, bounds[0]) }];
for (let i = 1; i < bounds.length; i++) {
  const o = offsetAt(TZ, bounds[i]);
  if (o === offsets.at(-1).offset) continue;
  let lo = bounds[i - 1];
  let hi = bounds[i];
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetAt(TZ, mid) === o) hi = mid;
    else lo = mid;
  }
  offsets.push({ from: hi, offset: o });
}
const offsetCase = (col) =>
  `CASE ${offsets
    .slice(1)
    .map((o, i) => `WHEN ${col} < ${o.from} THEN ${offsets[i].offset}`)
    .join(" ")} ELSE ${offsets.at(-1).offset} END`;
async function duckOffsets(table, time, num, where) {
  const day = `floor((${time} + ${offsetCase(time)}) / 86400000)::BIGINT`;
  const rows = (
    await duck.runAndReadAll(
      `SELECT ${day} AS day, ${num} AS num, count(*) AS den FROM ${table}
       WHERE ${where} ${time} >= ${bounds[0]} AND ${time} < ${bounds.at(-1)} GROUP BY 1`,
    )
  ).getRowObjects();
  const nums = new Array(bounds.length - 1).fill(0);
  const dens = new Array(bounds.length - 1).fill(0);
  for (const r of rows) {
    nums[Number(r.day) - firstDay] = Number(r.num);
    dens[Number(r.day) - firstDay] = Number(r.den);
  }
  return assemble(nums, dens);
}
const duckdb = {
  aov: {
    idiomatic: () => duckIdiomatic("orders", "placed_at", "sum(total)", "status = 'placed' AND"),
    offsets: () => duckOffsets("orders", "placed_ms", "sum(total)", "status = 'placed' AND"),
  },
  conversion_rate: {
    idiomatic: () => duckIdiomatic("sessions", "started_at", "count(*) FILTER (WHERE converted)", ""),
    offsets: () => duckOffsets("sessions", "started_ms", "count(*) FILTER (WHERE converted)", ""),
  },
};

// --- run -------------------------------------------------------------------------------------
const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
function agree(name, a, b) {
  const fields = ["value", "previous"];
  for (const f of fields) if (!close(a[f], b[f])) throw new Error(`${name}: ${f} ${a[f]} ≠ ${b[f]}`);
  a.series.forEach((v, i) => {
    if (!close(v, b.series[i]) || !close(a.previousSeries[i], b.previousSeries[i]))
      throw new Error(`${name}: bucket ${i} differs`);
  });
}

console.log(
  `load: KPI Kit columns ${kitLoad.toFixed(0)} ms, Arquero tables ${arqueroLoad.toFixed(0)} ms, ` +
    `DuckDB tables ${duckLoad.toFixed(0)} ms (not timed below)\n`,
);
console.log(`daily series + previous period, ${RANGE} in ${TZ}, median of ${RUNS} warm runs`);
const summary = [];
for (const metric of ["aov", "conversion_rate"]) {
  const k = await time(() => kit(metric));
  const a = await time(arquero[metric]);
  const di = await time(duckdb[metric].idiomatic);
  const db = await time(duckdb[metric].offsets);
  agree(`${metric} Arquero`, k.result, a.result);
  agree(`${metric} DuckDB (date_trunc)`, k.result, di.result);
  agree(`${metric} DuckDB (offsets)`, k.result, db.result);
  const duckBest = Math.min(di.ms, db.ms);
  console.log(`\n${metric}`);
  console.log(`  KPI Kit memory engine ${fmt(k.ms)}`);
  console.log(
    `  Arquero               ${fmt(a.ms)}   ${(a.ms / k.ms).toFixed(1)}x slower than KPI Kit (goal: at least 3x)`,
  );
  console.log(`  DuckDB, date_trunc    ${fmt(di.ms)}`);
  console.log(`  DuckDB, offsets       ${fmt(db.ms)}`);
  console.log(`  KPI Kit / best DuckDB ${(k.ms / duckBest).toFixed(2)} (goal: at most 2)`);
  summary.push({ metric, kit: k.ms, arquero: a.ms, duckdb: duckBest });
}
console.log("\nall engines agree on every value, previous value and bucket");
const ok = summary.every((s) => s.arquero / s.kit >= 3 && s.kit / s.duckdb <= 2);
const versus = (s) =>
  `${s.metric} ${(s.arquero / s.kit).toFixed(1)}x Arquero, ${(s.kit / s.duckdb).toFixed(2)} of DuckDB`;
console.log(`goals ${ok ? "met" : "NOT met"}: ${summary.map(versus).join("; ")}`);
