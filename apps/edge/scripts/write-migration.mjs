// Writes the next D1 migration: the statements of the store's schema that no migration has yet.
// Applied migrations are never edited; the test checks that all of them together are the schema.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { storeSchema } from "@kpikit/api";
import { sqlite } from "@kpikit/core";

const dir = new URL("../migrations/", import.meta.url);
const files = readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
const applied = new Set(
  files.flatMap((f) => readFileSync(new URL(f, dir), "utf8").replace(/^--.*$/gm, "").split(";").map((s) => s.trim()).filter(Boolean)),
);
const missing = storeSchema(sqlite).filter((s) => !applied.has(s));
if (missing.length === 0) {
  console.log("migrations are up to date");
} else {
  const name = process.argv[2] ?? "schema";
  const file = `${String(files.length + 1).padStart(4, "0")}_${name}.sql`;
  writeFileSync(new URL(file, dir), `-- Written by scripts/write-migration.mjs: what the store's schema gained.\n${missing.map((s) => `${s};`).join("\n")}\n`);
  console.log(`wrote migrations/${file} (${missing.length} statement(s))`);
}
