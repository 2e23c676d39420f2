// Credentials and settings: embed tokens, API keys, and who may read what from where.
import { isTimeZone, metricIdSchema } from "@kpikit/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import type { CredentialCache } from "../auth/authenticate.js";
import { acceptKey, newKey } from "../auth/credentials.js";
import { issueToken, tokenRequestSchema } from "../auth/tokens.js";
import { jsonBody } from "../middleware/json-body.js";
import { HttpProblem } from "../problem.js";
import type { KpiService } from "../service.js";

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body);
  if (!r.success) {
    const errors = r.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
    throw new HttpProblem(422, errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
  }
  return r.data;
}

export const settingsSchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone").optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code")
    .optional(),
  publicMetrics: z.array(metricIdSchema).max(200).optional(),
  allowedOrigins: z
    .array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))
    .max(50)
    .optional(),
});

const keyRequestSchema = z.strictObject({
  kind: z.enum(["secret", "publishable"]),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

/**
 * `now` dates keys; tokens always use the real clock, because their expiry is checked against it
 * (a pinned clock, as in tests and reproducible pages, only moves the KPIs' "current time").
 */
export function accessRoutes(service: KpiService, now: () => number, credentials: CredentialCache) {
  const app = new Hono<AppEnv>();
  const store = service.store;

  app.post("/v1/tokens", async (c) => {
    const tenant = c.get("auth").tenant;
    const request = parse(tokenRequestSchema, await jsonBody(c));
    const registry = await service.registry(tenant.id);
    const unknown = request.metrics.filter((m) => !registry.has(m));
    if (unknown.length)
      throw new HttpProblem(
        422,
        `there is no KPI ${unknown.join(", ")}`,
        unknown.map((m) => ({ path: "metrics", message: `unknown KPI ${m}` })),
      );
    const { token, claims } = await issueToken(store, tenant.id, request);
    return c.json({ token, expiresAt: new Date(claims.exp * 1000).toISOString(), claims }, 201);
  });

  app.get("/v1/settings", (c) => c.json(c.get("auth").tenant));

  app.put("/v1/settings", async (c) => {
    const patch = parse(settingsSchema, await jsonBody(c));
    const tenant = await store.updateTenant(c.get("auth").tenant.id, patch);
    credentials.clear(); // cached credentials carry the tenant's settings
    return c.json(tenant);
  });

  app.get("/v1/keys", async (c) => c.json({ keys: await store.listKeys(c.get("auth").tenant.id) }));

  app.post("/v1/keys", async (c) => {
    const tenant = c.get("auth").tenant.id;
    const request = parse(keyRequestSchema, await jsonBody(c));
    const text = newKey(request.kind);
    const key = await acceptKey(store, tenant, request.kind, text, {
      now: new Date(now()),
      expiresAt: request.expiresAt ? new Date(request.expiresAt).toISOString() : null,
    });
    return c.json({ ...key, key: text }, 201);
  });

  app.delete("/v1/keys/:id", async (c) => {
    if (!(await store.expireKey(c.get("auth").tenant.id, c.req.param("id"), new Date(now()).toISOString())))
      throw new HttpProblem(404, "this tenant has no such key");
    credentials.clear();
    return c.body(null, 204);
  });

  return app;
}
