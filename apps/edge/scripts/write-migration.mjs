// Writes migrations/0001_init.sql from the store's schema (the test checks they stay equal).
import { writeFileSync } from "node:fs";
import { storeSchema } from "@kpikit/api";
import { sqlite } from "@kpikit/core";

const sql = `-- KPI Kit tables for D1, written by scripts/write-migration.mjs from storeSchema(sqlite).\n${storeSchema(sqlite).map((s) => `${s};`).join("\n")}\n`;
writeFileSync(new URL("../migrations/0001_init.sql", import.meta.url), sql);
console.log("wrote migrations/0001_init.sql");
