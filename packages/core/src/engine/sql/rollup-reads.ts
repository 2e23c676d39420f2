// The parts of a compiled statement (one query) that read rollups, gathered before they are
// written: reads of one family over the same span table, dimension and filters seek its rows once
// and sum every slot they need, however many of the query's measures ask (a key history's events;
// a ratio's two sides, as AOV's revenue and order count; CLV's order count and revenue over the
// same rolling year, which on PostgreSQL at 1 M orders read 13,040 rows twice). Each row of sums
// is then handed to every measure that asked, numbered as its request reads it.
import type { FilterBinding } from "../types.js";
import type { Dialect } from "./dialect.js";
import type { RollupMeasure } from "./rollup.js";
import type { SqlParams } from "./row-sql.js";

/** A measure to read for request `index`, its sums numbered `wi` = the span's `i` plus `offset`. */
export interface RollupRead {
  index: number;
  rollup: RollupMeasure;
  offset: number;
}

interface Seek {
  family: string;
  dim: string;
  /** The values the filters let through (they are ANDed, as on the facts), or all. */
  values: string[] | undefined;
  grouped: boolean;
  spanTable: string;
  reads: RollupRead[];
}

export class RollupReads {
  readonly #seeks = new Map<string, Seek>();

  constructor(
    private readonly params: SqlParams,
    private readonly tenantParam: string,
    private readonly dialect: Dialect,
    /** A table of rows (see Dialect.rowsTable) named in the statement's WITH. */
    private readonly table: (columns: string[], rows: Record<string, number>[]) => string,
  ) {}

  /**
   * Reads `reads` (of one family) over each row (i, a, b) of `spanTable`: the rollup rows of `dim`
   * in buckets [a, b), one row per (span, group) as the fact SELECTs give.
   */
  add(
    reads: readonly RollupRead[],
    dim: string,
    filters: readonly FilterBinding[],
    grouped: boolean,
    spanTable: string,
  ): void {
    const family = reads[0]?.rollup.family;
    if (family === undefined || reads.some((m) => m.rollup.family !== family))
      throw new Error("a rollup read is of measures of one family");
    const [first, ...rest] = filters.map((f) => new Set(f.values));
    const values = first && [...first].filter((v) => rest.every((o) => o.has(v)));
    const key = JSON.stringify([family, dim, values ?? null, grouped, spanTable]);
    const seek = this.#seeks.get(key);
    if (seek) seek.reads.push(...reads);
    else this.#seeks.set(key, { family, dim, values, grouped, spanTable, reads: [...reads] });
  }

  selects(): string[] {
    return [...this.#seeks.values()].map((seek) => this.#select(seek));
  }

  #select({ family, dim, values, grouped, spanTable, reads }: Seek): string {
    const { params, dialect } = this;
    const slots = [...new Set(reads.map((m) => m.rollup.slot))];
    // Rows of the family that none of these measures' facts fell in are skipped.
    const present = slots.map((s) => `ro.v${s} IS NOT NULL`);
    const conditions = [
      `ro.tenant_id = ${this.tenantParam}`,
      `ro.family = ${params.add(family)}`,
      present.length > 1 ? `(${present.join(" OR ")})` : present[0]!,
      `ro.dim = ${params.add(dim)}`,
      ...(values === undefined
        ? []
        : [values.length ? `ro.value IN (${values.map((v) => params.add(v)).join(", ")})` : "FALSE"]),
      "ro.bucket >= w.a",
      "ro.bucket < w.b",
    ];
    const key = grouped ? "NULLIF(ro.value, '')" : "NULL";
    const rows = `FROM ${spanTable} w ${dialect.seekJoin("rollup_buckets", "ro", conditions.join(" AND "))}`;
    const by = grouped ? ", k" : "";
    const [one, ...others] = reads;
    if (!others.length) {
      const wi = one!.offset ? `w.i + ${one!.offset}` : "w.i";
      const { slot } = one!.rollup;
      const sums = `sum(ro.v${slot}) AS v, sum(ro.n${slot}) AS n`;
      return `SELECT ${one!.index} AS r, ${wi} AS wi, ${key} AS k, ${sums} ${rows} GROUP BY w.i${by}`;
    }
    // Summed per span in one pass (in the order the spans drive the seeks), then a row per read
    // (o: its request, offset and slot) with its slot's pair, where the slot had facts: a read of
    // its own would have no row there.
    const sums = slots.map((s) => `sum(ro.v${s}) AS v${s}, sum(ro.n${s}) AS n${s}`);
    const spans = `SELECT w.i AS i, ${key} AS k, ${sums.join(", ")} ${rows} GROUP BY w.i${by}`;
    const pick = (column: string) => `CASE o.s ${slots.map((s) => `WHEN ${s} THEN g.${column}${s}`).join(" ")} END`;
    const o = this.table(
      ["r", "d", "s"],
      reads.map((m) => ({ r: m.index, d: m.offset, s: m.rollup.slot })),
    );
    return (
      `SELECT o.r AS r, g.i + o.d AS wi, g.k AS k, ${pick("v")} AS v, ${pick("n")} AS n FROM (${spans}) g ` +
      `CROSS JOIN ${o} o WHERE ${pick("v")} IS NOT NULL`
    );
  }
}
