// A KPI never holds the server: on SQLite its query runs on a reader thread and each transaction on
// the writer thread, so the event loop (health checks, cached answers) goes on meanwhile; every KPI
// has a time budget, past which it is stopped and answered 503 with Retry-After (in place, in a
// batch, where the others still answer); identical queries arriving while one computes wait for
// that one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp, createTenant, type SqlDriver, SqlStore, StoreUnavailableError } from "../src/index.js";
import { nodeSqliteDriver, postgresDriver } from "../src/node/index.js";
import { PREPARE_FROM_LENGTH, PREPARED_PER_CONNECTION } from "../src/node/postgres.js";
import { client } from "./support/harness.js";
import { newDatabase } from "./support/postgres.js";

const NOW = Date.parse("2026-03-10T00:00:00Z");
/** A query SQLite takes seconds over, with no data at all: counting to three million. */
const SLOW =
  "WITH RECURSIVE c(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) SELECT count(*) AS n FROM c";
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-budget-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "kpikit.db");
}

/** Settles as what it settled as, or as "pending" if it has not yet (after the microtasks queued now). */
async function state(p: Promise<unknown>): Promise<string> {
  return Promise.race([
    p.then(
      () => "resolved",
      () => "rejected",
    ),
    new Promise<string>((r) => setImmediate(() => r("pending"))),
  ]);
}

describe("SQLite KPI queries off the event loop", () => {
  it("runs a KPI's query on a reader thread: the main connection and timers go on while it runs", async () => {
    const driver = nodeSqliteDriver(tempFile(), { readers: 1 });
    cleanups.push(() => driver.close!());
    const stop = new AbortController();
    const slow = driver.all(SLOW, [], { signal: stop.signal });
    // While the reader counts, the main connection answers and a timer fires.
    expect(await driver.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(await state(slow)).toBe("pending");
    // Once the caller stops waiting, the wait ends at once with the signal's reason.
    stop.abort(new Error("past its budget"));
    await expect(slow).rejects.toThrow("past its budget");
    // The reader finishes the abandoned query, then takes the next one.
    expect(await driver.all("SELECT 2 AS two", [], { signal: new AbortController().signal })).toEqual([{ two: 2 }]);
  });

  it("commits on a writer thread: the main connection answers while a big one runs, all or nothing", async () => {
    const driver = nodeSqliteDriver(tempFile(), { readers: 1 });
    cleanups.push(() => driver.close!());
    await driver.exec("CREATE TABLE t (n INTEGER)");
    const big = driver.transaction([{ sql: `INSERT INTO t ${SLOW.replace("count(*) AS n", "n")}`, params: [] }]);
    expect(await driver.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(await state(big)).toBe("pending");
    expect(await big).toEqual([3_000_000]);
    expect(await driver.all("SELECT count(*) AS n FROM t")).toEqual([{ n: 3_000_000 }]);
    // A failing statement rolls the whole transaction back.
    await expect(
      driver.transaction([
        { sql: "INSERT INTO t VALUES (1)", params: [] },
        { sql: "INSERT INTO nowhere VALUES (1)", params: [] },
      ]),
    ).rejects.toThrow(/no such table: nowhere/);
    expect(await driver.all("SELECT count(*) AS n FROM t")).toEqual([{ n: 3_000_000 }]);
  });

  it("checkpoints beside the writer, not in its commits: the pages reach the database file", async () => {
    const path = tempFile();
    const driver = nodeSqliteDriver(path, { readers: 1 });
    cleanups.push(() => driver.close!());
    await driver.exec("CREATE TABLE t (x BLOB)");
    // 2000 rows of 1000 bytes: about 500 pages a transaction, half of what SQLite's own checkpoint
    // waits for, and the writer runs none of its own: only the checkpoint thread copies them.
    const rows =
      "WITH RECURSIVE c(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM c WHERE n < 2000) SELECT randomblob(1000) FROM c";
    for (let round = 1; round <= 4; round++) {
      await driver.transaction([{ sql: `INSERT INTO t ${rows}`, params: [] }]);
      await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(round * 2_000_000), {
        timeout: 20_000,
        interval: 10,
      });
    }
    expect(await driver.all("SELECT count(*) AS n FROM t")).toEqual([{ n: 8_000 }]);
  });

  it.runIf(process.platform === "linux")(
    "runs its threads below the main thread's priority, the readers below the writer",
    async () => {
      const nices = () =>
        readdirSync("/proc/self/task").map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          // Fields after the name (which may hold spaces) start at the third: nice is the 19th.
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
        });
      const before = nices();
      const driver = nodeSqliteDriver(tempFile(), { readers: 1 });
      cleanups.push(() => driver.close!());
      await driver.transaction([{ sql: "CREATE TABLE t (n INTEGER)", params: [] }]);
      await driver.all("SELECT count(*) AS n FROM t", [], { signal: new AbortController().signal });
      const added = nices();
      for (const nice of before) added.splice(added.indexOf(nice), 1);
      expect(added).toContain(10);
      expect(added).toContain(5);
    },
  );

  it("reports SQLite's own errors from a reader as from the main connection", async () => {
    const driver = nodeSqliteDriver(tempFile(), { readers: 1 });
    cleanups.push(() => driver.close!());
    await expect(driver.all("SELECT * FROM nowhere", [], { signal: new AbortController().signal })).rejects.toThrow(
      /no such table: nowhere/,
    );
  });
});

