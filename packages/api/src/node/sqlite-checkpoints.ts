// Checkpoints of a WAL-mode SQLite file, run beside the writer's transactions rather than within
// their commits.
import type { SqliteThreads } from "./sqlite-threads.js";

/**
 * A checkpoint copies the WAL's pages back into the database file. SQLite runs one within the
 * commit that takes the WAL past 1000 pages, so that commit's ingest waits for the copy and its
 * sync too (measured: about a third of the time commits take in bench/api/ingest-profile.mjs). Here
 * a thread of their own runs passive ones after commits instead, one at a time (commits that end
 * meanwhile ask for one more), beside the writer's next transaction; a passive checkpoint never
 * waits for readers or the writer.
 *
 * Not after every commit, though: a page written by several commits in a row (the hour's rollup
 * rows, the recent end of each index) is copied once for all of them. Once the commits since the
 * last copy changed `rows` rows, or the writes pause for IDLE_MS (longer than a transaction of
 * ingestion takes, so that steady ingestion does not look idle). Rows stand for the pages a commit
 * writes, which SQLite does not tell: 50,000 are about eight commits of bench/api's live traffic
 * (500 orders, some 12 rows and 2.3 pages an order), whose copy is then 38 % of the pages its
 * commits wrote (ingest-profile's WAL frames), and two or three of a backfill's (66 % for eight);
 * a rebuild's step, hundreds of thousands of rows, is copied at once, as before.
 *
 * Under steady ingestion the writer always begins its next transaction before the copy is done,
 * so it never starts the WAL over, and the WAL grows. Past `restartFrames`, the writer's own
 * thread restarts it between two transactions, waiting at most RESTART_WAIT_MS for readers still
 * on older pages. Run from the other thread, a restart held the write lock while it waited, and
 * the writer's next transaction failed as "database is locked" (bench/api under a profiler).
 */
export class Checkpoints {
  static readonly RESTART_FRAMES = 16_384;
  static readonly RESTART_WAIT_MS = 100;
  static readonly ROWS = 50_000;
  static readonly IDLE_MS = 1_000;
  #running: Promise<void> | undefined;
  #again = false;
  #changed = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly thread: SqliteThreads,
    private readonly writer: SqliteThreads,
    private readonly restartFrames = Checkpoints.RESTART_FRAMES,
    private readonly rows = Checkpoints.ROWS,
  ) {}

  /** Called after each commit, with the rows it changed. */
  committed(rows: number): void {
    clearTimeout(this.#idle);
    if ((this.#changed += rows) >= this.rows) {
      this.due();
      return;
    }
    // Unref'd: a process with nothing else to do exits, and closing the file checkpoints it.
    this.#idle = setTimeout(() => this.due(), Checkpoints.IDLE_MS).unref();
  }

  /** Runs a checkpoint now, or once the one under way ends. */
  due(): void {
    clearTimeout(this.#idle);
    this.#changed = 0;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.due();
      }
    });
  }

  async #run(): Promise<void> {
    try {
      const { log } = await this.thread.checkpoint("PASSIVE", 0);
      if (log > this.restartFrames) await this.writer.checkpoint("RESTART", Checkpoints.RESTART_WAIT_MS);
    } catch {
      // A checkpoint that cannot run now (the file busy, or closing) loses nothing: the WAL keeps
      // every commit, and the next commit asks for one again.
    }
  }

  /** Waits for the checkpoint under way; the threads are closed by their owner. */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    this.#again = false;
    await this.#running;
  }
}
