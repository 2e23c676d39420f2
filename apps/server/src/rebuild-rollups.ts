// npm run rollups:rebuild: rebuilds every tenant's rollups from its facts, in the database the
// server's settings name (KPIKIT_DB or KPIKIT_DATABASE_URL). The server rebuilds stale rollups by
// itself when it starts; this is for after facts were changed in the database by hand, and takes
// one transaction, so that a server running meanwhile reads the old rollups until it commits.
import { existsSync } from "node:fs";
import { ConfigError, readConfig } from "./config.js";
import { openStore } from "./store.js";

async function main() {
  const config = readConfig();
  if (config.database.kind === "sqlite" && !existsSync(config.database.file)) {
    throw new ConfigError(
      `there is no database at ${config.database.file} (set KPIKIT_DB, or run npm start once to create it)`,
    );
  }
  const store = openStore(config);
  try {
    await store.init();
    const started = performance.now();
    const tenants = await store.rebuildRollups({ atomic: true });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Rebuilt the rollups of ${tenants.length} tenant(s) in ${seconds} s: ${tenants.join(", ") || "none"}`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `kpikit: ${e.message}` : e);
  process.exit(1);
});
