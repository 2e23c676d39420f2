import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The folders pnpm-workspace.yaml lists under `packages:` ("group/*" is every folder in group,
 * anything else one package). Read from the file itself, which runs on the machine's Node before
 * any dependency is installed: its list is one "- folder" per line.
 */
export function workspaceFolders(root) {
  const lines = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8").split("\n");
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  const folders = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+["']?([^"'#\s]+)["']?\s*(#.*)?$/.exec(line);
    if (!item) break;
    folders.push(item[1]);
  }
  return folders;
}

/** The manifests of every workspace package, in the folders pnpm-workspace.yaml lists. */
export function workspacePackages(root) {
  const dirs = workspaceFolders(root).flatMap((folder) => {
    if (!folder.endsWith("/*")) return [join(root, folder)];
    const group = join(root, folder.slice(0, -2));
    return existsSync(group)
      ? readdirSync(group)
          .sort()
          .map((name) => join(group, name))
      : [];
  });
  return dirs
    .map((dir) => join(dir, "package.json"))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")));
}
