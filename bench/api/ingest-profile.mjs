// bench/api/ingest-profile: where an ingest's time goes, statement by statement. The orders of
// bench/api's ingestion section (a backfill over a year, then live traffic onto that history) go
// through core's ingestSql into one node:sqlite connection set up as the server's writer (WAL,
// synchronous=FULL, 64 MiB cache, one row per insert statement, checkpoints not within commits),
// each statement timed, the commits too, and the pages each commit wrote to the WAL: what a commit
// costs grows with them, for each is written and synced, and the rows each kind of statement
// wrote (or took back) an order. `node ingest-profile.mjs` (ORDERS=10000 by default).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { createTenant, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { catalog, MetricRegistry } from "@kpikit/core";
import { generateDemo } from "@kpikit/core/demo";
import { ingestSql, Rollups, sqlite } from "@kpikit/core/sql";
import { END, ingestSets } from "./ingest-sets.mjs";

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), "kpikit-ingest-profile-"));
try {
  const path = join(dir, "profile.db");
  const store = new SqlStore(nodeSqliteDriver(path));
  await store.init();
  await createTenant(store, { id: "default", timeZone: "America/New_York" });
  for (const b of generateDemo({ orders: 20_000, end: END, timeZone: "America/New_York" }))
    await store.ingest("default", b.fact, b.records);
  await store.close();

  const db = new DatabaseSync(path);
  // As the server's writer: its checkpoints run on a thread of their own (sqlite-checkpoints.ts),
  // here after each commit, outside the time it is given.
  for (const pragma of ["journal_mode = WAL", "synchronous = FULL", "cache_size = -65536", "wal_autocheckpoint = 0"])
    db.exec(`PRAGMA ${pragma}`);
  const checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  // A WAL frame: a page (4096 bytes, SQLite's default) and its 24-byte header.
  const walPages = () => statSync(`${path}-wal`).size / (4096 + 24);
  const rollups = Rollups.of(MetricRegistry.of(catalog));
  const { backfill, live } = ingestSets(ORDERS);
  const sets = { backfill, live };
  const kind = (sql) =>
    sql.startsWith("WITH s")
      ? sql.includes("FROM chain_facts c JOIN")
        ? sql.includes(" * -1 AS ")
          ? "history events taken back"
          : "history events"
        : "additive rollups"
      : sql.replace(/\s+/g, " ").slice(0, 60);
  const prepared = new Map();
  for (const [name, batches] of Object.entries(sets)) {
    let checkpointing = 0;
    const spent = new Map();
    const rows = new Map();
    let pages = 0;
    const add = (key, ms) => spent.set(key, (spent.get(key) ?? 0) + ms);
    const started = performance.now();
    for (const records of batches) {
      const { statements } = ingestSql("orders", [records], "default", sqlite, {
        maxParams: 32,
        ingestId: crypto.randomUUID(),
        rollups,
      });
      db.exec("BEGIN IMMEDIATE");
      for (const s of statements) {
        let st = prepared.get(s.sql);
        if (!st) prepared.set(s.sql, (st = db.prepare(s.sql)));
        const t = performance.now();
        const { changes } = st.run(...s.params);
        add(kind(s.sql), performance.now() - t);
        rows.set(kind(s.sql), (rows.get(kind(s.sql)) ?? 0) + Number(changes));
      }
      const t = performance.now();
      db.exec("COMMIT");
      add("commit", performance.now() - t);
      const c = performance.now();
      pages += walPages();
      checkpoint.get();
      checkpointing += performance.now() - c;
    }
    const total = performance.now() - started - checkpointing;
    console.log(
      `\n${name}: ${ORDERS.toLocaleString("en")} orders, ` +
        `${Math.round(ORDERS / (total / 1000)).toLocaleString("en")} records/s (no HTTP, no validation), ` +
        `${Math.round(pages / batches.length).toLocaleString("en")} pages written a commit`,
    );
    console.log("   time   rows an order  statement");
    for (const [k, ms] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, 13))
      console.log(`${ms.toFixed(0).padStart(7)} ms  ${((rows.get(k) ?? 0) / ORDERS).toFixed(1).padStart(12)}  ${k}`);
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
