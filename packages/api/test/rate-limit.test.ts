// The token buckets of the rate limits, against a clock the test moves.
import { Hono } from "hono";
import { expect, it } from "vitest";
import type { AppEnv } from "../src/context.js";
import { rateLimit, visitorOf } from "../src/middleware/rate-limit.js";
import { onError } from "../src/problem.js";
import type { Tenant } from "../src/store/types.js";

it("refills a bucket by the time gone by, and a clock that steps back drains nothing", async () => {
  let clock = 0;
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use("*", async (c, next) => {
    c.set("auth", { tenant: { id: "t" } as Tenant, kind: "secret", subject: "key" });
    await next();
  });
  const slow = { burst: 2, perSecond: 1 };
  app.use(
    "*",
    rateLimit({ secret: slow, publishable: slow, token: slow }, () => clock),
  );
  app.get("/", (c) => c.text("ok"));
  const status = async () => (await app.request("/")).status;

  expect([await status(), await status(), await status()]).toEqual([200, 200, 429]);
  clock = 1000; // a second: one request more
  expect([await status(), await status()]).toEqual([200, 429]);
  // The clock steps an hour back (NTP): the bucket stays empty, and refills from then on as before.
  clock -= 3_600_000;
  expect(await status()).toBe(429);
  clock += 1000;
  expect(await status()).toBe(200);
});

it("limits a publishable key per visitor's address, and a secret key for all of its callers", async () => {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use("*", async (c, next) => {
    const kind = c.req.query("kind") as "secret" | "publishable";
    c.set("auth", { tenant: { id: "t" } as Tenant, kind, subject: `key:${kind}` });
    await next();
  });
  const none = { burst: 1, perSecond: 0 };
  // The address as the runtime's conninfo helper tells it; a request may come without one.
  app.use(
    "*",
    rateLimit(
      { secret: none, publishable: none, token: none },
      () => 0,
      (c) => ({
        remote: { address: c.req.header("x-test-address") },
      }),
    ),
  );
  app.get("/", (c) => c.text("ok"));
  const status = async (kind: string, address?: string) =>
    (await app.request(`/?kind=${kind}`, { headers: address ? { "x-test-address": address } : {} })).status;

  expect([await status("publishable", "192.0.2.1"), await status("publishable", "192.0.2.1")]).toEqual([200, 429]);
  // Another visitor, IPv4 as IPv6 shows it, and the first again: its own bucket, the same one, the same.
  expect(await status("publishable", "192.0.2.2")).toBe(200);
  expect(await status("publishable", "::ffff:192.0.2.2")).toBe(429);
  // An IPv6 visitor is its /64: another address in it shares its bucket, one outside it does not.
  expect(await status("publishable", "2001:db8:0:1::1")).toBe(200);
  expect(await status("publishable", "2001:db8::1:ffff:0:0:2")).toBe(429);
  expect(await status("publishable", "2001:db8:0:2::1")).toBe(200);
  // Without an address, the key's visitors share one bucket, as before there were addresses.
  expect([await status("publishable"), await status("publishable")]).toEqual([200, 429]);
  // A secret key is the shop's own server: all of its callers share the key's bucket.
  expect([await status("secret", "192.0.2.1"), await status("secret", "192.0.2.2")]).toEqual([200, 429]);
});

it("names an IPv6 visitor by its /64, however the address is written", () => {
  expect(visitorOf("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
  expect(visitorOf("2001:0DB8:0000:0001:abcd::")).toBe("2001:db8:0:1::/64");
  expect(visitorOf("::1")).toBe("0:0:0:0::/64");
  expect(visitorOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  expect(visitorOf("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
  expect(visitorOf("203.0.113.9")).toBe("203.0.113.9");
  expect(visitorOf("::ffff:203.0.113.9")).toBe("203.0.113.9");
});
