// The OpenAPI 3.1 description of every route, built from the same zod schemas that validate
// requests, so the document cannot drift from what the API accepts and returns.
import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  columnMappingSchema,
  COMPARES,
  definitionSchema,
  factNames,
  factSchemas,
  GRAINS,
  MAX_BATCH_QUERIES,
  querySchema,
  RANGE_PRESETS,
  resultSchema,
  targetSchema,
} from "@kpikit/core";
import { z } from "zod";
import { tokenRequestSchema } from "./auth/tokens.js";
import { MAX_BODY_BYTES, MAX_RECORDS } from "./middleware/json-body.js";
import { problemSchema } from "./problem.js";
import { settingsSchema } from "./routes/access.js";

type Registry = OpenAPIHono["openAPIRegistry"];

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
/** Every route that reads or writes the store may also meet a busy or unreachable database: 503. */
const problems = (...codes: number[]) =>
  Object.fromEntries(
    [...codes, 503].map((code) => [
      code,
      {
        description: DESCRIPTIONS[code] ?? "Error",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    ]),
  );
const DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request",
  401: "Missing, unknown or expired credential",
  403: "The credential may not do this",
  404: "No such thing",
  409: "Conflicts with the current state",
  413: `Body over ${MAX_BODY_BYTES} bytes or over ${MAX_RECORDS} records`,
  415: "Body not JSON",
  422: "Invalid content; for batches, every bad record is listed",
  429: "Rate limited; see Retry-After",
  503: "The database is busy or unreachable for now; see Retry-After",
};

const metricParam = z.string().meta({ param: { name: "id", in: "path" }, example: "aov" });
const queryParams = z.object({
  range: z
    .string()
    .optional()
    .meta({
      description: `${RANGE_PRESETS.join(", ")}, or YYYY-MM-DD..YYYY-MM-DD (end exclusive)`,
      example: "last_30_days",
    }),
  grain: z.enum(GRAINS).optional(),
  tz: z.string().optional().meta({ description: "IANA time zone (default: the tenant's)", example: "Europe/Moscow" }),
  compare: z.enum(COMPARES).optional(),
  by: z.string().optional().meta({ description: "a dimension to split by" }),
  now: z.string().optional().meta({ description: "overrides the current time (ISO 8601)" }),
  locale: z.string().optional().meta({ example: "zh-Hant" }),
  "filter.channel": z
    .string()
    .optional()
    .meta({ description: "filter.<dimension>=<value>, repeatable; any of the KPI's dimensions" }),
});
const ingestResult = z
  .object({
    fact: z.enum(factNames),
    received: z.number().int(),
    inserted: z.number().int(),
    duplicates: z.number().int(),
  })
  .meta({ id: "IngestResult" });

