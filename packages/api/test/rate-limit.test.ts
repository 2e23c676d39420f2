// The token buckets of the rate limits, against a clock the test moves.
import { Hono } from "hono";
import { expect, it } from "vitest";
import type { AppEnv } from "../src/context.js";
import { rateLimit } from "../src/middleware/rate-limit.js";
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
