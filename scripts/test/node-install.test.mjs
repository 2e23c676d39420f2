import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { installNode } from "../node-install.mjs";
import { chooseNode } from "../node-runtime.mjs";

// A copy of tools/node, so that the Node this very run uses is not reinstalled under it.
const dir = mkdtempSync(join(tmpdir(), "kpikit-node-"));
for (const file of ["package.json", "package-lock.json"]) {
  copyFileSync(fileURLToPath(new URL(`../../tools/node/${file}`, import.meta.url)), join(dir, file));
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// As on a machine whose own Node is 20: the tests themselves already run on Node 24.
const choice = chooseNode({ version: "20.20.2", platform: process.platform, arch: process.arch });

it.skipIf(choice.use !== "package")(
  "installs this platform's Node 24 from the lockfile, once",
  () => {
    const bin = installNode(dir, choice.pkg);
    const node = join(bin, process.platform === "win32" ? "node.exe" : "node");
    expect(execFileSync(node, ["--version"], { encoding: "utf8" }).trim()).toBe(`v${choice.pkg.version}`);
    expect(choice.pkg.version).toMatch(/^24\./);

    const before = statSync(node).ino;
    expect(installNode(dir, choice.pkg)).toBe(bin);
    expect(statSync(node).ino).toBe(before);
    // npm fetches a 30 MB package: minutes on a slow network while every other suite runs.
  },
  600_000,
);
