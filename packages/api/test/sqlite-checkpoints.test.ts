// Checkpoints beside a writer that never pauses: the WAL starts over now and then, and no
// transaction fails for it.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { Checkpoints } from "../src/node/sqlite-checkpoints.js";
import { SqliteThreads } from "../src/node/sqlite-threads.js";

describe("checkpoints of the SQLite file", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-checkpoints-"));
  const path = join(dir, "c.db");
  const threads: SqliteThreads[] = [];
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((t) => t.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  // Each restart may wait up to 100 ms for the reader: slow on a busy machine, hence its own timeout.
  it("keep the WAL from growing under writes that never pause, and no write fails for them", {
    timeout: 120_000,
  }, async () => {
    const setup = new DatabaseSync(path);
    setup.exec("PRAGMA journal_mode = WAL");
    setup.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
    setup.close();
    const busy = "PRAGMA busy_timeout = 5000";
    const writer = new SqliteThreads(path, 1, {
      readOnly: false,
      pragmas: [busy, "PRAGMA synchronous = FULL", "PRAGMA wal_autocheckpoint = 0"],
    });
    const checkpointer = new SqliteThreads(path, 1, { readOnly: false, pragmas: [busy] });
    const reader = new SqliteThreads(path, 1, { readOnly: true, pragmas: [busy] });
    threads.push(writer, checkpointer, reader);
    // A restart past 64 pages: about every fifth transaction below.
    const checkpoints = new Checkpoints(checkpointer, writer, 64);
    const restarts: boolean[] = [];
    const restart = writer.checkpoint.bind(writer);
    writer.checkpoint = async (mode, waitMs) => {
      const result = await restart(mode, waitMs);
      restarts.push(result.busy === 0);
      return result;
    };

    const body = "x".repeat(1000);
    const rows = Array.from({ length: 50 }, () => ({ sql: "INSERT INTO t (body) VALUES (?)", params: [body] }));
    // Reads that come and go, as a server's do: a restart waits for the one under way. A reader
    // that never paused, at nice 10 on a machine busy with other work, held older pages at nearly
    // every restart, and the WAL grew to 9.8 MB under CI beside a PostgreSQL load.
    let reading = true;
    const reads = (async () => {
      let n = 0;
      while (reading) {
        n += (await reader.read("SELECT max(id) AS n FROM t", [])).length;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return n;
    })();
    const failures: unknown[] = [];
    const transactions = 300;
    for (let i = 0; i < transactions; i++) {
      await writer.transaction(rows).catch((e) => failures.push(e));
      checkpoints.due();
    }
    reading = false;
    expect(await reads).toBeGreaterThan(0);
    await checkpoints.close();

    expect(failures).toEqual([]);
    const [{ n }] = (await reader.read("SELECT count(*) AS n FROM t", [])) as [{ n: number }];
    expect(n).toBe(transactions * 50);
    // A restart that finds the reader still on older pages after its wait is given up, and the WAL
    // grows until the next one finishes: how often that happens depends on how busy the machine
    // is (the WAL's largest size here: 0.5-1.4 MB idle, 3.9 and 8.2 MB under CI), so no bound
    // tighter than this holds on every machine. Some finish, and the WAL, started over by them,
    // never held all of the 15 MB of rows that went through it (without restarts it takes 19 MB).
    expect(restarts.filter(Boolean).length).toBeGreaterThan(0);
    expect(statSync(`${path}-wal`).size).toBeLessThan(transactions * 50 * 1000);
  });
});
