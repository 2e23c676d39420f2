// System packages the test and bench suites need that npm cannot provide: Debian's Chromium (the
// real browser for component and end-to-end tests) with a CJK font, and PostgreSQL (the real
// server for the postgres dialect). Installed with apt-get when missing and when we may (root); otherwise a
// clear message says what to install.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { workspacePackages } from "./workspace.mjs";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

/** The newest PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/<version>/bin). */
export function postgresBin() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(`${base}/${v}/bin/initdb`));
  return versions.length ? `${base}/${versions.sort((a, b) => Number(a) - Number(b)).at(-1)}/bin` : undefined;
}

export function ensureSystemPackages(
  root,
  { chromium = needs(root, "chromium"), postgres = needs(root, "postgres") } = {},
) {
  const missing = [];
  if (chromium && !existsSync(CHROMIUM)) missing.push("chromium");
  // Chinese pages are tested and photographed in Chromium: without a CJK font their glyphs are
  // boxes of another width than a reader's, and the screenshots show boxes.
  if (chromium && !existsSync(CJK_FONT)) missing.push("fonts-wqy-microhei");
  if (postgres && !process.env.KPIKIT_TEST_DATABASE_URL && !postgresBin()) missing.push("postgresql");
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      `Missing system packages: ${missing.join(", ")}. ` +
        `Install them (Debian: apt-get install -y ${missing.join(" ")}) and run again.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} with apt-get (first run only)…`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...missing]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env: aptEnv });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed (exit ${r.status}).`);
      process.exit(r.status ?? 1);
    }
  }
}

/** A system package is needed once some workspace package lists it in `kpikit.system`. */
function needs(root, name) {
  return workspacePackages(root).some((pkg) => pkg.kpikit?.system?.includes(name));
}
