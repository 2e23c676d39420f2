// Sending data: a batch of facts as JSON, or a CSV export with a column mapping. A batch is all or
// nothing: one bad record rejects it with every problem listed, and nothing is written.
import { createRoute } from "@hono/zod-openapi";
import { factNames, factSchemas, validateBatch, type FactName, type RecordError } from "@kpikit/core";
import {
  type ColumnMapping,
  columnMappingSchema,
  type FieldSource,
  importPresets,
  recordsFromRows,
} from "@kpikit/core/import";
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

const importQuery = z.object({
  preset: z.enum(["shopify"]).optional(),
  mapping: z.string().optional().meta({ description: "a column mapping as JSON" }),
});

const importBody = {
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
};

const LINE_NOTE =
  "A 422 lists every bad record's problems in `errors`, each with `line`, the file's line number where the " +
  "record's first row is (the header is line 1).";

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
  description: LINE_NOTE,
  request: { query: importQuery, body: importBody },
  responses: {
    200: { description: "Imported", content: json(ingestResult.extend({ rows: z.number().int() })) },
    ...problems(400, 401, 403, 413, 415, 422),
  },
});

const PREVIEW_RECORDS = 5;

/** The same CSV and mapping as an import, checked alone: what a console shows before anything is written. */
const csvImportPreview = createRoute({
  ...secretOnly,
  method: "post",
  path: "/preview",
  summary: "Check a CSV import without writing it: its records, and the first of them as facts (a dry run)",
  description:
    "Takes what `POST /v1/import` takes and refuses what it refuses, with the same errors; writes nothing. " +
    LINE_NOTE,
  request: { query: importQuery, body: importBody },
  responses: {
    200: {
      description: "The import would succeed: how many rows and records, and the first records as stored",
      content: json(
        z.object({
          fact: z.enum(factNames),
          rows: z.number().int(),
          received: z.number().int().meta({ description: "records (rows with one id are one record)" }),
          records: z
            .array(z.record(z.string(), z.unknown()))
            .meta({ description: `the first ${PREVIEW_RECORDS} records, validated as ingestion stores them` }),
        }),
      ),
    },
    ...problems(400, 401, 403, 413, 415, 422),
  },
});

/** A batch's refusal; an import's errors name their record by its line in the file, a batch's by its place. */
function rejected(errors: (RecordError & { line?: number })[], records: number): HttpProblem {
  const bad = new Set(errors.map((e) => e.line ?? e.index)).size;
  return new HttpProblem(
    422,
    `${bad} of ${records} record${records === 1 ? "" : "s"} ${bad === 1 ? "is" : "are"} invalid; nothing was written`,
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
  // A fact that does not exist is named as such, with the facts that do, once the credential may
  // write. A wildcard ahead of the facts' routes rather than a `/:fact` route after them: Hono's
  // RegExpRouter cannot hold a parameter where static routes are, and a single such route made
  // every request fall back to the slower TrieRouter.
  // A known fact goes on to its route, whose own middleware checks the credential.
  router.post("/*", async (c, next) => {
    const fact = c.req.path.slice(c.req.routePath.length - 1);
    if ((factNames as readonly string[]).includes(fact)) return next();
    return requireSecret(c, async () => {
      throw new HttpProblem(404, `there is no fact "${fact}"; facts are ${factNames.join(", ")}`);
    });
  });
  for (const fact of factNames) {
    router.openapi(checkedByHandler(router, ingest(fact)), async (c) =>
      c.json(await store(c, db, fact, await recordsOf(c), now()), 200),
    );
  }
  return router;
}

/** What a CSV import reads: the text and either a preset's name or a mapping, from either form of body. */
async function importRequest(c: Context): Promise<{ csv: string; preset: unknown; mapping: unknown }> {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "text/csv") {
    const csv = await readBody(c);
    const m = c.req.query("mapping");
    if (m === undefined) return { csv, preset: c.req.query("preset"), mapping: undefined };
    try {
      return { csv, preset: c.req.query("preset"), mapping: JSON.parse(m) };
    } catch {
      throw new HttpProblem(400, "the mapping parameter is not valid JSON");
    }
  }
  const body = (await jsonBody(c)) as Record<string, unknown> | null;
  if (body === null || typeof body !== "object" || typeof body.csv !== "string") {
    throw new HttpProblem(422, 'send { "csv": "…", "preset": "shopify" } or { "csv": "…", "mapping": { … } }', [
      { path: "csv", message: "the CSV text" },
    ]);
  }
  return { csv: body.csv, preset: body.preset, mapping: body.mapping };
}

