// bench/api: the API measured against the simplest peers that could do the same job, in one run.
//  1. A cached GET /v1/metrics/aov on the real server (SQLite, a year of demo data, full
//     middleware: security headers, CORS, key check, rate limit, ETag) against a bare Hono route
//     answering the same JSON. autocannon on loopback; servers pinned to core 0, load to core 1.
//  2. Ingestion through the API (HTTP, JSON, validation, idempotent insert, rollups, durable
//     commit), of a backfill and of live traffic, against a raw node:sqlite loop inserting the same
//     rows into the same tables; and live traffic into a server keeping the facts alone, the
//     ceiling of any design that keeps the derived state in the same process.
//  3. 100 000 fuzzed requests (the API's fuzz suite, ten times its usual size).
//  4. The Workers bundle, minified and gzipped.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { gzipSync } from "node:zlib";
import { storeSchema } from "@kpikit/api";
import { ingestSets } from "./ingest-sets.mjs";
import { encodeFact, insertSql, sqlite } from "@kpikit/core/sql";
import autocannon from "autocannon";
import { build } from "esbuild";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const KEY = "kpi_sk_bench_0123456789abcdefghij";
const dir = mkdtempSync(join(tmpdir(), "kpikit-bench-"));
const pinned = (cpu) =>
  spawnSync("taskset", ["-V"]).status === 0
    ? ["taskset", ["-c", String(cpu), process.execPath]]
    : [process.execPath, []];
try {
  execFileSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });
} catch {
  // no taskset: unpinned figures are noisier but still side by side
}

function startServer(args, port) {
  const [cmd, pre] = pinned(0);
  const child = spawn(cmd, [...pre, "--disable-warning=ExperimentalWarning", here("./servers.mjs"), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("ready") && resolve({ child, base: `http://127.0.0.1:${port}` }));
    child.on("exit", (code) => reject(new Error(`server ${args[0]} exited ${code}`)));
  });
}

const load = (url, headers) =>
  new Promise((resolve, reject) =>
    autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION }, (err, r) =>
      err ? reject(err) : resolve(r),
    ),
  );

// --- 1. cached metric vs bare Hono ------------------------------------------------------------
console.log(
  "1. cached GET /v1/metrics/aov against a bare Hono JSON route " +
    `(autocannon, ${CONNECTIONS} connections, ${DURATION} s each, best of 2)`,
);
const kpikit = await startServer(["kpikit", join(dir, "bench.db"), "18781"], 18781);
const path = "/v1/metrics/aov?range=last_30_days&tz=America/New_York";
const auth = { Authorization: `Bearer ${KEY}` };
const first = await fetch(kpikit.base + path, { headers: auth });
if (first.status !== 200) throw new Error(`the metric answered ${first.status}`);
const bodyFile = join(dir, "aov.json");
writeFileSync(bodyFile, await first.text());
const bare = await startServer(["bare", "18782", bodyFile], 18782);
const runs = { kpikit: [], bare: [] };
for (let round = 0; round < 2; round++) {
  runs.bare.push(await load(bare.base + path, {}));
  runs.kpikit.push(await load(kpikit.base + path, auth));
}
const best = (rs) => rs.reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
const k = best(runs.kpikit);
const b = best(runs.bare);
for (const [name, r] of [
  ["KPI Kit", k],
  ["bare Hono", b],
]) {
  if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  console.log(
    `   ${name.padEnd(10)} ${Math.round(r.requests.average).toLocaleString("en").padStart(7)} req/s   ` +
      `p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms`,
  );
}
const throughput = k.requests.average / b.requests.average;
console.log(
  `   throughput ${(throughput * 100).toFixed(0)} % of bare Hono (goal >= 80 %), ` +
    `p99 ${k.latency.p99} ms (goal <= 20 ms)`,
);
bare.child.kill();

// --- 2. ingestion vs raw inserts ----------------------------------------------------------------
// Three times through the API, rollups kept: a backfill and live traffic (ingest-sets.mjs) in calls
// of 500 from two senders, and the same live traffic as a busy shop's webhooks send it, calls of 10
// from 64 senders at once (the server stores the calls that queue together: group commit). Goals
// (issue 14): live >= 70 % of the raw loop, backfill >= 50 %.
console.log("\n2. ingestion of 60 000 orders, durable (WAL, synchronous=FULL)");
const { orders, backfill: batches, live } = ingestSets(60_000);
const hooks = live.flat().map((o) => ({ ...o, id: `hook_${o.id}` }));
const webhooks = Array.from({ length: Math.ceil(hooks.length / 10) }, (_, i) => hooks.slice(i * 10, i * 10 + 10));
/**
 * Records per second through `server`'s POST /v1/events/orders, bodies serialized before the clock starts and
 * `senders` keeping the server busy.
 */
