// Writes the next D1 migration: what the store's schema has that the migrations so far do not
// make. Both are built in memory (node:sqlite) and compared: a missing table or index is created
// as the schema says, a missing column is added (every column added after a table's first
// release is nullable), a table or an index the schema retires is dropped. Applied migrations are
// never edited; the Worker's test checks that all of them together make the schema.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { storeSchema } from "@kpikit/api";
import { sqlite } from "@kpikit/core/sql";

const dir = new URL("../migrations/", import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();
const migrated = new DatabaseSync(":memory:");
for (const f of files) migrated.exec(readFileSync(new URL(f, dir), "utf8"));
const wanted = new DatabaseSync(":memory:");
for (const s of storeSchema(sqlite)) wanted.exec(s);

const objects = (db, type) =>
  new Set(
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'")
      .all(type)
      .map((r) => r.name),
  );
const columns = (db, table) =>
  db.prepare('SELECT name, type, "notnull" AS required FROM pragma_table_info(?)').all(table);
const [haveTables, haveIndexes] = [objects(migrated, "table"), objects(migrated, "index")];
const missing = [];
for (const statement of storeSchema(sqlite)) {
  // A table or an index the schema retires: dropped where an earlier migration made it.
  const [, retiredKind, retired] = /^DROP (TABLE|INDEX) IF EXISTS (\w+)/.exec(statement) ?? [];
  if (retired && (retiredKind === "TABLE" ? haveTables : haveIndexes).has(retired)) missing.push(statement);
  const [, kind, name] = /^CREATE (TABLE|INDEX) IF NOT EXISTS (\w+)/.exec(statement) ?? [];
  if (kind === "TABLE" && !haveTables.has(name)) missing.push(statement);
  if (kind === "INDEX" && !haveIndexes.has(name)) missing.push(statement);
  if (kind === "TABLE" && haveTables.has(name)) {
    const have = new Set(columns(migrated, name).map((c) => c.name));
    for (const c of columns(wanted, name)) {
      if (have.has(c.name)) continue;
      if (c.required)
        throw new Error(`${name}.${c.name} is NOT NULL: a column added to a table that has rows needs a default`);
      missing.push(`ALTER TABLE ${name} ADD COLUMN ${c.name} ${c.type}`);
    }
  }
}
if (missing.length === 0) {
  console.log("migrations are up to date");
} else {
  const name = process.argv[2] ?? "schema";
  const file = `${String(files.length + 1).padStart(4, "0")}_${name}.sql`;
  const header = "-- Written by scripts/write-migration.mjs: what the store's schema gained.";
  writeFileSync(new URL(file, dir), `${header}\n${missing.map((s) => `${s};`).join("\n")}\n`);
  console.log(`wrote migrations/${file} (${missing.length} statement(s))`);
}
