// What a console such as KPI Studio reads besides KPIs, through the public API on every store: the
// tenant's targets, a summary of its facts, and a definition's preview (its result and SQL, stored
// nowhere). Values are worked out by hand from core's fixture.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, RANGE } from "../../core/test/support/fixture.js";
import { createTenant, SqlStore } from "../src/index.js";
import { nodeSqliteDriver } from "../src/node/index.js";
import { client, type Harness, harness, load, STORES } from "./support/harness.js";

const LOADED_AT = "2026-03-10T00:00:00.000Z";
const LATER = "2026-03-10T01:02:03.456Z";

/** Orders on the web that were not cancelled: o1 (100) and o3 (150) in the range, o0 (60) the week before. */
const webRevenue = {
  id: "web_revenue",
  labels: { en: "Web revenue" },
  unit: "currency",
  better: "up",
  kind: "measure",
  measure: { fact: "orders", agg: "sum", field: "total", where: "status = 'placed' and channel = 'web'" },
};

/** A result as a stored definition's would be, but for the data version its store moved on saving. */
const unversioned = (result: Record<string, unknown>) => ({ ...result, dataVersion: undefined });

for (const kind of STORES) {
  describe(`Studio's routes on ${kind}`, () => {
    let h: Harness;
    let sk: ReturnType<typeof client>;
    let clock = Date.parse(LOADED_AT);
    beforeAll(async () => {
      h = await harness(kind, { now: () => clock });
      sk = client(h.app, h.a.secret);
      await load(h.app, h.a.secret, fixture);
    });
    afterAll(() => h.close());

    describe("targets", () => {
      const revenue = [
        { id: "rev-2026-02", metric: "revenue", start: "2026-02-01", end: "2026-03-01", value: 280 },
        { id: "rev-2026-03", metric: "revenue", start: "2026-03-01", end: "2026-04-01", value: 310 },
      ];
      const conversion = {
        id: "cvr-2026",
        metric: "conversion_rate",
        start: "2026-01-01",
        end: "2027-01-01",
        value: 0.5,
      };

      it("lists the tenant's targets by KPI, then start, as PUT /v1/targets takes them", async () => {
        const r = await sk.get("/v1/targets");
        expect([r.status, r.body]).toEqual([200, { targets: [conversion, ...revenue] }]);
        // A revised target is listed with its new value, in its place.
        await sk.put("/v1/targets", { targets: [{ ...revenue[1], value: 330 }] });
        expect((await sk.get("/v1/targets")).body.targets[2]).toEqual({ ...revenue[1], value: 330 });
        await sk.put("/v1/targets", { targets: [revenue[1]] });
      });

      it("lists one KPI's targets, and none of a KPI without any", async () => {
        expect((await sk.get("/v1/targets?metric=revenue")).body).toEqual({ targets: revenue });
        expect((await sk.get("/v1/targets?metric=aov")).body).toEqual({ targets: [] });
        expect((await client(h.app, h.b.secret).get("/v1/targets")).body).toEqual({ targets: [] });
      });

      it("refuses a malformed KPI id, a repeated or unknown parameter with 400", async () => {
        for (const query of ["metric=Revenue", "metric=revenue&metric=aov", "kpi=revenue"]) {
          const r = await sk.get(`/v1/targets?${query}`);
          expect([query, r.status, r.headers.get("content-type")]).toEqual([query, 400, "application/problem+json"]);
        }
      });
    });

    describe("facts summary", () => {
      it("counts each fact's records, its first and last own time, and when it was last ingested", async () => {
        const loaded = (fact: string, records: number, first: string, last: string) => ({
          fact,
          records,
          first,
          last,
          lastIngestAt: LOADED_AT,
        });
        const expected = [
          // ox, oz, oy, o0 and o1..o5, placed from 2025-02-20 (ox) to 2026-03-06 20:00 (o5).
          loaded("orders", 9, "2025-02-20T10:00:00.000Z", "2026-03-06T20:00:00.000Z"),
          loaded("sessions", 5, "2026-03-01T09:00:00.000Z", "2026-03-05T13:00:00.000Z"),
          // Ad spend is placed by its date.
          loaded("adSpend", 3, "2026-03-01", "2026-03-08"),
          loaded("tickets", 5, "2026-02-27T10:00:00.000Z", "2026-03-05T10:00:00.000Z"),
          // u1..u3, n0..n4, d1..d4, as0..as2.
          loaded("surveys", 15, "2026-03-01T12:00:00.000Z", "2026-03-06T12:00:00.000Z"),
          loaded("refunds", 3, "2026-02-20T10:00:00.000Z", "2026-03-06T10:00:00.000Z"),
          loaded("partRequests", 4, "2026-03-01T10:00:00.000Z", "2026-03-04T10:00:00.000Z"),
          loaded("inventory", 5, "2026-02-28T23:00:00.000Z", "2026-03-05T12:00:00.000Z"),
          // Production runs are placed when they end.
          loaded("productionRuns", 2, "2026-03-02T16:00:00.000Z", "2026-03-03T12:00:00.000Z"),
          loaded("incidents", 3, "2026-02-20T09:00:00.000Z", "2026-03-04T09:00:00.000Z"),
        ];
        const r = await sk.get("/v1/facts");
        expect([r.status, r.body]).toEqual([200, { facts: expected }]);

        // An order placed at 08:30 in Moscow, an hour later: the orders' last time and ingest move, no other's.
        clock = Date.parse(LATER);
        try {
          const placed = "2026-03-09T08:30:00+03:00";
          const sent = await sk.post("/v1/events/orders", {
            records: [{ id: "late", placedAt: placed, customerId: "c9", total: 5, items: 1, status: "placed" }],
          });
          expect(sent.body.inserted).toBe(1);
        } finally {
          clock = Date.parse(LOADED_AT);
        }
        const after = (await sk.get("/v1/facts")).body.facts;
        expect(after[0]).toEqual({
          fact: "orders",
          records: 10,
          first: "2025-02-20T10:00:00.000Z",
          last: "2026-03-09T05:30:00.000Z",
          lastIngestAt: LATER,
        });
        expect(after.slice(1)).toEqual(expected.slice(1));
      });

      it("shows another tenant nothing of this one's", async () => {
        const r = await client(h.app, h.b.secret).get("/v1/facts");
        expect(r.body.facts).toHaveLength(10);
        for (const f of r.body.facts)
          expect(f).toEqual({ fact: f.fact, records: 0, first: null, last: null, lastIngestAt: null });
      });
    });

    describe("definition previews", () => {
      const preview = (definition: object, query: object = { range: RANGE }) =>
        sk.post("/v1/definitions/preview", { definition, query });

      it("computes a definition's result and SQL as a stored one's, and stores nothing", async () => {
        const revenue = `/v1/metrics/revenue?range=${RANGE}`;
        const etag = (await sk.get(revenue)).headers.get("etag")!;
        const r = await preview(webRevenue, { range: RANGE, grain: "day", by: "channel" });
        expect(r.status).toBe(200);
        expect([r.body.result.value, r.body.result.previous]).toEqual([250, 60]);
        expect(r.body.result.breakdown).toEqual([{ key: "web", value: 250, previous: 60 }]);
        expect(r.body.definition).toMatchObject({ ...webRevenue, version: 1, domain: "custom" });
        // Nothing stored: no definition, no KPI, no change to what any KPI reads (its ETag stands).
        expect((await sk.get("/v1/definitions")).body.definitions).toEqual([]);
        expect((await sk.get(`/v1/metrics/web_revenue?range=${RANGE}`)).status).toBe(404);
        expect((await sk.get(revenue, { "If-None-Match": etag })).status).toBe(304);

        expect((await sk.put("/v1/definitions/web_revenue", webRevenue)).status).toBe(201);
        try {
          const url = `/v1/metrics/web_revenue?range=${RANGE}&grain=day&by=channel`;
          const stored = await sk.get(url);
          expect(unversioned(r.body.result)).toEqual(unversioned(stored.body));
          if (kind === "memory") expect(r.body.sql).toBeNull();
          else expect(r.body.sql).toEqual((await sk.get(url.replace("?", "/sql?"))).body);
        } finally {
          await sk.delete("/v1/definitions/web_revenue");
        }
      });

      it("previews a KPI that refers to the tenant's own, and one that redefines a built-in id", async () => {
        await sk.put("/v1/definitions/web_revenue", webRevenue);
        try {
          const share = await preview({
            id: "web_share",
            labels: { en: "Web share" },
            unit: "percent",
            better: "up",
            kind: "derived",
            expr: "web_revenue / revenue",
          });
          expect(share.body.result.value).toBeCloseTo(250 / 320, 12);
        } finally {
          await sk.delete("/v1/definitions/web_revenue");
        }
        // Revenue counting cancelled orders too: o4 (80) joins o1, o2, o3 and o5 (320).
        const gross = await preview({
          ...webRevenue,
          id: "revenue",
          measure: { fact: "orders", agg: "sum", field: "total" },
        });
        expect([gross.body.result.value, gross.body.definition.version]).toEqual([400, 2]);
        expect((await sk.get(`/v1/metrics/revenue?range=${RANGE}`)).body.value).toBe(320);
      });

      it("refuses a bad definition with PUT's 422 errors, naming the bad part", async () => {
        const badExpr = { ...webRevenue, id: "web_share", kind: "derived", measure: undefined, expr: "web_revenue / " };
        const badWhere = { ...webRevenue, measure: { ...webRevenue.measure, where: "channel = = 'web'" } };
        const paths: string[][] = [];
        for (const bad of [badExpr, badWhere]) {
          const r = await preview(bad);
          expect([r.status, r.headers.get("content-type")]).toEqual([422, "application/problem+json"]);
          const put = await sk.put(`/v1/definitions/${bad.id}`, bad);
          expect([r.body.detail, r.body.errors]).toEqual([put.body.detail, put.body.errors]);
          paths.push(r.body.errors.map((e: { path: string }) => e.path));
        }
        expect(paths).toEqual([["web_share.expr"], ["web_revenue.measures.value.where"]]);
        const refused = (await preview(badExpr)).body;
        expect(refused.detail).toMatch(/^web_share\.expr: .* at position \d+ of "web_revenue \/ "$/);
        // Where the expression stopped making sense, as a number an editor can underline: its end.
        expect(refused.errors).toEqual([{ path: "web_share.expr", message: "unexpected end", position: 15 }]);
        expect((await sk.get("/v1/definitions")).body.definitions).toEqual([]);
      });

      it("refuses a body that is not a definition and a query", async () => {
        const post = (body: unknown) => sk.post("/v1/definitions/preview", body);
        expect((await post({ query: { range: RANGE } })).body.errors).toEqual([
          { path: "definition", message: "a JSON object" },
        ]);
        expect((await post({ definition: webRevenue, query: { range: RANGE }, save: true })).status).toBe(422);
        expect((await post([webRevenue])).status).toBe(422);
        const withMetric = await post({ definition: webRevenue, query: { metric: "revenue" } });
        expect([withMetric.status, withMetric.body.errors]).toEqual([
          400,
          [{ path: "metric", message: "not a field of a preview's query" }],
        ]);
        const badRange = await post({ definition: webRevenue, query: { range: "soon" } });
        expect([badRange.status, badRange.body.errors[0].path]).toEqual([400, "range"]);
        // Without a query, the last 30 days before the API's clock.
        const plain = await post({ definition: webRevenue });
        expect([plain.status, plain.body.result.range.end]).toEqual([200, "2026-03-10T00:00:00+00:00"]);
      });

      it("is for secret keys only: publishable keys and embed tokens get 403", async () => {
        const token = (await sk.post("/v1/tokens", { metrics: ["revenue"] })).body.token;
        for (const credential of [h.a.publishable, token]) {
          const c = client(h.app, credential);
          for (const r of [
            await c.post(
              "/v1/definitions/preview",
              { definition: webRevenue, query: { range: RANGE } },
              {
                Origin: "https://shop.example",
              },
            ),
            await c.get("/v1/targets", { Origin: "https://shop.example" }),
            await c.get("/v1/facts", { Origin: "https://shop.example" }),
          ]) {
            expect([r.status, r.body.detail]).toEqual([403, expect.stringMatching(/needs a secret key/)]);
          }
        }
      });
    });
  });
}

it("adds the time of each part's last change to a database from before it, and keeps it from then on", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-changed-at-"));
  const file = join(dir, "kpikit.db");
  const order = (id: string) => ({
    id,
    placedAt: "2026-03-02T10:00:00Z",
    customerId: "c",
    total: 1,
    items: 1,
    status: "placed" as const,
  });
  try {
    const before = new SqlStore(nodeSqliteDriver(file));
    await before.init();
    await createTenant(before, { id: "t" });
    await before.ingest("t", "orders", [order("o1")], Date.parse(LOADED_AT));
    await before.close();
    const db = new DatabaseSync(file);
    db.exec("ALTER TABLE kpikit_versions DROP COLUMN changed_at");
    db.close();

    const store = new SqlStore(nodeSqliteDriver(file));
    await store.init();
    const orders = async () => (await store.factsSummary("t"))[0];
    // Changed before the column was kept: when is unknown.
    expect(await orders()).toMatchObject({ fact: "orders", records: 1, lastIngestAt: null });
    await store.ingest("t", "orders", [order("o2")], Date.parse(LATER));
    expect(await orders()).toMatchObject({ records: 2, lastIngestAt: LATER });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
