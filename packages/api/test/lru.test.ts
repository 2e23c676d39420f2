// The caches' bound: by entries, and by weight (the bytes of a result's JSON).
import { describe, expect, it } from "vitest";
import { cachedOnce, Lru } from "../src/lru.js";

describe("Lru", () => {
  it("forgets the least recently used entry past its number of entries", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // now b is the least recently used
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([1, undefined, 3]);
  });

  it("forgets entries until what it keeps weighs no more than its limit, counting a replaced entry once", () => {
    const lru = new Lru<string>(100, (s) => s.length, 10);
    lru.set("a", "xxxx");
    lru.set("b", "xxxx");
    lru.set("a", "yyyy"); // replaces a's 4 rather than adding to it: 8 in all
    expect([lru.get("a"), lru.get("b")]).toEqual(["yyyy", "xxxx"]);
    lru.set("c", "zzzz"); // 12 > 10: the least recently used (a, read before b) goes
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([undefined, "xxxx", "zzzz"]);
    lru.set("d", "w".repeat(11)); // heavier than the limit alone: nothing is kept
    expect([lru.get("b"), lru.get("c"), lru.get("d")]).toEqual([undefined, undefined, undefined]);
  });

  it("does the work for a key once while callers wait together, keeps a value, and not a failure", async () => {
    const cache = new Lru<number>(10);
    const running = new Map<string, Promise<number>>();
    let made = 0;
    const make = async () => ++made;
    expect(await Promise.all([1, 2, 3].map(() => cachedOnce(cache, running, "k", make)))).toEqual([1, 1, 1]);
    expect(await cachedOnce(cache, running, "k", make)).toBe(1);
    await expect(cachedOnce(cache, running, "bad", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cachedOnce(cache, running, "bad", make)).toBe(2);
    expect(running.size).toBe(0);
  });
});
