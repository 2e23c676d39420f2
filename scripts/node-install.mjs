// Installs the Node package node-runtime.mjs chose into a small npm project (tools/node). `npm ci`
// installs only the optional dependency whose os/cpu match this machine, checked against the
// integrity its lockfile records, and runs no install scripts.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The folder holding the package's `node` binary; installs the package first unless that version is already there. */
export function installNode(dir, pkg) {
  const packageDir = join(dir, "node_modules", pkg.name);
  if (!binary(packageDir, pkg.version)) {
    const r = spawnSync("npm", ["ci", "--prefix", dir, "--no-audit", "--no-fund", "--ignore-scripts"], {
      stdio: "inherit",
    });
    if (r.error) throw r.error;
    if (r.status !== 0 || !binary(packageDir, pkg.version)) {
      throw new Error(`npm ci in ${dir} did not install ${pkg.name}@${pkg.version}; see npm's output above.`);
    }
  }
  return dirname(binary(packageDir, pkg.version));
}

/** The path of the installed package's `node`, if that version is installed in full. */
function binary(packageDir, version) {
  const manifest = join(packageDir, "package.json");
  if (!existsSync(manifest)) return undefined;
  const { version: installed, bin } = JSON.parse(readFileSync(manifest, "utf8"));
  const file = installed === version && bin?.node ? join(packageDir, bin.node) : undefined;
  return file && existsSync(file) ? file : undefined;
}
