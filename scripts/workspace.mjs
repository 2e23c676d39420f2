import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The manifests of every workspace package, in the folders pnpm-workspace.yaml lists. */
export function workspacePackages(root) {
  const manifests = [];
  for (const group of ["packages", "apps", "bench"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, "package.json");
      if (existsSync(file)) manifests.push(JSON.parse(readFileSync(file, "utf8")));
    }
  }
  return manifests;
}
