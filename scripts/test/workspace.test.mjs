// The suites npm test totals are the workspace's packages, as pnpm-workspace.yaml lists them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { workspaceFolders, workspacePackages } from "../workspace.mjs";

describe("the workspace's packages", () => {
  const root = mkdtempSync(join(tmpdir(), "kpikit-workspace-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are the folders pnpm-workspace.yaml lists, groups and single folders, and nothing after the list", () => {
    writeFileSync(
      join(root, "pnpm-workspace.yaml"),
      'packages:\n  - packages/*\n  - "apps/*" # the apps\n  - scripts\nallowBuilds:\n  - not-a-folder\n',
    );
    const make = (dir, name) => {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, "package.json"), JSON.stringify({ name }));
    };
    make("packages/b", "b");
    make("packages/a", "a");
    make("apps/x", "x");
    make("scripts", "s");
    make("not-a-folder", "no");
    mkdirSync(join(root, "packages/empty"));
    expect(workspaceFolders(root)).toEqual(["packages/*", "apps/*", "scripts"]);
    expect(workspacePackages(root).map((p) => p.name)).toEqual(["a", "b", "x", "s"]);
  });

  it("of this project include every suite's folder", () => {
    const names = workspacePackages(join(import.meta.dirname, "../..")).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(["@kpikit/core", "@kpikit/api", "@kpikit/elements", "@kpikit/server", "@kpikit/scripts"]),
    );
  });
});
