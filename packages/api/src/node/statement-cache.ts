// A connection's prepared statements, the most recently used kept. A KPI's statement reads the
// same for every request of its shape (its spans are bound), so a dashboard's are asked again and
// again; but shapes are many (ranges, grains, filters, splits), and each statement holds from tens
// to hundreds of kilobytes of SQLite's memory until it is finalized; the garbage collector
// finalizes late, as it sees only a small object. A cache that kept 500 and then cleared (as
// before) grew a server by 100 to 200 MB a connection under bench/load. So the least recently used
// statement is closed as soon as it leaves.
import type { DatabaseSync, StatementSync } from "node:sqlite";

/** Statements a connection keeps: more than its steady ones (keys, versions, an ingest's), few of the rest. */
export const STATEMENTS_KEPT = 100;

export class StatementCache {
  constructor(db: DatabaseSync, size: number) {
    this.db = db;
    this.size = size;
    this.statements = new Map();
  }

  private readonly db: DatabaseSync;
  private readonly size: number;
  private readonly statements: Map<string, StatementSync>;

  get(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.size) {
      const [oldest, evicted] = this.statements.entries().next().value!;
      this.statements.delete(oldest);
      // Node 24 finalizes a statement on dispose; its types (22) do not declare it yet.
      (evicted as Partial<Disposable>)[Symbol.dispose]?.();
    }
    return statement;
  }
}
