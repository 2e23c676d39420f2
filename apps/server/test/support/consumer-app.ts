// A fresh app of a shop's, in a folder of its own, that installs @kpikit/core and @kpikit/elements
// from their packed tarballs, offline. Everything else it needs (React, Vite, TypeScript) is taken
// at the versions the workspace's lockfile already holds, so that the packages are in the store that
// `npm test` has just installed from: the app's lockfile is derived from the workspace's, and pnpm
// installs it with --offline --frozen-lockfile (a registry is never asked).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../consumer-app/", import.meta.url));

/** The pnpm that runs this test (pnpm sets npm_execpath for its scripts), or the project's pinned one. */
export function pnpm(args: string[], cwd: string): { status: number | null; output: string } {
  const execpath = process.env.npm_execpath;
  const [command, prefix] =
    execpath && /pnpm(\.c?js)?$/.test(execpath) ? [execpath, []] : ["npx", ["-y", "pnpm@12.21.0"]];
  const r = spawnSync(command, [...prefix, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

interface Importer {
  dependencies?: Record<string, { specifier: string; version: string }>;
  devDependencies?: Record<string, { specifier: string; version: string }>;
}
interface Lockfile {
  importers: Record<string, Importer>;
  packages: Record<string, Record<string, unknown>>;
  snapshots: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface Tarball {
  name: string;
  file: string;
  version: string;
  integrity: string;
}

/** Packs a workspace package into `dir` as its registry tarball would be (workspace: ranges resolved). */
export function pack(workspacePath: string, dir: string): Tarball {
  const manifest = JSON.parse(readFileSync(join(ROOT, workspacePath, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const r = pnpm(["pack", "--pack-destination", dir], join(ROOT, workspacePath));
  if (r.status !== 0) throw new Error(`pnpm pack ${workspacePath} failed:\n${r.output}`);
  const file = `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`;
  const integrity = `sha512-${createHash("sha512")
    .update(readFileSync(join(dir, file)))
    .digest("base64")}`;
  return { name: manifest.name, file, version: manifest.version, integrity };
}

/** What the app depends on, at the workspace's versions: [name, importer it is taken from, dev?]. */
const THIRD_PARTY: [string, string, boolean][] = [
  ["react", "apps/demo", false],
  ["react-dom", "apps/demo", false],
  ["typescript", "apps/demo", true],
  ["vite", "apps/demo", true],
  ["@vitejs/plugin-react", "apps/demo", true],
  ["@types/react", "apps/demo", true],
  ["@types/react-dom", "apps/demo", true],
];

/**
 * Writes the app into `dir` (where the tarballs are): its sources, a package.json, and a lockfile
 * derived from the workspace's.
 */
export function writeConsumerApp(dir: string, core: Tarball, elements: Tarball): void {
  cpSync(FIXTURE, dir, { recursive: true });
  const workspace = parse(readFileSync(join(ROOT, "pnpm-lock.yaml"), "utf8")) as Lockfile;
  const entry = (importer: string, name: string) => {
    const imp = workspace.importers[importer]!;
    const e = imp.dependencies?.[name] ?? imp.devDependencies?.[name];
    if (!e) throw new Error(`the workspace's lockfile has no ${name} in ${importer}`);
    return e.version;
  };
  const exact = (version: string) => version.replace(/\(.*$/, "");
  const ours = (t: Tarball) => `file:${t.file}`;

  const importer: Required<Importer> = { dependencies: {}, devDependencies: {} };
  const manifest = {
    name: "shop-app",
    private: true,
    type: "module",
    dependencies: {} as Record<string, string>,
    devDependencies: {} as Record<string, string>,
  };
  for (const t of [core, elements]) {
    manifest.dependencies[t.name] = ours(t);
    importer.dependencies[t.name] = {
      specifier: ours(t),
      version: t === elements ? `${ours(t)}(@types/react@${exact(entry("apps/demo", "@types/react"))})` : ours(t),
    };
  }
  for (const [name, from, dev] of THIRD_PARTY) {
    const version = entry(from, name);
    (dev ? manifest.devDependencies : manifest.dependencies)[name] = exact(version);
    (dev ? importer.devDependencies : importer.dependencies)[name] = { specifier: exact(version), version };
  }

  const elementsDeps = Object.fromEntries(
    Object.keys(workspace.importers["packages/elements"]!.dependencies ?? {}).map((name) => [
      name,
      name === core.name ? ours(core) : entry("packages/elements", name),
    ]),
  );
  const coreDeps = Object.fromEntries(
    Object.keys(workspace.importers["packages/core"]!.dependencies ?? {}).map((name) => [
      name,
      entry("packages/core", name),
    ]),
  );
  const lockfile: Lockfile = {
    lockfileVersion: workspace.lockfileVersion,
    settings: workspace.settings,
    overrides: { [core.name]: `file:./${core.file}` },
    importers: { ".": importer },
    packages: {
      [`${core.name}@${ours(core)}`]: {
        resolution: { integrity: core.integrity, tarball: ours(core) },
        version: core.version,
      },
      [`${elements.name}@${ours(elements)}`]: {
        resolution: { integrity: elements.integrity, tarball: ours(elements) },
        version: elements.version,
        peerDependencies: { "@types/react": ">=19" },
        peerDependenciesMeta: { "@types/react": { optional: true } },
      },
    },
    snapshots: {
      [`${core.name}@${ours(core)}`]: { dependencies: coreDeps },
      [importer.dependencies[elements.name]!.version.replace(/^file:/, `${elements.name}@file:`)]: {
        dependencies: elementsDeps,
        optionalDependencies: { "@types/react": exact(entry("apps/demo", "@types/react")) },
      },
    },
  };
  addClosure(
    lockfile,
    workspace,
    [...Object.entries(importer.dependencies), ...Object.entries(importer.devDependencies)].map(
      ([name, e]) => `${name}@${e.version}`,
    ),
  );
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // The packed elements depend on @kpikit/core's published version: point it at the tarball too.
  // Its packages passed the release-age policy when the workspace installed them; checking again
  // would ask the registry for their publication times.
  writeFileSync(
    join(dir, "pnpm-workspace.yaml"),
    stringify({
      overrides: { [core.name]: `file:./${core.file}` },
      allowBuilds: { esbuild: true },
      minimumReleaseAge: 0,
    }),
  );
  writeFileSync(join(dir, "pnpm-lock.yaml"), stringify(lockfile));
}

/**
 * Copies into `lockfile` the workspace's entries for these snapshots and everything they depend on
 * (our own tarballs' entries are already there, and lead on into the workspace's).
 */
function addClosure(lockfile: Lockfile, workspace: Lockfile, roots: string[]): void {
  const todo = [...roots, ...Object.keys(lockfile.snapshots)];
  for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
    const snapshot = lockfile.snapshots[key] ?? workspace.snapshots[key];
    if (!snapshot) throw new Error(`the workspace's lockfile has no ${key}`);
    if (!lockfile.snapshots[key]) lockfile.snapshots[key] = snapshot;
    const pkg = key.replace(/(.)\(.*$/, "$1");
    if (!lockfile.packages[pkg]) lockfile.packages[pkg] = workspace.packages[pkg]!;
    for (const deps of [snapshot.dependencies, snapshot.optionalDependencies] as (
      | Record<string, string>
      | undefined
    )[]) {
      for (const [name, version] of Object.entries(deps ?? {})) {
        const dep = `${name}@${version}`;
        if (!version.startsWith("link:") && !lockfile.snapshots[dep] && !todo.includes(dep)) todo.push(dep);
      }
    }
  }
}

/** The store `npm test` installed the workspace into, where the app's packages already are. */
export function storeDir(): string {
  const r = pnpm(["store", "path"], ROOT);
  if (r.status !== 0) throw new Error(`pnpm store path failed:\n${r.output}`);
  return r.output.trim().split("\n").at(-1)!;
}
