// What every route's definition shares (credentials, problem responses, how a request its handler
// checks itself is documented) and the document itself: /openapi.json and /docs. Each route is
// defined once, with createRoute next to its handler, so the document cannot drift from the API.
import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { resultSchema } from "@kpikit/core";
import { z } from "zod";
import { requireSecret } from "./auth/authenticate.js";
import type { AppEnv } from "./context.js";
import { MAX_BODY_BYTES, MAX_RECORDS } from "./middleware/json-body.js";
import { HttpProblem, problemSchema } from "./problem.js";

/** The reference's introduction: widgets link here from the console when they fail. */
const API_DESCRIPTION = [
  "Computed e-commerce KPIs for embeddable widgets: query, stream, ingest, import, define. " +
    "Errors are application/problem+json (RFC 9457): `detail` says what went wrong and what to set.",
  "",
  "## Embedding errors",
  "",
  "A widget shows its visitor a short message and writes the API's `detail` to the browser console " +
    "(and to its `kpi-error` event). The common ones:",
  "",
  "- **401** `send a secret key, a publishable key or an embed token`: the widget has no `token` or " +
    "`tokenProvider` (on itself or a `<kpi-provider>` around it), or the token expired and no `tokenProvider` " +
    "renews it.",
  "- **403** `this publishable key may not be used from https://…`: add the page's origin to the tenant's " +
    "`allowedOrigins` (`PUT /v1/settings`, or `KPIKIT_ALLOWED_ORIGINS` for the Node server). `Origin: null` " +
    "(a sandboxed iframe, a file:// page) can never be allowed: serve the page from a real origin.",
  "- **403** `… is not public`: a publishable key reads only the KPIs in `publicMetrics`; read private KPIs " +
    "with an embed token minted by your backend (`POST /v1/tokens`).",
  "- **403** `this token does not grant …` or `this token may not be used from …`: mint the token with that " +
    "KPI in `metrics` and the page's origin in `origins`.",
  "- **404** `there is no KPI …`: check the `metric` attribute against `GET /v1/catalog`.",
  "- **429** and **503**: the widget waits for `Retry-After` and asks again; its Retry button asks at once.",
  "- Module script blocked by CORS: load `kpikit.js` from the server's `/elements/` (it allows any origin) " +
    "or bundle `@kpikit/elements`.",
].join("\n");

/**
 * The routes of one resource. zod-openapi is handed parameters only (bodies are read by jsonBody,
 * see checkedByHandler), and refuses a bad one as core refuses a bad query: 400, every issue named.
 */
export function resource(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({
        path: i.path.join(".") || `(${result.target})`,
        message: i.message,
      }));
      throw new HttpProblem(400, errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
    },
  });
}

/**
 * A route whose handler reads its query or body itself, because what it checks is more than a
 * schema states: unknown and repeated parameters refused, `filter.<dimension>` for any dimension,
 * bodies stopped at MAX_BODY_BYTES as they arrive, every bad record of a batch listed. zod-openapi
 * would parse the whole body and validate every schema it is given, so the route's schemas go to
 * the document only, and zod-openapi routes it without them.
 */
export function checkedByHandler<R extends RouteConfig>(
  router: OpenAPIHono<AppEnv>,
  route: R,
): Omit<R, "request" | "hide"> & { hide: true } {
  const { middleware: _middleware, hide: _hide, ...operation } = route;
  router.openAPIRegistry.registerPath(operation);
  const { request: _request, hide: _hidden, ...routed } = route;
  return { ...routed, hide: true };
}

export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** A KPI's id in a path. */
export const metricIdParam = z.string().meta({ param: { name: "id", in: "path" }, example: "aov" });

/** A KPI's result: one component of the document, for every route that answers one. */
export const result = resultSchema.meta({ id: "Result" });

/** The SQL statement a query runs (GET /v1/metrics/{id}/sql, a definition's preview). */
export const sqlStatementSchema = z.object({
  metric: z.string(),
  dialect: z.string().meta({ description: "the store's: sqlite, postgres or d1" }),
  sql: z.string(),
  params: z.array(z.unknown()).readonly(),
});

/** Every /v1 route takes a credential. */
export const bearer = [{ Bearer: [] }];

/**
 * A route only a secret key may call. The document names the role (OpenAPI 3.1 lets a security
 * requirement list roles for any scheme), and requireSecret refuses other credentials before the
 * request is read.
 */
export const secretOnly = { security: [{ Bearer: ["secret"] }], middleware: [requireSecret] };

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

/** Every route that reads or writes the store may also meet a busy or unreachable database: 503. */
export const problems = (...codes: number[]) =>
  Object.fromEntries(
    [...codes, 503].map((code) => [
      code,
      {
        description: DESCRIPTIONS[code] ?? "Error",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    ]),
  );

/** Serves the document of every route registered on `app` so far, and Swagger UI over it. */
export function serveDocs(app: OpenAPIHono<AppEnv>, options: { version?: string; assets: string }): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "A secret key (kpi_sk_…), a publishable key (kpi_pk_…) or an embed token (JWT minted by POST /v1/tokens). " +
      "Routes that list the role `secret` need a secret key.",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "KPI Kit API", version: options.version ?? "1", description: API_DESCRIPTION },
  });
  app.get("/docs", (c) => c.html(docsPage(options.assets)));
}

/** The interactive reference: Swagger UI over /openapi.json. */
function docsPage(assets: string): string {
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
