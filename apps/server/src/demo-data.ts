// Three years of demo data for an empty database, streamed into the store in batches with a progress
// bar, and the demo shop's own KPIs.
import type { FactName, FactRecord } from "@kpikit/core";
import { generateDemo } from "@kpikit/core/demo";
import type { Store } from "@kpikit/api";
import { DEMO_DEFINITIONS } from "./demo-definitions.js";

export async function loadDemoData(
  store: Store,
  tenantId: string,
  orders: number,
  end: number,
  out: NodeJS.WriteStream = process.stderr,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const started = Date.now();
  let lastDraw = 0;
  const draw = (done: number, final = false) => {
    const now = Date.now();
    if (!final && now - lastDraw < (out.isTTY ? 100 : 2000)) return;
    lastDraw = now;
    const share = Math.min(1, done / orders);
    const width = 30;
    const bar = "█".repeat(Math.round(share * width)).padEnd(width, "░");
    const count = `${done.toLocaleString("en")} / ${orders.toLocaleString("en")} orders`;
    const line = `  Loading three years of demo data ${bar} ${Math.round(share * 100)}%  ${count}`;
    out.write(out.isTTY ? `\r${line}${final ? "\n" : ""}` : `${line}\n`);
  };
  for (const definition of DEMO_DEFINITIONS) await store.putDefinition(tenantId, definition);
  for (const batch of generateDemo({ orders, end, batchSize: 2000 })) {
    await store.ingest(tenantId, batch.fact as FactName, batch.records as FactRecord<FactName>[]);
    counts[batch.fact] = (counts[batch.fact] ?? 0) + batch.records.length;
    draw(counts.orders ?? 0);
  }
  draw(counts.orders ?? orders, true);
  out.write(
    `  Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([f, n]) => `${n.toLocaleString("en")} ${f}`)
      .join(", ")}\n`,
  );
  return counts;
}
