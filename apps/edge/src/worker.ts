// KPI Kit on Cloudflare Workers: the same app as on Node, over D1. The tables come from the
// migrations in ./migrations (wrangler d1 migrations apply). A tenant "default" is provisioned on
// the first request when the KPIKIT_SECRET_KEY secret is set.
import {
  createApp,
  createTenant,
  d1Driver,
  type D1Like,
  problemBody,
  SqlStore,
  StoreUnavailableError,
} from "@kpikit/api";
// Reads CF-Connecting-IP, which Cloudflare sets on every request (hono 5 moves it to @hono/cloudflare-workers).
import { getConnInfo } from "hono/cloudflare-workers";

export interface Env {
  DB: D1Like;
  /** The default tenant's secret key (wrangler secret put KPIKIT_SECRET_KEY). */
  KPIKIT_SECRET_KEY?: string;
  KPIKIT_TIME_ZONE?: string;
  KPIKIT_CURRENCY?: string;
}

/** The part of a Worker's ExecutionContext the worker uses. */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

const DEFAULT_TENANT = "default";

/**
 * How much of a rebuild a request runs after its answer: an invocation may make 50 queries on the
 * free plan (1,000 on a paid one), its own among them, and lives 30 s past its response, so it
 * starts no transaction after 20 s (one of a big shop's takes seconds).
 */
const REBUILD_STEPS = 10;
const REBUILD_MS = 20_000;
/**
 * A rebuild call older than this was cut off with its invocation (its D1 calls may never settle):
 * the next request starts another, which resumes the rebuild once it is seen as stopped.
 */
const REBUILD_CUT_MS = 35_000;

let ready: Promise<{ app: ReturnType<typeof createApp>; store: SqlStore }> | undefined;
/** Set once a request finds every tenant's rollups current: later ones look no more. */
let rolledUp = false;
let rebuilding: { since: number; done: Promise<void> } | undefined;

async function start(env: Env) {
  const store = new SqlStore(d1Driver(env.DB), { kind: "d1" });
  // The tables come from migrations, so init() does not run: the rollups' parts are named and
  // their state read here.
  await store.nameRollupParts();
  await store.refreshRollups();
  if (env.KPIKIT_SECRET_KEY && !(await store.getTenant(DEFAULT_TENANT))) {
    try {
      await createTenant(store, {
        id: DEFAULT_TENANT,
        secretKey: env.KPIKIT_SECRET_KEY,
        timeZone: env.KPIKIT_TIME_ZONE ?? "UTC",
        currency: env.KPIKIT_CURRENCY ?? "USD",
      });
    } catch (e) {
      // Another isolate provisioned it first.
      if (!(await store.getTenant(DEFAULT_TENANT))) throw e;
    }
  }
  return { app: createApp({ store, clientAddress: getConnInfo }), store };
}

/**
 * The rollups of tenants from before them (or from another catalog) are rebuilt from their facts a
 * few transactions per request, after its answer, each request going on where the last stopped,
 * whichever isolate ran it; their KPIs read the facts meanwhile. All at once, before answering,
 * a big shop's rebuild would pass D1's 30 s per query, and the worker would never start.
 */
function rebuildSome(store: SqlStore): Promise<void> | undefined {
  if (rolledUp) return undefined;
  if (rebuilding && Date.now() - rebuilding.since < REBUILD_CUT_MS) return rebuilding.done;
  const since = Date.now();
  const call = (async () => {
    await store.rebuildRollups({ onlyStale: true, steps: REBUILD_STEPS, until: since + REBUILD_MS });
    rolledUp = (await store.staleRollups()).length === 0;
  })()
    .catch((e: unknown) => console.error("kpikit: rebuilding rollups", e))
    .finally(() => {
      if (rebuilding?.since === since) rebuilding = undefined;
    });
  rebuilding = { since, done: call };
  return call;
}

/** A worker that could not start answers problem+json too: 503 if D1 may soon take requests again. */
function notStarted(e: unknown): Response {
  console.error("kpikit: the worker could not start", e);
  const body =
    e instanceof StoreUnavailableError
      ? problemBody(503, e.message)
      : problemBody(
          500,
          "the worker could not start on its D1 database; are its migrations applied (npm run deploy applies them)?",
        );
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "Content-Type": "application/problem+json", ...(body.status === 503 ? { "Retry-After": "1" } : {}) },
  });
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    // A failed start is tried again on the next request.
    ready ??= start(env).catch((e: unknown) => {
      ready = undefined;
      throw e;
    });
    let started: Awaited<typeof ready>;
    try {
      started = await ready;
    } catch (e) {
      return notStarted(e);
    }
    // After the answer: D1 runs one query at a time, and the request's own go first.
    const response = await started.app.fetch(request, env, ctx as never);
    const rebuild = rebuildSome(started.store);
    if (rebuild) (ctx as Context).waitUntil(rebuild);
    return response;
  },
};
