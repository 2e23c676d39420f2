// Sending data: a batch of facts as JSON, or a CSV export with a column mapping. A batch is all or
// nothing: one bad record rejects it with every problem listed, and nothing is written.
import {
  factNames,
  importPresets,
  isFactName,
  recordsFromRows,
  validateBatch,
  type FactName,
  type RecordError,
} from "@kpikit/core";
import { csvParse } from "d3-dsv";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../context.js";
import { jsonBody, MAX_RECORDS, readBody } from "../middleware/json-body.js";
import { HttpProblem } from "../problem.js";
import type { Store } from "../store/types.js";

function rejected(errors: RecordError[], records: number): HttpProblem {
  const bad = new Set(errors.map((e) => e.index)).size;
  return new HttpProblem(
    422,
    `${bad} of ${records} record${records === 1 ? " is" : "s are"} invalid; nothing was written`,
    errors,
  );
}

async function store<F extends FactName>(c: Context<AppEnv>, db: Store, fact: F, raw: readonly unknown[], now: number) {
  if (raw.length > MAX_RECORDS)
    throw new HttpProblem(413, `a batch may hold at most ${MAX_RECORDS} records; this one has ${raw.length}`);
  const { records, errors } = validateBatch(fact, raw, now);
  if (errors.length) throw rejected(errors, raw.length);
  const result = await db.ingest(c.get("auth").tenant.id, fact, records);
  return { fact, received: raw.length, ...result };
}

export function eventRoutes(db: Store, now: () => number) {
  const app = new Hono<AppEnv>();

  app.post("/v1/events/:fact", async (c) => {
    const fact = c.req.param("fact");
    if (!isFactName(fact)) throw new HttpProblem(404, `there is no fact "${fact}"; facts are ${factNames.join(", ")}`);
    const body = await jsonBody(c);
    const records = (body as { records?: unknown } | null)?.records;
    if (
      body === null ||
      typeof body !== "object" ||
      Array.isArray(body) ||
      !Array.isArray(records) ||
      Object.keys(body).length !== 1
    ) {
      throw new HttpProblem(422, 'send { "records": [ … ] }: an array of records, and nothing else', [
        { path: "records", message: "an array of records" },
      ]);
    }
    return c.json(await store(c, db, fact, records, now()));
  });

  /**
   * CSV import. Either `Content-Type: text/csv` with `?preset=shopify` or `?mapping=<JSON>`, or
   * JSON `{ "csv": "…", "preset": "shopify" }` / `{ "csv": "…", "mapping": { … } }`.
   */
  app.post("/v1/import", async (c) => {
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    let csv: string;
    let preset: unknown;
    let mapping: unknown;
    if (type === "text/csv") {
      csv = await readBody(c);
      preset = c.req.query("preset");
      const m = c.req.query("mapping");
      if (m !== undefined) {
        try {
          mapping = JSON.parse(m);
        } catch {
          throw new HttpProblem(400, "the mapping parameter is not valid JSON");
        }
      }
    } else {
      const body = (await jsonBody(c)) as Record<string, unknown> | null;
      if (body === null || typeof body !== "object" || typeof body.csv !== "string") {
        throw new HttpProblem(422, 'send { "csv": "…", "preset": "shopify" } or { "csv": "…", "mapping": { … } }', [
          { path: "csv", message: "the CSV text" },
        ]);
      }
      ({ csv, preset, mapping } = body);
    }
    if ((preset === undefined) === (mapping === undefined))
      throw new HttpProblem(422, `give either a preset (${Object.keys(importPresets).join(", ")}) or a mapping`, [
        { path: "preset", message: "preset or mapping" },
      ]);
    if (preset !== undefined && (typeof preset !== "string" || !importPresets[preset])) {
      throw new HttpProblem(
        422,
        `there is no preset "${String(preset)}"; presets are ${Object.keys(importPresets).join(", ")}`,
        [{ path: "preset", message: "unknown preset" }],
      );
    }
    const rows = csvParse(csv.replace(/^\uFEFF/, ""));
    if (rows.length === 0)
      throw new HttpProblem(422, "the CSV has no rows under its header", [{ path: "csv", message: "no rows" }]);
    const mapped = recordsFromRows(
      rows,
      preset !== undefined ? importPresets[preset as string] : mapping,
      rows.columns,
    );
    if (mapped.errors.length) throw rejected(mapped.errors, mapped.records.length);
    return c.json({ ...(await store(c, db, mapped.fact, mapped.records, now())), rows: rows.length });
  });

  return app;
}
