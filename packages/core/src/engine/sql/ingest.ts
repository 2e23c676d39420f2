// The statements that store ingest calls' facts, to run in one transaction: the facts (a fact
// whose id is stored already is left as it was, so re-sending is harmless), and what they add to
// the rollups. Calls to the same tenant and fact that arrive together are stored together (one
// commit, and the rollups and key histories folded once for all of their facts), each call's facts
// inserted in the order the calls came, so that the first of two sending one id is the one kept.
// Every row carries the transaction's ingest id, so the rollups add exactly the rows it inserted.
import { factModels } from "../../facts/model.js";
import type { FactName, FactRecord } from "../../facts/schemas.js";
import type { SqlStatement } from "./statement.js";
import type { Dialect } from "./dialect.js";
import { pendingInsertSql } from "./pending.js";
import { ingestRollupsSql, type Rollups } from "./rollup.js";
import { batchInserts, encodeFact } from "./tables.js";

export interface IngestOptions {
  /** The most parameters one statement may bind (D1: 100, PostgreSQL: 65 535). */
  maxParams: number;
  /** Unique to this transaction. */
  ingestId: string;
  /** The rollups to keep up to date, if the tenant's are current for this set. */
  rollups?: Rollups | undefined;
}

export interface IngestSql {
  statements: SqlStatement[];
  /**
   * For each call in turn, how many of the statements (from the first, then from where the call
   * before ended) insert its facts themselves: their changed rows add up to the facts it inserted.
   */
  counted: number[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function ingestSql<F extends FactName>(
  fact: F,
  calls: readonly (readonly FactRecord<F>[])[],
  tenant: string,
  dialect: Dialect,
  options: IngestOptions,
): IngestSql {
  const { rollups: set, ingestId } = options;
  const table = factModels[fact].table;
  const seen = new Set<string>();
  const ids: string[] = [];
  const inserts = calls.map((records) => {
    // The first record with an id is the one kept, in a call as across calls. A call's go in by
    // id, as every call's do: two sending the same ids never wait for each other crosswise.
    const firsts = records.filter((r) => !seen.has(r.id) && seen.add(r.id)).sort(byId);
    ids.push(...firsts.map((r) => r.id));
    const rows = firsts.flatMap((r) => encodeFact(fact, r, tenant, dialect, ingestId));
    return {
      own: batchInserts(
        rows.filter((r) => r.table === table),
        dialect,
        options.maxParams,
      ),
      others: batchInserts(
        rows.filter((r) => r.table !== table),
        dialect,
        options.maxParams,
      ),
    };
  });
  const p = dialect.param;
  // A re-sent order is not inserted again, but its lines would be, where their numbers are new.
  const strayLines: SqlStatement[] =
    fact === "orders" && ids.length
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
  const adds = set && ids.length ? ingestRollupsSql(set, fact, tenant, dialect, { ids, ingestId }) : [];
  // Left to a rebuild when the rollups are not current, before the rollups add what is theirs otherwise.
  const rollups = adds.length
    ? [pendingInsertSql(fact, tenant, dialect, { ids, ingestId }, set!.version), ...adds]
    : [];
  return {
    statements: [...inserts.flatMap((i) => i.own), ...inserts.flatMap((i) => i.others), ...strayLines, ...rollups],
    counted: inserts.map((i) => i.own.length),
  };
}
