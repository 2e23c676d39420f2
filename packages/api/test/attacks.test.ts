// Every way a caller might read or write what it should not, and the refusal each one meets.
import { sign } from "hono/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, RANGE } from "../../core/test/support/fixture.js";
import { client, type Harness, harness, load } from "./support/harness.js";

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe("attack suite", () => {
  let h: Harness;
  let tokenA: string;
  let claimsA: Record<string, unknown>;
  let kidA: string;
  let secretA: string;

  beforeAll(async () => {
    h = await harness("sqlite", { rateLimits: { publishable: { burst: 5, perSecond: 0.5 } } });
    await load(h.app, h.a.secret, fixture);
    await load(h.app, h.b.secret, {
      orders: [
        {
          id: "b1",
          placedAt: "2026-03-02T10:00:00Z",
          customerId: "x",
          total: 5000,
          items: 1,
          status: "placed",
          channel: "web",
        },
      ],
    });
    const minted = await client(h.app, h.a.secret).post("/v1/tokens", {
      metrics: ["revenue", "aov"],
      filters: { channel: "web" },
    });
    tokenA = minted.body.token;
    claimsA = minted.body.claims;
    kidA = JSON.parse(Buffer.from(tokenA.split(".")[0]!, "base64url").toString()).kid;
    secretA = (await h.store.signingKey(kidA))!.secret;
  });
  afterAll(() => h.close());

  const expectProblem = (r: { status: number; headers: Headers }, status: number) => {
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
  };

  describe("tenants", () => {
    it("never shows another tenant's data: each key sees only its own tenant", async () => {
      const a = await client(h.app, h.a.secret).get(`/v1/metrics/revenue?range=${RANGE}`);
      const b = await client(h.app, h.b.secret).get(`/v1/metrics/revenue?range=${RANGE}`);
      expect(a.body.value).toBe(320);
      expect(b.body.value).toBe(5000);
      expect(a.headers.get("etag")).not.toBe(b.headers.get("etag")); // cache keys include the tenant
    });

    it("takes the tenant from the credential only, never from the request", async () => {
      const r = await client(h.app, h.b.secret).get(`/v1/metrics/revenue?range=${RANGE}&tenant=tenant_a`);
      expectProblem(r, 400);
      const body = await client(h.app, h.b.secret).post("/v1/events/orders", { records: [], tenant: "tenant_a" });
      expectProblem(body, 422);
      const header = await client(h.app, h.b.secret).get(`/v1/metrics/revenue?range=${RANGE}`, {
        "X-Tenant": "tenant_a",
      });
      expect(header.body.value).toBe(5000);
    });

    it("lists only its own targets and facts, and previews with its own definitions", async () => {
      const b = client(h.app, h.b.secret);
      expect((await b.get("/v1/targets")).body.targets).toEqual([]);
      expect((await client(h.app, h.a.secret).get("/v1/targets")).body.targets).toHaveLength(3);
      expect((await b.get("/v1/targets?tenant=tenant_a")).status).toBe(400);
      const orders = async (secret: string) =>
        (await client(h.app, secret).get("/v1/facts")).body.facts.find((f: { fact: string }) => f.fact === "orders");
      expect([(await orders(h.b.secret)).records, (await orders(h.a.secret)).records]).toEqual([1, 9]);
      await client(h.app, h.a.secret).put("/v1/definitions/a_only", {
        labels: { en: "A's" },
        unit: "count",
        better: "up",
        kind: "measure",
        measure: { fact: "orders", agg: "count" },
      });
      try {
        const refersToA = await b.post("/v1/definitions/preview", {
          definition: { id: "x", labels: { en: "x" }, unit: "count", better: "up", kind: "derived", expr: "a_only" },
        });
        expect([refersToA.status, refersToA.body.detail]).toEqual([422, expect.stringMatching(/"a_only" is neither/)]);
      } finally {
        await client(h.app, h.a.secret).delete("/v1/definitions/a_only");
      }
    });

    it("refuses a token of one tenant signed with another tenant's key", async () => {
      const forged = await sign(
        { ...claimsA, tid: "tenant_b", iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 },
        { kty: "oct", k: secretA, alg: "HS256", kid: kidA },
      );
      const r = await client(h.app, forged).get(`/v1/metrics/revenue?range=${RANGE}`);
      expectProblem(r, 401);
      expect(r.body.detail).toBe("the token's tenant does not own its signing key");
    });
  });

  describe("embed tokens", () => {
    const token = () => client(h.app, tokenA);

    it("reads the metrics it lists, within its locked filters", async () => {
      expect((await token().get(`/v1/metrics/revenue?range=${RANGE}`)).body.value).toBe(250);
    });

    it("refuses a metric outside the token", async () => {
      const r = await token().get(`/v1/metrics/cogs?range=${RANGE}`);
      expectProblem(r, 403);
      expect(r.body.detail).toBe(
        'this token does not grant cogs: mint one that lists it (POST /v1/tokens {"metrics": [..., "cogs"]})',
      );
      const batch = await token().post("/v1/query", { queries: [{ metric: "cogs" }, { metric: "aov", range: RANGE }] });
      expect(batch.body.results[0].error.status).toBe(403);
      expect(batch.body.results[1].value).toBe(125); // (100 + 150) / 2, web only
      const catalog = await token().get("/v1/catalog");
      expect(catalog.body.metrics.map((m: { id: string }) => m.id)).toEqual(["revenue", "aov"]);
    });

    it("refuses to widen a locked filter, and lets a query narrow it", async () => {
      expectProblem(await token().get(`/v1/metrics/revenue?range=${RANGE}&filter.channel=app`), 403);
      expectProblem(await token().get(`/v1/metrics/revenue?range=${RANGE}&filter.channel=web&filter.channel=app`), 403);
      expect((await token().get(`/v1/metrics/revenue?range=${RANGE}&filter.region=US`)).body.value).toBe(0);
      expect((await token().get(`/v1/metrics/revenue?range=${RANGE}&filter.channel=web`)).body.value).toBe(250);
    });

    it("refuses an expired token", async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await sign(
        { ...claimsA, iat: now - 600, exp: now - 1 },
        { kty: "oct", k: secretA, alg: "HS256", kid: kidA },
      );
      const r = await client(h.app, expired).get(`/v1/metrics/revenue?range=${RANGE}`);
      expectProblem(r, 401);
      expect(r.body.detail).toBe("the token has expired");
      expect(r.headers.get("www-authenticate")).toMatch(/invalid_token/);
    });

    it("refuses a tampered token", async () => {
      const [head, , signature] = tokenA.split(".");
      const claims = b64({ ...claimsA, metrics: ["revenue", "aov", "cogs"], filters: undefined });
      const widened = `${head}.${claims}.${signature}`;
      const r = await client(h.app, widened).get(`/v1/metrics/cogs?range=${RANGE}`);
      expectProblem(r, 401);
      expect(r.body.detail).toBe("the token's signature does not match");
    });

    it("refuses alg: none, and any algorithm but HS256", async () => {
      const none = `${b64({ alg: "none", typ: "JWT", kid: kidA })}.${b64(claimsA)}.`;
      const r = await client(h.app, none).get(`/v1/metrics/revenue?range=${RANGE}`);
      expectProblem(r, 401);
      expect(r.body.detail).toBe("tokens are signed with HS256; this one says none");
      const hs512 = await sign(claimsA, { kty: "oct", k: secretA, alg: "HS512", kid: kidA }, "HS512");
      expectProblem(await client(h.app, hs512).get(`/v1/metrics/revenue?range=${RANGE}`), 401);
    });

    it("refuses an unknown or missing kid", async () => {
      const unknown = await sign(claimsA, { kty: "oct", k: secretA, alg: "HS256", kid: "tenant_a:2020-01-01:nothere" });
      const r = await client(h.app, unknown).get(`/v1/metrics/revenue?range=${RANGE}`);
      expectProblem(r, 401);
      expect(r.body.detail).toBe("the token's signing key (kid) is unknown");
      const noKid = await sign(claimsA, secretA, "HS256");
      expect((await client(h.app, noKid).get(`/v1/metrics/revenue?range=${RANGE}`)).body.detail).toBe(
        "the token names no signing key (kid)",
      );
    });

    it("refuses a correctly signed token that lives longer than 15 minutes", async () => {
      const now = Math.floor(Date.now() / 1000);
      const long = await sign(
        { ...claimsA, iat: now, exp: now + 3600 },
        { kty: "oct", k: secretA, alg: "HS256", kid: kidA },
      );
      const r = await client(h.app, long).get(`/v1/metrics/revenue?range=${RANGE}`);
      expectProblem(r, 401);
      expect(r.body.detail).toBe("a token may live at most 15 minutes");
    });

    it("refuses a token with origins from another page", async () => {
      const minted = await client(h.app, h.a.secret).post("/v1/tokens", {
        metrics: ["revenue"],
        origins: ["https://intranet.example"],
      });
      const t = client(h.app, minted.body.token);
      expect((await t.get(`/v1/metrics/revenue?range=${RANGE}`, { Origin: "https://intranet.example" })).status).toBe(
        200,
      );
      const r = await t.get(`/v1/metrics/revenue?range=${RANGE}`, { Origin: "https://evil.example" });
      expectProblem(r, 403);
      expect(r.body.detail).toBe(
        "this token may not be used from https://evil.example: mint the token with https://evil.example among its " +
          'origins (POST /v1/tokens {"origins": ["https://evil.example"]})',
      );
    });

    it("refuses a token with origins from a page with no origin (Origin: null)", async () => {
      const minted = await client(h.app, h.a.secret).post("/v1/tokens", {
        metrics: ["revenue"],
        origins: ["https://intranet.example"],
      });
      const r = await client(h.app, minted.body.token).get(`/v1/metrics/revenue?range=${RANGE}`, { Origin: "null" });
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/^this token may not be used from a page with no origin \(Origin: null/);
      // A token that names no origins is not tied to pages: Origin: null reads what it grants.
      expect((await token().get(`/v1/metrics/revenue?range=${RANGE}`, { Origin: "null" })).status).toBe(200);
    });

    it("answers an unknown KPI with 404, not with a refusal", async () => {
      const r = await token().get(`/v1/metrics/nope?range=${RANGE}`);
      expectProblem(r, 404);
      expect(r.body.detail).toBe('there is no KPI "nope"');
      const batch = await token().post("/v1/query", { queries: [{ metric: "nope" }] });
      expect(batch.body.results[0].error.status).toBe(404);
    });

    it("refuses a kid that is not a string (true, an array, an object, a huge string) with 401", async () => {
      for (const kid of [true, 7, [kidA], { kid: kidA }, null, "x".repeat(10_000)]) {
        const forged = `${b64({ alg: "HS256", typ: "JWT", kid })}.${b64(claimsA)}.c2ln`;
        const r = await client(h.app, forged).get(`/v1/metrics/revenue?range=${RANGE}`);
        expectProblem(r, 401);
        expect(r.body.detail, JSON.stringify(kid).slice(0, 40)).toMatch(/kid/);
      }
    });

    it("cannot write anything", async () => {
      const t = token();
      for (const r of [
        await t.post("/v1/events/orders", { records: [] }),
        await t.post("/v1/import?preset=shopify", "Name\n", { "Content-Type": "text/csv" }),
        await t.put("/v1/definitions/x", {}),
        await t.put("/v1/targets", { targets: [] }),
        await t.post("/v1/tokens", { metrics: ["revenue"] }),
        await t.put("/v1/settings", {}),
        await t.post("/v1/keys", { kind: "secret" }),
      ]) {
        expectProblem(r, 403);
        expect(r.body.detail).toMatch(/needs a secret key/);
      }
    });
  });

  describe("every route", () => {
    it("refuses publishable keys and embed tokens exactly where the document names the role secret", async () => {
      const doc = (await client(h.app).get("/openapi.json")).body;
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, { security?: { Bearer: string[] }[] }>).map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.replace("{id}", "aov"),
          secret: op.security?.some((s) => s.Bearer.includes("secret")) ?? false,
        })),
      );
      expect(operations.filter((o) => o.secret).length).toBeGreaterThan(20);
      for (const { method, path, secret } of operations) {
        // A publishable key of its own for each, so as not to spend the shared key's allowance.
        const publishable = (await client(h.app, h.a.secret).post("/v1/keys", { kind: "publishable" })).body.key;
        for (const credential of [publishable, tokenA]) {
          const r = await h.app.request(path, { method, headers: { Authorization: `Bearer ${credential}` } });
          const refused =
            r.status === 403 && /needs a secret key/.test(((await r.json()) as { detail: string }).detail);
          if (!r.bodyUsed) await r.body?.cancel(); // a stream would otherwise stay open
          expect([method, path, refused]).toEqual([method, path, secret]);
        }
      }
    });
  });

  describe("publishable keys", () => {
    const pk = (origin?: string) => ({
      get: (path: string) => client(h.app, h.a.publishable).get(path, origin ? { Origin: origin } : {}),
      post: (path: string, body: unknown) =>
        client(h.app, h.a.publishable).post(path, body, origin ? { Origin: origin } : {}),
    });

    it("read public KPIs from allowed origins only", async () => {
      expect((await pk("https://shop.example").get(`/v1/metrics/csat?range=${RANGE}`)).body.value).toBeCloseTo(
        11 / 3,
        12,
      );
      const other = await pk("https://evil.example").get(`/v1/metrics/csat?range=${RANGE}`);
      expectProblem(other, 403);
      expect(other.body.detail).toBe(
        "this publishable key may not be used from https://evil.example: add it to the tenant's allowed origins " +
          '(PUT /v1/settings {"allowedOrigins": [..., "https://evil.example"]} with a secret key)',
      );
    });

    it("are refused from a page with no origin (Origin: null): sandboxed iframes, file:// pages", async () => {
      const r = await pk("null").get(`/v1/metrics/csat?range=${RANGE}`);
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/^this publishable key may not be used from a page with no origin \(Origin: null/);
      // Nor does a Referer from an allowed page make up for it.
      const withReferer = await client(h.app, h.a.publishable).get(`/v1/metrics/csat?range=${RANGE}`, {
        Origin: "null",
        Referer: "https://shop.example/p/1",
      });
      expectProblem(withReferer, 403);
    });

    it("never read the SQL behind a KPI, public or not; nor do embed tokens", async () => {
      // A key of its own, so as not to spend the shared key's allowance (see the rate limit test).
      const publishable = (await client(h.app, h.a.secret).post("/v1/keys", { kind: "publishable" })).body.key;
      for (const credential of [publishable, tokenA]) {
        const r = await client(h.app, credential).get(`/v1/metrics/csat/sql?range=${RANGE}`, {
          Origin: "https://shop.example",
        });
        expectProblem(r, 403);
        expect(r.body.detail).toMatch(/needs a secret key/);
      }
      expect((await client(h.app, h.a.secret).get(`/v1/metrics/csat/sql?range=${RANGE}`)).status).toBe(200);
    });

    it("never read a private KPI, whatever Origin says", async () => {
      const r = await pk("https://shop.example").get(`/v1/metrics/revenue?range=${RANGE}`);
      expectProblem(r, 403);
      expect(r.body.detail).toBe(
        "revenue is not public: a publishable key reads only the KPIs the tenant made public " +
          '(PUT /v1/settings {"publicMetrics": [..., "revenue"]}); read private ones with an embed token',
      );
      expectProblem(await pk().get(`/v1/metrics/revenue?range=${RANGE}`), 403);
    });

    it("cannot write", async () => {
      const r = await pk("https://shop.example").post("/v1/events/orders", { records: [] });
      expectProblem(r, 403);
    });

    it("are rate limited with Retry-After", async () => {
      const key = (await client(h.app, h.a.secret).post("/v1/keys", { kind: "publishable" })).body.key;
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 8; i++) {
        last = await h.app.request(`/v1/metrics/csat?range=${RANGE}`, { headers: { Authorization: `Bearer ${key}` } });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(last!.headers.get("content-type")).toBe("application/problem+json");
      // Another key of the same tenant has its own allowance.
      expect((await pk().get(`/v1/metrics/csat?range=${RANGE}`)).status).toBe(200);
    });
  });

  describe("credentials", () => {
    it("refuse requests without one, or with anything unknown", async () => {
      for (const auth of [
        undefined,
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer kpi_sk_live_nope",
        "Bearer kpi_pk_live_nope",
        "Bearer a.b.c",
        "Bearer ../../etc/passwd",
      ]) {
        const r = await h.app.request(`/v1/metrics/revenue?range=${RANGE}`, {
          headers: auth ? { Authorization: auth } : {},
        });
        expect(r.status, String(auth)).toBe(401);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
        expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    });

    it("refuse a secret key once it is revoked", async () => {
      const created = (await client(h.app, h.a.secret).post("/v1/keys", { kind: "secret" })).body;
      expect((await client(h.app, created.key).get("/v1/settings")).status).toBe(200);
      await client(h.app, h.a.secret).delete(`/v1/keys/${created.id}`);
      const r = await client(h.app, created.key).get("/v1/settings");
      expectProblem(r, 401);
      expect(r.body.detail).toBe("this key has expired");
    });

    it("cannot revoke another tenant's key", async () => {
      const theirs = (await client(h.app, h.b.secret).get("/v1/keys")).body.keys[0].id;
      expectProblem(await client(h.app, h.a.secret).delete(`/v1/keys/${theirs}`), 404);
    });
  });
});
