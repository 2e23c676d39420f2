import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The folders pnpm-workspace.yaml lists: "group/*" is every folder in group, anything else one package.
const FOLDERS = ["packages/*", "apps/*", "bench/*", "scripts"];

/** The manifests of every workspace package, in the folders pnpm-workspace.yaml lists. */
export function workspacePackages(root) {
  const dirs = FOLDERS.flatMap((folder) => {
    if (!folder.endsWith("/*")) return [join(root, folder)];
    const group = join(root, folder.slice(0, -2));
    return existsSync(group) ? readdirSync(group).sort().map((name) => join(group, name)) : [];
  });
  return dirs
    .map((dir) => join(dir, "package.json"))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")));
}
