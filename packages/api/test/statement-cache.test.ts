// A connection's prepared statements: the most recently used kept, the one that leaves finalized at
// once (its SQLite memory freed then, not when the garbage collector gets to it).
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { StatementCache } from "../src/node/statement-cache.js";

describe("the statement cache", () => {
  it("keeps the most recently used statements and finalizes the one it drops", () => {
    const db = new DatabaseSync(":memory:");
    const cache = new StatementCache(db, 2);
    const a = cache.get("SELECT 1 AS x");
    const b = cache.get("SELECT 2 AS x");
    expect(cache.get("SELECT 1 AS x")).toBe(a);
    // Three statements for two places: b, used least recently, leaves.
    cache.get("SELECT 3 AS x");
    expect(() => b.all()).toThrow(/finalized/);
    expect(a.all()).toEqual([{ x: 1 }]);
    // Asked again, it is prepared anew; a, now the least recently used, leaves.
    expect(cache.get("SELECT 2 AS x").all()).toEqual([{ x: 2 }]);
    expect(() => a.all()).toThrow(/finalized/);
    db.close();
  });
});
