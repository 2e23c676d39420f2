// Credentials and settings: embed tokens, API keys, and who may read what from where.
import { createRoute } from "@hono/zod-openapi";
import { isTimeZone, metricIdSchema } from "@kpikit/core";
import type { Context } from "hono";
import { z } from "zod";
import type { CredentialCache } from "../auth/authenticate.js";
import { acceptKey, newKey } from "../auth/credentials.js";
import { issueToken, tokenRequestSchema } from "../auth/tokens.js";
import { jsonBody } from "../middleware/json-body.js";
import { checkedByHandler, json, problems, resource, secretOnly } from "../openapi.js";
import { HttpProblem } from "../problem.js";
import type { KpiService } from "../service.js";
import type { Store } from "../store/types.js";

/** The JSON body, checked against the schema its route documents: 422 naming every problem. */
async function bodyOf<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const r = schema.safeParse(await jsonBody(c));
  if (!r.success) {
    const errors = r.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
    throw new HttpProblem(422, errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
  }
  return r.data;
}

const settingsSchema = z.strictObject({
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

const mintToken = createRoute({
  ...secretOnly,
  method: "post",
  path: "/",
  summary: "Mint an embed token (JWT, at most 15 minutes) for a page",
  request: { body: { required: true, content: json(tokenRequestSchema) } },
  responses: {
    201: { description: "The token", content: json(z.object({ token: z.string(), expiresAt: z.string() })) },
    ...problems(401, 403, 415, 422),
  },
});

const getSettings = createRoute({
  ...secretOnly,
  method: "get",
  path: "/",
  summary: "The tenant's settings",
  responses: { 200: { description: "Settings" }, ...problems(401, 403) },
});

const putSettings = createRoute({
  ...secretOnly,
  method: "put",
  path: "/",
  summary: "Change the tenant's zone, currency, public KPIs and allowed origins",
  request: { body: { required: true, content: json(settingsSchema) } },
  responses: { 200: { description: "Settings" }, ...problems(401, 403, 415, 422) },
});

const listKeys = createRoute({
  ...secretOnly,
  method: "get",
  path: "/",
  summary: "The tenant's API keys (never their text)",
  responses: { 200: { description: "Keys" }, ...problems(401, 403) },
});

const createKey = createRoute({
  ...secretOnly,
  method: "post",
  path: "/",
  summary: "Create a secret or publishable key (its text is shown once)",
  request: { body: { required: true, content: json(keyRequestSchema) } },
  responses: { 201: { description: "The key" }, ...problems(401, 403, 415, 422) },
});

const revokeKey = createRoute({
  ...secretOnly,
  method: "delete",
  path: "/{id}",
  summary: "Revoke a key",
  request: { params: z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) }) },
  responses: { 204: { description: "Revoked" }, ...problems(401, 403, 404) },
});

export function tokenRoutes(service: KpiService) {
  const router = resource();
  router.openapi(checkedByHandler(router, mintToken), async (c) => {
    const tenant = c.get("auth").tenant;
    const request = await bodyOf(c, tokenRequestSchema);
    const registry = await service.registry(tenant.id);
    const unknown = request.metrics.filter((m) => !registry.has(m));
    if (unknown.length)
      throw new HttpProblem(
        422,
        `there is no KPI ${unknown.join(", ")}`,
        unknown.map((m) => ({ path: "metrics", message: `unknown KPI ${m}` })),
      );
    // Tokens use the real clock, not the API's: their expiry is checked against it (a pinned
    // clock, as in tests and reproducible pages, only moves the KPIs' "current time").
    const { token, claims } = await issueToken(service.store, tenant.id, request);
    return c.json({ token, expiresAt: new Date(claims.exp * 1000).toISOString(), claims }, 201);
  });
  return router;
}

/** `now` dates the change. */
export function settingsRoutes(store: Store, credentials: CredentialCache, now: () => number) {
  const router = resource();
  router.openapi(getSettings, (c) => c.json(c.get("auth").tenant, 200));
  router.openapi(checkedByHandler(router, putSettings), async (c) => {
    const patch = await bodyOf(c, settingsSchema);
    const tenant = await store.updateTenant(c.get("auth").tenant.id, patch, now());
    credentials.clear(); // cached credentials carry the tenant's settings
    return c.json(tenant, 200);
  });
  return router;
}

/** `now` dates keys. */
export function keyRoutes(store: Store, now: () => number, credentials: CredentialCache) {
  const router = resource();
  router.openapi(listKeys, async (c) => c.json({ keys: await store.listKeys(c.get("auth").tenant.id) }, 200));
  router.openapi(checkedByHandler(router, createKey), async (c) => {
    const tenant = c.get("auth").tenant.id;
    const request = await bodyOf(c, keyRequestSchema);
    const text = newKey(request.kind);
    const key = await acceptKey(store, tenant, request.kind, text, {
      now: new Date(now()),
      expiresAt: request.expiresAt ? new Date(request.expiresAt).toISOString() : null,
    });
    return c.json({ ...key, key: text }, 201);
  });
  router.openapi(revokeKey, async (c) => {
    if (!(await store.expireKey(c.get("auth").tenant.id, c.req.valid("param").id, new Date(now()).toISOString())))
      throw new HttpProblem(404, "this tenant has no such key");
    credentials.clear();
    return c.body(null, 204);
  });
  return router;
}
