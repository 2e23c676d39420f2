// The real API for the element tests: @kpikit/api over a SQLite file, with hand-checkable orders,
// served on a free port, plus a few fault routes that misbehave the ways a real network does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { catalog } from "@kpikit/core";
import { createApp, createTenant, issueToken, SqlStore, tokenRequestSchema } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { Hono } from "hono";

const TENANT = "shop";
/** Previous period (2026-02-22..03-01): orders of 40 and 60. Range 2026-03-01..03-08: 30 and 90. */
const ORDERS = [
  ["p1", "2026-02-25T10:00:00Z", 40],
  ["p2", "2026-02-25T15:00:00Z", 60],
  ["c1", "2026-03-02T09:00:00Z", 30],
  ["c2", "2026-03-03T12:00:00Z", 90],
].map(([id, placedAt, total]) => ({ id, placedAt, customerId: `cust-${id}`, total, items: 1, status: "placed" }));
/**
 * Orders by channel, for the breakdown and table tests (April, apart from the week above). Range
 * 2026-04-13..04-20: web 100 + 60, app 120, email 50 + 30, phone 40, marketplace 25, none 15 (revenue
 * 440, 8 orders); the week before: web 100, app 150, email 40, phone 20, none 10 (320, 5 orders).
 */
const CHANNEL_ORDERS = [
  ["w1", "2026-04-14T10:00:00Z", 100, "web"],
  ["w2", "2026-04-15T10:00:00Z", 60, "web"],
  ["a1", "2026-04-14T11:00:00Z", 120, "app"],
  ["e1", "2026-04-16T09:00:00Z", 50, "email"],
  ["e2", "2026-04-17T09:00:00Z", 30, "email"],
  ["t1", "2026-04-18T09:00:00Z", 40, "phone"],
  ["m1", "2026-04-19T09:00:00Z", 25, "marketplace"],
  ["n1", "2026-04-19T12:00:00Z", 15, null],
  ["pw", "2026-04-07T10:00:00Z", 100, "web"],
  ["pa", "2026-04-08T10:00:00Z", 150, "app"],
  ["pe", "2026-04-09T10:00:00Z", 40, "email"],
  ["pt", "2026-04-10T10:00:00Z", 20, "phone"],
  ["pn", "2026-04-11T10:00:00Z", 10, null],
].map(([id, placedAt, total, channel]) => ({
  id,
  placedAt,
  customerId: `cust-${id}`,
  total,
  items: 1,
  status: "placed",
  ...(channel ? { channel } : {}),
}));

const cors = (origin) => ({
  "Access-Control-Allow-Origin": origin ?? "*",
  "Access-Control-Allow-Headers": "authorization, content-type, accept",
  "Access-Control-Allow-Methods": "GET, POST",
});

export async function startApi() {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-elements-"));
  const store = new SqlStore(nodeSqliteDriver(join(dir, "kpikit.db")));
  await store.init();
  const { secretKey, publishableKey } = await createTenant(store, {
    id: TENANT,
    name: "Element tests",
    timeZone: "UTC",
    currency: "USD",
    publicMetrics: ["aov"],
    allowedOrigins: [],
  });
  const api = createApp({ store });
  const ingest = await api.request("/v1/events/orders", {
    method: "POST",
    headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ records: [...ORDERS, ...CHANNEL_ORDERS] }),
  });
  if (ingest.status !== 200 && ingest.status !== 201) throw new Error(`test data was refused: ${await ingest.text()}`);
  await api.request("/v1/targets", {
    method: "PUT",
    headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      targets: [{ id: "aov-mar", metric: "aov", start: "2026-03-01", end: "2026-04-01", value: 75 }],
    }),
  });

  const requests = {};
  const attempts = {};
  const app = new Hono();
  app.use(async (c, next) => {
    const key = `${c.req.method} ${new URL(c.req.url).pathname}`;
    requests[key] = (requests[key] ?? 0) + 1;
    await next();
  });
  app.options("/fault/*", (c) => c.body(null, 204, cors(c.req.header("origin"))));
  // Each fault answers like a broken server would; `once-*` faults then let the request through.
  app.all("/fault/:kind/:id/*", async (c) => {
    const { kind, id } = c.req.param();
    const h = cors(c.req.header("origin"));
    const n = (attempts[id] = (attempts[id] ?? 0) + 1);
    if (kind === "500")
      return c.json(
        { type: "about:blank", title: "Internal Server Error", status: 500, detail: "the database is on fire" },
        500,
        { ...h, "Content-Type": "application/problem+json" },
      );
    if (kind === "html-500") return c.html("<h1>Bad gateway</h1>", 502, h);
    if (kind === "invalid-json") return c.body('{"results": [', 200, { ...h, "Content-Type": "application/json" });
    if (kind === "wrong-shape") return c.json({ rows: [] }, 200, h);
    if (kind === "slow") {
      await new Promise((r) => setTimeout(r, 2_000));
      return c.json({ results: [] }, 200, h);
    }
    if (kind === "once-429" && n === 1)
      return c.json({ title: "Too Many Requests", status: 429, detail: "slow down" }, 429, {
        ...h,
        "Retry-After": "0",
      });
    if (kind === "always-429")
      return c.json(
        { title: "Too Many Requests", status: 429, detail: "too many requests; try again in a minute" },
        429,
        { ...h, "Retry-After": "0" },
      );
    if (kind === "once-500" && n === 1)
      return c.json({ title: "Internal Server Error", status: 500, detail: "a hiccup" }, 500, {
        ...h,
        "Content-Type": "application/problem+json",
      });
    if (kind === "fail-after-1" && n > 1)
      return c.json({ title: "Service Unavailable", status: 500, detail: "maintenance" }, 500, h);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.replace(/^\/fault\/[^/]+\/[^/]+/, "");
    // Faults in a real answer: results in another order, a value that is not a number. They are
    // made to the whole answer, asked as JSON (the client takes JSON as well as lines).
    const rewrite = kind === "reversed" || kind === "string-value";
    const request = new Request(url, c.req.raw);
    if (rewrite) request.headers.set("accept", "application/json");
    const answer = await api.fetch(request);
    if (rewrite) {
      const body = await answer.json();
      if (kind === "reversed") body.results.reverse();
      else for (const r of body.results) if ("value" in r) r.value = String(r.value);
      return c.json(body, 200, h);
    }
    return answer;
  });
  app.route("/", api);

  const server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const endpoint = `http://127.0.0.1:${server.address().port}`;

  const token = async (ttlSeconds = 600) =>
    (await issueToken(store, TENANT, tokenRequestSchema.parse({ metrics: catalog.map((d) => d.id), ttlSeconds })))
      .token;

  let added = 0;
  /** Adds an order on 2026-03-09 (server side: the secret key never reaches the browser). */
  const addOrder = async (total) => {
    const record = {
      id: `live-${++added}`,
      placedAt: "2026-03-09T08:00:00Z",
      customerId: `live-${added}`,
      total,
      items: 1,
      status: "placed",
    };
    const r = await api.request("/v1/events/orders", {
      method: "POST",
      headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ records: [record] }),
    });
    return r.status;
  };

  return {
    endpoint,
    addOrder,
    publishableKey,
    token,
    requests,
    async close() {
      await new Promise((r) => server.close(r));
      await store.close?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
