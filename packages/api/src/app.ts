// createApp: the whole API as one Hono app, the same on Node and on Cloudflare Workers.
import { OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, CredentialCache, requireSecret } from "./auth/authenticate.js";
import type { AppEnv } from "./context.js";
import { responseHeaders } from "./middleware/headers.js";
import { defaultRateLimits, rateLimit, type RateLimits } from "./middleware/rate-limit.js";
import { describeApi, docsPage } from "./openapi.js";
import { notFound, onError } from "./problem.js";
import { accessRoutes } from "./routes/access.js";
import { catalogRoutes } from "./routes/catalog.js";
import { definitionRoutes } from "./routes/definitions.js";
import { eventRoutes } from "./routes/events.js";
import { metricRoutes, type StreamOptions } from "./routes/metrics.js";
import { KpiService } from "./service.js";
import type { Store } from "./store/types.js";

/** The reference's introduction: widgets link here from the console when they fail. */
const API_DESCRIPTION = `Computed e-commerce KPIs for embeddable widgets: query, stream, ingest, import, define. Errors are application/problem+json (RFC 9457): \`detail\` says what went wrong and what to set.

## Embedding errors

A widget shows its visitor a short message and writes the API's \`detail\` to the browser console (and to its \`kpi-error\` event). The common ones:

- **401** \`send a secret key, a publishable key or an embed token\`: the widget has no \`token\` or \`tokenProvider\` (on itself or a \`<kpi-provider>\` around it), or the token expired and no \`tokenProvider\` renews it.
- **403** \`this publishable key may not be used from https://…\`: add the page's origin to the tenant's \`allowedOrigins\` (\`PUT /v1/settings\`, or \`KPIKIT_ALLOWED_ORIGINS\` for the Node server). \`Origin: null\` (a sandboxed iframe, a file:// page) can never be allowed: serve the page from a real origin.
- **403** \`… is not public\`: a publishable key reads only the KPIs in \`publicMetrics\`; read private KPIs with an embed token minted by your backend (\`POST /v1/tokens\`).
- **403** \`this token does not grant …\` or \`this token may not be used from …\`: mint the token with that KPI in \`metrics\` and the page's origin in \`origins\`.
- **404** \`there is no KPI …\`: check the \`metric\` attribute against \`GET /v1/catalog\`.
- **429** and **503**: the widget waits for \`Retry-After\` and asks again; its Retry button asks at once.
- Module script blocked by CORS: load \`kpikit.js\` from the server's \`/elements/\` (it allows any origin) or bundle \`@kpikit/elements\`.`;

export interface AppOptions {
  store: Store;
  rateLimits?: Partial<RateLimits>;
  /** The clock (tests pin it). */
  now?: () => number;
  /** Where /docs loads Swagger UI's files from (default: a CDN). */
  docsAssets?: string;
  stream?: Partial<StreamOptions>;
  version?: string;
  /** Computed results kept in memory, by query and data version (default 5000, and at most 64 MB of them; 0 keeps none). */
  cacheSize?: number;
  /** How long one KPI may compute before it is stopped and answered 503 (default 8000 ms). */
  queryTimeoutMs?: number;
}

export function createApp(options: AppOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;
  const service = new KpiService(store, {
    now,
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
    ...(options.queryTimeoutMs !== undefined ? { queryTimeoutMs: options.queryTimeoutMs } : {}),
  });
  const credentials = new CredentialCache();
  const app = new OpenAPIHono<AppEnv>();

  app.onError(onError);
  app.notFound(notFound);
  app.use(
    "*",
    responseHeaders(
      {
        allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allowHeaders: ["Authorization", "Content-Type", "If-None-Match"],
        exposeHeaders: ["ETag", "Retry-After", "RateLimit"],
        maxAge: 7200,
      },
      (path) => path.startsWith("/v1/"),
    ),
  );
  app.use("/v1/*", authenticate(store, credentials), rateLimit({ ...defaultRateLimits, ...options.rateLimits }, now));
  for (const path of [
    "/v1/events/*",
    "/v1/import",
    "/v1/definitions",
    "/v1/definitions/*",
    "/v1/targets",
    "/v1/tokens",
    "/v1/settings",
    "/v1/keys",
    "/v1/keys/*",
    "/v1/metrics/:id/sql",
  ]) {
    app.use(path, requireSecret);
  }

  app.get("/healthz", async (c) => {
    await store.getTenant("healthz");
    return c.json({ status: "ok", store: store.kind, ...(options.version ? { version: options.version } : {}) });
  });
  app.route("/", catalogRoutes(service));
  app.route("/", metricRoutes(service, { pollMs: 5_000, heartbeatMs: 15_000, maxMs: 3_600_000, ...options.stream }));
  app.route("/", eventRoutes(store, now));
  app.route("/", definitionRoutes(service));
  app.route("/", accessRoutes(service, now, credentials));

  describeApi(app.openAPIRegistry);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "KPI Kit API",
      version: options.version ?? "1",
      description: API_DESCRIPTION,
    },
  });
  const assets = options.docsAssets ?? "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5";
  app.get("/docs", (c) => c.html(docsPage(assets)));

  return app;
}

export type App = ReturnType<typeof createApp>;
