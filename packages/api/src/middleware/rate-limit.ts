// Per-credential rate limits (a token bucket per key or token), answered with 429 and Retry-After.
// Buckets live in this process (on Workers: in this isolate), so they bound abuse per instance.
// A publishable key is in every visitor's browser: one bucket for all of them would answer a busy
// storefront 429 past ten page views a second, so its buckets are per key and visitor's address.
import type { MiddlewareHandler } from "hono";
import type { GetConnInfo } from "hono/conninfo";
import type { AppEnv } from "../context.js";
import { HttpProblem } from "../problem.js";

export interface RateLimit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Sustained requests per second. */
  perSecond: number;
}

export type RateLimits = Record<"secret" | "publishable" | "token", RateLimit>;

export const defaultRateLimits: RateLimits = {
  secret: { burst: 600, perSecond: 100 },
  publishable: { burst: 120, perSecond: 10 },
  token: { burst: 120, perSecond: 10 },
};

const MAX_BUCKETS = 50_000;

/**
 * The visitor an address stands for: an IPv4 address, or an IPv6 address's /64 (what one
 * household or phone is given, all of it theirs to pick from).
 */
export function visitorOf(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4 || !address.includes(":")) return v4?.[1] ?? address;
  const [head = "", tail] = address.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * `clientAddress` tells where a request comes from (the runtime's conninfo helper): without one,
 * or when it cannot tell, a publishable key's visitors share one bucket.
 */
export function rateLimit(
  limits: RateLimits,
  now: () => number = Date.now,
  clientAddress?: GetConnInfo,
): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const auth = c.get("auth");
    const limit = limits[auth.kind];
    const address = auth.kind === "publishable" ? clientAddress?.(c).remote.address : undefined;
    const key = `${auth.tenant.id}|${auth.subject}${address ? `|${visitorOf(address)}` : ""}`;
    const t = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
      bucket = { tokens: limit.burst, at: t };
    } else {
      buckets.delete(key); // re-inserted below: the map stays in least-recently-used order
    }
    // A clock that steps back (NTP, a test's) refills nothing rather than draining the bucket below zero.
    const elapsed = Math.max(0, t - bucket.at);
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (elapsed / 1000) * limit.perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new HttpProblem(
        429,
        `too many requests for this ${auth.kind === "token" ? "token" : "key"}; retry in ${wait} s`,
        undefined,
        {
          "Retry-After": String(wait),
          RateLimit: `limit=${limit.burst}, remaining=0, reset=${wait}`,
        },
      );
    }
    bucket.tokens -= 1;
    await next();
  };
}
