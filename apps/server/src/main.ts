// npm start: the KPI Kit server on its embedded default (SQLite), or on PostgreSQL when
// KPIKIT_DATABASE_URL is set, with three years of demo data on first start. Settings: PORT, HOST,
// KPIKIT_DB, KPIKIT_DATABASE_URL, KPIKIT_SECRET_KEY, KPIKIT_DEMO, KPIKIT_DEMO_ORDERS,
// KPIKIT_ALLOWED_ORIGINS, KPIKIT_QUERY_TIMEOUT_MS, KPIKIT_TRUSTED_PROXIES.
import { serve } from "@hono/node-server";
import { bootstrap, DEFAULT_TENANT } from "./bootstrap.js";
import { ConfigError, readConfig, redactedUrl } from "./config.js";
import { loadDemoData } from "./demo-data.js";
import { banner, isLoopback } from "./banner.js";
import { createServer } from "./server.js";

async function main() {
  const config = readConfig();
  const { store, publishableKey, publicMetrics, allowedOrigins, newSecretKey, demoEnd, demoDone } =
    await bootstrap(config);
  if (demoEnd !== undefined) {
    // Ids are stable for a given end, so a load that was stopped resumes where it was.
    await loadDemoData(store, DEFAULT_TENANT, config.demoOrders, demoEnd);
    demoDone();
  }
  const app = createServer({
    store,
    queryTimeoutMs: config.queryTimeoutMs,
    trustedProxies: config.trustedProxies,
    ...(config.demo ? { demo: { tenant: DEFAULT_TENANT, publishableKey } } : {}),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}`;
    console.log(
      banner({
        base,
        demo: config.demo,
        loopback: isLoopback(config.host),
        database: config.database.kind === "postgres" ? redactedUrl(config.database.url) : config.database.file,
        publishableKey,
        publicMetrics,
        allowedOrigins,
        newSecretKey,
      }),
    );
  });
  // Idle connections outlive clients' own keep-alive (fetch: 4 s) and proxies' (often 60 s), so the
  // server never closes one just as a client sends on it (which the client sees as ECONNRESET).
  Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  const stop = () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `kpikit: ${e.message}` : e);
  process.exit(1);
});