it("stops a PostgreSQL KPI query at its budget on the server (statement_timeout), and answers 503", async () => {
  const database = await newDatabase();
  cleanups.push(() => database.drop());
  const driver = postgresDriver(database.url, { queryTimeoutMs: 200 });
  cleanups.push(() => driver.close!());
  const error = await driver
    .all("SELECT pg_sleep(30)", [], { signal: new AbortController().signal })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreUnavailableError);
  expect(((error as StoreUnavailableError).cause as { code: string }).code).toBe("57014");
  // Writes and the API's own reads have no such budget.
  expect(await driver.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
});

const prepared =
  "keeps KPI statements prepared on PostgreSQL, planned once (generic plans), a bounded number per connection";
it(prepared, async () => {
  const database = await newDatabase();
  cleanups.push(() => database.drop());
  // One connection, so that each statement below meets the ones before it.
  const driver = postgresDriver({ connectionString: database.url, max: 1 });
  cleanups.push(() => driver.close!());
  // A history KPI's statement is long; a rollup KPI's short one is planned each time.
  const long = `/* ${"-".repeat(PREPARE_FROM_LENGTH)} */`;
  const kpi = (n: number, padding = long) =>
    driver.all(`${padding} SELECT CAST($1 AS INTEGER) + ${n} AS n`, [1], { prepare: true });
  const kept = async () =>
    (await driver.all("SELECT generic_plans, custom_plans FROM pg_prepared_statements ORDER BY prepare_time")).map(
      (r) => [Number(r.generic_plans), Number(r.custom_plans)],
    );
  expect(await kpi(1)).toEqual([{ n: 2 }]);
  expect(await kpi(1)).toEqual([{ n: 2 }]);
  expect(await kpi(2)).toEqual([{ n: 3 }]);
  expect(await kept()).toEqual([
    [2, 0],
    [1, 0],
  ]);
  // Other statements are not kept.
  expect(await driver.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  expect(await kpi(9, "")).toEqual([{ n: 10 }]);
  expect(await kept()).toHaveLength(2);
  // The connection that prepared its last is closed after it; the next starts with none.
  for (let n = 3; n <= PREPARED_PER_CONNECTION; n++) expect(await kpi(n)).toEqual([{ n: n + 1 }]);
  expect(await kept()).toEqual([]);
  expect(await kpi(1)).toEqual([{ n: 2 }]);
  expect(await kept()).toEqual([[1, 0]]);
});

describe("a KPI past its time budget", () => {
  /**
   * The real SQLite driver, with the reads of one KPI held until `release()` (a query slower than
   * any budget, without the data it would take), and a count of how often that KPI is computed.
   */
  function held(driver: SqlDriver, match: RegExp) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stats = { computed: 0 };
    const wrapped: SqlDriver = {
      ...driver,
      async all(sql, params, options) {
        if (options?.signal && match.test(sql)) {
          stats.computed++;
          await gate;
        }
        return driver.all(sql, params, options);
      },
    };
    return { driver: wrapped, release, stats };
  }

  async function setup(budgetMs: number) {
    // Of the KPIs asked here, only visitors reads the visitors' histories.
    const slow = held(nodeSqliteDriver(tempFile()), /chain_facts/);
    const store = new SqlStore(slow.driver);
    await store.init();
    const { secretKey } = await createTenant(store, { id: "shop" });
    cleanups.push(() => store.close());
    cleanups.push(async () => slow.release());
    const app = createApp({ store, now: () => NOW, queryTimeoutMs: budgetMs });
    return { ...slow, app, sk: client(app, secretKey) };
  }

  it("is stopped and answered 503 problem+json with Retry-After, while the server answers others", async () => {
    const { sk, app } = await setup(300);
    const visitors = sk.get("/v1/metrics/visitors?range=last_7_days");
    // Health and other KPIs do not wait for it.
    expect((await app.request("/healthz")).status).toBe(200);
    expect((await sk.get("/v1/metrics/revenue?range=last_7_days")).body.value).toBe(0);
    const r = await visitors;
    expect([r.status, r.headers.get("content-type"), r.headers.get("retry-after")]).toEqual([
      503,
      "application/problem+json",
      "2",
    ]);
    expect(r.body.detail).toBe(
      "computing visitors took longer than its budget of 0.3 s and was stopped; retry in a moment",
    );
  });

  it("is an error in its place in a batch; the batch's other KPIs answer", async () => {
    const { sk } = await setup(1000);
    const r = await sk.post("/v1/query", {
      queries: [
        { metric: "visitors", range: "last_7_days" },
        { metric: "revenue", range: "last_7_days" },
        { metric: "orders", range: "last_7_days" },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0].error).toMatchObject({
      status: 503,
      detail: expect.stringMatching(/^computing visitors took longer than its budget/),
    });
    expect([r.body.results[1].value, r.body.results[2].value]).toEqual([0, 0]);
  });

  it("never delays the others of a batch asked line by line: each answer is sent as it is ready", async () => {
    const { app, release, sk } = await setup(60_000);
    const secret = (await sk.post("/v1/keys", { kind: "secret" })).body.key;
    const res = await app.request("/v1/query", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${secret}`,
        "Content-Type": "application/json",
        Accept: "application/x-ndjson",
      },
      body: JSON.stringify({
        queries: [
          { metric: "visitors", range: "last_7_days" },
          { metric: "revenue", range: "last_7_days" },
          { metric: "nope" },
        ],
      }),
    });
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/x-ndjson"]);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const lines = async (n: number) => {
      while (text.split("\n").length <= n) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += chunk.value;
      }
      return text
        .split("\n")
        .slice(0, n)
        .map((l) => JSON.parse(l));
    };
    // visitors is held: revenue and the unknown KPI come first, each naming its query.
    const first = await lines(2);
    expect(first.map((l) => l.index).sort()).toEqual([1, 2]);
    expect(first.find((l) => l.index === 1).result.value).toBe(0);
    expect(first.find((l) => l.index === 2).error.status).toBe(404);
    release();
    const all = await lines(3);
    expect(all[2]).toMatchObject({ index: 0, result: { metric: { id: "visitors" }, value: 0 } });
    expect((await reader.read()).done).toBe(true);
  });

  it("is computed once for identical queries arriving while it runs, and again once it can finish", async () => {
    const { sk, stats, release } = await setup(60_000);
    const first = sk.get("/v1/metrics/visitors?range=last_7_days");
    const second = sk.get("/v1/metrics/visitors?range=last_7_days");
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    expect([(await first).body.value, (await second).body.value]).toEqual([0, 0]);
    expect(stats.computed).toBe(1);
  });
});
