// Checkpoints of a WAL-mode SQLite file, run on a thread of their own rather than within commits.
import type { SqliteThreads } from "./sqlite-threads.js";

/**
 * A checkpoint copies the WAL's pages back into the database file. SQLite runs one within the
 * commit that takes the WAL past 1000 pages, so that commit's ingest waits for the copy and its
 * sync too (measured: about a third of the time commits take in bench/api/ingest-profile.mjs). Here
 * one thread runs them after commits instead, one at a time (commits that end meanwhile ask for
 * one more), beside the writer's next transaction. A passive checkpoint never waits for readers
 * or the writer; one that finds the WAL past RESTART_FRAMES waits for them, so that the WAL starts
 * over rather than grows while readers keep its last pages in use.
 */
export class Checkpoints {
  static readonly RESTART_FRAMES = 16_384;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(private readonly thread: SqliteThreads) {}

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
      const [row] = await this.thread.read("PRAGMA wal_checkpoint(PASSIVE)", []);
      if (Number(row?.log ?? 0) > Checkpoints.RESTART_FRAMES)
        await this.thread.read("PRAGMA wal_checkpoint(RESTART)", []);
    } catch {
      // A checkpoint that cannot run now (the file busy, or closing) loses nothing: the WAL keeps
      // every commit, and the next commit asks for one again.
    }
  }

  async close(): Promise<void> {
    this.#again = false;
    await this.#running;
    await this.thread.close();
  }
}
