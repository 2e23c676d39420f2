// The SQL engine: a query's measures compiled to one statement for a dialect and run by whatever
// executes SQL for the store (node:sqlite, Cloudflare D1, a PostgreSQL pool).
import { prepareQuery, type RunOptions } from "../../query/run.js";
import type { Engine, MeasureRequest, MeasureResults } from "../types.js";
import { type CompiledQuery, compileMeasures } from "./compile-measures.js";
import type { SqlStatement } from "./statement.js";
import type { Dialect } from "./dialect.js";
import type { RollupReader } from "./rollup.js";

/** Runs a statement and returns its rows as objects keyed by column name; `signal` aborts the wait. */
export type SqlExecutor = (
  sql: string,
  params: readonly unknown[],
  signal?: AbortSignal,
) => Promise<Record<string, unknown>[]> | Record<string, unknown>[];

export interface SqlEngineOptions {
  dialect: Dialect;
  tenant: string;
  execute: SqlExecutor;
  dataVersion: () => string | Promise<string>;
  /**
   * The rollups to read, when the tenant's are current, or those a rebuild under way keeps up to
   * date (asked at each query: a rebuild makes them so).
   */
  rollups?: () => RollupReader | undefined;
  /**
   * Told when a query found the rollups it read no longer current (another process's rebuild began
   * since the store last looked): `rollups` should give none from then on.
   */
  onStaleRollups?: () => void;
}

export class SqlEngine implements Engine {
  constructor(private readonly options: SqlEngineOptions) {}

  compile(requests: readonly MeasureRequest[], tz: string): CompiledQuery {
    return compileMeasures(requests, tz, this.options.dialect, this.options.tenant, this.options.rollups?.());
  }

  async compute(requests: readonly MeasureRequest[], tz: string, signal?: AbortSignal): Promise<MeasureResults> {
    if (requests.length === 0) return [];
    const results = await this.run(this.compile(requests, tz), signal);
    if (results) return results;
    this.options.onStaleRollups?.();
    const { dialect, tenant } = this.options;
    // From the facts, which a rebuild leaves as they are.
    return (await this.run(compileMeasures(requests, tz, dialect, tenant), signal))!;
  }

  private async run({ sql, params, decode }: CompiledQuery, signal?: AbortSignal) {
    return decode(await this.options.execute(sql, params, signal));
  }

  dataVersion(): string | Promise<string> {
    return this.options.dataVersion();
  }

  /** The statement a query runs (for `GET /v1/metrics/:id/sql`). */
  explain(input: unknown, options: RunOptions): SqlStatement {
    const prepared = prepareQuery(input, options);
    const { sql, params } = this.compile(prepared.requests, prepared.tz);
    return { sql, params };
  }
}
