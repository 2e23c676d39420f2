// npm start: the KPI Kit server on its embedded default (SQLite), or on PostgreSQL when
// KPIKIT_DATABASE_URL is set, with a year of demo data on first start. Settings: PORT, HOST,
// KPIKIT_DB, KPIKIT_DATABASE_URL, KPIKIT_SECRET_KEY, KPIKIT_DEMO, KPIKIT_DEMO_ORDERS.
import { serve } from "@hono/node-server";
import { bootstrap, DEFAULT_TENANT } from "./bootstrap.js";
import { ConfigError, readConfig, redactedUrl } from "./config.js";
import { loadDemoData } from "./demo-data.js";
import { createServer } from "./server.js";

async function main() {
  const config = readConfig();
  const { store, publishableKey, newSecretKey, demoEnd, demoDone } = await bootstrap(config);
  if (demoEnd !== undefined) {
    // Ids are stable for a given end, so a load that was stopped resumes where it was.
    await loadDemoData(store, DEFAULT_TENANT, config.demoOrders, demoEnd);
    demoDone();
  }
  const app = createServer({ store, publishableKey });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}`;
    const lines = [
      "",
      "  KPI Kit is running",
      `    Dashboard:   ${base}/`,
      `    Storefront:  ${base}/storefront`,
      `    Frameworks:  ${base}/react  ${base}/vue  ${base}/svelte`,
      `    Storybook:   ${base}/storybook/`,
      `    API docs:    ${base}/docs`,
      `    OpenAPI:     ${base}/openapi.json`,
      `    Health:      ${base}/healthz`,
      `    Database:    ${config.database.kind === "postgres" ? redactedUrl(config.database.url) : config.database.file}`,
      `    Publishable key (safe in pages): ${publishableKey}`,
    ];
    if (newSecretKey) lines.push("", `    Secret key (shown this once; keep it server-side): ${newSecretKey}`);
    console.log(`${lines.join("\n")}\n`);
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
