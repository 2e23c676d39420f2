// Sending data: a batch of facts as JSON, or a CSV export with a column mapping. A batch is all or
// nothing: one bad record rejects it with every problem listed, and nothing is written.
import { createRoute } from "@hono/zod-openapi";
import { factNames, factSchemas, validateBatch, type FactName, type RecordError } from "@kpikit/core";
import { columnMappingSchema, importPresets, recordsFromRows } from "@kpikit/core/import";
import { csvParse } from "d3-dsv";
import type { Context } from "hono";
import { z } from "zod";
import { requireSecret } from "../auth/authenticate.js";
import type { AppEnv } from "../context.js";
import { jsonBody, MAX_RECORDS, readBody } from "../middleware/json-body.js";
import { checkedByHandler, json, problems, resource, secretOnly } from "../openapi.js";
import { HttpProblem } from "../problem.js";
import type { Store } from "../store/types.js";

const ingestResult = z
  .object({
    fact: z.enum(factNames),
    received: z.number().int(),
    inserted: z.number().int(),
    duplicates: z.number().int(),
  })
  .meta({ id: "IngestResult" });

const ingest = (fact: FactName) =>
  createRoute({
    ...secretOnly,
    method: "post",
    path: `/${fact}`,
    summary: `Ingest ${fact}: all or nothing, idempotent on id (secret key)`,
    request: {
      body: { required: true, content: json(z.object({ records: z.array(factSchemas[fact]).max(MAX_RECORDS) })) },
    },
    responses: {
      200: { description: "Durably stored; duplicates (known ids) change nothing", content: json(ingestResult) },
      ...problems(401, 403, 413, 415, 422, 429),
    },
  });

/**
 * CSV import. Either `Content-Type: text/csv` with `?preset=shopify` or `?mapping=<JSON>`, or
 * JSON `{ "csv": "…", "preset": "shopify" }` / `{ "csv": "…", "mapping": { … } }`.
 */
const csvImport = createRoute({
  ...secretOnly,
  method: "post",
  path: "/",
  summary:
    "Import a CSV export with a column mapping or a preset (shopify); text/csv with ?preset= or ?mapping=, or JSON",
  request: {
    query: z.object({
      preset: z.enum(["shopify"]).optional(),
      mapping: z.string().optional().meta({ description: "a column mapping as JSON" }),
    }),
    body: {
      required: true,
      content: {
        "text/csv": { schema: z.string() },
        ...json(
          z.object({
            csv: z.string(),
            preset: z.enum(["shopify"]).optional(),
            mapping: columnMappingSchema.optional(),
          }),
        ),
      },
    },
  },
  responses: {
    200: { description: "Imported", content: json(ingestResult.extend({ rows: z.number().int() })) },
    ...problems(400, 401, 403, 413, 415, 422),
  },
});

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
  const result = await db.ingest(c.get("auth").tenant.id, fact, records, now);
  return { fact, received: raw.length, ...result };
}

/** The records of a batch, which must come alone: a batch is all its body says. */
async function recordsOf(c: Context): Promise<unknown[]> {
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
  return records;
}

export function eventRoutes(db: Store, now: () => number) {
  const router = resource();
  for (const fact of factNames) {
    router.openapi(checkedByHandler(router, ingest(fact)), async (c) =>
      c.json(await store(c, db, fact, await recordsOf(c), now()), 200),
    );
  }
  // A fact that does not exist is named as such, with the facts that do, once the credential may write.
  router.post("/:fact", requireSecret, (c) => {
    throw new HttpProblem(404, `there is no fact "${c.req.param("fact")}"; facts are ${factNames.join(", ")}`);
  });
  return router;
}

export function importRoutes(db: Store, now: () => number) {
  const router = resource();
  router.openapi(checkedByHandler(router, csvImport), async (c) => {
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
    return c.json({ ...(await store(c, db, mapped.fact, mapped.records, now())), rows: rows.length }, 200);
  });
  return router;
}
