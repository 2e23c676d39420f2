// Several server processes starting at once on one empty PostgreSQL database: each creates the
// tables if they are missing, and none fails because another was creating them at that moment.
import { expect, it } from "vitest";
import { SqlStore } from "../src/index.js";
import { postgresDriver } from "../src/node/index.js";
import { newDatabase } from "./support/postgres.js";

it("creates the tables once when several stores start together on PostgreSQL", async () => {
  const database = await newDatabase();
  const stores = Array.from({ length: 6 }, () => new SqlStore(postgresDriver(database.url)));
  try {
    const results = await Promise.allSettled(stores.map((s) => s.init()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await stores[0]!.getTenant("none")).toBeUndefined();
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await database.drop();
  }
});
