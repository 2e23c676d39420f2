// The stories' data: the real KPI Kit API (the same Hono app as on Node and Workers) running in
// the page over an in-memory store with demo data, so stories show real, localized answers with
// no server; and endpoints whose answers never come, fail, or fail after the first, for the states.
// It lives here, not beside the stories, so that the elements package never carries the API.
import { createApp, createTenant, MemoryStore } from "@kpikit/api";
import { catalog, type FactName, type FactRecord } from "@kpikit/core";
import { generateDemo } from "@kpikit/core/demo";
// The elements' own source module: the data client the stories' widgets use (one per page).
import { KpiClient } from "../../../packages/elements/src/client/data-client.js";
import {
  FLAKY_ENDPOINT,
  OFFLINE_ENDPOINT,
  PENDING_ENDPOINT,
  STORY_ENDPOINT,
  STORY_NOW,
} from "../../../packages/elements/src/stories/endpoints.js";

const clock = () => Date.parse(STORY_NOW);

async function startApi(): Promise<{ app: ReturnType<typeof createApp>; token: string }> {
  const store = new MemoryStore();
  await store.init();
  const { secretKey } = await createTenant(
    store,
    { id: "storybook", name: "Storybook shop", timeZone: "America/New_York" },
    new Date(clock()),
  );
  for (const batch of generateDemo({ orders: 3000, end: clock(), seed: 7 })) {
    await store.ingest("storybook", batch.fact as FactName, batch.records as FactRecord<FactName>[]);
  }
  // The clock stands still, so a rate limit's bucket would never refill.
  const unlimited = { burst: Number.MAX_SAFE_INTEGER, perSecond: 0 };
  const app = createApp({ store, now: clock, rateLimits: { token: unlimited } });
  const minted = await app.request("/v1/tokens", {
    method: "POST",
    headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ metrics: catalog.map((d) => d.id) }),
  });
  if (!minted.ok) throw new Error(`the story API refused an embed token: ${await minted.text()}`);
  const { token } = (await minted.json()) as { token: string };
  return { app, token };
}

let api: ReturnType<typeof startApi> | undefined;

/** Starts the in-page API once and wires the story endpoints to it; resolves to an embed token. */
export async function storyToken(): Promise<string> {
  api ??= startApi();
  const { app, token } = await api;
  const answer: typeof fetch = (input, init) => Promise.resolve(app.fetch(new Request(input, init)));
  KpiClient.for(STORY_ENDPOINT, { fetch: answer });
  KpiClient.for(PENDING_ENDPOINT, { fetch: () => new Promise(() => {}), timeoutMs: 2 ** 31 - 1 });
  KpiClient.for(OFFLINE_ENDPOINT, { fetch: () => Promise.reject(new TypeError("Failed to fetch")), retries: 0 });
  let answered = 0;
  KpiClient.for(FLAKY_ENDPOINT, {
    fetch: (input, init) => (answered++ === 0 ? answer(input, init) : Promise.reject(new TypeError("Failed to fetch"))),
    retries: 0,
  });
  return token;
}
