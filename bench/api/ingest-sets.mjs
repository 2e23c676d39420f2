// The orders bench/api ingests, as a backfill and as live traffic, shared by the benchmark and the
// profile so that both time the same batches: a year of history (each batch of 500 spreads over
// days of hourly rollup rows) and the same orders compressed into the last day, as a busy shop
// sends them (each batch within minutes). Ids differ, so the live set is new to a store that
// took the backfill.
import { generateDemo } from "@kpikit/core/demo";

export const END = Date.parse("2026-11-23T00:00:00Z");
const BATCH = 500;

export function ingestSets(count) {
  const orders = [];
  for (const batch of generateDemo({ orders: count, sessions: 1, end: END, seed: 9 }))
    if (batch.fact === "orders") orders.push(...batch.records);
  const inBatches = (records) =>
    Array.from({ length: Math.ceil(records.length / BATCH) }, (_, i) => records.slice(i * BATCH, (i + 1) * BATCH));
  const dayLater = (iso) => iso && new Date(END - (END - Date.parse(iso)) / 365).toISOString();
  return {
    orders,
    backfill: inBatches(orders.map((o) => ({ ...o, id: `ing_${o.id}` }))),
    live: inBatches(
      orders.map((o) => ({
        ...o,
        id: `live_${o.id}`,
        placedAt: dayLater(o.placedAt),
        shippedAt: dayLater(o.shippedAt),
        deliveredAt: dayLater(o.deliveredAt),
        promisedAt: dayLater(o.promisedAt),
      })),
    ),
  };
}
