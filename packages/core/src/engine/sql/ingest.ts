// The statements that store one ingest call's facts, to run in one transaction: the facts (a fact
// whose id is stored already is left as it was, so re-sending is harmless), and what they add to
// the rollups. Every row the call inserts carries its ingest id, so the rollups add exactly those.
import { factModels } from "../../facts/model.js";
import type { FactName, FactRecord } from "../../facts/schemas.js";
import type { SqlStatement } from "./statement.js";
import type { Dialect } from "./dialect.js";
import { ingestRollupsSql, type Rollups } from "./rollup.js";
import { batchInserts, encodeFact } from "./tables.js";

export interface IngestOptions {
  /** The most parameters one statement may bind (D1: 100, PostgreSQL: 65 535). */
  maxParams: number;
  /** Unique to this call. */
  ingestId: string;
  /** The rollups to keep up to date, if the tenant's are current for this set. */
  rollups?: Rollups | undefined;
}

export interface IngestSql {
  statements: SqlStatement[];
  /** How many of the first statements insert the facts themselves: their changed rows add up to the facts inserted. */
  counted: number;
}

export function ingestSql<F extends FactName>(
  fact: F,
  records: readonly FactRecord<F>[],
  tenant: string,
  dialect: Dialect,
  options: IngestOptions,
): IngestSql {
  const { rollups: set, ingestId } = options;
  // The first of a batch's records with one id is the one kept, as across batches. The rest go in
  // by id, as every ingest's do: two sending the same ids never wait for each other crosswise.
  const seen = new Set<string>();
  const firsts = records
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = firsts.flatMap((r) => encodeFact(fact, r, tenant, dialect, ingestId));
  const table = factModels[fact].table;
  const own = batchInserts(
    rows.filter((r) => r.table === table),
    dialect,
    options.maxParams,
  );
  const others = batchInserts(
    rows.filter((r) => r.table !== table),
    dialect,
    options.maxParams,
  );
  const ids = firsts.map((r) => r.id);
  const p = dialect.param;
  // A re-sent order is not inserted again, but its lines would be, where their numbers are new.
  const strayLines: SqlStatement[] =
    fact === "orders"
      ? [
          {
            sql:
              `DELETE FROM order_lines WHERE tenant_id = ${p(1)} AND ${dialect.inJson("order_id", p(2))} ` +
              `AND ingest_id = ${p(3)} AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.tenant_id = ` +
              `order_lines.tenant_id AND o.id = order_lines.order_id AND o.ingest_id = order_lines.ingest_id)`,
            params: [tenant, JSON.stringify(ids), ingestId],
          },
        ]
      : [];
  const rollups = set ? ingestRollupsSql(set, fact, tenant, dialect, { ids, ingestId }) : [];
  return { statements: [...own, ...others, ...strayLines, ...rollups], counted: own.length };
}
