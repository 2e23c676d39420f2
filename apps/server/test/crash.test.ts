// Kill the server (SIGKILL) in the middle of ingestion, twenty times, and check after each restart
// that every acknowledged batch is there in full, and that no batch is there in part.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Running, startServer } from "./support/process.js";

const KEY = "kpi_sk_test_crash";
const BATCH = 50;
const ROUNDS = 20;

describe("crash safety", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-crash-"));
  const env = { KPIKIT_DB: join(dir, "crash.db"), KPIKIT_SECRET_KEY: KEY, KPIKIT_DEMO: "off" };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Orders per batch, read back through the API: each batch's orders share a channel. */
  async function countsByBatch(server: Running): Promise<Map<string, number>> {
    const r = await fetch(`${server.base}/v1/metrics/orders?range=2026-01-01..2026-01-02&by=channel&compare=none`, {
      headers: { Authorization: `Bearer ${KEY}` },
    });
    const body = (await r.json()) as { breakdown: { key: string; value: number }[] };
    return new Map(body.breakdown.map((b) => [b.key, b.value]));
  }

  it(`keeps every acknowledged batch whole across ${ROUNDS} kills mid-ingestion`, async () => {
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    let server = await startServer(env);
    for (let round = 0; round < ROUNDS; round++) {
      let stop = false;
      const writers = [0, 1].map(async (w) => {
        for (let n = 0; !stop; n++) {
          const batch = `r${round}-w${w}-b${n}`;
          const records = Array.from({ length: BATCH }, (_, k) => ({
            id: `${batch}-${k}`,
            placedAt: "2026-01-01T12:00:00Z",
            customerId: `c${k}`,
            total: 10,
            items: 1,
            status: "placed",
            channel: batch,
          }));
          sent.add(batch);
          try {
            const r = await fetch(`${server.base}/v1/events/orders`, {
              method: "POST",
              headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
              body: JSON.stringify({ records }),
            });
            if (r.status === 200) acknowledged.add(batch);
            else throw new Error(`unexpected ${r.status}: ${await r.text()}`);
          } catch (e) {
            if (!stop) throw e;
            return; // the server died under this request: it was never acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 80 + ((round * 37) % 250)));
      stop = true;
      server.child.kill("SIGKILL");
      await Promise.all(writers);
      await server.stop();
      server = await startServer(env);
      const counts = await countsByBatch(server);
      for (const batch of acknowledged) expect(counts.get(batch), `acknowledged ${batch}`).toBe(BATCH);
      for (const batch of sent) expect([undefined, BATCH], `no part of ${batch}`).toContain(counts.get(batch));
    }
    await server.stop();
    expect(acknowledged.size).toBeGreaterThan(ROUNDS); // the test wrote for real before each kill
  });
});
