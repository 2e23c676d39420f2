// createApp: the whole API as one Hono app, the same on Node and on Cloudflare Workers.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { GetConnInfo } from "hono/conninfo";
import { authenticate, CredentialCache } from "./auth/authenticate.js";
import type { AppEnv } from "./context.js";
import { responseHeaders } from "./middleware/headers.js";
import { defaultRateLimits, rateLimit, type RateLimits } from "./middleware/rate-limit.js";
import { serveDocs } from "./openapi.js";
import { notFound, onError } from "./problem.js";
import { keyRoutes, settingsRoutes, tokenRoutes } from "./routes/access.js";
import { catalogRoutes } from "./routes/catalog.js";
import { definitionRoutes, targetRoutes } from "./routes/definitions.js";
import { eventRoutes, importRoutes } from "./routes/events.js";
import { factRoutes } from "./routes/facts.js";
import { healthRoutes } from "./routes/health.js";
import { metricRoutes, queryRoutes, type StreamOptions } from "./routes/metrics.js";
import { KpiService } from "./service.js";
import type { Store } from "./store/types.js";

export interface AppOptions {
  store: Store;
  rateLimits?: Partial<RateLimits>;
  /**
   * The runtime's conninfo helper (`@hono/node-server/conninfo`, `hono/cloudflare-workers`): a
   * publishable key's requests are then limited per visitor's address, not for all visitors at once.
   */
  clientAddress?: GetConnInfo;
  /** The clock (tests pin it). */
  now?: () => number;
  /** Where /docs loads Swagger UI's files from (default: a CDN). */
  docsAssets?: string;
  stream?: Partial<StreamOptions>;
  version?: string;
  /**
   * Computed results kept in memory, by query and data version (default 5000, and at most 64 MB of
   * them; 0 keeps none).
   */
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
  app.use(
    "/v1/*",
    authenticate(store, credentials),
    rateLimit({ ...defaultRateLimits, ...options.rateLimits }, now, options.clientAddress),
  );

  app.route("/healthz", healthRoutes(store, options.version));
  app.route("/v1/catalog", catalogRoutes(service));
  app.route(
    "/v1/metrics",
    metricRoutes(service, { pollMs: 5_000, heartbeatMs: 15_000, maxMs: 3_600_000, ...options.stream }),
  );
  app.route("/v1/query", queryRoutes(service));
  app.route("/v1/events", eventRoutes(store, now));
  app.route("/v1/import", importRoutes(store, now));
  app.route("/v1/facts", factRoutes(store));
  app.route("/v1/definitions", definitionRoutes(service));
  app.route("/v1/targets", targetRoutes(service));
  app.route("/v1/tokens", tokenRoutes(service));
  app.route("/v1/settings", settingsRoutes(store, credentials, now));
  app.route("/v1/keys", keyRoutes(store, now, credentials));

  serveDocs(app, {
    version: options.version,
    assets: options.docsAssets ?? "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5",
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
