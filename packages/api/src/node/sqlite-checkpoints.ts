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
 * Under steady ingestion the writer always begins its next transaction before the copy is done,
 * so it never starts the WAL over, and the WAL grows. Past `restartFrames`, the writer's own
 * thread restarts it between two transactions, waiting at most RESTART_WAIT_MS for readers still
 * on older pages. Run from the other thread, a restart held the write lock while it waited, and
 * the writer's next transaction failed as "database is locked" (bench/api under a profiler).
 */
export class Checkpoints {
  static readonly RESTART_FRAMES = 16_384;
  static readonly RESTART_WAIT_MS = 100;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(
    private readonly thread: SqliteThreads,
    private readonly writer: SqliteThreads,
    private readonly restartFrames = Checkpoints.RESTART_FRAMES,
  ) {}

  due(): void {
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
    this.#again = false;
    await this.#running;
  }
}
