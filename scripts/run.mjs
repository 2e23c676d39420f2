#!/usr/bin/env node
// The one entry point behind `npm start`, `npm test`, `npm run bench` and `npm run build`.
// It runs on the machine's own Node (20 or later) and npm, brings in everything else the workspace
// needs (Node 24 when the machine's is older, pnpm, Chromium, PostgreSQL), and then hands over to
// turbo, which runs every task on Node 24.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installNode } from "./node-install.mjs";
import { chooseNode } from "./node-runtime.mjs";
import { ensureSystemPackages } from "./system-packages.mjs";
import { summarize, taskExitCodes } from "./test-summary.mjs";
import { workspacePackages } from "./workspace.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const PNPM = ["-y", "pnpm@12.21.0"];
const resultsDir = join(root, ".test-results");
// Where `turbo run --summarize` writes its run summaries.
const turboRunsDir = join(root, ".turbo", "runs");

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  STORYBOOK_DISABLE_TELEMETRY: "1",
  WRANGLER_SEND_METRICS: "false",
  KPIKIT_RESULTS_DIR: resultsDir,
  // node:sqlite is stable enough for us, but some Node releases still print an ExperimentalWarning for it.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--disable-warning=ExperimentalWarning"].filter(Boolean).join(" "),
};

/** Puts Node 24 first on PATH for everything this script spawns: pnpm, turbo and every task inherit it. */
function useNode24() {
  const choice = chooseNode({ version: process.versions.node, platform: process.platform, arch: process.arch });
  if (choice.use === "none") {
    console.error(choice.message);
    process.exit(1);
  }
  console.log(choice.line);
  if (choice.use === "machine") return;
  try {
    env.PATH = [installNode(join(root, "tools", "node"), choice.pkg), env.PATH].join(delimiter);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpm(...args) {
  return run("npx", [...PNPM, ...args]);
}

function install() {
  const status = pnpm("install", ...(process.env.CI ? ["--frozen-lockfile"] : []));
  if (status !== 0) {
    console.error("pnpm install failed; see the output above.");
    process.exit(status);
  }
}

function turbo(task, ...extra) {
  return pnpm("exec", "turbo", "run", task, "--log-order=grouped", ...extra);
}

const commands = {
  build() {
    install();
    process.exit(turbo("build"));
  },

  start() {
    serverScript("start");
  },

  "rollups:rebuild"() {
    serverScript("rollups:rebuild");
  },

  test() {
    ensureSystemPackages(root);
    install();
    rmSync(resultsDir, { recursive: true, force: true });
    mkdirSync(resultsDir, { recursive: true });
    rmSync(turboRunsDir, { recursive: true, force: true });
    const status = turbo("test", "--continue", "--summarize");
    const { line, failed } = summarize(resultsDir, testSuites(), status, taskExitCodes(turboRunsDir, "test"));
    console.log(line);
    process.exit(failed > 0 || status !== 0 ? 1 : 0);
  },

  bench() {
    ensureSystemPackages(root);
    install();
    process.exit(turbo("bench", "--concurrency=1"));
  },
};

/** Builds the server and what it uses, then runs one of its scripts on the configured database. */
function serverScript(name) {
  // pnpm runs the server in its package folder; a relative path means where npm ran.
  env.KPIKIT_DB = resolve(process.env.KPIKIT_DB ?? "data/kpikit.db");
  install();
  const status = turbo("build", "--filter=@kpikit/server...", "--output-logs=errors-only");
  if (status !== 0) process.exit(status);
  process.exit(pnpm("--filter", "@kpikit/server", "run", name));
}

/** Every workspace package with a `test` script is a suite that must report its results. */
function testSuites() {
  return workspacePackages(root)
    .filter((pkg) => pkg.scripts?.test)
    .map((pkg) => pkg.name);
}

const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(commands).join("|")}>`);
  process.exit(2);
}
useNode24();
command();
