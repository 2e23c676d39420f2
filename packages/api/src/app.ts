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

export interface AppOptions {
  store: Store;
  rateLimits?: Partial<RateLimits>;
  /** The clock (tests pin it). */
  now?: () => number;
  /** Where /docs loads Swagger UI's files from (default: a CDN). */
  docsAssets?: string;
  stream?: Partial<StreamOptions>;
  version?: string;
  /** Computed results kept in memory, by query and data version (default 5000; 0 keeps none). */
  cacheSize?: number;
}

export function createApp(options: AppOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;
  const service = new KpiService(store, { now, ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}) });
  const credentials = new CredentialCache();
  const app = new OpenAPIHono<AppEnv>();

  app.onError(onError);
  app.notFound(notFound);
  app.use(
    "*",
    responseHeaders(
      { allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"], allowHeaders: ["Authorization", "Content-Type", "If-None-Match"], exposeHeaders: ["ETag", "Retry-After", "RateLimit"], maxAge: 7200 },
      (path) => path.startsWith("/v1/"),
    ),
  );
  app.use("/v1/*", authenticate(store, credentials), rateLimit({ ...defaultRateLimits, ...options.rateLimits }, now));
  for (const path of ["/v1/events/*", "/v1/import", "/v1/definitions", "/v1/definitions/*", "/v1/targets", "/v1/tokens", "/v1/settings", "/v1/keys", "/v1/keys/*", "/v1/metrics/:id/sql"]) {
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
      description: "Computed e-commerce KPIs for embeddable widgets: query, stream, ingest, import, define. Errors are application/problem+json (RFC 9457).",
    },
  });
  const assets = options.docsAssets ?? "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5";
  app.get("/docs", (c) => c.html(docsPage(assets)));

  return app;
}

export type App = ReturnType<typeof createApp>;
