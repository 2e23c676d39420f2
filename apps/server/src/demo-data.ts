// Three years of demo data for an empty database, streamed into the store in batches with a progress
// bar, and the demo shop's own KPIs; then the rollups of it all, built in one pass.
import type { FactName, FactRecord } from "@kpikit/core";
import { generateDemo } from "@kpikit/core/demo";
import type { SqlStore, Store } from "@kpikit/api";
import { DEMO_DEFINITIONS } from "./demo-definitions.js";

/** A line with a bar, redrawn in place on a terminal (every 2 s in a log), and finished once done. */
function progress(out: NodeJS.WriteStream, label: string) {
  let lastDraw = 0;
  return (done: number, total: number, unit: string, final = false) => {
    const now = Date.now();
    if (!final && now - lastDraw < (out.isTTY ? 100 : 2000)) return;
    lastDraw = now;
    const share = total ? Math.min(1, done / total) : 1;
    const width = 30;
    const bar = "█".repeat(Math.round(share * width)).padEnd(width, "░");
    const count = `${done.toLocaleString("en")} / ${total.toLocaleString("en")} ${unit}`;
    const line = `  ${label.padEnd(32)} ${bar} ${Math.round(share * 100)}%  ${count}`;
    out.write(out.isTTY ? `\r${line}${final ? "\n" : ""}` : `${line}\n`);
  };
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export async function loadDemoData(
  store: Store,
  tenantId: string,
  orders: number,
  end: number,
  out: NodeJS.WriteStream = process.stderr,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const started = Date.now();
  const draw = progress(out, "Loading three years of demo data");
  for (const definition of DEMO_DEFINITIONS) await store.putDefinition(tenantId, definition);
  for (const batch of generateDemo({ orders, end, batchSize: 2000 })) {
    await store.ingest(tenantId, batch.fact as FactName, batch.records as FactRecord<FactName>[]);
    counts[batch.fact] = (counts[batch.fact] ?? 0) + batch.records.length;
    draw(counts.orders ?? 0, orders, "orders");
  }
  draw(counts.orders ?? orders, orders, "orders", true);
  out.write(
    `  Demo data loaded in ${seconds(started)}: ${Object.entries(counts)
      .map(([f, n]) => `${n.toLocaleString("en")} ${f}`)
      .join(", ")}\n`,
  );
  return counts;
}

/**
 * Builds the rollups that a load through a store keeping none left stale, from the facts, in steps
 * with a progress bar: one pass over the facts costs far less than keeping the rollups batch by
 * batch (the demo's 20,000 orders: 26 s in all on SQLite where keeping them took 84 s; 70 s on
 * PostgreSQL where it took 278 s).
 */
export async function buildDemoRollups(store: SqlStore, out: NodeJS.WriteStream = process.stderr): Promise<void> {
  const started = Date.now();
  const draw = progress(out, "Building its rollups");
  let total = 0;
  const rebuilt = await store.rebuildRollups({
    onlyStale: true,
    // From the second step on: the steps are counted once the facts are split, after the first.
    onStep: ({ done, steps }) => {
      total = steps;
      if (done > 1) draw(done, steps, "steps");
    },
  });
  if (!rebuilt.length) return;
  draw(total, total, "steps", true);
  out.write(`  Rollups built in ${seconds(started)}\n`);
}
