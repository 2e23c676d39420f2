// One KPI's definition as the tenant has it (GET /v1/definitions/{id}): its own, or the catalog's,
// which an editor starts an override from; a KPI nobody defined is a 404.
import { catalog } from "@kpikit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, type Harness, harness } from "./support/harness.js";

const webOrders = {
  id: "web_orders",
  labels: { en: "Web orders" },
  unit: "count",
  better: "up",
  kind: "measure",
  measure: { fact: "orders", agg: "count", where: "channel = 'web'" },
};

describe("a KPI's definition", () => {
  let h: Harness;
  let sk: ReturnType<typeof client>;
  beforeAll(async () => {
    h = await harness("sqlite");
    sk = client(h.app, h.a.secret);
  });
  afterAll(() => h.close());

  it("is the catalog's for a built-in id, as the catalog writes it", async () => {
    const r = await sk.get("/v1/definitions/aov");
    const aov = catalog.find((d) => d.id === "aov")!;
    expect([r.status, r.body.builtIn, r.body.definition.kind, r.body.definition.labels.en]).toEqual([
      200,
      true,
      aov.kind,
      aov.labels.en,
    ]);
    // Sent back as it came, it is a valid override: the next version of the id.
    const put = await sk.put("/v1/definitions/aov", { ...r.body.definition, version: undefined });
    expect([put.status, put.body.definition.version]).toEqual([201, (r.body.definition.version ?? 1) + 1]);
    const own = await sk.get("/v1/definitions/aov");
    expect([own.body.builtIn, own.body.definition.version]).toEqual([false, put.body.definition.version]);
    expect((await sk.delete("/v1/definitions/aov")).status).toBe(204);
  });

  it("is the tenant's own as stored, and no other tenant's", async () => {
    expect((await sk.put("/v1/definitions/web_orders", webOrders)).status).toBe(201);
    const r = await sk.get("/v1/definitions/web_orders");
    expect([r.status, r.body]).toEqual([200, { definition: { ...webOrders, version: 1 }, builtIn: false }]);
    const other = await client(h.app, h.b.secret).get("/v1/definitions/web_orders");
    expect([other.status, other.headers.get("content-type"), other.body.detail]).toEqual([
      404,
      "application/problem+json",
      'there is no KPI "web_orders"',
    ]);
  });

  it("is read with a secret key only", async () => {
    expect((await client(h.app, h.a.publishable).get("/v1/definitions/aov")).status).toBe(403);
    expect((await client(h.app).get("/v1/definitions/aov")).status).toBe(401);
  });
});