function chosenMapping(preset: unknown, mapping: unknown): unknown {
  if ((preset === undefined) === (mapping === undefined))
    throw new HttpProblem(422, `give either a preset (${Object.keys(importPresets).join(", ")}) or a mapping`, [
      { path: "preset", message: "preset or mapping" },
    ]);
  if (preset === undefined) return mapping;
  if (typeof preset !== "string" || !importPresets[preset]) {
    throw new HttpProblem(
      422,
      `there is no preset "${String(preset)}"; presets are ${Object.keys(importPresets).join(", ")}`,
      [{ path: "preset", message: "unknown preset" }],
    );
  }
  return importPresets[preset];
}

type Row = Readonly<Record<string, string | undefined>>;

/** A row's id as the mapping reads it, where a column gives it (rows with one id are one record). */
function rowId(source: FieldSource | undefined, row: Row): string | undefined {
  const text = (column: string | undefined) => (column === undefined ? undefined : row[column]?.trim() || undefined);
  if (typeof source === "string") return text(source);
  if (source === undefined) return undefined;
  if (source.value !== undefined) return typeof source.value === "string" ? source.value : undefined;
  const raw = text(source.column) ?? text(source.fallback);
  const mapped = raw !== undefined && source.map ? (source.map[raw] ?? source.map["*"] ?? raw) : raw;
  return typeof mapped === "string" ? mapped : undefined;
}

/** The file line (header = 1) of each record's first row, in the order recordsFromRows makes the records. */
function recordLines(rows: readonly Row[], mapping: unknown): number[] {
  const idSource = (mapping as ColumnMapping).fields.id;
  const seen = new Set<string>();
  const lines: number[] = [];
  rows.forEach((row, i) => {
    const id = rowId(idSource, row);
    if (id !== undefined && seen.has(id)) return;
    if (id !== undefined) seen.add(id);
    lines.push(i + 2);
  });
  return lines;
}

/** A CSV import checked in full, as it would be stored; a 422 names each bad record's line. */
async function checkedImport(c: Context, now: number) {
  const { csv, preset, mapping: given } = await importRequest(c);
  const mapping = chosenMapping(preset, given);
  const rows = csvParse(csv.replace(/^\uFEFF/, ""));
  if (rows.length === 0)
    throw new HttpProblem(422, "the CSV has no rows under its header", [{ path: "csv", message: "no rows" }]);
  const mapped = recordsFromRows(rows, mapping, rows.columns);
  if (mapped.records.length > MAX_RECORDS)
    throw new HttpProblem(
      413,
      `a batch may hold at most ${MAX_RECORDS} records; this CSV has ${mapped.records.length}: import it in parts`,
    );
  // Every bad row at once, so that a file is fixed in one go: a value the mapping could not read
  // (recordsFromRows names its line), else what the fact's schema refuses (named by the record's place).
  const { records, errors } = validateBatch(mapped.fact, mapped.records, now);
  const lines = recordLines(rows, mapping);
  const unreadable = new Set(mapped.errors.map((e) => e.index));
  const problems = [
    ...mapped.errors.map((e) => ({ ...e, line: e.index })),
    ...errors.map((e) => ({ ...e, line: lines[e.index]! })).filter((e) => !unreadable.has(e.line)),
  ].sort((a, b) => a.line - b.line);
  if (problems.length) throw rejected(problems, mapped.records.length);
  return { fact: mapped.fact, rows: rows.length, records };
}

export function importRoutes(db: Store, now: () => number) {
  const router = resource();
  router.openapi(checkedByHandler(router, csvImport), async (c) => {
    const at = now();
    const { fact, rows, records } = await checkedImport(c, at);
    const result = await db.ingest(c.get("auth").tenant.id, fact, records, at);
    return c.json({ fact, received: records.length, ...result, rows }, 200);
  });
  router.openapi(checkedByHandler(router, csvImportPreview), async (c) => {
    const { fact, rows, records } = await checkedImport(c, now());
    return c.json({ fact, rows, received: records.length, records: records.slice(0, PREVIEW_RECORDS) }, 200);
  });
  return router;
}
