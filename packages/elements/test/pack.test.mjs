// What the published tarball carries, as pnpm packs it (pnpm replaces the workspace:* ranges, and
// its file list is the one users get): the build, the sources it maps to, the manifest, and no
// tests, stories or test support.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const pnpm = json("../../../package.json").packageManager;
const pkg = json("../package.json");

const packed = JSON.parse(
  execFileSync("npx", ["-y", pnpm, "pack", "--dry-run", "--json"], {
    cwd: new URL("..", import.meta.url),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }),
).files.map((f) => f.path);

test("the tarball carries no tests, stories or test support", () => {
  const unwanted = packed.filter((p) => /\.test\.|\.stories\.|(^|\/)stories\/|^test\//.test(p));
  expect(unwanted).toEqual([]);
});

test("the tarball carries the framework typings the main entry brings", () => {
  const index = packed.includes("dist/index.d.ts") ? readFileSync(new URL("../dist/index.d.ts", import.meta.url)) : "";
  for (const name of ["react", "vue", "svelte"]) {
    expect(packed).toContain(`dist/${name}.d.ts`);
    expect(String(index)).toMatch(new RegExp(`from "\\./${name}\\.js"`));
  }
});

test("the tarball carries every file package.json points to", () => {
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
  const missing = [...targets, pkg.types, pkg.customElements]
    .map((t) => t.replace(/^\.\//, ""))
    .filter((t) => !packed.includes(t));
  expect(missing).toEqual([]);
});
