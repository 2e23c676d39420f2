// KPI computations taking turns: how many run at once, in which order, and what a wait past its
// limit answers.
import { describe, expect, it } from "vitest";
import { toProblem } from "../src/problem.js";
import { StoreUnavailableError } from "../src/store/unavailable.js";
import { Turns } from "../src/turns.js";

/** A computation that runs until told to finish. */
function work(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    finish: () => finish(),
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
  };
}

describe("Turns", () => {
  it("runs a few computations at once and the rest in arrival order, each as soon as a turn frees", async () => {
    const turns = new Turns(2, 60_000);
    const log: string[] = [];
    const [a, b, c, d] = [work(log, "a"), work(log, "b"), work(log, "c"), work(log, "d")] as const;
    const results = [a, b, c, d].map((w) => turns.run(w.run));
    await Promise.resolve();
    expect(log).toEqual(["start a", "start b"]);
    b.finish();
    await results[1];
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    a.finish();
    c.finish();
    d.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect(log.filter((l) => l.startsWith("start"))).toEqual(["start a", "start b", "start c", "start d"]);
  });

  it("frees the turn of a computation that fails", async () => {
    const turns = new Turns(1, 60_000);
    await expect(turns.run(async () => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
    expect(await turns.run(async () => "next")).toBe("next");
  });

  it("answers 503 with Retry-After to one whose turn does not come in time; the others keep their order", async () => {
    const turns = new Turns(1, 50);
    const log: string[] = [];
    const long = work(log, "long");
    const running = turns.run(long.run);
    const late = turns.run(async () => "never");
    const error = await late.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const problem = toProblem(error);
    expect([problem.body.status, problem.headers?.["Retry-After"]]).toEqual([503, expect.any(String)]);
    // The one that gave up left the line: the next computation runs once the long one ends.
    const next = turns.run(async () => "next");
    long.finish();
    expect(await Promise.all([running, next])).toEqual(["long", "next"]);
  });
});