async function ingestRate(server, list, senders) {
  const bodies = list.map((records) => JSON.stringify({ records }));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < bodies.length) {
        const sent = next++;
        const body = bodies[sent];
        const r = await fetch(`${server.base}/v1/events/orders`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body,
        });
        if (r.status !== 200) throw new Error(`ingestion answered ${r.status}: ${await r.text()}`);
        const { inserted } = await r.json();
        if (inserted !== list[sent].length) throw new Error(`a call inserted ${inserted} of ${list[sent].length}`);
      }
    }),
  );
  return orders.length / ((performance.now() - started) / 1000);
}
const apiRate = await ingestRate(kpikit, batches, 2);
const liveRate = await ingestRate(kpikit, live, 2);
const hookRate = await ingestRate(kpikit, webhooks, 64);
kpikit.child.kill();
// The same live traffic into a server that keeps no derived state: what HTTP, JSON, validation and
// the facts' own inserts cost on this core, the most that any way of keeping the rollups and
// histories in the same process could reach.
const factsOnly = await startServer(["kpikit", join(dir, "facts.db"), "18783", "facts-only"], 18783);
const factsRate = await ingestRate(factsOnly, live, 2);
factsOnly.child.kill();

const raw = new DatabaseSync(join(dir, "raw.db"));
raw.exec("PRAGMA journal_mode = WAL");
raw.exec("PRAGMA synchronous = FULL");
for (const s of storeSchema(sqlite)) raw.exec(s);
const statements = new Map();
let t = performance.now();
for (const records of batches) {
  raw.exec("BEGIN IMMEDIATE");
  for (const o of records) {
    for (const row of encodeFact("orders", o, "default", sqlite)) {
      const sql = insertSql(row, sqlite);
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = raw.prepare(sql)));
      st.run(...row.values);
    }
  }
  raw.exec("COMMIT");
}
const rawRate = orders.length / ((performance.now() - t) / 1000);
raw.close();
const rate = (r) => Math.round(r).toLocaleString("en").padStart(7);
const share = (r) => `${((r / rawRate) * 100).toFixed(0)} %`.padStart(5);
console.log(
  "   through the API (HTTP, JSON, validation, idempotent insert, rollups and key histories kept):\n" +
    `     backfill, calls of 500        ${rate(apiRate)} records/s  ${share(apiRate)} of raw (goal >= 50 %)\n` +
    `     live, calls of 500            ${rate(liveRate)} records/s  ${share(liveRate)} of raw (goal >= 70 %)\n` +
    `     live, webhooks: calls of 10   ${rate(hookRate)} records/s  ${share(hookRate)} of raw\n` +
    `   through the API, facts alone (no rollups or histories kept), live, calls of 500:\n` +
    `                                   ${rate(factsRate)} records/s  ${share(factsRate)} of raw (the ceiling here)`,
);
console.log(`   raw node:sqlite loop            ${rate(rawRate)} records/s  (prepared inserts, same tables)`);

// --- 3. fuzzing --------------------------------------------------------------------------------
console.log("\n3. 100 000 fuzzed requests (the API's fuzz suite at ten times its size)");
t = performance.now();
const fuzz = spawnSync(
  process.execPath,
  [here("../../packages/api/node_modules/vitest/vitest.mjs"), "run", "test/fuzz.test.ts", "--reporter=dot"],
  {
    cwd: here("../../packages/api"),
    env: { ...process.env, KPIKIT_FUZZ_SCALE: "10", KPIKIT_RESULTS_DIR: "" },
    encoding: "utf8",
  },
);
const fuzzLine = /Tests\s+.*$/m.exec(stripVTControlCharacters(`${fuzz.stdout}`))?.[0] ?? `no result: ${fuzz.stderr}`;
console.log(
  `   ${fuzz.status === 0 ? "no 5xx, no hang" : "FAILED"}: ` +
    `${fuzzLine.trim()} in ${((performance.now() - t) / 1000).toFixed(0)} s`,
);

// --- 4. Workers bundle ---------------------------------------------------------------------------
const bundle = await build({
  entryPoints: [here("../../apps/edge/src/worker.ts")],
  bundle: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["worker", "browser"],
  minify: true,
  write: false,
});
const bytes = bundle.outputFiles[0].contents;
const gz = gzipSync(bytes, { level: 9 }).length;
console.log(
  `\n4. Workers bundle: ${(bytes.length / 1024).toFixed(0)} KB minified, ` +
    `${(gz / 1024).toFixed(0)} KB gzip (goal <= 250 KB)`,
);

rmSync(dir, { recursive: true, force: true });
const met =
  throughput >= 0.8 &&
  k.latency.p99 <= 20 &&
  apiRate / rawRate >= 0.5 &&
  liveRate / rawRate >= 0.7 &&
  gz <= 250 * 1024 &&
  fuzz.status === 0;
console.log(`\ngoals ${met ? "met" : "NOT all met"}`);
