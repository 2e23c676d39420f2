// KPI queries on SQLite run off the event loop: node:sqlite is synchronous, and one scan of a
// large table would hold every other request (health checks and cached answers included) until it
// ends. A few worker threads each keep their own read-only connection to the file (WAL mode: they
// read the last commit while the main connection writes) and take queries in turn.
//
// node:sqlite cannot interrupt a statement, so a query past its budget is answered at once (the
// caller's signal aborts it: a 503) while its worker finishes it and throws the rows away; that
// worker stays busy meanwhile, so runaway queries can never occupy more threads than the pool has.
import { Worker } from "node:worker_threads";

/** The worker: one read-only connection, and the statements it has prepared. */
const WORKER = `
const { DatabaseSync } = require("node:sqlite");
const { parentPort, workerData } = require("node:worker_threads");
const db = new DatabaseSync(workerData.path, { readOnly: true });
for (const pragma of workerData.pragmas) db.exec(pragma);
const statements = new Map();
parentPort.on("message", ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 500) statements.clear();
      statements.set(sql, (statement = db.prepare(sql)));
    }
    parentPort.postMessage({ id, rows: statement.all(...params) });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: e.message, code: e.code, errcode: e.errcode } });
  }
});
`;

interface Job {
  id: number;
  sql: string;
  params: readonly unknown[];
  resolve(rows: Record<string, unknown>[]): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  /** Set once the caller stopped waiting (its signal aborted). */
  abandoned: boolean;
}

interface Reader {
  worker: Worker;
  job: Job | undefined;
}

/** An error from SQLite in a worker, shaped like node:sqlite's own (errcode, code). */
class ReaderError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly errcode?: number,
  ) {
    super(message);
  }
}

type Reply = { id: number; rows?: Record<string, unknown>[]; error?: { message: string; code?: string; errcode?: number } };

export class SqliteReaders {
  readonly #readers: Reader[];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(
    private readonly path: string,
    size: number,
    private readonly pragmas: readonly string[],
  ) {
    this.#readers = Array.from({ length: size }, () => this.#spawn());
  }

  #spawn(): Reader {
    const reader: Reader = { worker: new Worker(WORKER, { eval: true, workerData: { path: this.path, pragmas: this.pragmas } }), job: undefined };
    reader.worker.on("message", (m: Reply) => this.#done(reader, m));
    reader.worker.on("error", (e) => this.#failed(reader, e));
    // Workers keep no process alive: the server's own handles decide when it exits.
    reader.worker.unref();
    return reader;
  }

  /** The rows of a read-only statement; rejects with the signal's reason once it aborts. */
  read(sql: string, params: readonly unknown[], signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    if (this.#closed) return Promise.reject(new Error("the database is closed"));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.#nextId++, sql, params, resolve, reject, signal, abandoned: false };
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
    for (const reader of this.#readers) {
      if (reader.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift()!;
      reader.job = job;
      reader.worker.postMessage({ id: job.id, sql: job.sql, params: job.params });
    }
  }

  #done(reader: Reader, m: Reply): void {
    const job = reader.job;
    reader.job = undefined;
    if (job && job.id === m.id && !job.abandoned) {
      if (m.error) job.reject(new ReaderError(m.error.message, m.error.code, m.error.errcode));
      else job.resolve(m.rows ?? []);
    }
    this.#dispatch();
  }

  /** A worker that died (out of memory, say) is replaced; its query fails with the reason. */
  #failed(reader: Reader, error: unknown): void {
    const job = reader.job;
    reader.job = undefined;
    if (job && !job.abandoned) job.reject(error);
    if (this.#closed) return;
    this.#readers[this.#readers.indexOf(reader)] = this.#spawn();
    this.#dispatch();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error("the database is closed"));
    await Promise.all(this.#readers.map((r) => r.worker.terminate()));
  }
}
