// node:sqlite is synchronous: a query or a transaction on the main thread holds every other
// request (health checks and cached answers included) until it ends. So the file's work runs on
// worker threads, each with its own connection: a few read-only ones for KPI queries (WAL mode:
// they read the last commit while a write goes on), and one that writes (the only writer, as
// SQLite allows one at a time; each transaction is all-or-nothing and fully synced, as before).
//
// node:sqlite cannot interrupt a statement, so a query past its budget is answered at once (the
// caller's signal aborts it: a 503) while its thread finishes it and throws the rows away; that
// thread stays busy meanwhile, so runaway queries never occupy more threads than there are.
import { Worker } from "node:worker_threads";
import { StatementCache, STATEMENTS_KEPT } from "./statement-cache.js";

/**
 * A thread: one connection, its prepared statements, and the two kinds of work it is given. Its
 * source is text (a worker evaluates it); the statement cache's class is written into it.
 */
const WORKER = `
const { DatabaseSync } = require("node:sqlite");
const { parentPort, workerData } = require("node:worker_threads");
// Every thread below the main thread, which answers health checks and cached results: on Linux a
// thread has a nice value of its own, so the main thread is never kept waiting for a core by a long
// query or a big ingest (with the writer at its priority, /healthz's p99 under bench/load was 48-59
// ms where it is 21-45 ms now). The writer stays above the readers: an ingest holds its request
// open until it commits.
if (process.platform === "linux") require("node:os").setPriority(workerData.readOnly ? 10 : 5);
const db = new DatabaseSync(workerData.path, { readOnly: workerData.readOnly });
for (const pragma of workerData.pragmas) db.exec(pragma);
${StatementCache}
const statements = new StatementCache(db, ${STATEMENTS_KEPT});
const prepared = (sql) => statements.get(sql);
parentPort.on("message", ({ id, sql, params, transaction, checkpoint, waitMs }) => {
  try {
    if (checkpoint) {
      const { timeout } = db.prepare("PRAGMA busy_timeout").get();
      db.exec(\`PRAGMA busy_timeout = \${waitMs}\`);
      try {
        return parentPort.postMessage({ id, value: db.prepare(\`PRAGMA wal_checkpoint(\${checkpoint})\`).get() });
      } finally {
        db.exec(\`PRAGMA busy_timeout = \${timeout}\`);
      }
    }
    if (!transaction) return parentPort.postMessage({ id, value: prepared(sql).all(...params) });
    db.exec("BEGIN IMMEDIATE");
    try {
      const changes = transaction.map((s) => Number(prepared(s.sql).run(...s.params).changes));
      db.exec("COMMIT");
      parentPort.postMessage({ id, value: changes });
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  } catch (e) {
    parentPort.postMessage({ id, error: { message: e.message, code: e.code, errcode: e.errcode } });
  }
});
`;

/** A statement to read, the statements of one transaction, or a checkpoint that waits at most `waitMs`. */
type Work =
  | { sql: string; params: readonly unknown[] }
  | { transaction: readonly { sql: string; params: readonly unknown[] }[] }
  | { checkpoint: "PASSIVE" | "RESTART"; waitMs: number };

/** What `PRAGMA wal_checkpoint` answers: whether it could not finish, the WAL's frames, and those copied back. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

interface Job {
  id: number;
  work: Work;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  /** Set once the caller stopped waiting (its signal aborted). */
  abandoned: boolean;
}

interface Thread {
  worker: Worker;
  job: Job | undefined;
  /** Called once the thread has no job (set while closing). */
  idle?: () => void;
}

/** An error from SQLite in a thread, shaped like node:sqlite's own (errcode, code). */
class ThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly errcode?: number,
  ) {
    super(message);
  }
}

type Reply = { id: number; value?: unknown; error?: { message: string; code?: string; errcode?: number } };

/** Threads of one kind (readers, or the writer), taking work in turn from one queue. */
export class SqliteThreads {
  readonly #threads: Thread[];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(
    private readonly path: string,
    size: number,
    private readonly options: { readOnly: boolean; pragmas: readonly string[] },
  ) {
    this.#threads = Array.from({ length: size }, () => this.#spawn());
  }

  #spawn(): Thread {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { path: this.path, readOnly: this.options.readOnly, pragmas: this.options.pragmas },
    });
    const thread: Thread = { worker, job: undefined };
    worker.on("message", (m: Reply) => this.#done(thread, m));
    worker.on("error", (e) => this.#failed(thread, e));
    // An idle thread keeps no process alive; one at work does, until its answer is in.
    worker.unref();
    return thread;
  }

  /** The rows of a statement; rejects with the signal's reason once it aborts. */
  read(sql: string, params: readonly unknown[], signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    return this.#run({ sql, params }, signal) as Promise<Record<string, unknown>[]>;
  }

  /**
   * Runs a checkpoint of `mode` between this thread's other work, waiting at most `waitMs` for
   * other connections (this one's busy timeout is set back after it).
   */
  checkpoint(mode: "PASSIVE" | "RESTART", waitMs: number): Promise<CheckpointResult> {
    return this.#run({ checkpoint: mode, waitMs }) as Promise<CheckpointResult>;
  }

  /** Runs the statements in one transaction; resolves with how many rows each changed. */
  transaction(statements: readonly { sql: string; params: readonly unknown[] }[]): Promise<number[]> {
    return this.#run({ transaction: statements }) as Promise<number[]>;
  }

  #run(work: Work, signal?: AbortSignal): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error("the database is closed"));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.#nextId++, work, resolve, reject, signal, abandoned: false };
      signal?.addEventListener(
        "abort",
        () => {
          job.abandoned = true;
          const queued = this.#queue.indexOf(job);
          if (queued >= 0) this.#queue.splice(queued, 1);
          reject(signal.reason);
        },
        { once: true },
      );
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  #dispatch(): void {
    for (const thread of this.#threads) {
      if (thread.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      thread.worker.postMessage({ id: job.id, ...job.work });
    }
  }

  #done(thread: Thread, m: Reply): void {
    const job = thread.job;
    thread.job = undefined;
    thread.worker.unref();
    thread.idle?.();
    if (job && job.id === m.id && !job.abandoned) {
      if (m.error) job.reject(new ThreadError(m.error.message, m.error.code, m.error.errcode));
      else job.resolve(m.value);
    }
    this.#dispatch();
  }

  /** A thread that died (out of memory, say) is replaced; its work fails with the reason. */
  #failed(thread: Thread, error: unknown): void {
    const job = thread.job;
    thread.job = undefined;
    thread.idle?.();
    if (job && !job.abandoned) job.reject(error);
    if (this.#closed) return;
    this.#threads[this.#threads.indexOf(thread)] = this.#spawn();
    this.#dispatch();
  }

  /** Waits for the work under way to end (a transaction is never cut short), then stops the threads. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error("the database is closed"));
    await Promise.all(
      this.#threads.map((t) => (t.job ? new Promise<void>((resolve) => (t.idle = resolve)) : undefined)),
    );
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }
}
