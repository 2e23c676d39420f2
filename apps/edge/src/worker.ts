// KPI Kit on Cloudflare Workers: the same app as on Node, over D1. The tables come from the
// migrations in ./migrations (wrangler d1 migrations apply). A tenant "default" is provisioned on
// the first request when the KPIKIT_SECRET_KEY secret is set.
import { createApp, createTenant, d1Driver, type D1Like, SqlStore } from "@kpikit/api";

export interface Env {
  DB: D1Like;
  /** The default tenant's secret key (wrangler secret put KPIKIT_SECRET_KEY). */
  KPIKIT_SECRET_KEY?: string;
  KPIKIT_TIME_ZONE?: string;
  KPIKIT_CURRENCY?: string;
}

const DEFAULT_TENANT = "default";
let ready: Promise<ReturnType<typeof createApp>> | undefined;

async function start(env: Env) {
  const store = new SqlStore(d1Driver(env.DB), { kind: "d1" });
  // The tables come from migrations, so init() does not run: the rollups' state is read here, and
  // the rollups of tenants from before them (or from another catalog) are built once from their facts.
  await store.refreshRollups();
  await store.rebuildRollups({ onlyStale: true });
  if (env.KPIKIT_SECRET_KEY && !(await store.getTenant(DEFAULT_TENANT))) {
    try {
      await createTenant(store, { id: DEFAULT_TENANT, secretKey: env.KPIKIT_SECRET_KEY, timeZone: env.KPIKIT_TIME_ZONE ?? "UTC", currency: env.KPIKIT_CURRENCY ?? "USD" });
    } catch (e) {
      // Another isolate provisioned it first.
      if (!(await store.getTenant(DEFAULT_TENANT))) throw e;
    }
  }
  return createApp({ store });
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    ready ??= start(env).catch((e: unknown) => {
      ready = undefined;
      throw e;
    });
    const app = await ready;
    return app.fetch(request, env, ctx as never);
  },
};
