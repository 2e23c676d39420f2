// The bindings the tests see (wrangler.toml plus vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    UNMIGRATED_DB: D1Database;
    TEST_MIGRATIONS: D1Migration[];
    KPIKIT_SECRET_KEY: string;
  }
}
