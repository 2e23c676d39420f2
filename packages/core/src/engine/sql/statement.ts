// One SQL statement with its parameters (in the dialect's placeholders): what a query compiles to,
// and what an ingest, a rebuild or a store's own bookkeeping runs.
export interface SqlStatement {
  sql: string;
  params: readonly unknown[];
}
