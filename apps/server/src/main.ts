// npm start: the KPI Kit server on its embedded default (SQLite), or on PostgreSQL when
// KPIKIT_DATABASE_URL is set, with three years of demo data on first start. Settings: PORT, HOST,
// KPIKIT_DB, KPIKIT_DATABASE_URL, KPIKIT_SECRET_KEY, KPIKIT_DEMO, KPIKIT_DEMO_ORDERS,
// KPIKIT_ALLOWED_ORIGINS, KPIKIT_QUERY_TIMEOUT_MS, KPIKIT_TRUSTED_PROXIES.
import { serve } from "@hono/node-server";
import type { SqlStore } from "@kpikit/api";
import { bootstrap, DEFAULT_TENANT } from "./bootstrap.js";
import { ConfigError, readConfig, redactedUrl } from "./config.js";
import { buildDemoRollups, loadDemoData } from "./demo-data.js";
import { openStore } from "./store.js";
import { banner, isLoopback } from "./banner.js";
import { createServer } from "./server.js";

async function main() {
  const config = readConfig();
  const { store, publishableKey, publicMetrics, allowedOrigins, newSecretKey, demoEnd, demoDone } =
    await bootstrap(config);
  if (demoEnd !== undefined) {
    // Ids are stable for a given end, so a load that was stopped resumes where it was. The facts go
    // through a store that keeps no rollups (its ingests mark them stale); they are built after, in
    // one pass, or by the next start's rebuild if this one is stopped before.
    const loader = openStore(config, { rollups: false });
    try {
      await loader.init();
      await loadDemoData(loader, DEFAULT_TENANT, config.demoOrders, demoEnd);
    } finally {
      await loader.close();
    }
    demoDone();
    await buildDemoRollups(store);
  }
  const app = createServer({
    store,
    queryTimeoutMs: config.queryTimeoutMs,
    trustedProxies: config.trustedProxies,
    ...(config.demo ? { demo: { tenant: DEFAULT_TENANT, publishableKey } } : {}),
  });
  let stopping = false;
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
    void rebuildStale(store, () => stopping);
  });
  // Idle connections outlive clients' own keep-alive (fetch: 4 s) and proxies' (often 60 s), so the
  // server never closes one just as a client sends on it (which the client sees as ECONNRESET).
  Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  const stop = () => {
    stopping = true;
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * Rollups built for another catalog (an upgrade), or never (a database from before them), are
 * rebuilt while the server answers: the KPIs of the parts rebuilt read the facts meanwhile (those of
 * the parts an upgrade keeps read rollups), and ingests go on.
 */
async function rebuildStale(store: SqlStore, stopping: () => boolean): Promise<void> {
  const started = performance.now();
  try {
    const rebuilt = await store.rebuildRollups({
      onlyStale: true,
      // Told once its steps are counted: it splits the facts after its first (rebuildRollups).
      onStep: ({ tenant, done, steps }) => {
        if (done === 2)
          console.log(
            `  Rebuilding the rollups of ${tenant} (${steps} steps); the KPIs it rebuilds read the facts meanwhile.`,
          );
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (rebuilt.length) console.log(`  Rebuilt the rollups of ${rebuilt.join(", ")} from their facts in ${seconds} s.`);
  } catch (e) {
    // Stopped midway, the next start rebuilds them anew.
    if (!stopping()) console.error("kpikit: the rollups' rebuild failed; KPIs read the facts until the next start.", e);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `kpikit: ${e.message}` : e);
  process.exit(1);
});
