// A KPI's versions (GET /v1/definitions/{id}/versions): every saving and deletion of a tenant's
// definition, newest first, on each store; a database from before they were kept starts them with
// its definitions as they are.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlDriver } from "@kpikit/core/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createTenant, SqlStore } from "../src/index.js";
import { nodeSqliteDriver, postgresDriver } from "../src/node/index.js";
import { client, type Harness, harness, STORES } from "./support/harness.js";
import { newDatabase } from "./support/postgres.js";

const webOrders = {
  id: "web_orders",
  labels: { en: "Web orders" },
  unit: "count",
  better: "up",
  kind: "measure",
  measure: { fact: "orders", agg: "count", where: "channel = 'web'" },
};
const appOrders = {
  ...webOrders,
  labels: { en: "App orders" },
  measure: { ...webOrders.measure, where: "channel = 'app'" },
};
// The harness's clock.
const NOW = "2026-03-10T00:00:00.000Z";

for (const kind of STORES) {
  describe(`a KPI's versions on ${kind}`, () => {
    let h: Harness;
    let sk: ReturnType<typeof client>;
    beforeAll(async () => {
      h = await harness(kind);
      sk = client(h.app, h.a.secret);
    });
    afterAll(() => h.close());

    it("are each saving and deletion, newest first, as stored", async () => {
      expect((await sk.put("/v1/definitions/web_orders", webOrders)).status).toBe(201);
      expect((await sk.put("/v1/definitions/web_orders", appOrders)).status).toBe(200);
      expect((await sk.delete("/v1/definitions/web_orders")).status).toBe(204);
      expect((await sk.put("/v1/definitions/web_orders", webOrders)).status).toBe(201);
      const r = await sk.get("/v1/definitions/web_orders/versions");
      expect([r.status, r.body]).toEqual([
        200,
        {
          versions: [
            { version: 1, definition: { ...webOrders, version: 1 }, savedAt: NOW, deleted: false },
            { version: 2, definition: { ...appOrders, version: 2 }, savedAt: NOW, deleted: true },
            { version: 2, definition: { ...appOrders, version: 2 }, savedAt: NOW, deleted: false },
            { version: 1, definition: { ...webOrders, version: 1 }, savedAt: NOW, deleted: false },
          ],
        },
      ]);
    });

    it("are the tenant's own: none of another tenant's, none for a built-in KPI never redefined", async () => {
      const other = client(h.app, h.b.secret);
      expect((await other.get("/v1/definitions/web_orders/versions")).status).toBe(404);
      expect(await other.get("/v1/definitions/aov/versions")).toMatchObject({ status: 200, body: { versions: [] } });
      const missing = await sk.get("/v1/definitions/no_such_kpi/versions");
      expect([missing.status, missing.body.detail]).toEqual([404, 'there is no KPI "no_such_kpi"']);
    });

    it("are read with a secret key only", async () => {
      expect((await client(h.app, h.a.publishable).get("/v1/definitions/web_orders/versions")).status).toBe(403);
      expect((await client(h.app).get("/v1/definitions/web_orders/versions")).status).toBe(401);
    });
  });
}

/** Databases of each SQL kind, made afresh by `open` each time it is called. */
const DATABASES: Record<string, () => Promise<{ open(): SqlDriver; free(): Promise<unknown> }>> = {
  sqlite: async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpikit-api-"));
    return {
      open: () => nodeSqliteDriver(join(dir, "kpikit.db")),
      free: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgres: async () => {
    const database = await newDatabase();
    return { open: () => postgresDriver(database.url), free: () => database.drop() };
  },
};

for (const [kind, database] of Object.entries(DATABASES)) {
  it(`starts a ${kind} database's versions with the definitions it had before they were kept`, async () => {
    const db = await database();
    try {
      const before = new SqlStore(db.open());
      await before.init();
      const tenant = await createTenant(before, { id: "tenant_a" });
      await before.putDefinition("tenant_a", { ...webOrders, version: 4 } as never);
      // As a database made before the table was: the definitions, and no versions.
      await before.driver.exec("DROP TABLE kpikit_definition_versions");
      await before.close();

      const after = new SqlStore(db.open());
      await after.init();
      // Twice, as a restart does: the first recorded version is recorded once.
      await after.init();
      const sk = client(createApp({ store: after, now: () => Date.parse(NOW) }), tenant.secretKey);
      const first = { version: 4, definition: { ...webOrders, version: 4 }, savedAt: null, deleted: false };
      expect((await sk.get("/v1/definitions/web_orders/versions")).body).toEqual({ versions: [first] });
      await sk.put("/v1/definitions/web_orders", appOrders);
      expect((await sk.get("/v1/definitions/web_orders/versions")).body.versions).toEqual([
        { version: 5, definition: { ...appOrders, version: 5 }, savedAt: NOW, deleted: false },
        first,
      ]);
      await after.close();
    } finally {
      await db.free();
    }
  });
}
