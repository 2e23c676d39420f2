// A statement's rows of aggregates (key `k`, sum `v`, count `n`) added up by group.
import type { Aggregate } from "../types.js";

export type Groups = Map<string | null, Aggregate>;

/**
 * Adds aggregates into groups by key. Rows taken away (SpanSplit.less: the facts placed after now,
 * counted negative) may leave a group with no facts: `settle` drops it, as a read of the facts
 * gives none (a value only facts after now had).
 */
export class GroupSums {
  readonly #lessened: [Groups, string | null][] = [];

  add(groups: Groups, k: string | null, sum: number, count: number): void {
    const seen = groups.get(k);
    groups.set(k, seen ? { sum: seen.sum + sum, count: seen.count + count } : { sum, count });
    if (count < 0) this.#lessened.push([groups, k]);
  }

  addRow(groups: Groups, row: Record<string, unknown>): void {
    const k = row.k === null || row.k === undefined ? null : String(row.k);
    this.add(groups, k, Number(row.v ?? 0), Number(row.n ?? 0));
  }

  settle(): void {
    for (const [groups, k] of this.#lessened) if (groups.get(k)?.count === 0) groups.delete(k);
  }
}
