// The contract of docs/data-model.md through HTTP, on a real SQLite file and on the memory store.
import { readFileSync } from "node:fs";
import { resultSchema } from "@kpikit/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixture, RANGE } from "../../core/test/support/fixture.js";
import { client, type Harness, harness, load, STORES } from "./support/harness.js";

/** Orders placed well before the fixture's range, so that ingestion tests leave its values alone. */
const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  placedAt: "2025-07-01T10:00:00Z",
  customerId: "c",
  total: 10,
  items: 1,
  status: "placed",
  ...extra,
});

for (const kind of STORES) {
  describe(`API on ${kind}`, () => {
    let h: Harness;
    let sk: ReturnType<typeof client>;
    beforeAll(async () => {
      h = await harness(kind);
      sk = client(h.app, h.a.secret);
      await load(h.app, h.a.secret, fixture);
    });
    afterAll(() => h.close());

    it("is alive", async () => {
      const r = await client(h.app).get("/healthz");
      expect([r.status, r.body.status, r.body.store]).toEqual([200, "ok", kind]);
    });

    describe("ingestion", () => {
      it("stores a batch and counts re-sent ids as duplicates that change nothing", async () => {
        const first = await sk.post("/v1/events/orders", { records: [order("i1"), order("i2"), order("i1")] });
        expect(first.body).toEqual({ fact: "orders", received: 3, inserted: 2, duplicates: 1 });
        const again = await sk.post("/v1/events/orders", { records: [order("i1", { total: 999 }), order("i2")] });
        expect(again.body).toEqual({ fact: "orders", received: 2, inserted: 0, duplicates: 2 });
        const revenue = await sk.get("/v1/metrics/revenue?range=2025-07-01..2025-07-02&compare=none");
        expect(revenue.body.value).toBe(10 + 10); // i1 and i2; the re-sent i1 (total 999) changed nothing
      });

      it("keeps the first of a batch's records with one id, with its lines and no other's", async () => {
        // Tenant B, whose own KPIs no other test lists.
        const b = client(h.app, h.b.secret);
        const units = {
          labels: { en: "Units" },
          unit: "count",
          better: "up",
          kind: "measure",
          measure: { fact: "orderLines", agg: "sum", field: "quantity" },
        };
        expect((await b.put("/v1/definitions/units", units)).status).toBe(201);
        const line = (quantity: number) => ({ productId: "p", quantity, price: 1 });
        const r = await b.post("/v1/events/orders", {
          records: [order("k1", { lines: [line(1)] }), order("k1", { lines: [line(5), line(7)] })],
        });
        expect(r.body).toEqual({ fact: "orders", received: 2, inserted: 1, duplicates: 1 });
        expect((await b.get("/v1/metrics/units?range=2025-07-01..2025-07-02&compare=none")).body.value).toBe(1);
      });

      it("rejects a batch with a bad record, listing every problem, and writes nothing", async () => {
        const r = await sk.post("/v1/events/orders", {
          records: [order("j1"), { ...order("j2"), total: -5, colour: "red" }, { id: 7 }],
        });
        expect(r.status).toBe(422);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
        expect(r.body.detail).toBe("2 of 3 records are invalid; nothing was written");
        expect(r.body.errors).toEqual(
          expect.arrayContaining([
            { index: 1, id: "j2", field: "total", reason: "must be 0 or more" },
            { index: 1, id: "j2", field: "colour", reason: "is not a field of orders" },
            { index: 2, field: "id", reason: expect.any(String) },
            { index: 2, field: "placedAt", reason: "is required" },
          ]),
        );
        const again = await sk.post("/v1/events/orders", { records: [order("j1")] });
        expect(again.body.inserted).toBe(1); // j1 was not written by the rejected batch
      });

      it("refuses oversized, non-JSON, malformed and misshapen bodies with a clear 4xx", async () => {
        const many = Array.from({ length: 501 }, (_, i) => order(`m${i}`));
        expect((await sk.post("/v1/events/orders", { records: many })).status).toBe(413);
        const big = JSON.stringify({ records: [order("big", { channel: "x".repeat(256) })] }).padEnd(
          1024 * 1024 + 10,
          " ",
        );
        expect((await sk.post("/v1/events/orders", big)).status).toBe(413);
        const text = await sk.post("/v1/events/orders", "id,total", { "Content-Type": "text/csv" });
        expect([text.status, text.body.detail]).toEqual([
          415,
          "send the body as JSON, with Content-Type: application/json",
        ]);
        const broken = await sk.post("/v1/events/orders", '{"records": [');
        expect(broken.status).toBe(400);
        expect(broken.body.detail).toMatch(/not valid JSON/);
        expect((await sk.post("/v1/events/orders", { rows: [] })).status).toBe(422);
        expect((await sk.post("/v1/events/orders", [order("x")])).status).toBe(422);
        const fact = await sk.post("/v1/events/purchases", { records: [] });
        expect([fact.status, fact.body.detail]).toEqual([
          404,
          expect.stringMatching(/there is no fact "purchases"; facts are orders, sessions/),
        ]);
      });

      it("refuses a fact timestamped more than a day ahead", async () => {
        const r = await sk.post("/v1/events/sessions", {
          records: [{ ...fixture.sessions![0], id: "future", startedAt: "2099-01-01T00:00:00Z" }],
        });
        expect(r.status).toBe(422);
        expect(r.body.errors[0]).toMatchObject({ field: "startedAt", reason: "is more than a day in the future" });
      });
    });

    describe("queries", () => {
      it("answers with the result shape and the hand-worked values", async () => {
        const r = await sk.get(`/v1/metrics/aov?range=${RANGE}&grain=day`);
        expect(r.status).toBe(200);
        expect(resultSchema.parse(r.body)).toEqual(r.body);
        expect([r.body.value, r.body.previous, r.body.formatted.value]).toEqual([80, 60, "$80.00"]);
        expect(r.body.series).toHaveLength(7);
      });

      it("takes every query parameter", async () => {
        const r = await sk.get(
          `/v1/metrics/revenue?range=${RANGE}&grain=week&tz=Asia/Shanghai&compare=previous_year` +
            "&filter.channel=web&filter.channel=app&by=region&locale=ru&now=2026-03-09T00:00:00Z",
        );
        expect(r.status).toBe(200);
        expect(r.body.range).toEqual({
          start: "2026-03-01T00:00:00+08:00",
          end: "2026-03-08T00:00:00+08:00",
          tz: "Asia/Shanghai",
          grain: "week",
        });
        expect(r.body.compare.kind).toBe("previous_year");
        expect(r.body.metric.label).toBe("Выручка");
        expect(r.body.breakdown).toEqual([
          // A year before, no web or app order: each region's revenue was 0.
          { key: "EU", value: 250, previous: 0 },
          { key: "US", value: 70, previous: 0 },
        ]);
        const presets = await sk.get("/v1/metrics/orders?range=last_7_days");
        expect(presets.body.range.end).toBe("2026-03-10T00:00:00+00:00"); // the API's clock
      });

      it("keeps the null rules: sums of nothing are 0, ratios over nothing are null", async () => {
        const revenue = await sk.get("/v1/metrics/revenue?range=2024-01-01..2024-01-08");
        const aov = await sk.get("/v1/metrics/aov?range=2024-01-01..2024-01-08");
        expect([revenue.body.value, aov.body.value, aov.body.change.relative, aov.body.formatted.value]).toEqual([
          0,
          null,
          null,
          null,
        ]);
      });

      it("answers a batch in order, with an error in place of a bad query", async () => {
        const r = await sk.post("/v1/query", {
          queries: [
            { metric: "aov", range: RANGE },
            { metric: "nope" },
            { metric: "orders", range: "soon" },
            { metric: "revenue", range: RANGE },
          ],
        });
        expect(r.status).toBe(200);
        expect(r.body.results.map((x: any) => x.value ?? x.error.status)).toEqual([80, 404, 400, 320]);
        expect(r.body.results[1].error.detail).toBe('there is no KPI "nope"');
        expect((await sk.post("/v1/query", { queries: "aov" })).status).toBe(422);
        expect(
          (await sk.post("/v1/query", { queries: Array.from({ length: 101 }, () => ({ metric: "aov" })) })).status,
        ).toBe(413);
      });

      it("refuses bad parameters with problem+json", async () => {
        const r = await sk.get("/v1/metrics/aov?range=last_8_days&colour=red");
        expect(r.status).toBe(400);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
        expect(r.body.errors.map((e: any) => e.path)).toEqual(["colour"]);
        expect((await sk.get("/v1/metrics/aov?filter.sku=x")).status).toBe(400);
        expect((await sk.get("/v1/metrics/nope")).status).toBe(404);
        const locales = await sk.get("/v1/catalog?locale=en&locale=ru");
        expect([locales.status, locales.headers.get("content-type"), locales.body.detail]).toEqual([
          400,
          "application/problem+json",
          "locale: locale may be given once",
        ]);
      });

      it("gives an ETag from the data version and answers 304 until the data changes", async () => {
        const path = "/v1/metrics/orders?range=2025-08-01..2025-08-08";
        const first = await sk.get(path);
        const etag = first.headers.get("etag")!;
        expect(first.headers.get("cache-control")).toBe("private, max-age=30, stale-while-revalidate=300");
        expect((await sk.get(path, { "If-None-Match": etag })).status).toBe(304);
        await sk.post("/v1/events/orders", { records: [order("etag-1", { placedAt: "2025-08-03T00:00:00Z" })] });
        const after = await sk.get(path, { "If-None-Match": etag });
        expect(after.status).toBe(200);
        expect(after.body.value).toBe(first.body.value + 1);
      });

      it("moves a KPI's ETag only when something it reads changes, and computes it once for every locale", async () => {
        const tickets = "/v1/metrics/tickets?range=2025-08-01..2025-08-08";
        const revenue = "/v1/metrics/revenue?range=2025-08-01..2025-08-08&compare=none";
        const [t0, r0] = [await sk.get(tickets), await sk.get(revenue)];
        await sk.post("/v1/events/orders", {
          records: [order("etag-2", { placedAt: "2025-08-04T00:00:00Z", total: 25 })],
        });
        // Tickets read no orders: still 304. Revenue does: a new result, with the data version it was computed on.
        expect((await sk.get(tickets, { "If-None-Match": t0.headers.get("etag")! })).status).toBe(304);
        const r1 = await sk.get(revenue, { "If-None-Match": r0.headers.get("etag")! });
        expect([r1.status, r1.body.value]).toEqual([200, r0.body.value + 25]);
        expect(Number(r1.body.dataVersion)).toBeGreaterThan(Number(r0.body.dataVersion));
        // Every KPI reads the tenant's targets.
        await sk.put("/v1/targets", {
          targets: [{ id: "etag-target", metric: "tickets", start: "2025-08-01", end: "2025-08-08", value: 7 }],
        });
        const t1 = await sk.get(tickets, { "If-None-Match": t0.headers.get("etag")! });
        expect([t1.status, t1.body.target.value]).toEqual([200, 7]);

        const engine = h.store.engine("tenant_a");
        const computed = vi.spyOn(engine, "compute");
        try {
          const words = await Promise.all(
            ["en", "ru", "zh-Hant", "en"].map(
              async (locale) => (await sk.get(`${revenue}&grain=day&locale=${locale}`)).body.metric.label,
            ),
          );
          expect(words).toEqual(["Total sales", "Выручка", "銷售額", "Total sales"]);
          expect(computed).toHaveBeenCalledTimes(1);
        } finally {
          computed.mockRestore();
        }
      });

      it("shows the SQL a query runs", async () => {
        const r = await sk.get(`/v1/metrics/aov/sql?range=${RANGE}`);
        if (kind === "memory") return expect(r.status).toBe(404);
        // The spans are bound (PostgreSQL: arrays; SQLite: JSON), so that a statement stays the
        // same from one request to the next and is kept prepared.
        expect(r.body.sql).toMatch(
          kind === "postgres"
            ? /^WITH w0\(i, \w, \w\) AS \(SELECT \* FROM unnest\(CAST\(\$2 AS BIGINT\[\]\)/
            : /^WITH w0\(i, \w, \w\) AS MATERIALIZED \(SELECT value ->> 0, value ->> 1, .* FROM json_each\(\?2\)\)/,
        );
        // Two nows as far into their quarter hour: the same pieces of hours and quarters to read.
        const at = (now: string) => sk.get(`/v1/metrics/clv/sql?range=last_90_days&grain=day&now=${now}`);
        const [early, late] = [await at("2026-03-05T10:07:00Z"), await at("2026-03-05T13:07:00Z")];
        expect(late.body.sql).toBe(early.body.sql);
        expect(late.body.params).not.toEqual(early.body.params);
        // The tenant's rollups are current from its creation: an additive KPI reads them.
        expect(r.body.sql).toContain("rollup_buckets ro");
        expect(r.body.params[0]).toBe("tenant_a");
      });

      it("lists the catalog in the requested locale", async () => {
        const r = await sk.get("/v1/catalog?locale=zh-Hant");
        expect(r.body.metrics).toHaveLength(70);
        expect(r.body.metrics.find((m: any) => m.id === "refund_dispute_rate").label).toBe("退款糾紛率");
        expect(r.body.dimensions.map((d: any) => d.id)).toContain("channel");
      });
    });

    describe("definitions and targets", () => {
      it("serves a tenant's own KPI like a built-in one, and refuses broken ones", async () => {
        const put = await sk.put("/v1/definitions/web_revenue", {
          labels: { en: "Web revenue" },
          unit: "currency",
          better: "up",
          kind: "measure",
          measure: { fact: "orders", agg: "sum", field: "total", where: "status = 'placed' and channel = 'web'" },
        });
        expect([put.status, put.body.definition.version]).toEqual([201, 1]);
        expect((await sk.get(`/v1/metrics/web_revenue?range=${RANGE}`)).body.value).toBe(250);
        const share = await sk.put("/v1/definitions/web_share", {
          labels: { en: "Web share" },
          unit: "percent",
          better: "up",
          kind: "derived",
          expr: "web_revenue / revenue",
        });
        expect(share.status).toBe(201);
        expect((await sk.get(`/v1/metrics/web_share?range=${RANGE}`)).body.value).toBeCloseTo(250 / 320, 12);
        // The catalog tells the tenant's own KPIs from the built-in ones, which stay built in.
        const listed = (await sk.get("/v1/catalog")).body.metrics as { id: string; builtIn: boolean }[];
        const builtIn = (id: string) => listed.find((m) => m.id === id)?.builtIn;
        expect([builtIn("web_revenue"), builtIn("web_share"), builtIn("revenue"), builtIn("aov")]).toEqual([
          false,
          false,
          true,
          true,
        ]);
        expect(listed.filter((m) => m.builtIn)).toHaveLength(70);
        const again = await sk.put("/v1/definitions/web_revenue", {
          labels: { en: "Web revenue" },
          unit: "currency",
          better: "up",
          kind: "measure",
          measure: { fact: "orders", agg: "sum", field: "total", where: "channel = 'web'" },
        });
        expect([again.status, again.body.definition.version]).toEqual([200, 2]);
        const broken = await sk.put("/v1/definitions/broken", {
          labels: { en: "x" },
          unit: "count",
          better: "up",
          kind: "measure",
          measure: { fact: "orders", agg: "sum", field: "totl" },
        });
        expect([broken.status, broken.body.detail]).toEqual([422, expect.stringMatching(/orders has no field "totl"/)]);
        expect((await sk.delete("/v1/definitions/web_revenue")).status).toBe(409); // web_share uses it
        expect((await sk.delete("/v1/definitions/web_share")).status).toBe(204);
        expect((await sk.delete("/v1/definitions/web_revenue")).status).toBe(204);
        expect((await sk.delete("/v1/definitions/revenue")).body.detail).toMatch(/built-in KPIs cannot be deleted/);
        expect((await sk.get("/v1/definitions")).body.definitions).toEqual([]);
      });

      it("stores and revises targets by id", async () => {
        const t = { id: "rev-2026-03", metric: "revenue", start: "2026-03-01", end: "2026-04-01", value: 620 };
        expect((await sk.put("/v1/targets", { targets: [t] })).body).toEqual({ received: 1, inserted: 0, updated: 1 });
        expect((await sk.get(`/v1/metrics/revenue?range=${RANGE}`)).body.target.value).toBeCloseTo(140, 9);
        const bad = await sk.put("/v1/targets", { targets: [t, { ...t, id: "x", metric: "nothing" }] });
        expect([bad.status, bad.body.errors]).toEqual([
          422,
          [{ index: 1, id: "x", field: "metric", reason: 'there is no KPI "nothing"' }],
        ]);
        await sk.put("/v1/targets", { targets: [{ ...t, value: 310 }] });
      });

      it("keeps the last of a batch's targets with one id", async () => {
        const t = { id: "rev-2025-01", metric: "revenue", start: "2025-01-01", end: "2025-02-01", value: 1 };
        expect((await sk.put("/v1/targets", { targets: [t, { ...t, value: 31 }] })).body).toEqual({
          received: 2,
          inserted: 1,
          updated: 1,
        });
        expect(
          (await sk.get("/v1/metrics/revenue?range=2025-01-01..2025-01-02&compare=none")).body.target.value,
        ).toBeCloseTo(1, 9);
      });
    });

    describe("CSV import", () => {
      const b = () => client(h.app, h.b.secret);
      it("imports Shopify's order export with the preset: lines on several rows make one order", async () => {
        const csv = readFileSync(new URL("./fixtures/shopify-orders.csv", import.meta.url), "utf8");
        const r = await b().post("/v1/import?preset=shopify", csv, { "Content-Type": "text/csv" });
        expect(r.body).toEqual({ fact: "orders", received: 3, inserted: 3, duplicates: 0, rows: 4 });
        const revenue = await b().get("/v1/metrics/revenue?range=2026-03-02..2026-03-08");
        expect(revenue.body.value).toBeCloseTo(102.2 + 31, 9); // #1002 was cancelled
        const size = await b().get("/v1/metrics/avg_order_size?range=2026-03-02..2026-03-08&filter.region=US");
        expect(size.body.value).toBe((3 + 1) / 2);
        expect((await b().get("/v1/metrics/orders?range=2026-03-02..2026-03-08&filter.channel=pos")).body.value).toBe(
          1,
        );
      });

      it("imports with a mapping, and names the line and column of bad values", async () => {
        const mapping = {
          fact: "orders",
          timeZone: "America/Sao_Paulo",
          fields: {
            id: "order_id",
            placedAt: "purchased",
            customerId: "customer",
            total: "total",
            items: { value: 1 },
            status: { column: "state", map: { canceled: "cancelled", "*": "placed" } },
          },
        };
        const good =
          "order_id,purchased,customer,total,state\n" +
          "ol1,2026-03-08 21:30:00,k1,12.5,delivered\n" +
          "ol2,2026-03-08 22:00:00,k2,7.5,canceled\n";
        const r = await b().post("/v1/import", { csv: good, mapping });
        expect(r.body).toEqual({ fact: "orders", received: 2, inserted: 2, duplicates: 0, rows: 2 });
        // 21:30 in São Paulo is 08:30 the next day in Shanghai, tenant B's zone; the cancelled order does not count.
        expect((await b().get("/v1/metrics/revenue?range=2026-03-09..2026-03-10")).body.value).toBe(12.5);
        const bad = await b().post("/v1/import", {
          csv: "order_id,purchased,customer,total,state\nol3,yesterday,k3,abc,delivered\n",
          mapping,
        });
        expect(bad.status).toBe(422);
        expect(bad.body.errors).toEqual([
          {
            index: 2,
            line: 2,
            id: "ol3",
            field: "placedAt",
            reason: expect.stringMatching(/"yesterday" is not a date and time/),
          },
          { index: 2, line: 2, id: "ol3", field: "total", reason: '"abc" is not a number' },
        ]);
        const missing = await b().post("/v1/import", { csv: "a,b\n1,2\n", mapping });
        expect([missing.status, missing.body.detail]).toEqual([
          400,
          expect.stringMatching(/the CSV has no column "order_id"/),
        ]);
      });
    });

    describe("settings, keys and tokens", () => {
      it("creates, lists and revokes keys", async () => {
        const created = await sk.post("/v1/keys", { kind: "publishable" });
        expect(created.status).toBe(201);
        expect(created.body.key).toMatch(/^kpi_pk_live_[0-9A-Za-z]{40}$/);
        const listed = await sk.get("/v1/keys");
        expect(listed.body.keys.some((k: any) => k.id === created.body.id && !("key" in k) && !("hash" in k))).toBe(
          true,
        );
        const pk = client(h.app, created.body.key);
        expect((await pk.get("/v1/metrics/csat?range=last_7_days")).status).toBe(200);
        expect((await sk.delete(`/v1/keys/${created.body.id}`)).status).toBe(204);
        expect((await pk.get("/v1/metrics/csat?range=last_7_days")).status).toBe(401);
      });

      it("changes settings", async () => {
        const r = await sk.put("/v1/settings", {
          timeZone: "Europe/Moscow",
          allowedOrigins: ["https://shop.example/path"],
        });
        expect([r.body.timeZone, r.body.allowedOrigins]).toEqual(["Europe/Moscow", ["https://shop.example"]]);
        expect((await sk.get(`/v1/metrics/orders?range=${RANGE}`)).body.range.tz).toBe("Europe/Moscow");
        expect((await sk.put("/v1/settings", { timeZone: "Mars/Base" })).status).toBe(422);
        await sk.put("/v1/settings", { timeZone: "UTC" });
      });

      it("mints embed tokens that read their KPIs within their locked filters", async () => {
        const minted = await sk.post("/v1/tokens", {
          metrics: ["revenue", "aov"],
          filters: { channel: "web" },
          ttlSeconds: 300,
        });
        expect(minted.status).toBe(201);
        expect(minted.body.claims).toMatchObject({
          tid: "tenant_a",
          metrics: ["revenue", "aov"],
          filters: { channel: ["web"] },
        });
        const token = client(h.app, minted.body.token);
        const web = await token.get(`/v1/metrics/revenue?range=${RANGE}`);
        expect([web.status, web.body.value, web.text]).toEqual([200, 250, web.text]);
        expect((await sk.post("/v1/tokens", { metrics: ["nope"] })).status).toBe(422);
        expect((await sk.post("/v1/tokens", { metrics: ["aov"], ttlSeconds: 3600 })).status).toBe(422);
      });
    });

    it("serves an OpenAPI 3.1 document listing every route, and interactive docs", async () => {
      const doc = (await client(h.app).get("/openapi.json")).body;
      expect(doc.openapi).toBe("3.1.0");
      for (const path of [
        "/v1/catalog",
        "/v1/metrics/{id}",
        "/v1/query",
        "/v1/metrics/{id}/stream",
        "/v1/metrics/{id}/sql",
        "/v1/events/orders",
        "/v1/import",
        "/v1/definitions/{id}",
        "/v1/definitions/preview",
        "/v1/targets",
        "/v1/facts",
        "/v1/tokens",
        "/v1/settings",
        "/v1/keys",
        "/healthz",
      ]) {
        expect(Object.keys(doc.paths), path).toContain(path);
      }
      expect((await client(h.app).get("/docs")).text).toMatch(/SwaggerUIBundle\(\{ url: "\/openapi.json"/);
    });

    it("documents every route it serves, and serves every route it documents", async () => {
      const doc = (await client(h.app).get("/openapi.json")).body;
      const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const served = h.app.routes
        .filter((r) => r.method !== "ALL") // middleware
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
      expect([...new Set(served)].sort()).toEqual(
        [
          ...documented,
          "GET /openapi.json",
          "GET /docs",
          // Facts that do not exist: a 404 naming the ones that do, each of which has its own route.
          "POST /v1/events/*",
        ].sort(),
      );
    });

    // A route RegExpRouter cannot hold (a parameter where static routes are) drops every request
    // to the slower TrieRouter, silently: the first request picks the router.
    it("routes every request with Hono's RegExpRouter", async () => {
      await client(h.app).get("/healthz");
      expect(h.app.router.name).toBe("SmartRouter + RegExpRouter");
    });
  });
}