export function describeApi(registry: Registry): void {
  registry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "A secret key (kpi_sk_…), a publishable key (kpi_pk_…) or an embed token (JWT minted by POST /v1/tokens).",
  });
  const secured = [{ Bearer: [] }];
  const route = registry.registerPath.bind(registry);

  route({
    method: "get",
    path: "/healthz",
    summary: "Liveness and store check",
    responses: { 200: { description: "OK", content: json(z.object({ status: z.literal("ok"), store: z.string() })) } },
  });
  route({
    method: "get",
    path: "/v1/catalog",
    summary: "The KPIs this credential can read, labelled in a locale",
    security: secured,
    request: { query: z.object({ locale: z.string().optional() }) },
    responses: {
      200: {
        description: "The catalog",
        content: json(z.object({ locale: z.string(), metrics: z.array(z.record(z.string(), z.unknown())) })),
      },
      ...problems(401, 429),
    },
  });
  route({
    method: "get",
    path: "/v1/metrics/{id}",
    summary: "One KPI for a range: value, previous value, change, series, target, status",
    security: secured,
    request: { params: z.object({ id: metricParam }), query: queryParams },
    responses: {
      200: {
        description: "The result (ETag; Cache-Control: private)",
        content: json(resultSchema.meta({ id: "Result" })),
      },
      304: { description: "Not modified (If-None-Match matched)" },
      ...problems(400, 401, 403, 404, 429, 503),
    },
  });
  route({
    method: "post",
    path: "/v1/query",
    summary:
      "A batch of queries in one request (a page of widgets makes one); a bad query, or one past its time budget (503), gives an error entry in its place",
    description:
      "With `Accept: application/x-ndjson` the answers come one JSON line each, `{index, result}` or `{index, error}`, as soon as each is ready: no KPI waits for the batch's slowest.",
    security: secured,
    request: {
      body: { required: true, content: json(z.object({ queries: z.array(querySchema).max(MAX_BATCH_QUERIES) })) },
    },
    responses: {
      200: {
        description: "Results in the order of the queries (JSON), or as they are ready (NDJSON)",
        content: {
          ...json(z.object({ results: z.array(z.union([resultSchema, z.object({ error: problemSchema })])) })),
          "application/x-ndjson": {
            schema: z.union([
              z.object({ index: z.number().int(), result: resultSchema }),
              z.object({ index: z.number().int(), error: problemSchema }),
            ]),
          },
        },
      },
      ...problems(400, 401, 413, 415, 422, 429),
    },
  });
  route({
    method: "get",
    path: "/v1/metrics/{id}/stream",
    summary: "Server-sent events: a `result` event now and after every data change",
    security: secured,
    request: { params: z.object({ id: metricParam }), query: queryParams },
    responses: {
      200: { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } },
      ...problems(400, 401, 403, 404, 429, 503),
    },
  });
  route({
    method: "get",
    path: "/v1/metrics/{id}/sql",
    summary: "The SQL statement a query runs (secret key: it shows the schema behind a KPI)",
    security: secured,
    request: { params: z.object({ id: metricParam }), query: queryParams },
    responses: {
      200: {
        description: "SQL and its parameters",
        content: json(
          z.object({ metric: z.string(), dialect: z.string(), sql: z.string(), params: z.array(z.unknown()) }),
        ),
      },
      ...problems(400, 401, 403, 404),
    },
  });
  for (const fact of factNames) {
    route({
      method: "post",
      path: `/v1/events/${fact}`,
      summary: `Ingest ${fact}: all or nothing, idempotent on id (secret key)`,
      security: secured,
      request: {
        body: { required: true, content: json(z.object({ records: z.array(factSchemas[fact]).max(MAX_RECORDS) })) },
      },
      responses: {
        200: { description: "Durably stored; duplicates (known ids) change nothing", content: json(ingestResult) },
        ...problems(401, 403, 413, 415, 422, 429),
      },
    });
  }
  route({
    method: "post",
    path: "/v1/import",
    summary:
      "Import a CSV export with a column mapping or a preset (shopify); text/csv with ?preset= or ?mapping=, or JSON",
    security: secured,
    request: {
      query: z.object({
        preset: z.enum(["shopify"]).optional(),
        mapping: z.string().optional().meta({ description: "a column mapping as JSON" }),
      }),
      body: {
        required: true,
        content: {
          "text/csv": { schema: z.string() },
          "application/json": {
            schema: z.object({
              csv: z.string(),
              preset: z.enum(["shopify"]).optional(),
              mapping: columnMappingSchema.optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: "Imported", content: json(ingestResult.extend({ rows: z.number().int() })) },
      ...problems(400, 401, 403, 413, 415, 422),
    },
  });
  route({
    method: "get",
    path: "/v1/definitions",
    summary: "The tenant's own KPI definitions",
    security: secured,
    responses: {
      200: { description: "Definitions", content: json(z.object({ definitions: z.array(definitionSchema) })) },
      ...problems(401, 403),
    },
  });
  route({
    method: "put",
    path: "/v1/definitions/{id}",
    summary: "Create or replace a KPI of the tenant's (it may redefine a built-in id)",
    security: secured,
    request: { params: z.object({ id: metricParam }), body: { required: true, content: json(definitionSchema) } },
    responses: { 200: { description: "Replaced" }, 201: { description: "Created" }, ...problems(401, 403, 415, 422) },
  });
  route({
    method: "delete",
    path: "/v1/definitions/{id}",
    summary: "Delete a KPI of the tenant's",
    security: secured,
    request: { params: z.object({ id: metricParam }) },
    responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
  });
  route({
    method: "put",
    path: "/v1/targets",
    summary: "Create or revise targets by id",
    security: secured,
    request: { body: { required: true, content: json(z.object({ targets: z.array(targetSchema).max(MAX_RECORDS) })) } },
    responses: {
      200: {
        description: "Stored",
        content: json(z.object({ received: z.number(), inserted: z.number(), updated: z.number() })),
      },
      ...problems(401, 403, 413, 415, 422),
    },
  });
  route({
    method: "post",
    path: "/v1/tokens",
    summary: "Mint an embed token (JWT, at most 15 minutes) for a page",
    security: secured,
    request: { body: { required: true, content: json(tokenRequestSchema) } },
    responses: {
      201: { description: "The token", content: json(z.object({ token: z.string(), expiresAt: z.string() })) },
      ...problems(401, 403, 415, 422),
    },
  });
  route({
    method: "get",
    path: "/v1/settings",
    summary: "The tenant's settings",
    security: secured,
    responses: { 200: { description: "Settings" }, ...problems(401, 403) },
  });
  route({
    method: "put",
    path: "/v1/settings",
    summary: "Change the tenant's zone, currency, public KPIs and allowed origins",
    security: secured,
    request: { body: { required: true, content: json(settingsSchema) } },
    responses: { 200: { description: "Settings" }, ...problems(401, 403, 415, 422) },
  });
  route({
    method: "get",
    path: "/v1/keys",
    summary: "The tenant's API keys (never their text)",
    security: secured,
    responses: { 200: { description: "Keys" }, ...problems(401, 403) },
  });
  route({
    method: "post",
    path: "/v1/keys",
    summary: "Create a secret or publishable key (its text is shown once)",
    security: secured,
    request: {
      body: {
        required: true,
        content: json(z.object({ kind: z.enum(["secret", "publishable"]), expiresAt: z.string().optional() })),
      },
    },
    responses: { 201: { description: "The key" }, ...problems(401, 403, 415, 422) },
  });
  route({
    method: "delete",
    path: "/v1/keys/{id}",
    summary: "Revoke a key",
    security: secured,
    request: { params: z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) }) },
    responses: { 204: { description: "Revoked" }, ...problems(401, 403, 404) },
  });
}

/** The interactive reference: Swagger UI over /openapi.json. */
export function docsPage(assets: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>KPI Kit API</title>
<link rel="stylesheet" href="${assets}/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script>
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs", deepLinking: true, persistAuthorization: true });
</script>
</body>
</html>`;
}
