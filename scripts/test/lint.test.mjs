// The checks anyone can run on the whole tree, run with every other suite: Biome's formatter and
// linter (biome.jsonc, import cycles included) and a line width of 120 characters, which Biome's
// formatter cannot keep in comments and string literals.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const WIDTH = 120;
const SOURCE = /\.(ts|mts|tsx|js|mjs|vue|svelte)$/;
/** Written by tools, not by hand. */
const GENERATED = /(^|\/)custom-elements\.json$/;

describe("the tree", () => {
  it("is formatted and passes the linter (pnpm exec biome ci)", () => {
    const biome = join(root, "node_modules", ".bin", "biome");
    const run = spawnSync(biome, ["ci", "--error-on-warnings", "--colors=off", "."], { cwd: root, encoding: "utf8" });
    expect(run.error).toBeUndefined();
    // The diagnostics say which file and rule; they are the assertion's message.
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });

  it(`has no line of source over ${WIDTH} characters`, () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((f) => SOURCE.test(f) && !GENERATED.test(f));
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((file) =>
      readFileSync(join(root, file), "utf8")
        .split("\n")
        .flatMap((line, i) => ([...line].length > WIDTH ? [`${file}:${i + 1} (${[...line].length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
