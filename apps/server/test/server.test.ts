// `npm start` as the issue states it: PORT=… KPIKIT_DB=<new file> KPIKIT_SECRET_KEY=kpi_sk_test_check
// KPIKIT_DEMO=off serves the data-model contract, and data survives a restart; and the same with
// KPIKIT_DATABASE_URL=<new PostgreSQL database>.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDatabase } from "../../../packages/api/test/support/postgres.js";
import { type Running, startServer } from "./support/process.js";

const KEY = "kpi_sk_test_check";
const auth = { Authorization: `Bearer ${KEY}` };

/** Settings for new, empty storage of each kind; `drops` collects what to delete at the end. */
const STORAGE: Record<string, (file: string, drops: (() => Promise<unknown>)[]) => Promise<Record<string, string>>> = {
  sqlite: async (file) => ({ KPIKIT_DB: file }),
  // KPIKIT_DB still says where the server keeps its notes (the publishable key).
  postgres: async (file, drops) => {
    const database = await newDatabase();
    drops.push(database.drop);
    return { KPIKIT_DB: file, KPIKIT_DATABASE_URL: database.url };
  },
};

for (const [kind, storage] of Object.entries(STORAGE)) {
  describe(`the server process on ${kind}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "kpikit-server-"));
    const drops: (() => Promise<unknown>)[] = [];
    const fresh = (name: string) => storage(join(dir, `${name}.db`), drops);
    let env: Record<string, string>;
    let server: Running;
    beforeAll(async () => {
      env = {
        ...(await fresh("new")),
        KPIKIT_SECRET_KEY: KEY,
        KPIKIT_DEMO: "off",
        KPIKIT_ALLOWED_ORIGINS: "https://shop.example, http://localhost:5173",
      };
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
      for (const drop of drops) await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const json = async (path: string, init: RequestInit = {}) => {
      const r = await fetch(`${server.base}${path}`, {
        ...init,
        headers: { ...auth, "Content-Type": "application/json", ...(init.headers as object) },
      });
      return { status: r.status, type: r.headers.get("content-type"), body: (await r.json()) as any };
    };

    const bannerWithoutSecret =
      "names its store, prints its URLs and the snippet for a page, and no secret key when one was given";
    it(bannerWithoutSecret, async () => {
      expect((await json("/healthz")).body.store).toBe(kind);
      expect(server.output()).toMatch(/API docs: +http:\/\/127\.0\.0\.1:\d+\/docs/);
      expect(server.output()).not.toMatch(/Dashboard:/); // no demo in production
      expect(server.output()).toContain(`<script type="module" src="${server.base}/elements/kpikit.js"></script>`);
      expect(server.output()).toMatch(
        new RegExp(`<kpi-provider endpoint="${server.base}" token="kpi_pk_\\w+" range="last_30_days">`),
      );
      expect(server.output()).toContain(
        "from pages on these origins only: https://shop.example, http://localhost:5173.",
      );
      expect(server.output()).toContain("KPIKIT_ALLOWED_ORIGINS");
      expect(server.output()).not.toMatch(/Secret key/);
    });

    it("in production serves no demo route, and the elements' bundle to any site's pages", async () => {
      for (const path of ["/", "/storefront", "/react", "/vue", "/svelte", "/demo/token", "/assets/index.js"]) {
        const r = await fetch(`${server.base}${path}`);
        expect([path, r.status, r.headers.get("content-type")]).toEqual([path, 404, "application/problem+json"]);
      }
      // A module script from another origin runs only with CORS.
      const bundle = await fetch(`${server.base}/elements/kpikit.js`, { headers: { Origin: "https://shop.example" } });
      expect([
        bundle.status,
        bundle.headers.get("content-type"),
        bundle.headers.get("access-control-allow-origin"),
      ]).toEqual([200, expect.stringMatching(/javascript/), "*"]);
      expect(bundle.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(await bundle.text()).toContain('"kpi-card"');
      const storybook = await fetch(`${server.base}/storybook`);
      expect(storybook.url).toBe(`${server.base}/storybook/`);
      expect(await storybook.text()).toMatch(/<title>.*Storybook/);
      expect(await (await fetch(`${server.base}/storybook/index.json`)).text()).toContain("widgets-kpi-card--default");
    });

    it("allows the origins KPIKIT_ALLOWED_ORIGINS lists for the publishable key", async () => {
      const settings = (await json("/v1/settings")).body;
      expect(settings.allowedOrigins).toEqual(["https://shop.example", "http://localhost:5173"]);
      const key = /token="(kpi_pk_\w+)"/.exec(server.output())![1]!;
      const read = (origin: string) =>
        fetch(`${server.base}/v1/metrics/csat?range=2026-03-01..2026-03-08`, {
          headers: { Authorization: `Bearer ${key}`, Origin: origin },
        });
      expect((await read("http://localhost:5173")).status).toBe(200);
      const refused = await read("https://elsewhere.example");
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { detail: string }).detail).toContain("PUT /v1/settings");
    });

    it("ingests with the given key, reports duplicates, and serves the result contract", async () => {
      const records = [
        {
          id: "a",
          placedAt: "2026-03-02T10:00:00Z",
          customerId: "c1",
          total: 100,
          items: 1,
          status: "placed",
          channel: "web",
        },
        {
          id: "b",
          placedAt: "2026-03-03T10:00:00Z",
          customerId: "c2",
          total: 50,
          items: 2,
          status: "placed",
          channel: "app",
        },
      ];
      expect((await json("/v1/events/orders", { method: "POST", body: JSON.stringify({ records }) })).body).toEqual({
        fact: "orders",
        received: 2,
        inserted: 2,
        duplicates: 0,
      });
      expect((await json("/v1/events/orders", { method: "POST", body: JSON.stringify({ records }) })).body).toEqual({
        fact: "orders",
        received: 2,
        inserted: 0,
        duplicates: 2,
      });
      const r = await json(
        "/v1/metrics/aov?range=2026-03-01..2026-03-08&grain=day&tz=Europe/Moscow&compare=previous_period" +
          "&filter.channel=web&filter.channel=app&by=channel&locale=en",
      );
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        value: 75,
        previous: null,
        change: { absolute: null, relative: null },
        range: { tz: "Europe/Moscow", grain: "day" },
        target: null,
        status: null,
      });
      expect(r.body.series).toHaveLength(7);
      expect(r.body.breakdown).toEqual([
        // The week before had no order: an average of nothing is null.
        { key: "web", value: 100, previous: null },
        { key: "app", value: 50, previous: null },
      ]);
      const bad = await json("/v1/metrics/aov?range=nonsense");
      expect([bad.status, bad.type]).toEqual([400, "application/problem+json"]);
    });

    it("keeps the data across a restart", async () => {
      await server.stop();
      server = await startServer(env);
      expect((await json("/v1/metrics/orders?range=2026-03-01..2026-03-08")).body.value).toBe(2);
    });

    it("serves the docs", async () => {
      expect(await (await fetch(`${server.base}/docs`)).text()).toMatch(/\/docs\/assets\/swagger-ui-bundle\.js/);
      expect((await fetch(`${server.base}/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
    });

    it("generates and prints a secret key once when none is given, and refuses bad settings", async () => {
      const settings = await fresh("fresh");
      const other = await startServer({ ...settings, KPIKIT_DEMO: "off" });
      const key = /Secret key \(shown this once; keep it server-side\): (kpi_sk_live_\w+)/.exec(other.output())?.[1];
      expect(key).toBeDefined();
      expect((await fetch(`${other.base}/v1/settings`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(
        200,
      );
      await other.stop();
      const again = await startServer({ ...settings, KPIKIT_DEMO: "off" });
      expect(again.output()).not.toMatch(/Secret key/);
      await again.stop();
      await expect(startServer({ KPIKIT_DB: join(dir, "x.db"), KPIKIT_SECRET_KEY: "letmein" }, 10_000)).rejects.toThrow(
        /KPIKIT_SECRET_KEY must start with kpi_sk_/,
      );
      await expect(
        startServer({ KPIKIT_DB: join(dir, "x.db"), KPIKIT_ALLOWED_ORIGINS: "shop.example" }, 10_000),
      ).rejects.toThrow(/KPIKIT_ALLOWED_ORIGINS must list origins like https:\/\/shop\.example/);
    });
  });
}
