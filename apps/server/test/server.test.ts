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
      env = { ...(await fresh("new")), KPIKIT_SECRET_KEY: KEY, KPIKIT_DEMO: "off" };
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
      for (const drop of drops) await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const json = async (path: string, init: RequestInit = {}) => {
      const r = await fetch(`${server.base}${path}`, { ...init, headers: { ...auth, "Content-Type": "application/json", ...(init.headers as object) } });
      return { status: r.status, type: r.headers.get("content-type"), body: (await r.json()) as any };
    };

    it("names its store, prints its URLs, and no secret key when one was given", async () => {
      expect((await json("/healthz")).body.store).toBe(kind);
      expect(server.output()).toMatch(/Dashboard: +http:\/\/127\.0\.0\.1:\d+\//);
      expect(server.output()).toMatch(/API docs: +http:\/\/127\.0\.0\.1:\d+\/docs/);
      expect(server.output()).not.toMatch(/Secret key/);
    });

    it("serves the demo pages, Storybook, and the elements' self-contained bundle", async () => {
      const page = async (path: string) => {
        const r = await fetch(`${server.base}${path}`);
        return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
      };
      for (const path of ["/", "/storefront", "/react", "/vue", "/svelte"]) {
        const p = await page(path);
        expect([path, p.status, p.type]).toEqual([path, 200, expect.stringMatching(/text\/html/)]);
        const script = p.text.match(/<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/)?.[1];
        expect(script, path).toBeDefined();
        const asset = await fetch(`${server.base}${script}`);
        expect([asset.status, asset.headers.get("cache-control")]).toEqual([200, "public, max-age=31536000, immutable"]);
      }
      // The storefront embeds the publishable key in its HTML, as a shop's template would.
      const storefront = (await page("/storefront")).text;
      expect(storefront).toMatch(/<kpi-provider id="storefront" endpoint="\/" token="kpi_pk_[A-Za-z0-9_]+"/);
      expect(storefront).toContain('<script type="module" src="/elements/kpikit.js"');
      const bundle = await fetch(`${server.base}/elements/kpikit.js`);
      expect([bundle.status, bundle.headers.get("content-type")]).toEqual([200, expect.stringMatching(/javascript/)]);
      expect(await bundle.text()).toContain('"kpi-card"');
      const storybook = await fetch(`${server.base}/storybook`);
      expect(storybook.url).toBe(`${server.base}/storybook/`);
      expect(await storybook.text()).toMatch(/<title>.*Storybook/);
      expect((await page("/storybook/index.json")).text).toContain("widgets-kpi-card--default");
    });

    it("ingests with the given key, reports duplicates, and serves the result contract", async () => {
      const records = [
        { id: "a", placedAt: "2026-03-02T10:00:00Z", customerId: "c1", total: 100, items: 1, status: "placed", channel: "web" },
        { id: "b", placedAt: "2026-03-03T10:00:00Z", customerId: "c2", total: 50, items: 2, status: "placed", channel: "app" },
      ];
      expect((await json("/v1/events/orders", { method: "POST", body: JSON.stringify({ records }) })).body).toEqual({ fact: "orders", received: 2, inserted: 2, duplicates: 0 });
      expect((await json("/v1/events/orders", { method: "POST", body: JSON.stringify({ records }) })).body).toEqual({ fact: "orders", received: 2, inserted: 0, duplicates: 2 });
      const r = await json("/v1/metrics/aov?range=2026-03-01..2026-03-08&grain=day&tz=Europe/Moscow&compare=previous_period&filter.channel=web&filter.channel=app&by=channel&locale=en");
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ value: 75, previous: null, change: { absolute: null, relative: null }, range: { tz: "Europe/Moscow", grain: "day" }, target: null, status: null });
      expect(r.body.series).toHaveLength(7);
      expect(r.body.breakdown).toEqual([
        { key: "web", value: 100 },
        { key: "app", value: 50 },
      ]);
      const bad = await json("/v1/metrics/aov?range=nonsense");
      expect([bad.status, bad.type]).toEqual([400, "application/problem+json"]);
    });

    it("keeps the data across a restart", async () => {
      await server.stop();
      server = await startServer(env);
      expect((await json("/v1/metrics/orders?range=2026-03-01..2026-03-08")).body.value).toBe(2);
    });

    it("serves the docs and the demo page", async () => {
      expect(await (await fetch(`${server.base}/docs`)).text()).toMatch(/\/docs\/assets\/swagger-ui-bundle\.js/);
      expect((await fetch(`${server.base}/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
      expect(await (await fetch(`${server.base}/`)).text()).toMatch(/KPI Kit/);
    });

    it("generates and prints a secret key once when none is given, and refuses bad settings", async () => {
      const settings = await fresh("fresh");
      const other = await startServer({ ...settings, KPIKIT_DEMO: "off" });
      const key = /Secret key \(shown this once; keep it server-side\): (kpi_sk_live_\w+)/.exec(other.output())?.[1];
      expect(key).toBeDefined();
      expect((await fetch(`${other.base}/v1/settings`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
      await other.stop();
      const again = await startServer({ ...settings, KPIKIT_DEMO: "off" });
      expect(again.output()).not.toMatch(/Secret key/);
      await again.stop();
      await expect(startServer({ KPIKIT_DB: join(dir, "x.db"), KPIKIT_SECRET_KEY: "letmein" }, 10_000)).rejects.toThrow(/KPIKIT_SECRET_KEY must start with kpi_sk_/);
    });
  });
}
