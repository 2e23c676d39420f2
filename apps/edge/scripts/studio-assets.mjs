// KPI Studio beside the Worker: its build (apps/studio/dist) copied to public/studio, which the
// Worker's static assets serve at /studio/, with the headers apps/studio declares for its page and
// its assets (public/_headers). Requests no file matches go on to the Worker: the API.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const studio = dirname(require.resolve("@kpikit/studio/package.json"));
const headers = JSON.parse(readFileSync(join(studio, "headers.json"), "utf8"));
const publicDir = fileURLToPath(new URL("../public/", import.meta.url));

rmSync(publicDir, { recursive: true, force: true });
mkdirSync(publicDir, { recursive: true });
cpSync(join(studio, "dist"), join(publicDir, "studio"), { recursive: true });
const rule = (path, set) => [path, ...Object.entries(set).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
const rules = [
  rule("/studio/", headers.page),
  rule("/studio/index.html", headers.page),
  rule("/studio/assets/*", headers.assets),
];
writeFileSync(join(publicDir, "_headers"), `${rules.join("\n")}\n`);
