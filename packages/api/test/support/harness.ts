// A real API over a real store for tests: a SQLite file in a temporary folder, a database of its
// own on the test run's PostgreSQL server, or memory; two tenants with their keys, and a small client.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FactSet } from "@kpikit/core";
import { type AppOptions, createApp, createTenant, MemoryStore, SqlStore, type Store } from "../../src/index.js";
import { nodeSqliteDriver, postgresDriver } from "../../src/node/index.js";
import { newDatabase } from "./postgres.js";

export type StoreKind = "sqlite" | "postgres" | "memory";
export const STORES: StoreKind[] = ["sqlite", "postgres", "memory"];

/** An empty store of a kind, and what frees it once closed. */
async function openStore(kind: StoreKind): Promise<{ store: Store; free(): Promise<unknown> }> {
  switch (kind) {
    case "sqlite": {
      const dir = mkdtempSync(join(tmpdir(), "kpikit-api-"));
      return {
        store: new SqlStore(nodeSqliteDriver(join(dir, "kpikit.db"))),
        free: async () => rmSync(dir, { recursive: true, force: true }),
      };
    }
    case "postgres": {
      const database = await newDatabase();
      return { store: new SqlStore(postgresDriver(database.url)), free: () => database.drop() };
    }
    case "memory":
      return { store: new MemoryStore(), free: async () => {} };
  }
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: Store;
  a: { secret: string; publishable: string };
  b: { secret: string; publishable: string };
  close(): Promise<void>;
}

export async function harness(kind: StoreKind = "sqlite", options: Partial<AppOptions> = {}): Promise<Harness> {
  const { store, free } = await openStore(kind);
  await store.init();
  const ta = await createTenant(store, {
    id: "tenant_a",
    publicMetrics: ["csat", "nps", "on_time_delivery"],
    allowedOrigins: ["https://shop.example"],
  });
  const tb = await createTenant(store, { id: "tenant_b", timeZone: "Asia/Shanghai", currency: "CNY" });
  const app = createApp({ store, now: () => Date.parse("2026-03-10T00:00:00Z"), ...options });
  return {
    app,
    store,
    a: { secret: ta.secretKey, publishable: ta.publishableKey },
    b: { secret: tb.secretKey, publishable: tb.publishableKey },
    async close() {
      await store.close?.();
      await free();
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** Requests with a credential; JSON bodies are sent as JSON unless a content type is given. */
export function client(app: Harness["app"], credential?: string) {
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const init: RequestInit = {
      method,
      headers: { ...(credential ? { Authorization: `Bearer ${credential}` } : {}), ...headers },
    };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
        (init.headers as Record<string, string>)["Content-Type"] = "application/json";
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => send("GET", path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => send("POST", path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => send("PUT", path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => send("DELETE", path, undefined, headers),
  };
}

/** Ingests every fact of a set through the API, as a client would. */
export async function load(app: Harness["app"], secret: string, facts: FactSet): Promise<void> {
  const c = client(app, secret);
  for (const [fact, records] of Object.entries(facts)) {
    for (let i = 0; i < (records?.length ?? 0); i += 500) {
      const r = await c.post(`/v1/events/${fact}`, { records: records!.slice(i, i + 500) });
      if (r.status !== 200) throw new Error(`loading ${fact}: ${r.status} ${r.text}`);
    }
  }
}
