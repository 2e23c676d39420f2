// A storefront's publishable key is in every visitor's browser: the server limits it per visitor,
// by the address of the socket each request comes on (real sockets from two loopback addresses:
// Linux answers all of 127/8), or behind trusted reverse proxies by X-Forwarded-For, so one busy
// visitor is refused and the next one is not.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { createTenant, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer } from "../src/server.js";

const dir = mkdtempSync(join(tmpdir(), "kpikit-visitors-"));
const store = new SqlStore(nodeSqliteDriver(join(dir, "kpikit.db")));
let server: ServerType;
let port: number;
let key: string;

beforeAll(async () => {
  await store.init();
  key = (await createTenant(store, { id: "default" })).publishableKey;
  // Three requests, then none more for a long while: the test never waits for a refill.
  const app = createServer({ store, rateLimits: { publishable: { burst: 3, perSecond: 0.001 } } });
  server = await new Promise<ServerType>((ready) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The status of GET /v1/catalog with the publishable key, sent from `from`. */
const status = (from: string) =>
  new Promise<number>((answer, fail) => {
    const r = request(
      { host: "127.0.0.1", port, path: "/v1/catalog", localAddress: from, headers: { Authorization: `Bearer ${key}` } },
      (response) => {
        response.resume();
        answer(response.statusCode!);
      },
    );
    r.on("error", fail);
    r.end();
  });

it("refuses a publishable key's busy visitor with 429 and still answers the next visitor", async () => {
  const first = [];
  for (let i = 0; i < 4; i++) first.push(await status("127.0.0.2"));
  expect(first).toEqual([200, 200, 200, 429]);
  expect(await status("127.0.0.3")).toBe(200);
  expect(await status("127.0.0.2")).toBe(429);
});

it("behind trusted proxies, tells visitors apart by X-Forwarded-For, and trusts no entry a client wrote", async () => {
  const limited = { publishable: { burst: 1, perSecond: 0.001 } };
  const behindOne = createServer({ store, rateLimits: limited, trustedProxies: 1 });
  const get = (app: typeof behindOne, forwarded?: string) =>
    app.request("/v1/catalog", {
      headers: { Authorization: `Bearer ${key}`, ...(forwarded ? { "X-Forwarded-For": forwarded } : {}) },
    });
  // The proxy appends the address it saw: the visitor's is the last entry, whatever comes before it.
  expect((await get(behindOne, "198.51.100.7")).status).toBe(200);
  expect((await get(behindOne, "203.0.113.1, 198.51.100.7")).status).toBe(429);
  expect((await get(behindOne, "198.51.100.8")).status).toBe(200);
  // The same visitors with the ports some proxies add.
  expect((await get(behindOne, "198.51.100.8:5678")).status).toBe(429);
  expect((await get(behindOne, "[2001:db8::1]:443")).status).toBe(200);
  expect((await get(behindOne, "2001:db8::2")).status).toBe(429);
  // With no proxy trusted, the header is the client's own: it names no visitor.
  const direct = createServer({ store, rateLimits: limited });
  expect((await get(direct, "198.51.100.9")).status).toBe(200);
  expect((await get(direct, "198.51.100.10")).status).toBe(429);
});
