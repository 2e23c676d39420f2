// node:sqlite as a SqlDriver: one database file in WAL mode, every write committed with a full
// sync, so an acknowledged batch survives a crash of the process or of the machine. KPI queries and
// transactions run on threads of their own (sqlite-threads.ts), so that none holds the event loop;
// the main connection keeps the schema and the small reads of keys, tenants and versions.
import { DatabaseSync } from "node:sqlite";
import { availableParallelism } from "node:os";
import { sqlite } from "@kpikit/core/sql";
import type { SqlStatement } from "@kpikit/core/sql";
import type { SqlDriver } from "@kpikit/core/sql";
import { withUnavailable } from "../store/unavailable.js";
import { Checkpoints } from "./sqlite-checkpoints.js";
import { StatementCache, STATEMENTS_KEPT } from "./statement-cache.js";
import { SqliteThreads } from "./sqlite-threads.js";

/** SQLITE_BUSY and SQLITE_LOCKED: another connection holds the file's write lock for longer than busyTimeoutMs. */
const isLocked = (e: unknown) => [5, 6].includes((e as { errcode?: number }).errcode ?? 0);

export interface NodeSqliteOptions {
  /** How long a write waits for another process's write lock before the API answers 503 (default 5000). */
  busyTimeoutMs?: number;
  /**
   * Threads that run KPI queries, each with a read-only connection (default: the cores, at most 4;
   * 0 runs them on the main thread). Transactions run on a thread of their own. An in-memory
   * database keeps all its work on the main thread.
   */
  readers?: number;
}

export function nodeSqliteDriver(path: string, options: NodeSqliteOptions = {}): SqlDriver & { db: DatabaseSync } {
  const db = new DatabaseSync(path);
  const busy = `PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`;
  db.exec(busy);
  db.exec("PRAGMA journal_mode = WAL");
  // Dashboards read the same index pages over and over (rollups, the facts of the last minutes);
  // SQLite's default page cache (2 MB) drops them between requests once the file is gigabytes.
  const cache = "PRAGMA cache_size = -65536";
  // The busy timeout first, on every connection: a thread's opens while this one may be writing the
  // schema, and a statement before it would fail at once on the lock ("database is locked").
  const writing = [busy, "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", cache];
  for (const pragma of writing.slice(1)) db.exec(pragma);
  // An in-memory database lives in its connection alone: its work stays on the main thread.
  const threaded = path !== ":memory:" && path !== "";
  const size = threaded ? (options.readers ?? Math.min(4, availableParallelism())) : 0;
  const readers = size > 0 ? new SqliteThreads(path, size, { readOnly: true, pragmas: [busy, cache] }) : undefined;
  // The writer leaves checkpoints to a thread of their own (see Checkpoints).
  const writer = threaded
    ? new SqliteThreads(path, 1, { readOnly: false, pragmas: [...writing, "PRAGMA wal_autocheckpoint = 0"] })
    : undefined;
  const checkpointer = threaded ? new SqliteThreads(path, 1, { readOnly: false, pragmas: [busy] }) : undefined;
  const checkpoints = writer && checkpointer ? new Checkpoints(checkpointer, writer) : undefined;
  const statements = new StatementCache(db, STATEMENTS_KEPT);
  const prepared = (sql: string) => statements.get(sql);
  return withUnavailable(
    {
      db,
      dialect: sqlite,
      // node:sqlite binds in time that grows with a statement's parameter count (1000 rows of 10
      // values: 110 µs a row; one row: 2 µs). One wide row a statement is as fast as a raw loop.
      maxParams: 32,
      async all(sql, params = [], { signal } = {}) {
        if (readers && signal) return readers.read(sql, params, signal);
        return prepared(sql).all(...(params as never[])) as Record<string, unknown>[];
      },
      async transaction(list: readonly SqlStatement[]) {
        if (writer) {
          const changes = await writer.transaction(list);
          checkpoints?.due();
          return changes;
        }
        db.exec("BEGIN IMMEDIATE");
        try {
          const changes = list.map((s) => Number(prepared(s.sql).run(...(s.params as never[])).changes));
          db.exec("COMMIT");
          return changes;
        } catch (e) {
          db.exec("ROLLBACK");
          throw e;
        }
      },
      async exec(sql) {
        db.exec(sql);
      },
      async close() {
        await checkpoints?.close();
        await Promise.all([readers?.close(), writer?.close(), checkpointer?.close()]);
        db.close();
      },
    },
    isLocked,
  );
}
