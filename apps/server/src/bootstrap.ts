// The database and the default tenant: created on first start, reused after. The secret key is
// shown once; the publishable key (safe in page HTML) is kept in the state file for the demo pages.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { acceptKey, createTenant, newKey, type SqlStore, sha256Hex } from "@kpikit/api";
import type { Config } from "./config.js";
import { openStore } from "./store.js";

export const DEFAULT_TENANT = "default";
/** What storefront pages may show: satisfaction and delivery, nothing about money. */
export const PUBLIC_METRICS = [
  "csat",
  "nps",
  "on_time_delivery",
  "dsr_description",
  "dsr_service",
  "dsr_shipping",
  "after_sales_score",
];

/** The origins the demo pages are served from: this server's own, on its port. */
export function demoOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

export interface Bootstrapped {
  store: SqlStore;
  publishableKey: string;
  /** What the publishable key reads, and from where (the start banner says both). */
  publicMetrics: readonly string[];
  allowedOrigins: readonly string[];
  /** The demo data still to load: its end, when a load is due or was interrupted. */
  demoEnd?: number;
  /** Records that the demo data is complete. */
  demoDone(): void;
  /** Set when this start created the secret key: the one time it can be shown. */
  newSecretKey?: string;
  firstStart: boolean;
}

interface LocalState {
  publishableKey: string;
  /** The end of the demo data (epoch ms), written before loading starts, so a stopped load resumes. */
  demoEnd?: number;
  demoLoaded?: boolean;
}

export async function bootstrap(config: Config): Promise<Bootstrapped> {
  mkdirSync(dirname(config.stateFile), { recursive: true });
  const store = openStore(config);
  await store.init();
  const statePath = config.stateFile;
  const save = (state: LocalState) => writeFileSync(statePath, JSON.stringify(state, null, 2));
  // Origins are added, never removed: those allowed through the API stay allowed.
  const origins = [...(config.demo ? demoOrigins(config.port) : []), ...config.allowedOrigins];
  const existing = await store.getTenant(DEFAULT_TENANT);
  if (!existing) {
    const secretKey = config.secretKey ?? newKey("secret");
    const allowedOrigins = [...new Set(origins)];
    const { publishableKey } = await createTenant(store, {
      id: DEFAULT_TENANT,
      name: config.demo ? "Demo shop" : "Shop",
      secretKey,
      publicMetrics: PUBLIC_METRICS,
      allowedOrigins,
    });
    // The demo data ends at the minute the server first started, so every range ending now holds
    // all of it, from the first request on.
    const state: LocalState = {
      publishableKey,
      ...(config.demo ? { demoEnd: Math.floor(Date.now() / 60_000) * 60_000 } : {}),
    };
    save(state);
    return {
      store,
      publishableKey,
      publicMetrics: PUBLIC_METRICS,
      allowedOrigins,
      firstStart: true,
      ...(state.demoEnd !== undefined ? { demoEnd: state.demoEnd } : {}),
      demoDone: () => save({ ...state, demoLoaded: true }),
      ...(config.secretKey ? {} : { newSecretKey: secretKey }),
    };
  }
  // A key given in the environment is accepted from then on, next to the keys the tenant had.
  if (config.secretKey && !(await store.keyByHash(await sha256Hex(config.secretKey)))) {
    await acceptKey(store, DEFAULT_TENANT, "secret", config.secretKey);
  }
  const missing = [...new Set(origins)].filter((o) => !existing.allowedOrigins.includes(o));
  const tenant = missing.length
    ? await store.updateTenant(DEFAULT_TENANT, { allowedOrigins: [...existing.allowedOrigins, ...missing] })
    : existing;
  let state: LocalState | undefined = existsSync(statePath)
    ? (JSON.parse(readFileSync(statePath, "utf8")) as LocalState)
    : undefined;
  if (!state) {
    const publishableKey = newKey("publishable");
    await acceptKey(store, DEFAULT_TENANT, "publishable", publishableKey);
    save((state = { publishableKey }));
  }
  const current = state;
  const resume = config.demo && current.demoEnd !== undefined && !current.demoLoaded;
  return {
    store,
    publishableKey: current.publishableKey,
    publicMetrics: tenant.publicMetrics,
    allowedOrigins: tenant.allowedOrigins,
    firstStart: false,
    ...(resume ? { demoEnd: current.demoEnd } : {}),
    demoDone: () => save({ ...current, demoLoaded: true }),
  };
}
