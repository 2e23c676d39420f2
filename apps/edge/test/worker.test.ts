// The Worker in real workerd against D1: ingest, query, tokens and refusals.
import { d1Driver, storeSchema } from "@kpikit/api";
import { KpiError } from "@kpikit/core";
import { sqlite } from "@kpikit/core/sql";
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const KEY = "kpi_sk_test_edge";
const call = (path: string, init: RequestInit = {}, key: string | null = KEY) =>
  SELF.fetch(`https://kpikit.example${path}`, {
    ...init,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      "Content-Type": "application/json",
      ...(init.headers as object),
    },
  });
const order = (id: string, extra: object = {}) => ({
  id,
  placedAt: "2026-03-02T10:00:00Z",
  customerId: `c_${id}`,
  total: 40,
  items: 1,
  status: "placed",
  channel: "web",
  ...extra,
});

describe("the Worker on D1", () => {
  it("applies the committed migrations, which together make the store's schema", async () => {
    // The schema as the store would create it, beside the migrated tables under other names.
    const expected = (sql: string) => sql.replace(/(IF NOT EXISTS |ON )(\w+)/g, "$1expected_$2");
    for (const s of storeSchema(sqlite)) await env.DB.prepare(expected(s)).run();
    const shape = async (prefix: string) => {
      const { results } = await env.DB.prepare(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name LIKE ? AND type IN ('table', 'index') ORDER BY name",
      )
        .bind(`${prefix}%`)
        .all<{ type: string; name: string }>();
      const out: Record<string, unknown> = {};
      // Not SQLite's own tables, D1's (which it does not let a Worker inspect) or its migration log.
      for (const o of results.filter((r) => !/^(sqlite_|_cf_|d1_migrations)/.test(r.name.slice(prefix.length)))) {
        // D1 allows the PRAGMA statements, not the pragma functions.
        const { results: cols } = await env.DB.prepare(
          `PRAGMA ${o.type === "table" ? "table_info" : "index_info"}("${o.name}")`,
        ).all<{ name: string }>();
        out[`${o.type} ${o.name.replace(/^expected_/, "")}`] = cols
          .map((c) => ({ ...c, cid: undefined, seqno: undefined }))
          .sort((a, b) => a.name.localeCompare(b.name));
      }
      return out;
    };
    const migrated = await shape("");
    for (const key of Object.keys(migrated)) if (key.includes("expected_")) delete migrated[key];
    const wanted = await shape("expected_");
    expect(Object.keys(wanted).length).toBeGreaterThan(20);
    expect(migrated).toEqual(wanted);
  });

  it("is alive on D1", async () => {
    const r = await call("/healthz", {}, null);
    expect(await r.json()).toEqual({ status: "ok", store: "d1" });
  });

  it("ingests with the secret key, counts duplicates, and computes KPIs with D1", async () => {
    const first = await call("/v1/events/orders", {
      method: "POST",
      body: JSON.stringify({ records: [order("e1"), order("e2", { total: 60, channel: "app" })] }),
    });
    expect(await first.json()).toEqual({ fact: "orders", received: 2, inserted: 2, duplicates: 0 });
    const again = await call("/v1/events/orders", { method: "POST", body: JSON.stringify({ records: [order("e1")] }) });
    expect(await again.json()).toEqual({ fact: "orders", received: 1, inserted: 0, duplicates: 1 });
    const aov = (await (await call("/v1/metrics/aov?range=2026-03-01..2026-03-08&by=channel")).json()) as any;
    expect([aov.value, aov.breakdown]).toEqual([
      50,
      [
        // No order the week before: an average of nothing is null.
        { key: "app", value: 60, previous: null },
        { key: "web", value: 40, previous: null },
      ],
    ]);
    const sql = (await (await call("/v1/metrics/aov/sql?range=2026-03-01..2026-03-08")).json()) as any;
    expect(sql.dialect).toBe("d1");
    // The tenant's rollups are kept on D1 too, and read for whole hours.
    expect(sql.sql).toContain("rollup_buckets ro");
    // A year by day: its spans bound as JSON, the statement stays within D1's 100 KB and 100
    // parameters (written out, CLV's took 274 KB) and answers.
    const year = "range=2025-01-01..2026-01-01&grain=day&tz=America/New_York";
    const clvSql = (await (await call(`/v1/metrics/clv/sql?${year}`)).json()) as any;
    expect([new TextEncoder().encode(clvSql.sql).length < 100_000, clvSql.params.length <= 100]).toEqual([true, true]);
    const clv = await call(`/v1/metrics/clv?${year}`);
    expect(clv.status).toBe(200);
    expect(((await clv.json()) as any).series).toHaveLength(365);
  });

  it("answers a statement past D1's limits as the caller's to shorten, not as a fault of ours", async () => {
    const driver = d1Driver(env.DB);
    const long = `SELECT 1 AS x WHERE ${Array.from({ length: 12_000 }, () => "1 = 1").join(" AND ")}`;
    const deep = `SELECT ${Array.from({ length: 120 }, () => "1").join(" + ")} AS x`;
    const many = `SELECT ${Array.from({ length: 101 }, () => "?").join(", ")}`;
    for (const [sql, params] of [
      [long, []],
      [deep, []],
      [many, Array.from({ length: 101 }, () => 1)],
    ] as const) {
      const refused = await driver.all(sql, [...params]).catch((e: unknown) => e);
      expect([refused instanceof KpiError, (refused as KpiError).code]).toEqual([true, "query_too_large"]);
    }
    expect(await driver.all("SELECT ? + ? AS x", [1, 2])).toEqual([{ x: 3 }]);
  });

  it("writes nothing of a batch with a bad record (D1's batch is one transaction)", async () => {
    const r = await call("/v1/events/orders", {
      method: "POST",
      body: JSON.stringify({ records: [order("e3"), { ...order("e4"), total: "lots" }] }),
    });
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    const orders = (await (await call("/v1/metrics/orders?range=2026-03-01..2026-03-08")).json()) as any;
    expect(orders.value).toBe(2);
  });

  it("ingests batches larger than D1's 100 bound parameters per statement", async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      order(`big${i}`, { placedAt: "2026-04-02T10:00:00Z", lines: [{ productId: "p1", quantity: 1, price: 40 }] }),
    );
    expect(
      await (await call("/v1/events/orders", { method: "POST", body: JSON.stringify({ records: many }) })).json(),
    ).toMatchObject({ inserted: 120 });
    const hits = (await (await call("/v1/metrics/revenue?range=2026-04-01..2026-04-08")).json()) as any;
    expect(hits.value).toBe(4800);
  });

  it("mints tokens that read within their scope and can never write", async () => {
    const minted = (await (
      await call("/v1/tokens", {
        method: "POST",
        body: JSON.stringify({ metrics: ["revenue"], filters: { channel: "web" } }),
      })
    ).json()) as any;
    const read = (await (
      await call("/v1/metrics/revenue?range=2026-03-01..2026-03-08", {}, minted.token)
    ).json()) as any;
    expect(read.value).toBe(40);
    expect((await call("/v1/metrics/aov?range=2026-03-01..2026-03-08", {}, minted.token)).status).toBe(403);
    expect(
      (await call("/v1/events/orders", { method: "POST", body: JSON.stringify({ records: [] }) }, minted.token)).status,
    ).toBe(403);
    const [h, p, s] = minted.token.split(".");
    const tampered = `${h}.${p.slice(0, -2)}${p.slice(-2) === "fQ" ? "fX" : "fQ"}.${s}`;
    expect((await call("/v1/metrics/revenue?range=2026-03-01..2026-03-08", {}, tampered)).status).toBe(401);
  });

  it("summarises the facts, with when each was last ingested, and previews a definition on D1", async () => {
    const session = (id: string, startedAt: string) => ({
      id,
      startedAt,
      visitorId: `v_${id}`,
      newVisitor: true,
      source: "organic",
      pageviews: 2,
      durationSeconds: 60,
      addedToCart: false,
      converted: false,
    });
    const before = Date.now();
    const records = [session("s1", "2026-03-02T09:00:00+03:00"), session("s2", "2026-03-01T10:00:00Z")];
    expect((await call("/v1/events/sessions", { method: "POST", body: JSON.stringify({ records }) })).status).toBe(200);
    const summary = await call("/v1/facts");
    const { facts } = (await summary.json()) as any;
    const sessions = facts.find((f: any) => f.fact === "sessions");
    expect(sessions).toMatchObject({ records: 2, first: "2026-03-01T10:00:00.000Z", last: "2026-03-02T06:00:00.000Z" });
    expect(Date.parse(sessions.lastIngestAt)).toBeGreaterThanOrEqual(before - 1000);

    const preview = (await (
      await call("/v1/definitions/preview", {
        method: "POST",
        body: JSON.stringify({
          definition: {
            id: "engaged_sessions",
            labels: { en: "Engaged sessions" },
            unit: "count",
            better: "up",
            kind: "measure",
            measure: { fact: "sessions", agg: "count", where: "pageviews >= 2" },
          },
          query: { range: "2026-03-01..2026-03-08", compare: "none" },
        }),
      })
    ).json()) as any;
    expect([preview.result.value, preview.sql.dialect]).toEqual([2, "d1"]);
  });

  it("refuses requests without a credential", async () => {
    const r = await call("/v1/metrics/revenue", {}, null);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  // Cloudflare sets CF-Connecting-IP on every request (a client cannot forge it through Cloudflare).
  it("limits a publishable key per visitor: one past its burst is refused, the next visitor is not", async () => {
    const { key } = (await (
      await call("/v1/keys", { method: "POST", body: JSON.stringify({ kind: "publishable" }) })
    ).json()) as { key: string };
    // An unknown KPI answers 404 after the limit is counted: the cheapest request that is counted.
    const from = (address: string) =>
      call("/v1/metrics/no_such_kpi", { headers: { "CF-Connecting-IP": address } }, key).then((r) => r.status);
    // The default burst is 120, then 10 a second: requests faster than that drain it, however slow
    // the machine (within reason), and the first refusal comes after at least the burst.
    let answered = 0;
    while ((await from("198.51.100.20")) === 404 && answered < 5000) answered++;
    expect(answered).toBeGreaterThanOrEqual(120);
    expect(answered).toBeLessThan(5000);
    // The next visitor has a bucket of its own: twenty in a row, where a drained shared one would
    // have earned back one a tenth of a second.
    const next = [];
    for (let i = 0; i < 20; i++) next.push(await from("198.51.100.21"));
    expect(next).toEqual(Array(20).fill(404));
  });

  // The test pool's SELF runs the Worker alone; what Cloudflare's router serves before it are the
  // static assets, read here through their binding (the same files, headers and HTML handling).
  it("serves KPI Studio beside the API, as static files with the Studio's own headers", async () => {
    const assets = (env as unknown as { ASSETS: Fetcher }).ASSETS;
    const page = await assets.fetch("https://kpikit.example/studio/");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<title>KPI Studio</title>");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const script = html.match(/src="(\/studio\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await assets.fetch(`https://kpikit.example${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await asset.text()).length).toBeGreaterThan(1000);
    // Without its slash too: the page names its assets from the root (/studio/assets/…).
    const bare = await assets.fetch("https://kpikit.example/studio");
    expect([200, 307, 308]).toContain(bare.status);
  });
});
